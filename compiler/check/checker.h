// Internal to compiler/check: the per-function checker. One FunctionChecker
// per native function; run() types the whole body. Types of unannotated
// locals and return types are found by running the body to a fixed point
// with diagnostics discarded, then once more reporting everything.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/module_scope.h"
#include "compiler/check/type_rules.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::check {

using diag::Kind;

struct ModuleContext {
  ast::Module& module;
  diag::DiagnosticBag& diags;
  ModuleScope scope;
  // Per function (same index as Module::functions): the return type is
  // inferred from the body because the def has no `->` annotation.
  std::vector<bool> returnInferred;
  // The syntax phase reported errors: the tree may miss statements, so
  // "can reach the end without a return" is not reported.
  bool hadSyntaxErrors = false;
};

enum class AnnotationUse { Parameter, Return, Local };

// The member chosen for each fused name (a specialization's fusedChoice).
using FusedChoice = std::vector<std::pair<std::string, Scalar>>;

// tuples.cpp: `tuple[T, ...]`.
bool isVariadicTupleAnnotation(const ast::Expr& annotation);

// Resolves a type annotation; reports UnsupportedType (and returns unknown)
// for anything pyxc cannot type. Fused names resolve through `choice`.
Type resolveAnnotation(const ast::Expr& annotation, AnnotationUse use, const ModuleScope& scope,
                       diag::DiagnosticBag& diags, const FusedChoice* choice = nullptr);

// fused.cpp: the fused type `e` names (a name, `pyxc.floating`, or a
// `pyxc.fused(...)` call or alias), or nullopt.
std::optional<ast::FusedType> fusedTypeOf(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags);
// The distinct fused types a def's parameter and return annotations use.
std::vector<ast::FusedType> fusedTypesOfSignature(const ast::FunctionDef& fn, const ModuleScope& scope);
// Appends the specializations of every generic native function (after all
// signatures were resolved) and resolves their signatures.
void specializeFusedFunctions(ModuleContext& ctx);
// The specialization a native call of `generic` with these arguments uses:
// the first whose parameters match the arguments' types exactly, else the
// first that accepts them.
std::optional<int> chooseSpecialization(const ast::Module& module, const ast::FunctionDef& generic,
                                        const std::vector<Operand>& argTypes,
                                        const std::vector<const ast::Expr*>& bound);

// The scalar type named by `e` (`f64`, `pyxc.i32`, `int`), as in an
// annotation; nullopt otherwise (reported=true when a diagnostic was given).
std::optional<Scalar> resolveScalarType(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags,
                                        bool& reported);

// The most axes an array type may have (the runtime's NativeArray limit).
inline constexpr int kMaxArrayDims = 32;

// with_gil.cpp: `object` / `Callable` annotations (parameters only), or nullopt.
// with_gil.cpp: the hint a type error on a Python call's result (object) gets.
std::string pythonResultHint(const Type& a, const Type& b);
std::optional<Type> objectAnnotation(const ast::Expr& annotation, AnnotationUse use, const ModuleScope& scope,
                                     diag::DiagnosticBag& diags);

// Decorators, directives, parameter and return types, defaults. Sets
// isNative; reports only for native functions.
void resolveSignature(ModuleContext& ctx, int functionIndex);

class FunctionChecker {
 public:
  FunctionChecker(ModuleContext& ctx, int functionIndex);

  // Types the body. With report=false, diagnostics are dropped and only the
  // inferred types are updated; returns whether any of them changed.
  bool run(bool report);
  // After every function was checked without errors: types that are still
  // unknown could not be inferred at all (not a cascade of another error).
  void reportUninferredTypes();

 private:
  struct LocalInfo {
    bool declared = false;  // parameter or annotated: its type is fixed
    Span declaration;       // the parameter or the annotation
    Span firstAssignment;   // of an inferred local: where its type came from
    bool everAssigned = false;
  };

  // locals.cpp
  void collectLocals();
  void collectTargets(ast::Expr& target);
  void collectInBlock(ast::Block& block);
  int addLocal(const std::string& name, Span span);
  std::optional<int> findLocal(const std::string& name) const;
  // Resolves a Name assignment target to its local: fills ref and type.
  std::optional<int> bindLocalTarget(ast::Expr& target);

  // expressions.cpp
  Operand check(ast::Expr& e);
  // The syntax phase may leave a child null after a syntax error.
  Operand check(ast::Expr* e) { return e ? check(*e) : Operand{}; }
  Operand check(const ast::ExprPtr& e) { return check(e.get()); }
  Type checkType(ast::Expr& e) { return check(e).type; }
  Type checkType(ast::Expr* e) { return check(e).type; }
  Type checkType(const ast::ExprPtr& e) { return check(e.get()).type; }
  Type checkName(ast::Expr& e);
  Type checkAttribute(ast::Expr& e);
  Type checkSubscript(ast::Expr& e);
  Type checkUnary(ast::Expr& e);
  Type checkBinary(ast::Expr& e);
  Type checkBoolOp(ast::Expr& e);
  Type checkCompare(ast::Expr& e);
  Type checkIfExp(ast::Expr& e);
  Type checkIntLiteral(ast::Expr& e, bool negated);
  void checkCondition(ast::Expr* e, const char* where);
  Type binaryResult(ast::BinaryOp op, const Operand& left, const Operand& right, Span span,
                    std::vector<Type>& operandTypes);
  void reportModuleNameUse(const std::string& name, const ModuleBinding& binding, Span span);

  // calls.cpp
  Type checkCall(ast::Expr& call);
  // numpy.cpp: `np.<name>(...)` / a `from numpy import name` call, routed
  // by category to the functions below; `spelled` is how the source names it.
  Type callNumpy(ast::Expr& call, const std::string& name, const std::string& spelled);
  // `np.<name>` not called: a constant (np.pi, np.inf, np.nan) or an error.
  Type checkNumpyAttribute(ast::Expr& e, const std::string& name, const std::string& spelled);
  // A dtype argument: np.float64, np.int32, float, int, bool, pyxc.f64,
  // "float64", "f8", ... Reports and returns nullopt otherwise.
  std::optional<Scalar> resolveDtype(ast::Expr& dtype, const std::string& callee);
  // numpy_arrays.cpp: allocation, reductions, linear algebra, array methods.
  Type callNumpyAllocation(ast::Expr& call, const std::string& name, const std::string& spelled);
  // NumPy constructors (numpy_alloc.cpp).
  std::vector<ast::Expr*> bindNumpyArgs(ast::Expr& call, const std::string& spelled,
                                        const std::vector<std::string>& params, size_t required, bool& ok);
  bool checkNumpyShape(ast::Expr& call, ast::Expr* shape, const std::string& spelled, int& ndim);
  bool checkFillValue(ast::Expr* fill, Scalar element, const std::string& spelled);
  // numpy_reductions.cpp: np.sum(a, axis=...) and a.sum(...); `method`:
  // the array is `arrayExpr` (checked) and the arguments are all options.
  Type callNumpyReduction(ast::Expr& call, const std::string& name, const std::string& spelled);
  Type checkReduction(ast::Expr& call, const std::string& name, const std::string& spelled, ast::Expr* arrayExpr,
                      bool method);
  // numpy_linalg.cpp: np.dot/np.matmul calls and the `@` operator.
  Type callNumpyLinalg(ast::Expr& call, const std::string& name, const std::string& spelled);
  Type checkMatMul(ast::Expr& e, const Operand& left, const Operand& right);
  Type linalgResult(Span span, const Type& a, const Type& b, const std::string& what);
  // `a.<method>(...)` where `a` is an array (callee->operand(0) is already checked).
  Type callArrayMethod(ast::Expr& call, const Type& array);
  // numpy_ufuncs.cpp: elementwise functions of arrays and scalars.
  Type callNumpyUfunc(ast::Expr& call, const std::string& name, const std::string& spelled);
  // arrays.cpp
  Type checkArrayAttribute(ast::Expr& e, const Type& array);
  // Checks the indices of `subscript` (operands[1..]) against `array`;
  // returns the element type (unknown after an error).
  Type checkArrayIndex(ast::Expr& subscript, const Type& array);
  // array_views.cpp: the bounds of `a[start:stop:step]` (ints, or omitted).
  bool checkSliceBounds(ast::Expr& slice);
  // `m[i] = v`: storing into a view (a row or slice) as a whole. Reports
  // and returns true when `indexed` (the target's type) is an array.
  bool rejectSubArrayStore(const ast::Expr& target, const Type& indexed);
  // `a[i] = value`, `a[i] op= value` (the target's object is an array).
  void storeArrayElement(ast::Expr& target, const Type& array, const Operand& value, Span valueSpan);
  void checkArrayAugAssign(ast::Stmt& s, const Type& array);
  Type callArrayConstructor(ast::Expr& call, const std::string& name);
  void reportArrayOperand(Span span, const Type& array, const std::string& what);
  Type callNativeFunction(ast::Expr& call, int functionIndex);
  Type callMathFunction(ast::Expr& call, const std::string& name);
  Type callBuiltin(ast::Expr& call, const std::string& name);
  // numeric_builtins.cpp: sum, divmod, pow, min/max of an array, float("inf");
  // nullopt for the calls builtins.cpp checks itself.
  std::optional<Type> callNumericBuiltin(ast::Expr& call, const std::string& name);
  Type callSum(ast::Expr& call);
  Type callExtremeOfArray(ast::Expr& call, const std::string& name);
  Type callCast(ast::Expr& call, Scalar scalar, const std::string& spelled);
  Type checkException(ast::Expr& e);
  std::vector<Operand> checkPositionalArgs(ast::Expr& call);
  // Types every argument (positional and keyword) of a call that is refused
  // or not compiled, so that errors inside them are still reported; unknown.
  Type checkArgumentsOnly(ast::Expr& call);
  bool rejectKeywords(ast::Expr& call, const std::string& callee);
  bool checkPrangeKeywords(ast::Expr& call);
  bool requireNumericArgs(ast::Expr& call, const std::vector<Operand>& args, const std::string& callee);
  void reportPythonCall(ast::Expr& call, const std::string& spelled, Span noteSpan, const std::string& noteText,
                        bool canDecorate = true);

  // with_gil.cpp
  void checkWith(ast::Stmt& s);
  bool isPythonCallee(const ast::Expr& callee) const;
  bool isPythonBuiltinUse(const ast::Expr& call) const;
  std::string spelledCallee(const ast::Expr& callee) const;
  Type checkPythonObject(ast::Expr& e);
  Type checkPythonCall(ast::Expr& call);
  void reportObjectOutsideGil(const ast::Expr& e);
  bool storePythonResult(int slot, Span valueSpan);

  // lists.cpp, list_calls.cpp
  Type listElementOf(const Type& element, Span span);
  std::optional<int> findComprehensionLocal(const std::string& name) const;
  Type checkListDisplay(ast::Expr& e);
  void checkRangeIterable(ast::Expr& iterable);
  // A comprehension clause iterates range(...), a list or a 1-D array.
  Type comprehensionElement(ast::Expr& iterable, const char* where);
  // Binds the clauses' variables and types the element: its type.
  Type checkComprehensionParts(ast::Expr& e);
  Type checkComprehension(ast::Expr& e);
  Type checkListSubscript(ast::Expr& e, const Type& list);
  void storeIntoList(ast::Expr& object, const Type& list, const Operand& value, Span valueSpan);
  void storeListElement(ast::Expr& target, const Type& list, const Operand& value, Span valueSpan);
  void checkListAugAssign(ast::Stmt& s, const Type& list);
  std::optional<Type> checkListBinary(ast::Expr& e, const Operand& left, const Operand& right);
  bool isListMembership(const ast::Expr& e) const;
  Type checkListMembership(ast::Expr& e);
  Type checkListMethod(ast::Expr& call, ast::Expr& object, const Type& list, const std::string& method);
  std::optional<Type> callListBuiltin(ast::Expr& call, const std::string& name);
  // tuples.cpp
  Type checkTuple(ast::Expr& e);
  void unpackInto(ast::Expr& target, const Operand& value, Span valueSpan);
  bool checkTupleCompare(ast::CompareOp op, const Operand& left, const Operand& right, Span span, Type& operandType);
  bool checkVariadicAnnAssign(ast::Stmt& s, int slot);
  // iteration.cpp: the element type of a for loop's iterable (range, an
  // array, enumerate/zip/reversed of those); sets the builtins' refs.
  // nested: inside enumerate/zip/reversed, where a list is not yet supported.
  Type iterationElement(ast::Expr& iterable, bool nested = false);
  void checkRangeArgs(ast::Expr& call, const char* name);

  // statements.cpp
  void checkBlock(ast::Block& block);
  void checkStmt(ast::Stmt& s);
  void checkAssign(ast::Stmt& s);
  void checkAnnAssign(ast::Stmt& s);
  void checkAugAssign(ast::Stmt& s);
  void checkFor(ast::Stmt& s);
  void checkReturn(ast::Stmt& s);
  void checkRaise(ast::Stmt& s);
  void checkAssert(ast::Stmt& s);
  void checkExprStmt(ast::Stmt& s);
  void assignTo(ast::Expr& target, const Operand& value, Span valueSpan);
  void assignTo(const ast::ExprPtr& target, const Operand& value, Span valueSpan) {
    if (target) assignTo(*target, value, valueSpan);
  }
  void storeLocal(int slot, const Operand& value, Span valueSpan);
  // A literal stored into a fixed-width int must fit (BadLiteral), rather
  // than raise OverflowError at run time.
  void checkLiteralFits(const Operand& value, const Type& to, Span span);
  void finishReturnInference();

  diag::Diagnostic& error(Kind kind, Span span, std::string message);

  ModuleContext& ctx_;
  int functionIndex_;
  ast::FunctionDef& fn_;
  bool report_ = false;
  diag::DiagnosticBag scratch_;
  std::unordered_map<std::string, int> localSlots_;
  std::vector<LocalInfo> info_;
  int loopDepth_ = 0;
  int gilDepth_ = 0;                // inside `with pyxc.gil():` blocks
  bool objectArgAllowed_ = false;   // checking a native call's direct argument
  bool changed_ = false;
  // Return inference (functions without `->`).
  std::optional<Type> inferredReturn_;
  Span firstValueReturn_;
  Span firstBareReturn_;
  // Comprehension variables: one hidden local per `for` clause, visible by
  // name only inside its comprehension (lists.cpp).
  std::unordered_map<const ast::Expr*, int> comprehensionSlots_;
  std::vector<std::unordered_map<std::string, int>> comprehensionScopes_;
};

// numpy_reductions.cpp: whether `a.<method>()` is a reduction pyxc compiles.
bool isArrayReductionMethod(const std::string& method);
// lists.cpp: `[...]`, `[...] * n`, `[... for ...]` make a new list, which
// may be stored into a list of a wider element type.
bool isFreshList(const ast::Expr& e);
// `list[f64]` in an annotation.
Type listAnnotation(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags);

// array_views.cpp: how one index of `a[...]` treats its axis.
enum class AxisIndex {
  Integer,      // drops the axis
  FullSlice,    // `:` or `::1`, keeps the axis whole
  UnitSlice,    // `start:stop` (step omitted or 1)
  SteppedSlice, // any other step
};
AxisIndex sliceIndexKind(const ast::Expr& slice);
// The type of `array[axes...]`: the element when every axis has an
// integer, else a view with one axis per slice and per axis not indexed,
// C-contiguous when it provably is (see array_views.cpp).
Type indexedType(const Type& array, const std::vector<AxisIndex>& axes);
// Reports `return` of a view (a row, a slice, or a local holding one):
// views borrow the caller's buffer, which is released when the call ends.
void reportEscapingViews(const ast::FunctionDef& fn, diag::DiagnosticBag& diags);

// parallel_loops.cpp: decides which locals of a prange loop's (checked)
// body are private and which are reductions (fills loop.parallel), and
// reports every use that would race between threads.
void analyzeParallelLoop(ast::Stmt& loop, const ast::FunctionDef& fn, diag::DiagnosticBag& diags);

// Marks maybe-unbound local reads (Expr::maybeUnbound) and reports a
// function that can fall off its end while it must return a value.
void checkDefiniteAssignment(ast::FunctionDef& fn, diag::DiagnosticBag& diags, bool returnInferred);

}  // namespace pyxc::check
