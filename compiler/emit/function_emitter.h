// Emits the typed body of one native function as `static T name__impl(...)`.
// Internal to compiler/emit.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/emit/analysis.h"
#include "compiler/common/source.h"
#include "compiler/emit/cpp_text.h"
#include "compiler/emit/emit.h"
#include "compiler/emit/primitives.h"
#include "compiler/emit/value_ranges.h"

namespace pyxc::emit {

// Problems the emitter cannot express (input outside the subset that check
// let through): reported as `#error` lines so the C++ build fails loudly
// instead of producing silently wrong code.
using InternalErrors = std::vector<std::string>;

struct ModuleContext {
  const ast::Module& module;
  const SourceFile& source;
  const EmitOptions& options;
  InternalErrors& errors;
  std::set<const ast::FunctionDef*> recursive;  // recursiveFunctions(module)
  std::map<const ast::FunctionDef*, std::vector<bool>> arrayWrites;  // arrayParamWrites(module)

  bool isRecursive(const ast::FunctionDef& fn) const { return recursive.count(&fn) != 0; }
};

// The hidden last parameter of recursive functions (see recursiveFunctions).
inline constexpr const char* kRecursionBudget = "pyxc_budget";

// The C++ signature of a function body: `static double f__impl(int64_t n_)`.
std::string implSignature(const ast::FunctionDef& fn, bool recursive);

// The C++ name of parameter `index` in the body's signature: its local's
// name, or `<name>_view` for an array parameter the body rebinds (the body
// then copies it into an owning local of the local's name).
std::string paramName(const ast::FunctionDef& fn, size_t index);

// Does the body have a loop or a call to a native function (then the
// wrapper releases the GIL)?
bool bodyNeedsNoGil(const ast::FunctionDef& fn);

// The constant a parameter's default value stands for, spelled in the
// parameter's C++ type; empty when it is not a literal constant.
std::string defaultValueLiteral(const ast::Param& param);

// `array[..., v, ...]` with the loop variable `v` on `axis`: inside a
// `range(start, stop)` loop with 0 <= start and stop <= array.dim(axis) it
// needs no check. `array` and `loopVariable` are local slots.
struct ProvenAccess {
  int array;
  int axis;
  int loopVariable;
  bool operator==(const ProvenAccess&) const = default;
};

// The accesses of a range loop's body that a range check before the loop
// proves in range (innermost loops with step 1 only: each versioned loop is
// emitted twice).
std::vector<ProvenAccess> accessesProvenByRange(const ast::Stmt& forStmt, size_t rangeArgs,
                                                const ast::FunctionDef& fn, const std::vector<bool>& needsBoundFlag);

// Per local of `fn`: is it private to some prange loop (declared again in
// the loop's chunk lambda)?
std::vector<bool> parallelPrivates(const ast::FunctionDef& fn);

// emit_list.cpp: a display, `[v] * n` or a list comprehension (a new list,
// built directly in the type it is stored as).
bool isFreshListExpr(const ast::Expr& e);
// Does a native function of `module` look up a module-level Python name
// (then the module keeps its extension module object, emit_with_gil.cpp)?
bool usesPythonObjects(const ast::Module& module);

class FunctionEmitter {
 public:
  FunctionEmitter(const ModuleContext& context, const ast::FunctionDef& fn);
  // Appends the definition of `fn`'s __impl function to `out`.
  void emitDefinition(CodeWriter& out);

 private:
  // An operand still to be emitted: an expression converted to `type`, or
  // fixed text (a parameter's default value) when `expr` is null.
  struct Operand {
    const ast::Expr* expr = nullptr;
    types::Type type;
    std::string text;
  };

  // While emitting an expression that is evaluated exactly once per
  // statement (not under `and`/`or`/`if-else`/a chain's later comparisons or
  // a while condition), operands that must run first go to statement-level
  // temporaries ("prelude" lines written just before the statement).
  // Elsewhere they go into an immediately invoked lambda.
  class ConditionalScope {
   public:
    explicit ConditionalScope(FunctionEmitter& emitter) : emitter_(emitter), saved_(emitter.preludeEnabled_) {
      emitter.preludeEnabled_ = false;
    }
    ~ConditionalScope() { emitter_.preludeEnabled_ = saved_; }

   private:
    FunctionEmitter& emitter_;
    bool saved_;
  };

  // ---- expressions (emit_expr.cpp) ----
  std::string expr(const ast::Expr& e);
  std::string exprAs(const ast::Expr& e, const types::Type& type);
  std::string condition(const ast::Expr& e);
  Operand operand(const ast::Expr& e, const types::Type& type);
  // Combines operands evaluated left to right: when their order matters
  // (orderMatters), the effectful ones before the last are bound to
  // temporaries first, so C++'s unspecified argument order cannot matter.
  std::string sequenced(const std::vector<Operand>& operands, const types::Type& resultType,
                        const std::function<std::string(const std::vector<std::string>&)>& combine);
  std::string literal(const ast::Expr& e, const types::Type& type);
  std::string name(const ast::Expr& e);
  std::string unary(const ast::Expr& e);
  std::string binary(const ast::Expr& e);
  // binaryPrimitive, without the checks the operands' value ranges prove
  // can never fire (outside prange bodies, whose reductions the ranges do
  // not model).
  std::optional<Primitive> binaryPrimitiveFor(ast::BinaryOp op, const types::Type& operandType, const ast::Expr& left,
                                              const ast::Expr& right);
  std::string boolOp(const ast::Expr& e);
  std::string boolOpStep(const ast::Expr& left, bool isAnd, const std::string& rest, const types::Type& type);
  std::string compare(const ast::Expr& e);
  std::string ifExp(const ast::Expr& e);
  std::string tuple(const ast::Expr& e);
  std::string subscript(const ast::Expr& e);
  std::string call(const ast::Expr& e);
  std::string nativeCall(const ast::Expr& e);
  std::string builtinCall(const ast::Expr& e);
  // emit_math.cpp
  std::string mathCall(const ast::Expr& e);
  std::optional<std::string> numericBuiltinCall(const ast::Expr& e);
  std::string literal0(const types::Type& type);
  std::string scalarCast(const ast::Expr& e, const types::Type& to);
  std::vector<const ast::Expr*> callArguments(const ast::Expr& e) const;
  std::string unsupported(const ast::Expr& e, const std::string& what);

  // ---- arrays (emit_array.cpp) ----
  // `a.shape`, `a.ndim`, `a.size`; `a.shape[k]` with a constant k.
  std::string arrayAttribute(const ast::Expr& e);
  std::optional<std::string> arrayShapeItem(const ast::Expr& subscript);
  // The element `a[i, j]` as an lvalue, with the function's index checks.
  std::string arrayElement(const ast::Expr& subscript);
  // A row or slice `m[i]`, `a[1:-1:2]` as a non-owning view (subview).
  std::string arrayView(const ast::Expr& subscript);
  std::string arrayConstructor(const ast::Expr& call);
  void arrayAugAssign(const ast::Stmt& s);
  void forArray(const ast::Stmt& s);

  // ---- lists (emit_list.cpp, emit_list_loops.cpp) ----
  // A new list of type `type` from a display, `[v] * n` or a comprehension.
  std::string freshList(const ast::Expr& e, const types::Type& type);
  std::string listSubscript(const ast::Expr& e);
  // `xs[i]` as an lvalue of the list's slot type.
  std::string listElementRef(const ast::Expr& subscript);
  std::string listMethodCall(const ast::Expr& call);
  std::string listBuiltin(const ast::Expr& call);
  std::string listMembership(const ast::Expr& e);
  std::string listBinary(const ast::Expr& e);
  void listAugAssign(const ast::Stmt& s);
  void forList(const ast::Stmt& s);
  // Writes the loops of a comprehension (or a loop over a list) into the
  // current writer, with `innermost` emitting the body per element, given
  // the element's text converted to `elementType`.
  void comprehensionLoops(const ast::Expr& source, const types::Type& elementType,
                          const std::function<void(const std::string&)>& innermost);
  void comprehensionClause(const ast::Expr& comp, size_t clause, const types::Type& elementType,
                           const std::function<void(const std::string&)>& innermost);
  // An immediately invoked lambda returning `type` whose body `writeBody`
  // writes (statement-level temporaries go inside it).
  std::string lambdaOf(const types::Type& type, const std::function<void()>& writeBody);
  std::string reduction(const ast::Expr& call, const std::string& function, const ast::Expr& source);
  // ---- NumPy (emit_numpy_arrays.cpp: allocation, reductions, linear
  // algebra, array methods; emit_numpy_ufuncs.cpp: elementwise functions) ----
  std::string numpyAllocation(const ast::Expr& call);
  std::string numpyReduction(const ast::Expr& call);
  // emit_numpy_linalg.cpp: np.dot/np.matmul and `a @ b`.
  std::string numpyLinalg(const ast::Expr& call);
  std::string matmulOperator(const ast::Expr& e);
  std::string linalgCall(const ast::Expr& e, const ast::Expr* a, const ast::Expr* b, bool matmul);
  std::string arrayMethod(const ast::Expr& call);
  std::string numpyUfunc(const ast::Expr& call);
  // ---- with pyxc.gil() (emit_with_gil.cpp) ----
  void withGil(const ast::Stmt& s);
  std::string pythonValue(const ast::Expr& e);   // an argument, as a pyxc::rt::OwnedRef
  std::string pythonObject(const ast::Expr& e);  // an object-typed expression, as a pyxc::rt::OwnedRef
  std::string pythonCall(const ast::Expr& e);
  std::string pythonResultAs(const ast::Expr& e, const types::Type& type);
  std::string pythonBuiltinConversion(const ast::Expr& value, const types::Type& to);

  // ---- statements (emit_stmt.cpp) ----
  void block(const ast::Block& body);
  void statement(const ast::Stmt& s);
  void lineDirective(const Span& span);
  void assign(const ast::Stmt& s);
  void assignTo(const ast::Expr& target, const std::string& value, const types::Type& valueType);
  void augAssign(const ast::Stmt& s);
  void ifStatement(const ast::Stmt& s, bool isElif);
  void whileLoop(const ast::Stmt& s);
  void forLoop(const ast::Stmt& s);
  void forRange(const ast::Stmt& s, const ast::Expr& rangeCall);
  // emit_parallel.cpp
  void forPrange(const ast::Stmt& s, const ast::Expr& prangeCall);
  void loopBody(const ast::Stmt& s, const std::string& brokeFlag);
  // The loop's statements and closing brace; the for/while-else block.
  void loopBlock(const ast::Stmt& s, const std::string& brokeFlag);
  void loopElse(const ast::Stmt& s, const std::string& brokeFlag);
  // One `for` over the evaluated range bounds, with its body.
  // Opens `for (...) {` over range(bounds...) (1-3 evaluated bounds) with
  // `counter` as its index; returns the loop variable's value.
  std::string openRangeLoop(const std::vector<std::string>& bounds, const std::string& counter);
  void rangeLoop(const ast::Stmt& s, const std::vector<const ast::Expr*>& args, const std::vector<std::string>& bounds,
                 const std::string& brokeFlag);
  // emit_iteration.cpp: enumerate/zip/reversed loops, array unpacking,
  // tuple comparisons.
  struct IterationNode {
    enum class Kind { Counter, Range, Array, Enumerate, Zip } kind = Kind::Range;
    bool reversed = false;
    std::string start, step;  // Range bounds; Counter: enumerate's start ("" = 0)
    std::string array;        // Array: the held array
    std::string length;       // Range/Array: the held length (uint64_t)
    types::Type element;      // the element's type
    types::Type arrayType;    // Array: its type
    std::vector<IterationNode> children;  // Enumerate: counter, iterable; Zip: iterables
  };
  bool isIterationLoop(const ast::Stmt& s) const;
  IterationNode iterationNode(const ast::Expr& iterable, bool reversed);
  void collectLengths(const IterationNode& node, std::vector<std::string>& lengths) const;
  std::string iterationElement(const IterationNode& node, const std::string& k);
  void bindIterationTarget(const ast::Expr& target, const IterationNode& node, const std::string& k);
  void forIteration(const ast::Stmt& s);
  void unpackArray(const ast::Expr& target, const std::string& value, const types::Type& valueType);
  std::string tupleComparison(ast::CompareOp op, const std::string& left, const std::string& right);
  void returnStatement(const ast::Stmt& s);
  void raiseStatement(const ast::Stmt& s);
  void assertStatement(const ast::Stmt& s);
  void expressionStatement(const ast::Stmt& s);
  void unsupportedStatement(const ast::Stmt& s, const std::string& what);

  std::string temp();
  // Binds `text` to a new temporary in the prelude (or `iife`, when the
  // prelude is off) and returns the temporary's name.
  std::string hold(const std::string& text, const types::Type& type, std::string& iife);
  // Writes a statement line, after the prelude lines its text collected.
  void line(const std::string& text);
  const ast::Local* localOf(const ast::Expr& nameExpr) const;
  bool isEffectful(const ast::Expr& e) const;

  const ModuleContext& ctx_;
  const ast::FunctionDef& fn_;
  CodeWriter* out_ = nullptr;
  int tempCounter_ = 0;
  std::vector<bool> needsBoundFlag_;  // per local
  ValueRanges ranges_;
  bool rangesApply_ = true;  // false while emitting a prange loop
  // Innermost loop's "broke out" flag ("" when the loop has no else).
  std::vector<std::string> loopBrokeFlags_;
  std::vector<std::string> prelude_;
  bool preludeEnabled_ = false;
  // While emitting a loop copy that runs only when its range is inside
  // these axes: accesses there need no index checks (forRange).
  std::vector<ProvenAccess> provenInRange_;
  // While emitting a prange body: `x -= e` reductions that accumulate the
  // chunk's sum of e instead (emit_parallel.cpp).
  std::set<const ast::Stmt*> subtractAsSum_;
  // While folding reduction partials: the update's value expression stands
  // for this text of this type.
  struct ValueOverride {
    std::string text;
    types::Type type;
  };
  std::map<const ast::Expr*, ValueOverride> valueOverrides_;
};

}  // namespace pyxc::emit
