#include "regions.h"

#include <algorithm>

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

#include "gil_model.h"

namespace pyxc::verify {
namespace {

std::string quoted(const clang::NamedDecl& decl) { return "'" + decl.getQualifiedNameAsString() + "'"; }

const clang::FunctionDecl* definitionOf(const clang::FunctionDecl* fn) {
  const clang::FunctionDecl* definition = nullptr;
  if (fn && fn->hasBody(definition)) return definition;
  return nullptr;
}

// Calls in `stmt` that change the GIL, not looking into lambda bodies (those
// are functions of their own).
void collectGilCalls(const clang::Stmt& stmt, std::vector<const clang::CallExpr*>& out) {
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&stmt))
    if (const clang::FunctionDecl* callee = call->getDirectCallee(); callee && gilEffectOf(*callee) != GilEffect::None)
      out.push_back(call);
  for (const clang::Stmt* child : stmt.children())
    if (child && !isUnevaluatedOrDeferred(stmt, *child)) collectGilCalls(*child, out);
}

// Scoped GIL holders (`const pyxc::rt::GilBlock g;`): the GIL is held from
// the end of the declaration to the closing brace of its block, where the
// destructor releases it on every way out (return, break, an exception).
struct ScopedHold {
  clang::SourceLocation acquired;
  clang::SourceLocation released;
};
void collectScopedHolds(const clang::Stmt& stmt, std::vector<ScopedHold>& out) {
  if (const auto* compound = llvm::dyn_cast<clang::CompoundStmt>(&stmt))
    for (const clang::Stmt* child : compound->body())
      if (const auto* declStmt = llvm::dyn_cast_or_null<clang::DeclStmt>(child))
        for (const clang::Decl* decl : declStmt->decls())
          if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl); var && holdsGilInScope(*var))
            out.push_back({declStmt->getEndLoc(), compound->getRBracLoc()});
  for (const clang::Stmt* child : stmt.children())
    if (child && !isUnevaluatedOrDeferred(stmt, *child)) collectScopedHolds(*child, out);
}

}  // namespace

GilRegionChecker::GilRegionChecker(clang::ASTContext& context, Reporter& reporter)
    : context_(context), sources_(context.getSourceManager()), reporter_(reporter) {}

std::vector<GilRegionChecker::Transition> GilRegionChecker::transitionsIn(const clang::FunctionDecl& fn) const {
  std::vector<const clang::CallExpr*> calls;
  if (fn.getBody()) collectGilCalls(*fn.getBody(), calls);
  std::vector<Transition> transitions;
  for (const clang::CallExpr* call : calls)
    transitions.push_back({sources_.getExpansionLoc(call->getEndLoc()),
                           gilEffectOf(*call->getDirectCallee()) == GilEffect::Releases});
  std::vector<ScopedHold> holds;
  if (fn.getBody()) collectScopedHolds(*fn.getBody(), holds);
  for (const ScopedHold& hold : holds) {
    transitions.push_back({sources_.getExpansionLoc(hold.acquired), false, Transition::Scope::Enter});
    transitions.push_back({sources_.getExpansionLoc(hold.released), false, Transition::Scope::Leave});
  }
  std::sort(transitions.begin(), transitions.end(), [this](const Transition& a, const Transition& b) {
    return sources_.isBeforeInTranslationUnit(a.end, b.end);
  });
  return transitions;
}

void GilRegionChecker::considerRoot(const clang::FunctionDecl& fn) {
  if (!fn.doesThisDeclarationHaveABody() || fn.isDependentContext() || fn.isInvalidDecl()) return;
  if (!roots_.insert(&fn).second) return;
  bool marked = hasRunsWithoutGilMarker(fn);
  std::vector<Transition> transitions = transitionsIn(fn);
  bool releases = std::any_of(transitions.begin(), transitions.end(), [](const Transition& t) { return t.releases; });
  if (!marked && !releases) return;
  if (marked) walkedFree_.insert(&fn);
  Walk walk{&fn, std::move(transitions), marked, /*isRoot=*/true, clang::SourceLocation()};
  walkFunction(walk);
}

void GilRegionChecker::finish() {
  while (!pending_.empty()) {
    Walk walk = std::move(pending_.back());
    pending_.pop_back();
    walkFunction(walk);
  }
}

bool GilRegionChecker::isFreeAt(const Walk& walk, clang::SourceLocation loc) const {
  bool free = walk.startsFree;
  std::vector<bool> beforeScopes;
  clang::SourceLocation at = sources_.getExpansionLoc(loc);
  for (const Transition& t : walk.transitions) {
    if (!sources_.isBeforeInTranslationUnit(t.end, at)) break;
    if (t.scope == Transition::Scope::Enter) {
      beforeScopes.push_back(free);
      free = false;
    } else if (t.scope == Transition::Scope::Leave && !beforeScopes.empty()) {
      free = beforeScopes.back();
      beforeScopes.pop_back();
    } else {
      free = t.releases;
    }
  }
  return free;
}

void GilRegionChecker::report(FindingKind kind, std::string message, clang::SourceLocation where, const Walk& walk) {
  bool inGenerated = sources_.isInMainFile(sources_.getExpansionLoc(where));
  reporter_.add({kind, std::move(message), where, inGenerated ? clang::SourceLocation() : walk.anchor});
}

void GilRegionChecker::follow(const clang::FunctionDecl* callee, clang::SourceLocation site, const Walk& from) {
  const clang::FunctionDecl* definition = definitionOf(callee);
  if (!definition || !walkedFree_.insert(definition).second) return;
  clang::SourceLocation anchor = sources_.isInMainFile(sources_.getExpansionLoc(site)) ? site : from.anchor;
  pending_.push_back({definition, transitionsIn(*definition), /*startsFree=*/true, /*isRoot=*/false, anchor});
}

void GilRegionChecker::followDestructor(clang::QualType type, clang::SourceLocation site, const Walk& from) {
  type = context_.getBaseElementType(type.getNonReferenceType());
  if (const auto* record = type->getAsCXXRecordDecl(); record && record->hasDefinition())
    if (const clang::CXXDestructorDecl* dtor = record->getDestructor(); dtor && !dtor->isTrivial())
      follow(dtor, site, from);
}

void GilRegionChecker::walkFunction(Walk& walk) {
  const clang::FunctionDecl& fn = *walk.fn;
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(&fn))
    for (const clang::CXXCtorInitializer* init : ctor->inits())
      if (init->getInit()) walkStmt(*init->getInit(), walk, Context{});
  if (const auto* dtor = llvm::dyn_cast<clang::CXXDestructorDecl>(&fn)) {
    // Members and bases are destroyed after the body, without the GIL too.
    const clang::CXXRecordDecl* record = dtor->getParent();
    for (const clang::FieldDecl* field : record->fields()) followDestructor(field->getType(), dtor->getLocation(), walk);
    for (const clang::CXXBaseSpecifier& base : record->bases())
      followDestructor(base.getType(), dtor->getLocation(), walk);
  }
  if (fn.getBody()) walkStmt(*fn.getBody(), walk, Context{});
  // A noexcept function reached without the GIL: an exception leaving it
  // calls std::terminate instead of becoming a Python exception. The
  // standard library's noexcept is trusted (std::to_string(int) is noexcept
  // because its string fits the small buffer, which no analysis here sees).
  if (!walk.isRoot && !declaredMayThrow(fn) && !llvm::isa<clang::CXXDestructorDecl>(fn) &&
      !sources_.isInSystemHeader(fn.getLocation()))
    if (auto origin = exceptions_.escapingFrom(fn))
      report(FindingKind::EscapingException,
             "exception can leave noexcept " + quoted(fn) + " without the GIL (std::terminate): " + origin->what +
                 " at " + cppPosition(sources_, origin->where),
             origin->site, walk);
}

void GilRegionChecker::walkStmt(const clang::Stmt& stmt, Walk& walk, Context context) {
  if (const auto* tryStmt = llvm::dyn_cast<clang::CXXTryStmt>(&stmt)) {
    Context inside = context;
    inside.caughtAll = context.caughtAll || catchesEverything(*tryStmt);
    walkStmt(*tryStmt->getTryBlock(), walk, inside);
    for (unsigned i = 0; i < tryStmt->getNumHandlers(); ++i)
      walkStmt(*tryStmt->getHandler(i)->getHandlerBlock(), walk, context);
    return;
  }
  checkNode(stmt, walk, context);
  if (const auto* declStmt = llvm::dyn_cast<clang::DeclStmt>(&stmt)) {
    for (const clang::Decl* decl : declStmt->decls())
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl)) {
        if (var->getInit()) walkStmt(*var->getInit(), walk, context);
        if (var->hasLocalStorage() && isFreeAt(walk, var->getLocation()))
          followDestructor(var->getType(), var->getLocation(), walk);
      }
    return;
  }
  if (const auto* defaultArg = llvm::dyn_cast<clang::CXXDefaultArgExpr>(&stmt)) {
    if (defaultArg->getExpr()) walkStmt(*defaultArg->getExpr(), walk, context);
    return;
  }
  if (const auto* defaultInit = llvm::dyn_cast<clang::CXXDefaultInitExpr>(&stmt)) {
    if (defaultInit->getExpr()) walkStmt(*defaultInit->getExpr(), walk, context);
    return;
  }
  for (const clang::Stmt* child : stmt.children())
    if (child && !isUnevaluatedOrDeferred(stmt, *child)) walkStmt(*child, walk, context);
}

void GilRegionChecker::checkNode(const clang::Stmt& node, Walk& walk, Context& context) {
  if (!llvm::isa<clang::Expr>(node)) return;
  if (!isFreeAt(walk, node.getBeginLoc())) return;
  const auto* call = llvm::dyn_cast<clang::CallExpr>(&node);
  const clang::FunctionDecl* callee = call ? call->getDirectCallee() : nullptr;
  if (callee && gilEffectOf(*callee) != GilEffect::None) return;  // the region's own boundary

  if (walk.isRoot && !context.caughtAll)
    if (auto origin = exceptions_.thrownBy(node)) {
      std::string what = origin->what;
      if (origin->where != node.getBeginLoc()) what += " at " + cppPosition(sources_, origin->where);
      report(FindingKind::EscapingException, "exception can leave the GIL-free region uncaught: " + what,
             node.getBeginLoc(), walk);
    }

  if (callee) {
    if (isPythonApi(*callee)) {
      if (!callableWithoutGil(callee->getName())) {
        bool refcount = isRefcountOperation(callee->getName());
        report(refcount ? FindingKind::RefcountOperation : FindingKind::PythonApiCall,
               std::string(refcount ? "reference-count operation " : "call to the CPython API ") + quoted(*callee) +
                   " without the GIL",
               call->getBeginLoc(), walk);
        context.quietObjectUse = true;
      }
      return;  // never into the API's own inline bodies
    }
    follow(callee, call->getBeginLoc(), walk);
    return;
  }
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(&node)) {
    if (!construct->getConstructor()->isTrivial()) follow(construct->getConstructor(), construct->getBeginLoc(), walk);
    return;
  }
  if (const auto* temporary = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(&node)) {
    if (const clang::CXXDestructorDecl* dtor = temporary->getTemporary()->getDestructor())
      follow(dtor, temporary->getBeginLoc(), walk);
    return;
  }
  if (const auto* deleteExpr = llvm::dyn_cast<clang::CXXDeleteExpr>(&node)) {
    followDestructor(deleteExpr->getDestroyedType(), deleteExpr->getBeginLoc(), walk);
    return;
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(&node)) {
    const clang::ValueDecl* decl = ref->getDecl();
    if (llvm::isa<clang::FunctionDecl>(decl) || llvm::isa<clang::EnumConstantDecl>(decl)) return;
    if (isPythonApi(*decl)) {
      report(FindingKind::PythonApiCall, "use of the CPython API global " + quoted(*decl) + " without the GIL",
             ref->getBeginLoc(), walk);
    } else if (!context.quietObjectUse && involvesPythonObject(decl->getType())) {
      report(FindingKind::PythonObjectUse,
             "use of Python object value " + quoted(*decl) + " of type '" + decl->getType().getAsString() +
                 "' without the GIL",
             ref->getBeginLoc(), walk);
    }
    return;
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(&node)) {
    const clang::ValueDecl* decl = member->getMemberDecl();
    if (!llvm::isa<clang::FieldDecl>(decl)) return;
    if (decl->getName() == "ob_refcnt") {
      report(FindingKind::RefcountOperation, "reference-count access 'ob_refcnt' without the GIL",
             member->getMemberLoc(), walk);
    } else if (!context.quietObjectUse &&
               (involvesPythonObject(decl->getType()) || involvesPythonObject(member->getBase()->getType()))) {
      report(FindingKind::PythonObjectUse,
             "use of Python object field " + quoted(*decl) + " of type '" + decl->getType().getAsString() +
                 "' without the GIL",
             member->getMemberLoc(), walk);
    }
  }
}

}  // namespace pyxc::verify
