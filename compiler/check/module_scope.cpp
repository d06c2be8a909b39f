#include "compiler/check/module_scope.h"

#include <algorithm>
#include <cstring>

namespace pyxc::check {

namespace {

struct PendingBinding {
  uint32_t position;
  std::string name;
  ModuleBinding binding;
};

ModuleBinding importedModule(const std::string& dotted, Span span) {
  ModuleBinding b{BindingKind::OtherModule, "", dotted, "", -1, span};
  if (dotted == "math") b.kind = BindingKind::MathModule;
  if (dotted == "pyxc") b.kind = BindingKind::PyxcModule;
  if (dotted == "numpy") b.kind = BindingKind::NumpyModule;
  return b;
}

ModuleBinding importedMember(const std::string& module, const std::string& member, Span span) {
  ModuleBinding b{BindingKind::OtherImport, member, module, "", -1, span};
  if (module == "math") b.kind = BindingKind::MathMember;
  if (module == "pyxc") b.kind = BindingKind::PyxcMember;
  if (module == "numpy") b.kind = BindingKind::NumpyMember;
  return b;
}

}  // namespace

ModuleScope::ModuleScope(const ast::Module& module) {
  std::vector<PendingBinding> pending;
  for (const auto& stmt : module.body) {
    if (stmt->kind != ast::StmtKind::Import) continue;
    for (const auto& name : stmt->imports) {
      if (stmt->fromModule.empty()) {
        // `import a.b` binds `a` (to package a); `import a.b as c` binds c to a.b.
        if (name.alias.empty() || name.alias == name.name) {
          std::string top = name.name.substr(0, name.name.find('.'));
          pending.push_back({name.span.begin, top, importedModule(top, name.span)});
        } else {
          pending.push_back({name.span.begin, name.alias, importedModule(name.name, name.span)});
        }
      } else {
        std::string bound = name.alias.empty() ? name.name : name.alias;
        pending.push_back({name.span.begin, bound, importedMember(stmt->fromModule, name.name, name.span)});
      }
    }
  }
  for (size_t i = 0; i < module.functions.size(); ++i) {
    const ast::FunctionDef& fn = *module.functions[i];
    pending.push_back(
        {fn.nameSpan.begin, fn.name, ModuleBinding{BindingKind::Function, "", "", "", static_cast<int>(i), fn.nameSpan}});
  }
  for (const auto& other : module.otherBindings)
    pending.push_back(
        {other.span.begin, other.name, ModuleBinding{BindingKind::OtherBinding, "", "", other.what, -1, other.span}});

  std::stable_sort(pending.begin(), pending.end(),
                   [](const PendingBinding& a, const PendingBinding& b) { return a.position < b.position; });
  for (auto& p : pending) names_.insert_or_assign(p.name, p.binding);
  for (const auto& stmt : module.body)
    if (stmt->kind == ast::StmtKind::Assign && stmt->exprs.size() == 2 && stmt->exprs[0] &&
        stmt->exprs[0]->kind == ast::ExprKind::Name && stmt->exprs[1])
      assigned_.insert_or_assign(stmt->exprs[0]->text, stmt->exprs[1].get());
}

const ast::Expr* ModuleScope::assignedValue(const std::string& name) const {
  auto it = assigned_.find(name);
  return it == assigned_.end() ? nullptr : it->second;
}

const ModuleBinding* ModuleScope::lookup(const std::string& name) const {
  auto it = names_.find(name);
  return it == names_.end() ? nullptr : &it->second;
}

bool isMathConstant(const std::string& name) {
  return name == "pi" || name == "e" || name == "inf" || name == "nan" || name == "tau";
}

static bool inList(const std::string& name, const char* const* list, size_t count) {
  return std::any_of(list, list + count, [&](const char* s) { return name == s; });
}

bool isSupportedException(const std::string& name) {
  static const char* const kExceptions[] = {
      "ValueError",   "TypeError",      "IndexError",   "KeyError",           "ZeroDivisionError",
      "OverflowError", "ArithmeticError", "RuntimeError", "NotImplementedError", "AssertionError",
  };
  return inList(name, kExceptions, std::size(kExceptions));
}

bool isPythonBuiltin(const std::string& name) {
  static const char* const kBuiltins[] = {
      "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
      "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec",
      "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex",
      "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max",
      "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit",
      "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str",
      "sum", "super", "tuple", "type", "vars", "zip", "__import__", "__name__", "__file__", "NotImplemented",
      "Ellipsis", "Exception", "BaseException", "StopIteration", "LookupError", "AttributeError",
      "NameError", "OSError", "IOError", "MemoryError", "RecursionError", "UnboundLocalError",
      "FloatingPointError", "UnicodeError", "Warning", "UserWarning", "DeprecationWarning",
      "FileNotFoundError", "PermissionError", "TimeoutError", "StopAsyncIteration", "SystemExit",
      "KeyboardInterrupt", "GeneratorExit", "ImportError", "ModuleNotFoundError", "EOFError",
  };
  return isSupportedException(name) || inList(name, kBuiltins, std::size(kBuiltins));
}

}  // namespace pyxc::check
