// Expression typing and calls.
#include <gtest/gtest.h>

#include "compiler/check/check_test_util.h"

using namespace pyxc;
using namespace pyxc::check::testing;
using Errors = std::vector<std::string>;

namespace {

// The checked expression of `return <expr>` in `def f(<params>)` (no return
// annotation, so the return type is the expression's type).
struct Returned {
  std::unique_ptr<Checked> checked;
  const ast::Expr* expr = nullptr;
  std::string type() const { return types::pythonName(expr->type); }
  std::string operandType(size_t i = 0) const {
    return i < expr->operandTypes.size() ? types::pythonName(expr->operandTypes[i]) : "<none>";
  }
};

Returned returned(const std::string& params, const std::string& expr) {
  Returned r;
  r.checked = checkSource("@pyxc.native\ndef f(" + params + "):\n    return " + expr + "\n");
  EXPECT_EQ(r.checked->errors(), Errors{}) << expr;
  const auto& body = r.checked->fn("f").body;
  if (!body.empty() && !body.back()->exprs.empty()) r.expr = body.back()->exprs[0].get();
  return r;
}

std::string typeOf(const std::string& params, const std::string& expr) { return returned(params, expr).type(); }

std::string errorOf(const std::string& params, const std::string& expr) {
  auto c = checkSource("@pyxc.native\ndef f(" + params + "):\n    return " + expr + "\n");
  return c->firstError();
}

}  // namespace

TEST(Operators, Arithmetic) {
  EXPECT_EQ(typeOf("a: int, b: int", "a + b"), "int");
  EXPECT_EQ(typeOf("a: int, b: float", "a * b"), "float");
  EXPECT_EQ(typeOf("a: int, b: int", "a / b"), "float");
  EXPECT_EQ(typeOf("a: f32, b: f32", "a / b"), "f32");
  EXPECT_EQ(typeOf("a: int, b: int", "a // b"), "int");
  EXPECT_EQ(typeOf("a: float, b: int", "a % b"), "float");
  EXPECT_EQ(typeOf("a: int, b: int", "a ** b"), "int");
  EXPECT_EQ(typeOf("a: int", "a ** 0.5"), "float");
  EXPECT_EQ(typeOf("a: i32", "a ** 2"), "i32");
  EXPECT_EQ(typeOf("a: int, b: int", "a << b"), "int");
  EXPECT_EQ(typeOf("a: int", "-a"), "int");
  EXPECT_EQ(typeOf("a: int", "~a"), "int");
  EXPECT_EQ(typeOf("a: f32", "-a"), "f32");
}

TEST(Operators, OperandTypesAreRecorded) {
  EXPECT_EQ(returned("a: int, b: float", "a + b").operandType(), "float");
  EXPECT_EQ(returned("a: int, b: int", "a / b").operandType(), "int");
  EXPECT_EQ(returned("a: i32", "a * 3").operandType(), "i32");
  EXPECT_EQ(returned("a: bool, b: bool", "a + b").operandType(), "int");
  EXPECT_EQ(returned("a: bool", "-a").operandType(), "int");
}

TEST(Operators, BoolArithmetic) {
  EXPECT_EQ(typeOf("a: bool, b: bool", "a + b"), "int");
  EXPECT_EQ(typeOf("a: bool", "-a"), "int");
  EXPECT_EQ(typeOf("a: bool", "~a"), "int");
  EXPECT_EQ(typeOf("a: bool, b: bool", "a & b"), "bool");
  EXPECT_EQ(typeOf("a: bool, b: bool", "a ^ b"), "bool");
  EXPECT_EQ(typeOf("a: bool, b: int", "a | b"), "int");
  EXPECT_EQ(typeOf("a: bool", "a + 1.5"), "float");
  EXPECT_EQ(typeOf("", "True + True"), "int");
}

TEST(Operators, Errors) {
  EXPECT_EQ(errorOf("a: float, b: int", "a << b"),
            "3:12 type-mismatch: unsupported operand type(s) for <<: 'float' and 'int'");
  EXPECT_EQ(errorOf("a: float", "~a"), "3:12 type-mismatch: bad operand type for unary ~: 'float'");
  EXPECT_EQ(errorOf("a: int", "(a, a) + a"),
            "3:12 type-mismatch: unsupported operand type(s) for +: 'tuple' and 'int'");
  EXPECT_EQ(errorOf("a: int", "a @ a"),
            "3:12 type-mismatch: unsupported operand type(s) for @: 'int' and 'int'; '@' needs arrays (1-D or 2-D)");
  EXPECT_EQ(errorOf("", "99999999999999999999"),
            "3:12 bad-literal: integer literal 99999999999999999999 does not fit in a 64-bit int");
  EXPECT_EQ(typeOf("", "-9223372036854775808"), "int");
}

TEST(Operators, ComparisonsAndLogic) {
  auto r = returned("a: int, b: float, n: i32", "0 <= a < b != n");
  EXPECT_EQ(r.type(), "bool");
  ASSERT_EQ(r.expr->operandTypes.size(), 3u);
  EXPECT_EQ(r.operandType(0), "int");
  EXPECT_EQ(r.operandType(1), "float");
  EXPECT_EQ(r.operandType(2), "float");
  EXPECT_EQ(typeOf("a: int, b: int", "a < b and b < 3"), "bool");
  EXPECT_EQ(typeOf("a: int, b: float", "a and b"), "float");
  EXPECT_EQ(typeOf("a: i32", "a or 0"), "i32");
  EXPECT_EQ(typeOf("a: bool, b: bool", "a or b"), "bool");
  EXPECT_EQ(typeOf("a: float", "not a"), "bool");
  EXPECT_EQ(typeOf("a: int", "a if a > 0 else 0.5"), "float");
  EXPECT_EQ(typeOf("a: int", "(a, 1) if a > 0 else (2, 2.5)"), "tuple[int, float]");
  EXPECT_EQ(errorOf("a: int", "a is a"), "3:12 unsupported-construct: the 'is' operator is not supported in native code");
  EXPECT_EQ(errorOf("a: int", "a if a else (a, a)"),
            "3:12 type-mismatch: the two branches of this conditional expression have incompatible types int and "
            "tuple[int, int]");
}

TEST(Expressions, TupleIndexing) {
  EXPECT_EQ(typeOf("a: int, b: float", "(a, b)[1]"), "float");
  EXPECT_EQ(typeOf("a: int, b: float", "(a, b)[-2]"), "int");
  EXPECT_EQ(errorOf("a: int, b: float", "(a, b)[2]"),
            "3:19 type-mismatch: tuple index out of range: tuple[int, float] has 2 elements");
  EXPECT_EQ(errorOf("a: int, b: int", "(a, b)[a]"),
            "3:19 unsupported-construct: a tuple can only be indexed by a constant integer in native code (t[0], "
            "t[-1]); unpack it instead (a, b = t), or use an array for indexing by a variable");
  EXPECT_EQ(errorOf("a: int", "a[0]"), "3:12 type-mismatch: 'int' object is not subscriptable");
}

TEST(Calls, NativeFunctionsBindArguments) {
  auto c = checkSource(R"(
@pyxc.native
def g(a: int, b: float = 1.0, *, c: int = 3) -> float:
    return a + b + c

@pyxc.native
def f(x: int) -> float:
    return g(x, c=2)
)");
  EXPECT_EQ(c->errors(), Errors{});
  const ast::Expr& call = *c->fn("f").body[0]->exprs[0];
  EXPECT_EQ(call.ref.kind, ast::RefKind::NativeFunction);
  EXPECT_EQ(call.ref.index, 0);
  ASSERT_EQ(call.boundArgs.size(), 3u);
  EXPECT_EQ(call.boundArgs[0], call.operand(1));
  EXPECT_EQ(call.boundArgs[1], nullptr);
  EXPECT_EQ(call.boundArgs[2], call.keywords[0].value.get());
  EXPECT_EQ(types::pythonName(call.type), "float");
}

TEST(Calls, CPythonMessagesForBadCalls) {
  const std::string g = R"(
@pyxc.native
def g(a: int, b: int, c: int = 0, /, *, k: int = 0) -> int:
    return a

@pyxc.native
def h(a: int) -> int:
    return a

@pyxc.native
def f() -> None:
)";
  auto bad = [&](const std::string& call) { return checkSource(g + "    " + call + "\n")->firstError(); };
  EXPECT_EQ(bad("g(1)"), "12:5 bad-call: g() missing 1 required positional argument: 'b'");
  EXPECT_EQ(bad("g()"), "12:5 bad-call: g() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(bad("g(1, 2, 3, 4)"), "12:5 bad-call: g() takes from 2 to 3 positional arguments but 4 were given");
  EXPECT_EQ(bad("h(1, 2)"), "12:5 bad-call: h() takes 1 positional argument but 2 were given");
  EXPECT_EQ(bad("h(1, z=2)"), "12:10 bad-call: h() got an unexpected keyword argument 'z'");
  EXPECT_EQ(bad("h(1, a=2)"), "12:10 bad-call: h() got multiple values for argument 'a'");
  EXPECT_EQ(bad("g(1, b=2)"),
            "12:10 bad-call: g() got some positional-only arguments passed as keyword arguments: 'b'");
  EXPECT_EQ(bad("h(1.5)"), "12:7 type-mismatch: argument 'a' of h() must be int, not float");
}

TEST(Calls, PythonFunctionsAndUndefinedNames) {
  auto c = checkSource(R"(
def helper(x):
    return x

LIMIT = 10

@pyxc.native
def f(x: int) -> int:
    helper(x)
    y = LIMIT
    print(x)
    return nothing
)");
  EXPECT_EQ(c->errors(),
            (Errors{"9:5 python-call: calling the Python function 'helper' from native code needs the GIL: wrap "
                    "the call in 'with pyxc.gil():', or decorate 'helper' with @pyxc.native",
                    "10:9 unsupported-construct: the module-level variable 'LIMIT' cannot be used in native code; "
                    "pass it as a parameter",
                    "11:5 unsupported-construct: the builtin 'print' is not supported in native code; call it "
                    "inside 'with pyxc.gil():'",
                    "12:12 undefined-name: name 'nothing' is not defined"}));
  EXPECT_EQ(c->diags.all()[0].notes[0].span.line, 2u + kPreludeLines);
}

TEST(Calls, MathFunctionsAndConstants) {
  EXPECT_EQ(typeOf("x: float", "math.sqrt(x)"), "float");
  EXPECT_EQ(typeOf("x: int", "math.sqrt(x)"), "float");
  EXPECT_EQ(typeOf("x: float", "math.floor(x)"), "int");
  EXPECT_EQ(typeOf("x: float", "math.ceil(x)"), "int");
  EXPECT_EQ(typeOf("x: float", "math.isnan(x)"), "bool");
  EXPECT_EQ(typeOf("x: float", "math.log(x, 2)"), "float");
  EXPECT_EQ(typeOf("x: float", "math.atan2(x, 1)"), "float");
  EXPECT_EQ(typeOf("", "math.pi + math.tau + math.e + math.inf"), "float");
  auto r = returned("x: float", "math.hypot(x, 2)");
  EXPECT_EQ(r.expr->ref.kind, ast::RefKind::MathFunction);
  EXPECT_EQ(r.expr->ref.name, "hypot");
  EXPECT_EQ(r.expr->boundArgs.size(), 2u);
  auto pi = returned("", "math.pi");
  EXPECT_EQ(pi.expr->ref.kind, ast::RefKind::MathConstant);
  EXPECT_EQ(errorOf("x: float", "math.sqrt(x, x)"),
            "3:12 bad-call: math.sqrt() takes exactly one argument (2 given)");
  EXPECT_EQ(errorOf("x: float", "math.atan2(x)"), "3:12 bad-call: atan2 expected 2 arguments, got 1");
  EXPECT_EQ(errorOf("x: float", "math.log(x, 2, 3)"), "3:12 bad-call: log expected at most 2 arguments, got 3");
  EXPECT_EQ(typeOf("x: int", "math.gcd(x, x, 3)"), "int");
  EXPECT_EQ(typeOf("x: float", "math.hypot(x, x, 1)"), "float");
  EXPECT_EQ(typeOf("x: float", "math.isclose(x, 1.0, abs_tol=1e-3)"), "bool");
  EXPECT_EQ(errorOf("x: float", "math.factorial(x)"),
            "3:27 type-mismatch: math.factorial() needs an integer here: 'float' object cannot be interpreted as an "
            "integer (write int(x) to truncate)");
  EXPECT_EQ(errorOf("x: float", "math.dist(x, x)"),
            "3:12 unsupported-construct: math.dist needs sequences of coordinates, which native code does not have; "
            "write math.hypot(p0 - q0, p1 - q1, ...)");
}

TEST(Calls, FromMathImport) {
  auto c = checkSource(R"(
from math import sqrt, pi
@pyxc.native
def f(x: float) -> float:
    return sqrt(x) * pi
)");
  EXPECT_EQ(c->errors(), Errors{});
  const ast::Expr& product = *c->fn("f").body[0]->exprs[0];
  EXPECT_EQ(product.operand(0)->ref.kind, ast::RefKind::MathFunction);
  EXPECT_EQ(product.operand(1)->ref.kind, ast::RefKind::MathConstant);
  EXPECT_EQ(product.operand(1)->ref.name, "pi");
}

TEST(Calls, Builtins) {
  EXPECT_EQ(typeOf("x: float", "abs(x)"), "float");
  EXPECT_EQ(typeOf("x: bool", "abs(x)"), "int");
  EXPECT_EQ(typeOf("x: int, y: float", "min(x, y)"), "float");
  EXPECT_EQ(typeOf("x: i32", "max(x, 0, 1)"), "i32");
  EXPECT_EQ(typeOf("x: float", "round(x)"), "int");
  EXPECT_EQ(typeOf("x: float", "round(x, 2)"), "float");
  EXPECT_EQ(typeOf("x: int", "round(x)"), "int");
  EXPECT_EQ(typeOf("x: float", "int(x)"), "int");
  EXPECT_EQ(typeOf("x: int", "float(x)"), "float");
  EXPECT_EQ(typeOf("x: int", "bool(x)"), "bool");
  EXPECT_EQ(typeOf("x: int", "len((x, x))"), "int");
  auto r = returned("x: float", "round(x)");
  EXPECT_EQ(r.expr->ref.kind, ast::RefKind::Builtin);
  EXPECT_EQ(r.expr->ref.name, "round");
  EXPECT_EQ(errorOf("x: int", "min(x)"),
            "3:16 unsupported-construct: min() of one argument in native code takes a 1-D array, not int; pass two "
            "or more numbers otherwise");
  EXPECT_EQ(errorOf("x: int", "range(x)"),
            "3:12 unsupported-construct: range() can only be used as the iterable of a for loop");
  EXPECT_EQ(errorOf("x: int", "abs(x, x)"), "3:12 bad-call: abs() takes exactly one argument (2 given)");
  EXPECT_EQ(errorOf("x: int", "len(x)"), "3:16 type-mismatch: object of type 'int' has no len()");
}

TEST(Calls, ScalarCasts) {
  EXPECT_EQ(typeOf("x: float", "pyxc.f32(x)"), "f32");
  EXPECT_EQ(typeOf("x: int", "i32(x)"), "i32");
  auto r = returned("x: int", "u8(x)");
  EXPECT_EQ(r.expr->ref.kind, ast::RefKind::ScalarType);
  EXPECT_EQ(r.expr->ref.name, "u8");
  EXPECT_EQ(errorOf("x: int", "f32(x, x)"), "3:12 bad-call: the cast f32() takes exactly one argument (2 given)");
}

TEST(Expressions, UnsupportedConstructsAreNamed) {
  EXPECT_EQ(errorOf("x: int", "{x}"), "3:12 unsupported-construct: a set display is not supported in native code");
  EXPECT_EQ(errorOf("x: int", "[[x]]"),
            "3:13 unsupported-type: a list of lists is not supported in native code: use a 2-D array (pyxc.zeros((n, m), f64))");
  EXPECT_EQ(errorOf("x: int", "lambda: x"), "3:12 unsupported-construct: a lambda is not supported in native code");
  EXPECT_EQ(errorOf("x: int", "'text'"),
            "3:12 unsupported-construct: strings are only supported as the message of 'raise' or 'assert' in native "
            "code");
  EXPECT_EQ(errorOf("x: int", "x.real"), "3:12 unsupported-construct: attribute 'real' of int is not supported in native code");
  EXPECT_EQ(errorOf("x: int", "x.bit_length()"),
            "3:12 unsupported-construct: method calls ('.bit_length()' on int) are not supported in native code");
}

TEST(Literals, WeakIntLiteralsThatDoNotFitWidenInstead) {
  // `x < 300` for a u8 x must compare exactly: 300 does not become a u8.
  auto r = returned("x: u8", "x < 300");
  EXPECT_EQ(r.operandType(0), "int");
  EXPECT_EQ(returned("x: u8", "x < 255").operandType(0), "u8");
  EXPECT_EQ(returned("x: i8", "x + -129").operandType(0), "int");
  EXPECT_EQ(returned("x: i32", "x * 5000000000").operandType(0), "int");
}

TEST(Literals, StoredLiteralsMustFit) {
  auto c = checkSource(R"(
@pyxc.native
def g(a: u8) -> u8:
    return 256

@pyxc.native
def f() -> None:
    x: i8 = -129
    g(300)
    y: u16 = 65535
)");
  EXPECT_EQ(c->errors(), (Errors{"4:12 bad-literal: integer literal 256 does not fit in u8",
                                 "8:13 bad-literal: integer literal -129 does not fit in i8",
                                 "9:7 bad-literal: integer literal 300 does not fit in u8"}));
}
