#include "gil_model.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSet.h"

namespace pyxc::verify {
namespace {

bool atNamespaceScope(const clang::NamedDecl& decl) {
  const clang::DeclContext* context = decl.getDeclContext()->getRedeclContext();
  return context->isTranslationUnit() || context->isExternCContext();
}

bool hasPythonPrefix(llvm::StringRef name) {
  if (name.consume_front("_Py") || name.consume_front("Py"))
    return !name.empty() && (name[0] == '_' || (name[0] >= 'A' && name[0] <= 'Z'));
  return false;
}

}  // namespace

GilEffect gilEffectOf(const clang::FunctionDecl& fn) {
  if (!fn.getIdentifier() || !atNamespaceScope(fn)) return GilEffect::None;
  llvm::StringRef name = fn.getName();
  if (name == "PyEval_SaveThread" || name == "PyEval_ReleaseThread" || name == "PyGILState_Release" ||
      name == "PyEval_ReleaseLock")
    return GilEffect::Releases;
  if (name == "PyEval_RestoreThread" || name == "PyEval_AcquireThread" || name == "PyGILState_Ensure" ||
      name == "PyEval_AcquireLock")
    return GilEffect::Acquires;
  return GilEffect::None;
}

bool isPythonApi(const clang::NamedDecl& decl) {
  return decl.getIdentifier() && atNamespaceScope(decl) && hasPythonPrefix(decl.getName());
}

bool callableWithoutGil(llvm::StringRef name) {
  // https://docs.python.org/3/c-api/init.html and memory.html: these are
  // documented for threads that do not hold the GIL.
  static const llvm::StringSet<> kAllowed = {
      "PyGILState_Check", "PyGILState_GetThisThreadState", "Py_IsInitialized", "PyMem_RawMalloc",
      "PyMem_RawCalloc",  "PyMem_RawRealloc",              "PyMem_RawFree",    "PyThread_get_thread_ident",
  };
  return kAllowed.contains(name) || name.starts_with("PyThread_");
}

bool isRefcountOperation(llvm::StringRef name) {
  static const llvm::StringSet<> kRefcount = {
      "Py_INCREF",  "Py_DECREF",    "Py_XINCREF", "Py_XDECREF", "_Py_INCREF", "_Py_DECREF",
      "_Py_XINCREF", "_Py_XDECREF", "Py_IncRef",  "Py_DecRef",  "_Py_IncRef", "_Py_DecRef",
      "Py_NewRef",  "Py_XNewRef",   "_Py_NewRef", "_Py_XNewRef", "_Py_Dealloc", "Py_SET_REFCNT",
      "_Py_SET_REFCNT", "Py_CLEAR", "Py_SETREF",  "Py_XSETREF",
  };
  return kRefcount.contains(name);
}

bool involvesPythonObject(clang::QualType type) {
  for (int depth = 0; depth < 8 && !type.isNull(); ++depth) {
    type = type.getCanonicalType();
    if (const auto* pointer = type->getAs<clang::PointerType>()) {
      type = pointer->getPointeeType();
    } else if (const auto* reference = type->getAs<clang::ReferenceType>()) {
      type = reference->getPointeeType();
    } else if (const auto* array = type->getAsArrayTypeUnsafe()) {
      type = array->getElementType();
    } else {
      break;
    }
  }
  const auto* record = type.isNull() ? nullptr : type->getAsRecordDecl();
  // A Python object is `struct _object` or starts with one (PyObject_HEAD,
  // PyObject_VAR_HEAD: `ob_base`), directly or through another object.
  for (int depth = 0; record && depth < 8; ++depth) {
    if (record->getName() == "_object") return true;
    const clang::RecordDecl* definition = record->getDefinition();
    if (!definition || definition->field_empty()) return false;
    const clang::FieldDecl* first = *definition->field_begin();
    if (first->getName() != "ob_base") return false;
    record = first->getType()->getAsRecordDecl();
  }
  return false;
}

bool hasRunsWithoutGilMarker(const clang::FunctionDecl& fn) {
  auto marked = [](const clang::FunctionDecl* decl) {
    for (const clang::FunctionDecl* redecl : decl->redecls())
      for (const auto* attr : redecl->specific_attrs<clang::AnnotateAttr>())
        if (attr->getAnnotation() == "pyxc::runs_without_gil") return true;
    return false;
  };
  if (marked(&fn)) return true;
  const clang::FunctionDecl* pattern = fn.getTemplateInstantiationPattern();
  return pattern && marked(pattern);
}

bool holdsGilInScope(const clang::VarDecl& var) {
  const clang::CXXRecordDecl* record = var.getType()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition()) return false;
  for (const auto* attr : record->getDefinition()->specific_attrs<clang::AnnotateAttr>())
    if (attr->getAnnotation() == "pyxc::holds_gil_in_scope") return true;
  return false;
}

namespace {

// std::mutex, std::unique_lock, std::condition_variable and friends throw
// std::system_error only when a lock's own invariant is broken (EDEADLK,
// EPERM: unlocking a mutex not owned). No code can turn that into a Python
// exception, and counting it would demand a handler around every lock in
// every worker loop; like the standard library's noexcept, it is trusted.
bool isStandardLockOperation(const clang::FunctionDecl& fn) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&fn);
  if (!method) return false;
  const clang::CXXRecordDecl* record = method->getParent();
  if (!record->isInStdNamespace() || !record->getIdentifier()) return false;
  static const llvm::StringSet<> kLocks = {
      "mutex",       "recursive_mutex", "timed_mutex",        "recursive_timed_mutex", "shared_mutex",
      "shared_timed_mutex", "unique_lock", "lock_guard",      "scoped_lock",           "shared_lock",
      "condition_variable", "condition_variable_any", "__mutex_base", "__recursive_mutex_base",
  };
  return kLocks.contains(record->getName());
}

}  // namespace

bool declaredMayThrow(const clang::FunctionDecl& fn) {
  if (fn.getBuiltinID() != 0 || fn.isExternC() || fn.isInExternCContext()) return false;
  if (isStandardLockOperation(fn)) return false;
  if (llvm::isa<clang::CXXDestructorDecl>(fn)) return false;
  const auto* proto = fn.getType()->getAs<clang::FunctionProtoType>();
  if (!proto) return true;
  if (proto->getExceptionSpecType() == clang::EST_Unevaluated) return false;  // implicit members: noexcept unless a member throws
  return proto->canThrow() != clang::CT_Cannot;
}

}  // namespace pyxc::verify
