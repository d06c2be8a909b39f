// Which C++ exceptions can leave a function or a single expression: the
// throw expressions and potentially-throwing calls not caught by an
// enclosing `catch (...)` on the way out.
#pragma once

#include <optional>
#include <string>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"

namespace pyxc::verify {

struct ThrowOrigin {
  clang::SourceLocation where;  // the throw, or the call to code pyxc-verify cannot see
  std::string what;             // "throw of 'pyxc::rt::Error'", "call to 'f' (no body, not noexcept)"
  clang::SourceLocation site;   // the expression, in the function asked about, it leaves through
};

class ExceptionAnalysis {
 public:
  // The first exception that can leave `fn`, if any. Memoised; recursion
  // counts as not throwing (the cycle's other calls are still looked at).
  std::optional<ThrowOrigin> escapingFrom(const clang::FunctionDecl& fn);

  // What `node` itself (not its children) can throw: a throw expression, or
  // a call/construction/new whose callee can throw.
  std::optional<ThrowOrigin> thrownBy(const clang::Stmt& node);

  // The first exception that can leave `stmt`, children included.
  std::optional<ThrowOrigin> escapingFrom(const clang::Stmt& stmt);

 private:
  std::optional<ThrowOrigin> thrownByNode(const clang::Stmt& node);
  std::optional<ThrowOrigin> fromCallee(const clang::FunctionDecl* callee, clang::SourceLocation site);

  enum class State { InProgress, Done };
  struct Entry {
    State state;
    std::optional<ThrowOrigin> origin;
  };
  llvm::DenseMap<const clang::FunctionDecl*, Entry> memo_;
};

// `catch (...)` among the handlers.
bool catchesEverything(const clang::CXXTryStmt& tryStmt);

// A child that is not evaluated where it appears: a lambda's body, the
// operand of sizeof/decltype/noexcept/typeid-of-type.
bool isUnevaluatedOrDeferred(const clang::Stmt& parent, const clang::Stmt& child);

}  // namespace pyxc::verify
