#include "exceptions.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

#include "gil_model.h"

namespace pyxc::verify {
namespace {

std::string describe(const clang::FunctionDecl& fn) { return "'" + fn.getQualifiedNameAsString() + "'"; }

// The definition with a body, for a declaration, an instantiation or an
// implicit special member; null when none is visible in this unit.
const clang::FunctionDecl* withBody(const clang::FunctionDecl* fn) {
  const clang::FunctionDecl* definition = nullptr;
  if (fn && fn->hasBody(definition)) return definition;
  return nullptr;
}

}  // namespace

bool catchesEverything(const clang::CXXTryStmt& tryStmt) {
  for (unsigned i = 0; i < tryStmt.getNumHandlers(); ++i)
    if (!tryStmt.getHandler(i)->getExceptionDecl()) return true;
  return false;
}

bool isUnevaluatedOrDeferred(const clang::Stmt& parent, const clang::Stmt& child) {
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(&parent)) return &child == lambda->getBody();
  return llvm::isa<clang::UnaryExprOrTypeTraitExpr>(parent) || llvm::isa<clang::CXXNoexceptExpr>(parent) ||
         (llvm::isa<clang::CXXTypeidExpr>(parent) && !llvm::cast<clang::CXXTypeidExpr>(parent).isPotentiallyEvaluated());
}

std::optional<ThrowOrigin> ExceptionAnalysis::fromCallee(const clang::FunctionDecl* callee, clang::SourceLocation site) {
  if (!callee) return ThrowOrigin{site, "indirect call through a pointer that is not noexcept", {}};
  if (!declaredMayThrow(*callee)) return std::nullopt;
  const clang::FunctionDecl* body = withBody(callee);
  if (!body) return ThrowOrigin{site, "call to " + describe(*callee) + " (no body visible, not noexcept)", {}};
  return escapingFrom(*body);
}

std::optional<ThrowOrigin> ExceptionAnalysis::thrownBy(const clang::Stmt& node) {
  std::optional<ThrowOrigin> origin = thrownByNode(node);
  if (origin) origin->site = node.getBeginLoc();
  return origin;
}

std::optional<ThrowOrigin> ExceptionAnalysis::thrownByNode(const clang::Stmt& node) {
  if (const auto* throwExpr = llvm::dyn_cast<clang::CXXThrowExpr>(&node)) {
    std::string what = throwExpr->getSubExpr() ? "throw of '" + throwExpr->getSubExpr()->getType().getAsString() + "'"
                                               : std::string("rethrow");
    return ThrowOrigin{throwExpr->getThrowLoc(), what, {}};
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&node)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (!callee) {
      const clang::Expr* target = call->getCallee();
      // `x.~T()` on a scalar: nothing runs.
      if (!target || llvm::isa<clang::CXXPseudoDestructorExpr>(target->IgnoreParens())) return std::nullopt;
      clang::QualType type = target->getType();
      if (const auto* pointer = type->getAs<clang::PointerType>()) type = pointer->getPointeeType();
      if (const auto* proto = type->getAs<clang::FunctionProtoType>(); proto && proto->canThrow() == clang::CT_Cannot)
        return std::nullopt;
      if (call->getType()->isDependentType()) return std::nullopt;
    }
    return fromCallee(callee, call->getBeginLoc());
  }
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(&node)) {
    const clang::CXXConstructorDecl* ctor = construct->getConstructor();
    if (ctor->isTrivial()) return std::nullopt;
    return fromCallee(ctor, construct->getBeginLoc());
  }
  if (const auto* newExpr = llvm::dyn_cast<clang::CXXNewExpr>(&node)) {
    if (const clang::FunctionDecl* allocator = newExpr->getOperatorNew())
      return fromCallee(allocator, newExpr->getBeginLoc());
  }
  return std::nullopt;
}

std::optional<ThrowOrigin> ExceptionAnalysis::escapingFrom(const clang::Stmt& stmt) {
  if (const auto* tryStmt = llvm::dyn_cast<clang::CXXTryStmt>(&stmt)) {
    if (!catchesEverything(*tryStmt))
      if (auto origin = escapingFrom(*tryStmt->getTryBlock())) return origin;
    // Handlers run outside the try block: a rethrow there escapes.
    for (unsigned i = 0; i < tryStmt->getNumHandlers(); ++i)
      if (auto origin = escapingFrom(*tryStmt->getHandler(i)->getHandlerBlock())) return origin;
    return std::nullopt;
  }
  if (auto origin = thrownBy(stmt)) return origin;
  if (const auto* declStmt = llvm::dyn_cast<clang::DeclStmt>(&stmt)) {
    for (const clang::Decl* decl : declStmt->decls())
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl); var && var->getInit())
        if (auto origin = escapingFrom(*var->getInit())) return origin;
    return std::nullopt;
  }
  for (const clang::Stmt* child : stmt.children()) {
    if (!child || isUnevaluatedOrDeferred(stmt, *child)) continue;
    if (auto origin = escapingFrom(*child)) return origin;
  }
  return std::nullopt;
}

std::optional<ThrowOrigin> ExceptionAnalysis::escapingFrom(const clang::FunctionDecl& fn) {
  auto [it, inserted] = memo_.try_emplace(&fn, Entry{State::InProgress, std::nullopt});
  if (!inserted) return it->second.origin;
  std::optional<ThrowOrigin> origin;
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(&fn))
    for (const clang::CXXCtorInitializer* init : ctor->inits())
      if (!origin && init->getInit()) origin = escapingFrom(*init->getInit());
  if (!origin && fn.getBody()) origin = escapingFrom(*fn.getBody());
  Entry& entry = memo_[&fn];
  entry.state = State::Done;
  entry.origin = origin;
  return origin;
}

}  // namespace pyxc::verify
