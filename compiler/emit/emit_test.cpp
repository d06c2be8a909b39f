// What the emitter writes for each construct family (through the real parser
// and checker), plus the pieces that need no parser at all.
#include <gtest/gtest.h>

#include "compiler/emit/cpp_text.h"
#include "compiler/emit/emit_test_util.h"
#include "compiler/emit/primitives.h"

using namespace pyxc;
using namespace pyxc::emit;
using namespace pyxc::emit::testing;

namespace {

// Emits `body`, failing the test on diagnostics.
std::string emitOk(const std::string& body, EmitOptions options = {}) {
  Emitted result = emitPython(body, options);
  EXPECT_EQ(result.diagnostics, "");
  EXPECT_EQ(result.cpp.find("#error"), std::string::npos) << result.cpp;
  return result.cpp;
}

#define EXPECT_CONTAINS(text, needle) EXPECT_NE((text).find(needle), std::string::npos) << "missing: " << (needle) << "\n" << (text)
#define EXPECT_LACKS(text, needle) EXPECT_EQ((text).find(needle), std::string::npos) << "unexpected: " << (needle) << "\n" << (text)

TEST(EmitModule, ForwardDeclaresWrapsAndInitialises) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(n: int, x: float = 1.5) -> float:\n"
      "    return g(n) + x\n"
      "@pyxc.native\n"
      "def g(n: int) -> int:\n"
      "    return n\n"
      "def plain(x):\n"
      "    return x\n");
  EXPECT_CONTAINS(cpp, "#include <pyxc/runtime.h>");
  EXPECT_CONTAINS(cpp, "static double f__impl(int64_t n_, double x_);");
  EXPECT_CONTAINS(cpp, "static int64_t g__impl(int64_t n_);");
  // The forward declaration comes before the first use.
  EXPECT_LT(cpp.find("static int64_t g__impl(int64_t n_);"), cpp.find("g__impl(n_)"));
  EXPECT_CONTAINS(cpp, "static PyObject* f__vectorcall(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames)");
  EXPECT_CONTAINS(cpp, ".n_pos_or_kw = 2, .n_kwonly = 0, .n_required = 1");
  EXPECT_CONTAINS(cpp, "double x_ = 1.5;");
  EXPECT_CONTAINS(cpp, "if (bound[1] && !pyxc::rt::from_py(bound[1], &x_, \"f\", \"x\")) return nullptr;");
  EXPECT_CONTAINS(cpp, "if (!pyxc::rt::from_py(bound[0], &n_, \"f\", \"n\")) return nullptr;");
  EXPECT_CONTAINS(cpp, "PyMODINIT_FUNC PyInit_m(void)");
  EXPECT_CONTAINS(cpp, "{\"f\", f__vectorcall<false>, f__vectorcall<true>},");
  EXPECT_CONTAINS(cpp, "\"test\");");  // __pyxc_version__
  EXPECT_LACKS(cpp, "plain");
}

TEST(EmitModule, ParameterKindsAndRequiredCounts) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: int, /, b: int, c: int = 2, *, d: int, e: int = 3) -> int:\n"
      "    return a + b + c + d + e\n");
  EXPECT_CONTAINS(cpp, "static const char* const params[] = {\"a\", \"b\", \"c\", \"d\", \"e\"};");
  EXPECT_CONTAINS(cpp, ".n_posonly = 1, .n_pos_or_kw = 2, .n_kwonly = 2, .n_required = 2, .kwonly_required = 1u");
}

TEST(EmitModule, GilReleasedOnlyForLoopsAndCalls) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def straight(a: int) -> int:\n"
      "    return a * 2\n"
      "@pyxc.native\n"
      "def loops(a: int) -> int:\n"
      "    while a > 0:\n"
      "        a -= 1\n"
      "    return a\n"
      "@pyxc.native\n"
      "def calls(a: int) -> int:\n"
      "    return straight(a)\n");
  EXPECT_CONTAINS(cpp, "return pyxc::rt::call_with_gil([&] { return straight__impl(a_); });");
  EXPECT_CONTAINS(cpp, "return pyxc::rt::call_nogil([&]() __attribute__((noinline)) { return loops__impl(a_); });");
  EXPECT_CONTAINS(cpp, "return pyxc::rt::call_nogil([&]() __attribute__((noinline)) { return calls__impl(a_); });");
}

TEST(EmitModule, SourcesAreExactAndEscaped) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: int) -> int:\n"
      "    \"\"\"Quote \" backslash \\\\ trigraph ?\?= caf\xc3\xa9\"\"\"\n"
      "    return a\n");
  EXPECT_CONTAINS(cpp, "{\"f\",");
  EXPECT_CONTAINS(cpp, "\"@pyxc.native\\n\"");
  EXPECT_CONTAINS(cpp, "\"def f(a: int) -> int:\\n\"");
  EXPECT_CONTAINS(cpp, R"("    \"\"\"Quote \" backslash \\\\ trigraph \?\?= caf\303\251\"\"\"\n")");
}

TEST(EmitModule, LineDirectivesPointAtPythonLines) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: int) -> int:\n"
      "    b = a + 1\n"
      "    return b\n");
  int def = preludeLines() + 2;
  EXPECT_CONTAINS(cpp, "#line " + std::to_string(def) + " \"m.py\"\nstatic int64_t f__impl(int64_t a_) {");
  EXPECT_CONTAINS(cpp, "#line " + std::to_string(def + 1) + " \"m.py\"\n  b_ = pyxc::rt::add(a_, int64_t{1});");
  EXPECT_CONTAINS(cpp, "#line " + std::to_string(def + 2) + " \"m.py\"\n  return b_;");
  EmitOptions noLines;
  noLines.lineDirectives = false;
  EXPECT_LACKS(emitOk("@pyxc.native\ndef f(a: int) -> int:\n    return a\n", noLines), "#line");
}

TEST(EmitExpr, IntegerArithmeticFollowsDirectives) {
  std::string checked = emitOk(
      "@pyxc.native\n"
      "def f(a: int, b: int) -> int:\n"
      "    return a + b * a - a * b\n"
      "@pyxc.native\n"
      "def g(a: int, b: int) -> int:\n"
      "    return b // a % b ** 2\n");
  // Operands that can only overflow need no particular order.
  EXPECT_CONTAINS(checked, "return pyxc::rt::sub(pyxc::rt::add(a_, pyxc::rt::mul(b_, a_)), pyxc::rt::mul(a_, b_));");
  // ZeroDivisionError on the left must win over ValueError on the right.
  EXPECT_CONTAINS(checked, "const int64_t pyxc_t1 = pyxc::rt::floordiv(b_, a_);\n"
                           "  return pyxc::rt::mod(pyxc_t1, pyxc::rt::ipow(b_, int64_t{2}));");
  std::string unchecked = emitOk(
      "@pyxc.native(overflowcheck=False, cdivision=True)\n"
      "def f(a: int, b: int) -> int:\n"
      "    return a + b * a - b // a % b\n");
  EXPECT_CONTAINS(unchecked, "pyxc::rt::sub_wrap(pyxc::rt::add_wrap(a_, pyxc::rt::mul_wrap(b_, a_)), "
                             "pyxc::rt::mod_c(pyxc::rt::floordiv_c(b_, a_), b_))");
}

TEST(EmitExpr, FloatArithmeticIsPlainButDivisionChecks) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: float, n: int) -> float:\n"
      "    return a * n + a / n - a // 2.0 + a ** 0.5\n");
  EXPECT_CONTAINS(cpp, "(a_ * static_cast<double>(n_))");
  EXPECT_CONTAINS(cpp, "pyxc::rt::truediv(a_, static_cast<double>(n_))");
  EXPECT_CONTAINS(cpp, "pyxc::rt::floordiv(a_, 2.0)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::fpow(a_, 0.5)");
}

TEST(EmitExpr, SmallIntsAndWeakLiterals) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: i8, b: i8, x: f32) -> f32:\n"
      "    c = (a & b) + 1\n"
      "    return x * 0.1 + c\n");
  EXPECT_CONTAINS(cpp, "pyxc::rt::add(static_cast<int8_t>(a_ & b_), int8_t{1})");
  EXPECT_CONTAINS(cpp, "(x_ * static_cast<float>(0.1))");
}

TEST(EmitExpr, CallsEvaluateArgumentsLeftToRight) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def g(a: int, b: int = -3) -> int:\n"
      "    return a\n"
      "@pyxc.native\n"
      "def f(x: int) -> int:\n"
      "    return g(g(x), b=g(1)) + g(b=2, a=x)\n");
  // Two calls as operands: the first is bound to a temporary before the second runs.
  EXPECT_CONTAINS(cpp, "const int64_t pyxc_t1 = g__impl(x_, int64_t{-3});\n"
                       "  const int64_t pyxc_t2 = g__impl(pyxc_t1, g__impl(int64_t{1}, int64_t{-3}));\n"
                       "  return pyxc::rt::add(pyxc_t2, g__impl(x_, int64_t{2}));");
  EXPECT_CONTAINS(cpp, "g__impl(x_, int64_t{2})");
}

TEST(EmitExpr, ConditionalOperandsStayConditional) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def g(a: int) -> int:\n"
      "    return a\n"
      "@pyxc.native\n"
      "def f(x: int, p: bool) -> int:\n"
      "    while x > g(1) + g(2):\n"
      "        x -= 1\n"
      "    if p:\n"
      "        x = 0\n"
      "    elif g(3) * g(4) > x:\n"
      "        x = 1\n"
      "    return g(x) + g(2) if p else 0\n");
  // The while test runs every iteration: no statement-level temporaries.
  EXPECT_CONTAINS(cpp, "while (x_ > [&]() -> int64_t { const int64_t pyxc_t1 = g__impl(int64_t{1}); "
                       "return pyxc::rt::add(pyxc_t1, g__impl(int64_t{2})); }()) {");
  // An elif whose test needs temporaries nests instead of chaining.
  EXPECT_CONTAINS(cpp, "} else {\n#line 13 \"m.py\"\n    const int64_t pyxc_t2 = g__impl(int64_t{3});\n"
                       "    if (pyxc::rt::mul(pyxc_t2, g__impl(int64_t{4})) > x_) {");
  // Only the taken branch of a conditional expression runs.
  EXPECT_CONTAINS(cpp, "return p_ ? [&]() -> int64_t { const int64_t pyxc_t3 = g__impl(x_); "
                       "return pyxc::rt::add(pyxc_t3, g__impl(int64_t{2})); }() : int64_t{0};");
}

TEST(EmitExpr, ChainedComparisonEvaluatesMiddleOnce) {
  std::string pure = emitOk(
      "@pyxc.native\n"
      "def f(a: int, b: int, c: float) -> bool:\n"
      "    return a <= b < c\n");
  EXPECT_CONTAINS(pure, "return (a_ <= b_) && (static_cast<double>(b_) < c_);");
  std::string call = emitOk(
      "@pyxc.native\n"
      "def g(a: int) -> int:\n"
      "    return a\n"
      "@pyxc.native\n"
      "def f(a: int, c: int) -> bool:\n"
      "    return a < g(a) < c\n");
  EXPECT_CONTAINS(call, "return [&]() -> bool { const int64_t pyxc_t1 = g__impl(a_); if (!(a_ < pyxc_t1)) return false; return (pyxc_t1 < c_); }();");
}

TEST(EmitExpr, BoolOpsReturnOperands) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: int, b: int, p: bool, q: bool) -> int:\n"
      "    if p and not q or a > b:\n"
      "        return a or b\n"
      "    return a and b\n");
  EXPECT_CONTAINS(cpp, "if ((p_ && (!q_)) || (a_ > b_)) {");
  EXPECT_CONTAINS(cpp, "return (a_ != 0) ? a_ : b_;");
  EXPECT_CONTAINS(cpp, "return (a_ != 0) ? b_ : a_;");
}

TEST(EmitExpr, BuiltinsAndMath) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(x: float, n: int) -> float:\n"
      "    return int(x) + abs(n) + round(x) + min(n, 3) + math.sqrt(x) + math.floor(x) + math.pi + float(n)\n");
  EXPECT_CONTAINS(cpp, "pyxc::rt::float_to_int<int64_t>(x_)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::abs(n_)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::round_half_even(x_)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::min(n_, int64_t{3})");
  EXPECT_CONTAINS(cpp, "pyxc::rt::math::sqrt(x_)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::math::floor(x_)");
  EXPECT_CONTAINS(cpp, "pyxc::rt::math::pi");
}

TEST(EmitStmt, SwapEvaluatesRightSideFirst) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(a: int, b: int) -> tuple[int, int]:\n"
      "    a, b = b, a\n"
      "    return a, b\n");
  EXPECT_CONTAINS(cpp, "const int64_t pyxc_t1 = b_;\n  const int64_t pyxc_t2 = a_;\n  a_ = pyxc_t1;\n  b_ = pyxc_t2;");
  EXPECT_CONTAINS(cpp, "return std::tuple<int64_t, int64_t>{a_, b_};");
}

TEST(EmitStmt, RangeLoops) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(n: int, s: int) -> int:\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        t += i\n"
      "    for j in range(1, n):\n"
      "        t += j\n"
      "    for k in range(n, 0, s):\n"
      "        t += k\n"
      "    return t + i\n");
  EXPECT_CONTAINS(cpp, "for (int64_t pyxc_t2 = 0; pyxc_t2 < pyxc_t1; ++pyxc_t2) {\n      i_ = pyxc_t2;");
  EXPECT_CONTAINS(cpp, "for (int64_t pyxc_t4 = int64_t{1}; pyxc_t4 < pyxc_t3; ++pyxc_t4) {");
  EXPECT_CONTAINS(cpp, "const uint64_t pyxc_t8 = pyxc::rt::range_length(pyxc_t5, int64_t{0}, pyxc_t6);");
  EXPECT_CONTAINS(cpp, "k_ = pyxc::rt::range_at(pyxc_t5, pyxc_t6, pyxc_t7);");
  // `i` may be unbound after a loop that ran zero times.
  EXPECT_CONTAINS(cpp, "i__bound = true;");
  EXPECT_CONTAINS(cpp, "pyxc::rt::raise_unbound_local(\"i\")");
}

TEST(EmitStmt, LoopElseRunsWithoutBreak) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(n: int) -> int:\n"
      "    r = 0\n"
      "    while n > 0:\n"
      "        n -= 1\n"
      "        if n == 5:\n"
      "            break\n"
      "        elif n == 7:\n"
      "            continue\n"
      "    else:\n"
      "        r = 1\n"
      "    return r\n");
  EXPECT_CONTAINS(cpp, "bool pyxc_t1_broke = false;\n  while (n_ > int64_t{0}) {");
  EXPECT_CONTAINS(cpp, "pyxc_t1_broke = true;\n      break;");
  EXPECT_CONTAINS(cpp, "} else\n#line");
  EXPECT_CONTAINS(cpp, "continue;");
  EXPECT_CONTAINS(cpp, "if (!pyxc_t1_broke) {");
}

TEST(EmitStmt, UnboundLocalIsGuardedOnlyWhereNeeded) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(p: bool) -> int:\n"
      "    if p:\n"
      "        x = 1\n"
      "    y = 2\n"
      "    return x + y\n");
  EXPECT_CONTAINS(cpp, "bool x__bound = false;");
  EXPECT_CONTAINS(cpp, "x_ = int64_t{1};\n    x__bound = true;");
  EXPECT_CONTAINS(cpp, "(x__bound ? x_ : (pyxc::rt::raise_unbound_local(\"x\"), x_))");
  EXPECT_LACKS(cpp, "y__bound");
}

TEST(EmitStmt, RaiseAndAssert) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(x: int) -> None:\n"
      "    assert x > 0, \"x must be \\\"positive\\\"\"\n"
      "    assert x != 3\n"
      "    if x > 10:\n"
      "        raise ValueError(\"too big\")\n"
      "    raise ZeroDivisionError\n");
  EXPECT_CONTAINS(cpp, "if (!(x_ > int64_t{0})) pyxc::rt::raise_assertion(\"x must be \\\"positive\\\"\");");
  EXPECT_CONTAINS(cpp, "if (!(x_ != int64_t{3})) pyxc::rt::raise_assertion();");
  EXPECT_CONTAINS(cpp, "pyxc::rt::raise(pyxc::rt::Exc::ValueError, \"too big\");");
  EXPECT_CONTAINS(cpp, "pyxc::rt::raise(pyxc::rt::Exc::ZeroDivisionError, \"\");");
}

TEST(EmitStmt, NamesCannotClashWithCpp) {
  std::string cpp = emitOk(
      "@pyxc.native\n"
      "def f(int: int, new: float) -> float:\n"
      "    double = new * 2\n"
      "    return double + int\n");
  EXPECT_CONTAINS(cpp, "static double f__impl(int64_t int_, double new_)");
  EXPECT_CONTAINS(cpp, "double double_{};");
}

TEST(CppText, StringLiteralEscapes) {
  EXPECT_EQ(cppStringLiteral("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(cppStringLiteral("?\?="), R"("\?\?=")");
  EXPECT_EQ(cppStringLiteral("\xc3\xa9" "1"), R"("\303\2511")");
  EXPECT_EQ(cppStringLiteral(std::string("\0\n\t", 3)), R"("\000\n\t")");
}

TEST(CppText, NumericLiterals) {
  using types::Scalar;
  using types::Type;
  EXPECT_EQ(intLiteral(5, Type::scalarOf(Scalar::I64)), "int64_t{5}");
  EXPECT_EQ(intLiteral(INT64_MIN, Type::scalarOf(Scalar::I64)), "std::numeric_limits<int64_t>::min()");
  EXPECT_EQ(intLiteral(7, Type::scalarOf(Scalar::U8)), "uint8_t{7u}");
  EXPECT_EQ(intLiteral(2, Type::scalarOf(Scalar::F64)), "2.0");
  EXPECT_EQ(floatLiteral(0.1, Type::scalarOf(Scalar::F64)), "0.1");
  EXPECT_EQ(floatLiteral(1e300, Type::scalarOf(Scalar::F64)), "1e+300");
  EXPECT_EQ(floatLiteral(0.5, Type::scalarOf(Scalar::F32)), "0.5f");
  EXPECT_EQ(floatLiteral(0.1, Type::scalarOf(Scalar::F32)), "static_cast<float>(0.1)");
}

TEST(Primitives, TableFollowsOperandTypeAndDirectives) {
  using types::Scalar;
  using types::Type;
  ast::Directives defaults;
  ast::Directives fast;
  fast.overflowcheck = false;
  fast.cdivision = true;
  Type i32 = Type::scalarOf(Scalar::I32), f64 = Type::scalarOf(Scalar::F64), b = Type::scalarOf(Scalar::Bool);
  EXPECT_STREQ(binaryPrimitive(ast::BinaryOp::Add, i32, defaults)->pattern, "pyxc::rt::add({0}, {1})");
  EXPECT_STREQ(binaryPrimitive(ast::BinaryOp::Add, i32, fast)->pattern, "pyxc::rt::add_wrap({0}, {1})");
  EXPECT_STREQ(binaryPrimitive(ast::BinaryOp::Add, f64, defaults)->pattern, "{0} + {1}");
  EXPECT_STREQ(binaryPrimitive(ast::BinaryOp::FloorDiv, i32, fast)->pattern, "pyxc::rt::floordiv_c({0}, {1})");
  // Float floor division keeps Python's rounding even with cdivision.
  EXPECT_STREQ(binaryPrimitive(ast::BinaryOp::FloorDiv, f64, fast)->pattern, "pyxc::rt::floordiv({0}, {1})");
  EXPECT_FALSE(binaryPrimitive(ast::BinaryOp::Add, b, defaults).has_value());
  EXPECT_EQ(applyPattern(*binaryPrimitive(ast::BinaryOp::BitAnd, b, defaults), {"p", "q"}, b),
            "static_cast<bool>(static_cast<int>(p) & static_cast<int>(q))");
  EXPECT_TRUE(binaryPrimitive(ast::BinaryOp::Pow, i32, fast)->mayRaise);  // negative exponent
  EXPECT_EQ(numericJoin(Type::scalarOf(Scalar::I8), Type::scalarOf(Scalar::U8)), Type::scalarOf(Scalar::I16));
  EXPECT_EQ(numericJoin(Type::scalarOf(Scalar::I16), Type::scalarOf(Scalar::F32)), Type::scalarOf(Scalar::F32));
  EXPECT_EQ(numericJoin(Type::scalarOf(Scalar::I32), Type::scalarOf(Scalar::F32)), f64);
  EXPECT_EQ(convertScalar("x", f64, i32, true), "pyxc::rt::float_to_int<int32_t>(x)");
  EXPECT_EQ(convertScalar("x", Type::scalarOf(Scalar::I64), i32, true), "pyxc::rt::int_cast<int32_t>(x)");
  EXPECT_EQ(convertScalar("x", i32, f64, false), "static_cast<double>(x)");
}

// No parser involved: a typed AST built by hand, as check would leave it.
TEST(EmitHandBuilt, TypedAstWithoutParser) {
  using types::Scalar;
  using types::Type;
  SourceFile source("hand.py", "@pyxc.native\ndef inc(n: int) -> int:\n    return n + 1\n");
  auto def = std::make_unique<ast::FunctionDef>();
  def->name = "inc";
  def->firstLine = 1;
  def->lastLine = 3;
  def->nameSpan.line = 2;
  def->isNative = true;
  def->returnType = Type::scalarOf(Scalar::I64);
  ast::Param param;
  param.name = "n";
  param.type = Type::scalarOf(Scalar::I64);
  def->params.push_back(std::move(param));
  def->locals.push_back(ast::Local{"n", Type::scalarOf(Scalar::I64), {}, true});
  Span line3;
  line3.line = 3;
  auto name = std::make_unique<ast::Expr>(ast::ExprKind::Name, line3);
  name->text = "n";
  name->type = Type::scalarOf(Scalar::I64);
  name->ref = ast::Ref{ast::RefKind::Local, 0, "n"};
  auto one = std::make_unique<ast::Expr>(ast::ExprKind::IntLit, line3);
  one->intValue = 1;
  one->type = Type::scalarOf(Scalar::I64);
  auto sum = std::make_unique<ast::Expr>(ast::ExprKind::Binary, line3);
  sum->binaryOp = ast::BinaryOp::Add;
  sum->type = Type::scalarOf(Scalar::I64);
  sum->operandTypes = {Type::scalarOf(Scalar::I64)};
  sum->operands.push_back(std::move(name));
  sum->operands.push_back(std::move(one));
  auto ret = std::make_unique<ast::Stmt>(ast::StmtKind::Return, line3);
  ret->exprs.push_back(std::move(sum));
  def->body.push_back(std::move(ret));
  ast::Module module;
  module.name = "hand";
  auto stmt = std::make_unique<ast::Stmt>(ast::StmtKind::FunctionDef, Span{});
  stmt->function = std::move(def);
  module.functions.push_back(stmt->function.get());
  module.body.push_back(std::move(stmt));
  EmitOptions options;
  options.pyxcVersion = "0.0";
  std::string cpp = emitModule(module, source, options);
  EXPECT_CONTAINS(cpp, "#line 2 \"hand.py\"\nstatic int64_t inc__impl(int64_t n_) {\n#line 3 \"hand.py\"\n  return pyxc::rt::add(n_, int64_t{1});\n}");
  EXPECT_CONTAINS(cpp, "PyMODINIT_FUNC PyInit_hand(void)");
  EXPECT_CONTAINS(cpp, "return pyxc::rt::call_with_gil([&] { return inc__impl(n_); });");
}

TEST(EmitModule, ModuleNameMustBeAnIdentifier) {
  SourceFile source("well-typed.py", "");
  ast::Module module;
  module.name = "well-typed";
  std::string cpp = emitModule(module, source, EmitOptions{});
  EXPECT_CONTAINS(cpp, "#error \"well-typed.py: the module name 'well-typed' is not an ASCII identifier");
  EXPECT_CONTAINS(cpp, "PyMODINIT_FUNC PyInit_well_typed(void)");
  EXPECT_CONTAINS(cpp, "init_module(&pyxc_module_def, nullptr, 0, nullptr, 0,");
}

}  // namespace
