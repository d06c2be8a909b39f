// Finding the code that runs without the GIL and checking it.
//
// A region starts at a call that releases the GIL (PyEval_SaveThread, also
// inside Py_BEGIN_ALLOW_THREADS) and ends at the next call, in source order in
// the same function, that takes it back; a function marked
// PYXC_RUNS_WITHOUT_GIL is a region as a whole. Everything a region calls,
// transitively (lambdas, template instantiations, runtime headers), runs
// without the GIL too, except where it takes the GIL itself
// (PyGILState_Ensure ... PyGILState_Release).
//
//   PyObject* call_nogil(F&& body) {
//     PyThreadState* state = PyEval_SaveThread();   // region opens
//     detail::run_catching(body, result, error);     // walked: body() -> lambda -> f__impl
//     PyEval_RestoreThread(state);                   // region closes
//     return detail::finish<R>(result, error);       // not walked
//   }
#pragma once

#include <set>
#include <utility>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include "exceptions.h"
#include "report.h"

namespace pyxc::verify {

class GilRegionChecker {
 public:
  GilRegionChecker(clang::ASTContext& context, Reporter& reporter);

  // Looks at one function definition: a region root if it releases the GIL
  // or carries the marker.
  void considerRoot(const clang::FunctionDecl& fn);

  // Walks everything the roots reach.
  void finish();

 private:
  struct Transition {
    clang::SourceLocation end;  // expansion location of the call's last token
    bool releases;
    // A scoped holder (GilBlock): entering holds the GIL, leaving restores
    // what held before it (a nested block leaves the GIL held).
    enum class Scope { None, Enter, Leave } scope = Scope::None;
  };
  struct Walk {
    const clang::FunctionDecl* fn;
    std::vector<Transition> transitions;
    bool startsFree;
    bool isRoot;                    // exceptions must not leave this function's free code
    clang::SourceLocation anchor;   // nearest call site in the generated file, for reports
  };
  struct Context {
    bool caughtAll = false;         // inside `try { } catch (...)`
    bool quietObjectUse = false;    // inside the arguments of a call already reported
  };

  void walkFunction(Walk& walk);
  void walkStmt(const clang::Stmt& stmt, Walk& walk, Context context);
  void checkNode(const clang::Stmt& node, Walk& walk, Context& context);
  void follow(const clang::FunctionDecl* callee, clang::SourceLocation site, const Walk& from);
  void followDestructor(clang::QualType type, clang::SourceLocation site, const Walk& from);
  bool isFreeAt(const Walk& walk, clang::SourceLocation loc) const;
  void report(FindingKind kind, std::string message, clang::SourceLocation where, const Walk& walk);
  std::vector<Transition> transitionsIn(const clang::FunctionDecl& fn) const;

  clang::ASTContext& context_;
  const clang::SourceManager& sources_;
  Reporter& reporter_;
  ExceptionAnalysis exceptions_;
  std::vector<Walk> pending_;
  std::set<const clang::FunctionDecl*> walkedFree_;
  std::set<const clang::FunctionDecl*> roots_;
};

}  // namespace pyxc::verify
