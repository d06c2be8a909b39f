// pyxc's own syntax tree: what compiler/syntax produces from tree-sitter's
// CST and what compiler/check annotates with types. No later phase sees a
// TSNode.
//
// The syntax phase converts a whole module, native or not; constructs pyxc
// does not model become Unsupported nodes carrying a description, so that
// only the checker (which knows which functions are native) reports them.
//
// The typed part: fields marked "[check]" are empty after parsing and filled
// by compiler/check. compiler/emit reads them and nothing else decides types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/common/source.h"
#include "compiler/types/types.h"

namespace pyxc::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using Block = std::vector<StmtPtr>;

enum class UnaryOp { Neg, Pos, Not, Invert };
enum class BinaryOp {
  Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul
};
enum class BoolOpKind { And, Or };
enum class CompareOp { Lt, LtE, Gt, GtE, Eq, NotEq, Is, IsNot, In, NotIn };

const char* spelling(UnaryOp op);
const char* spelling(BinaryOp op);
const char* spelling(CompareOp op);

// What a name, attribute or call refers to. [check]
enum class RefKind {
  None,
  Local,          // index = slot in FunctionDef::locals
  NativeFunction, // index = position in Module::functions
  MathFunction,   // name = the math function ("sqrt")
  MathConstant,   // name = "pi", "e", "inf", "nan", "tau"
  Builtin,        // name = "abs", "min", "max", "round", "int", "float", "bool", "len", "range"
  ScalarType,     // a type used as a value, e.g. pyxc.f32(x) as a cast; type = the scalar
  Exception,      // name = builtin exception class ("ValueError")
  ArrayConstructor, // name = "empty" or "zeros" (pyxc.empty(shape, dtype)); the call's type is the array
  ListMethod,     // name = the method ("append"); operands[0] of the call is the Attribute on the list
  // NumPy in native code (compiler/check/numpy.cpp routes `np.<name>(...)` by
  // category); name = the NumPy function ("zeros", "sqrt", "sum", "dot").
  NumpyAllocation,  // zeros empty ones full arange linspace *_like array copy
  NumpyUfunc,       // elementwise: sqrt exp ... minimum maximum where
  NumpyReduction,   // sum prod min max mean argmin argmax ... (np.sum(a, axis=0))
  NumpyLinalg,      // dot vdot matmul outer (and the `@` operator's helper)
  ArrayMethod,      // a method of an array value: a.sum(), a.copy(), a.reshape(...); name = the method
  // Inside `with pyxc.gil():` (compiler/check/with_gil.cpp). The type is types::Object.
  PythonGlobal,     // Name: a module-level name or builtin looked up at run time (name)
  PythonAttribute,  // Attribute of a Python object (text = attribute name)
  PythonCall,       // Call of a Python object (operands[0] is PythonGlobal/PythonAttribute/an object Local)
};

struct Ref {
  RefKind kind = RefKind::None;
  int index = -1;
  std::string name;
};

enum class ExprKind {
  IntLit, FloatLit, BoolLit, NoneLit, StrLit,
  Name, Attribute, Subscript, Slice,
  Unary, Binary, BoolOp, Compare, IfExp, Call, Tuple,
  List, ListComp, GeneratorExp, CompFor, CompIf,  // lists (compiler/check/lists.cpp)
  Unsupported,
};

struct Keyword {
  std::string name;
  Span nameSpan;
  ExprPtr value;
};

struct Expr {
  ExprKind kind;
  Span span;
  types::Type type;  // [check]

  // Literals. IntLit keeps its digits in `text` when they do not fit in
  // int64 (intOverflow = true) so the checker can report it.
  int64_t intValue = 0;
  bool intOverflow = false;
  double floatValue = 0;
  bool boolValue = false;
  std::string text;  // StrLit value; Name/Attribute identifier; Unsupported description

  // Operators.
  UnaryOp unaryOp = UnaryOp::Neg;
  BinaryOp binaryOp = BinaryOp::Add;
  BoolOpKind boolOp = BoolOpKind::And;
  std::vector<CompareOp> compareOps;   // Compare: ops[i] between operands[i], operands[i+1]

  // Children, by kind:
  //  Attribute: operands[0] = object, text = attribute name
  //  Subscript: operands[0] = object, operands[1..] = indices (a[i, j] -> 2)
  //  Slice: operands[0..2] = lower, upper, step; null when absent
  //  Unary: operands[0]; Binary: operands[0], operands[1]
  //  BoolOp: operands (2 or more); Compare: operands (2 or more)
  //  IfExp: operands[0] = test, [1] = body (if true), [2] = orelse
  //  Call: operands[0] = callee, operands[1..] = positional args; keywords
  //  Tuple, List: operands = elements
  //  ListComp, GeneratorExp: operands[0] = element, operands[1..] = clauses in order:
  //    CompFor: operands[0] = target, [1] = iterable; CompIf: operands[0] = condition
  ExprList operands;
  std::vector<Keyword> keywords;

  // [check] Name/Attribute/Call: what it refers to. For a Call, the callee's
  // Ref is copied here and `boundArgs` lists the arguments in parameter
  // order (keywords resolved; nullptr where the parameter's default applies).
  Ref ref;
  std::vector<const Expr*> boundArgs;
  // [check] Binary/Compare/Unary: the type both operands are converted to
  // before the operation (for Compare, one per comparison).
  std::vector<types::Type> operandTypes;
  // Unsupported: the syntax phase already reported this node (a syntax error
  // or too-deep nesting), so later phases stay silent about it.
  bool alreadyReported = false;
  // [check] Name (read of a Local): the read is not definitely assigned on
  // every path, so emit guards it with an UnboundLocalError check. For an
  // AugAssign target (exprs[0]) it is about the read of the old value.
  bool maybeUnbound = false;

  Expr(ExprKind k, Span s) : kind(k), span(s) {}
  Expr* operand(size_t i) const { return i < operands.size() ? operands[i].get() : nullptr; }
};

enum class StmtKind {
  Expr, Assign, AnnAssign, AugAssign, If, While, For, Break, Continue, Pass,
  Return, Raise, Assert, FunctionDef, Import, Unsupported,
  With,  // `with pyxc.gil():` (exprs[0] = the context expression, body); checked in with_gil.cpp
};

struct Param {
  std::string name;
  Span span;
  ExprPtr annotation;  // may be null
  ExprPtr defaultValue;  // may be null
  enum class Kind { Positional, PositionalOnly, KeywordOnly, VarArgs, VarKwargs } kind = Kind::Positional;
  types::Type type;  // [check]
};

// One local variable or parameter of a function. [check]
struct Local {
  std::string name;
  types::Type type;
  Span firstAssignment;
  bool isParam = false;
  // A comprehension's variable: emit declares it in the comprehension's loop.
  bool comprehension = false;
};

// Directives from @pyxc.native(...). [check]
struct Directives {
  bool boundscheck = true;
  bool wraparound = true;
  bool cdivision = false;
  bool overflowcheck = true;
  bool fastmath = false;
};

// A fused type used in a signature: `pyxc.floating`, `pyxc.fused("T", f32, f64)`.
struct FusedType {
  std::string name;                   // "floating", "T"
  std::vector<types::Scalar> members;
};

struct FunctionDef {
  std::string name;
  Span nameSpan;
  Span span;                 // whole definition, decorators included
  uint32_t firstLine = 0;    // first decorator's line (what inspect.getsource starts at)
  uint32_t lastLine = 0;     // last line of the body's last statement
  ExprList decorators;
  std::vector<Param> params;
  ExprPtr returns;           // may be null
  Block body;
  std::string docstring;     // first statement string literal, if any
  bool hasDocstring = false;

  // [check]
  bool isNative = false;
  Directives directives;
  types::Type returnType;
  std::vector<Local> locals;  // parameters first, in order

  // [check] Fused types. A native def whose signature uses them is generic:
  // it is neither checked nor given a body; one specialization per
  // combination of members is appended to Module::functions (owned by
  // Module::specializations), and the generic's wrapper picks one at call
  // time from the arguments.
  std::vector<FusedType> fusedTypes;                                // generic and its specializations
  std::vector<int> specializations;                                 // generic: indices in Module::functions
  int specializationOf = -1;                                        // specialization: the generic's index
  std::vector<std::pair<std::string, types::Scalar>> fusedChoice;   // specialization: member per fused name
  std::string cppName;  // unique C++ name (specializations: "f__f32"); empty: `name`

  bool isFusedGeneric() const { return !fusedTypes.empty() && specializationOf < 0; }
  const std::string& cppBaseName() const { return cppName.empty() ? name : cppName; }
};

// A deep copy of a parsed (not yet checked) definition.
std::unique_ptr<FunctionDef> cloneFunction(const FunctionDef& fn);

// An import at module level: `import math`, `import pyxc as px`,
// `from pyxc import f64, native as nat`.
struct ImportName {
  std::string name;   // imported name (or dotted module for `import a.b`)
  std::string alias;  // bound name
  Span span;
};

// [check] A `for` over prange(...): how its body uses the function's locals
// (compiler/check/parallel_loops.cpp decides; emit follows).
enum class ReductionOp { Add, Sub, Mul, Min, Max };
struct ParallelReduction {
  int local = -1;          // slot in FunctionDef::locals
  ReductionOp op = ReductionOp::Add;
  const Stmt* update = nullptr;  // one of its update statements (`x += e`, `x = min(x, e)`)
  const Expr* value = nullptr;   // that statement's `e`
};
struct ParallelLoop {
  std::vector<int> privates;  // the loop variable and locals first assigned in each iteration
  std::vector<ParallelReduction> reductions;
  const Expr* numThreads = nullptr;  // the num_threads= argument, if given
};

struct Stmt {
  StmtKind kind;
  Span span;

  // Expr: exprs[0]. Assign: exprs[0..n-2] targets, exprs.back() value.
  // AnnAssign: exprs[0] target, exprs[1] annotation, exprs[2] value (may be absent).
  // AugAssign: exprs[0] target, exprs[1] value, binaryOp.
  // If/While: exprs[0] test. For: exprs[0] target, exprs[1] iterable. With: exprs[0] context.
  // Return: exprs[0] if a value. Raise: exprs[0] if an exception.
  // Assert: exprs[0] test, exprs[1] message if any.
  ExprList exprs;
  BinaryOp binaryOp = BinaryOp::Add;
  Block body;
  Block orelse;  // If: elif is an If in orelse. While/For: else-block
  std::unique_ptr<FunctionDef> function;  // FunctionDef
  // Import: `from module import names` (fromModule non-empty) or `import names`.
  std::string fromModule;
  std::vector<ImportName> imports;
  std::string text;  // Unsupported: description ("a class definition")
  bool alreadyReported = false;  // Unsupported: see Expr::alreadyReported
  // [check] AugAssign (added by compiler/check: Stmt had no place for it):
  // [0] = the type both operands are converted to (as Expr::operandTypes of
  // the equivalent Binary), [1] = the operation's result type, which is then
  // stored into the target (whose type is exprs[0]->type).
  std::vector<types::Type> operandTypes;
  // [check] For over prange(...) (the iterable's ref is Builtin "prange").
  std::unique_ptr<ParallelLoop> parallel;

  Stmt(StmtKind k, Span s) : kind(k), span(s) {}
};

// A module-level name bound by something other than a def or an import
// (an assignment, a class): calling it from native code is a Python call.
struct ModuleBinding {
  std::string name;
  Span span;
  std::string what;  // "class", "variable"
};

struct Module {
  std::string name;  // module name, from the file name ("primes")
  Block body;        // top-level statements, in order
  // Index into body: the module-level function definitions, in order.
  std::vector<FunctionDef*> functions;
  std::vector<ModuleBinding> otherBindings;
  // [check] Specializations of fused functions (also listed in `functions`).
  std::vector<std::unique_ptr<FunctionDef>> specializations;
};

}  // namespace pyxc::ast
