// Expressions: literals, names, operators, calls, tuples, unsupported forms.
#include <cmath>

#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

using ast::ExprKind;

TEST(Expr, IntegerLiterals) {
  struct Case {
    const char* text;
    int64_t value;
  } cases[] = {{"0", 0},       {"00", 0},           {"42", 42},     {"1_000_000", 1000000},
               {"0x_ff", 255}, {"0XFF", 255},       {"0o17", 15},   {"0b101", 5},
               {"0B1_0", 2},   {"9223372036854775807", INT64_MAX}};
  for (const auto& c : cases) {
    auto e = parseExpr(c.text);
    ASSERT_EQ(e->kind, ExprKind::IntLit) << c.text;
    EXPECT_EQ(e->intValue, c.value) << c.text;
    EXPECT_FALSE(e->intOverflow) << c.text;
  }
}

TEST(Expr, TooLargeIntegerKeepsItsDigits) {
  for (const char* text : {"9223372036854775808", "0xFFFF_FFFF_FFFF_FFFF_F", "1" "000000000000000000000000000"}) {
    auto e = parseExpr(text);
    ASSERT_EQ(e->kind, ExprKind::IntLit);
    EXPECT_TRUE(e->intOverflow) << text;
    EXPECT_EQ(e->text, text);
  }
}

TEST(Expr, LeadingZeroDecimalIsASyntaxError) {
  auto p = parse("x = 0777\n");
  EXPECT_EQ(p->count(diag::Kind::SyntaxError), 1u) << p->messages();
}

TEST(Expr, FloatLiterals) {
  struct Case {
    const char* text;
    double value;
  } cases[] = {{"1e10", 1e10}, {"1_000.5", 1000.5}, {"0.5", 0.5}, {".5", 0.5}, {"1.", 1.0},
               {"2.5E-3", 2.5e-3}, {"1_0e1_0", 10e10}};
  for (const auto& c : cases) {
    auto e = parseExpr(c.text);
    ASSERT_EQ(e->kind, ExprKind::FloatLit) << c.text;
    EXPECT_DOUBLE_EQ(e->floatValue, c.value) << c.text;
  }
  auto huge = parseExpr("1e400");
  EXPECT_TRUE(std::isinf(huge->floatValue));
}

TEST(Expr, ComplexLiteralIsUnsupported) {
  for (const char* text : {"3j", "1.5J"}) {
    auto e = parseExpr(text);
    ASSERT_EQ(e->kind, ExprKind::Unsupported);
    EXPECT_EQ(e->text, "a complex literal");
  }
}

TEST(Expr, Constants) {
  EXPECT_EQ(parseExpr("True")->kind, ExprKind::BoolLit);
  EXPECT_TRUE(parseExpr("True")->boolValue);
  EXPECT_FALSE(parseExpr("False")->boolValue);
  EXPECT_EQ(parseExpr("None")->kind, ExprKind::NoneLit);
}

TEST(Expr, Strings) {
  struct Case {
    const char* source;
    const char* value;
  } cases[] = {
      {R"('abc')", "abc"},
      {R"("a\nb\t\\ \'q\"")", "a\nb\t\\ 'q\""},
      {R"('a' "b" 'c')", "abc"},
      {R"(r'\n\d')", "\\n\\d"},
      {R"('\x41\101\u00e9\U0001F600')", "AA\xC3\xA9\xF0\x9F\x98\x80"},
      {R"('\q')", "\\q"},
      {R"(u'x')", "x"},
      {"'''line1\nline2'''", "line1\nline2"},
      {"'''a\r\nb'''", "a\nb"},
      {"'a\\\nb'", "ab"},
  };
  for (const auto& c : cases) {
    auto e = parseExpr(c.source);
    ASSERT_EQ(e->kind, ExprKind::StrLit) << c.source;
    EXPECT_EQ(e->text, c.value) << c.source;
  }
}

TEST(Expr, FStringsAndBytesAreUnsupported) {
  EXPECT_EQ(parseExpr("f'{x}'")->text, "an f-string");
  EXPECT_EQ(parseExpr("F'x'")->text, "an f-string");
  EXPECT_EQ(parseExpr("rf'x'")->text, "an f-string");
  EXPECT_EQ(parseExpr("b'x'")->text, "a bytes literal");
  EXPECT_EQ(parseExpr("Rb'x'")->text, "a bytes literal");
  auto mixed = parseExpr("'a' f'{x}'");
  EXPECT_EQ(mixed->kind, ExprKind::Unsupported);
  EXPECT_EQ(mixed->text, "an f-string");
}

TEST(Expr, NamesAttributesSubscripts) {
  auto name = parseExpr("foo");
  EXPECT_EQ(name->kind, ExprKind::Name);
  EXPECT_EQ(name->text, "foo");

  auto attr = parseExpr("a.b.c");
  ASSERT_EQ(attr->kind, ExprKind::Attribute);
  EXPECT_EQ(attr->text, "c");
  ASSERT_EQ(attr->operand(0)->kind, ExprKind::Attribute);
  EXPECT_EQ(attr->operand(0)->text, "b");
  EXPECT_EQ(attr->operand(0)->operand(0)->text, "a");

  auto sub = parseExpr("m[i, j + 1]");
  ASSERT_EQ(sub->kind, ExprKind::Subscript);
  ASSERT_EQ(sub->operands.size(), 3u);
  EXPECT_EQ(sub->operand(1)->text, "i");
  EXPECT_EQ(sub->operand(2)->kind, ExprKind::Binary);

  auto shape = parseExpr("a.shape[0]");
  ASSERT_EQ(shape->kind, ExprKind::Subscript);
  EXPECT_EQ(shape->operand(0)->kind, ExprKind::Attribute);
  EXPECT_EQ(shape->operand(1)->intValue, 0);
}

TEST(Expr, Slices) {
  auto full = parseExpr("a[1:n:2]");
  const ast::Expr* s = full->operand(1);
  ASSERT_EQ(s->kind, ExprKind::Slice);
  ASSERT_EQ(s->operands.size(), 3u);
  EXPECT_EQ(s->operand(0)->intValue, 1);
  EXPECT_EQ(s->operand(1)->text, "n");
  EXPECT_EQ(s->operand(2)->intValue, 2);

  auto stepOnly = parseExpr("a[::-1]");
  s = stepOnly->operand(1);
  EXPECT_EQ(s->operand(0), nullptr);
  EXPECT_EQ(s->operand(1), nullptr);
  EXPECT_EQ(s->operand(2)->kind, ExprKind::Unary);

  auto upperOnly = parseExpr("a[:3]");
  s = upperOnly->operand(1);
  EXPECT_EQ(s->operand(0), nullptr);
  EXPECT_EQ(s->operand(1)->intValue, 3);
  EXPECT_EQ(s->operand(2), nullptr);

  auto lowerOnly = parseExpr("a[3:]");
  EXPECT_EQ(lowerOnly->operand(1)->operand(0)->intValue, 3);
  EXPECT_EQ(lowerOnly->operand(1)->operand(1), nullptr);
}

TEST(Expr, UnaryOperators) {
  struct Case {
    const char* text;
    ast::UnaryOp op;
  } cases[] = {{"-x", ast::UnaryOp::Neg}, {"+x", ast::UnaryOp::Pos}, {"~x", ast::UnaryOp::Invert},
               {"not x", ast::UnaryOp::Not}};
  for (const auto& c : cases) {
    auto e = parseExpr(c.text);
    ASSERT_EQ(e->kind, ExprKind::Unary) << c.text;
    EXPECT_EQ(e->unaryOp, c.op) << c.text;
    EXPECT_EQ(e->operand(0)->text, "x");
  }
}

TEST(Expr, BinaryOperators) {
  using B = ast::BinaryOp;
  struct Case {
    const char* op;
    B value;
  } cases[] = {{"+", B::Add},     {"-", B::Sub},    {"*", B::Mul},     {"/", B::Div},     {"//", B::FloorDiv},
               {"%", B::Mod},     {"**", B::Pow},   {"<<", B::LShift}, {">>", B::RShift}, {"&", B::BitAnd},
               {"|", B::BitOr},   {"^", B::BitXor}, {"@", B::MatMul}};
  for (const auto& c : cases) {
    auto e = parseExpr(std::string("a ") + c.op + " b");
    ASSERT_EQ(e->kind, ExprKind::Binary) << c.op;
    EXPECT_EQ(e->binaryOp, c.value) << c.op;
    EXPECT_EQ(e->operand(0)->text, "a");
    EXPECT_EQ(e->operand(1)->text, "b");
  }
  // Precedence and associativity come from the grammar.
  auto e = parseExpr("a - b - c * d ** e ** f");
  ASSERT_EQ(e->binaryOp, B::Sub);
  EXPECT_EQ(e->operand(0)->binaryOp, B::Sub);
  const ast::Expr* mul = e->operand(1);
  ASSERT_EQ(mul->binaryOp, B::Mul);
  EXPECT_EQ(mul->operand(1)->binaryOp, B::Pow);
  EXPECT_EQ(mul->operand(1)->operand(1)->binaryOp, B::Pow);  // right-associative
}

TEST(Expr, BoolOpsFlattenSameOperatorChains) {
  auto e = parseExpr("a and b and c");
  ASSERT_EQ(e->kind, ExprKind::BoolOp);
  EXPECT_EQ(e->boolOp, ast::BoolOpKind::And);
  ASSERT_EQ(e->operands.size(), 3u);
  EXPECT_EQ(e->operand(2)->text, "c");

  auto mixed = parseExpr("a or b and c or d");
  ASSERT_EQ(mixed->boolOp, ast::BoolOpKind::Or);
  ASSERT_EQ(mixed->operands.size(), 3u);
  EXPECT_EQ(mixed->operand(1)->boolOp, ast::BoolOpKind::And);

  auto grouped = parseExpr("(a and b) and c");
  ASSERT_EQ(grouped->operands.size(), 2u);
  EXPECT_EQ(grouped->operand(0)->kind, ExprKind::BoolOp);
}

TEST(Expr, Comparisons) {
  using C = ast::CompareOp;
  auto chain = parseExpr("0 <= i < n");
  ASSERT_EQ(chain->kind, ExprKind::Compare);
  EXPECT_EQ(chain->compareOps, (std::vector<C>{C::LtE, C::Lt}));
  ASSERT_EQ(chain->operands.size(), 3u);
  EXPECT_EQ(chain->operand(2)->text, "n");

  auto all = parseExpr("a < b <= c > d >= e == f != g is h is not i in j not in k");
  EXPECT_EQ(all->compareOps, (std::vector<C>{C::Lt, C::LtE, C::Gt, C::GtE, C::Eq, C::NotEq, C::Is, C::IsNot,
                                              C::In, C::NotIn}));
  EXPECT_EQ(all->operands.size(), 11u);
}

TEST(Expr, ConditionalExpressionOperandOrder) {
  auto e = parseExpr("body if test else orelse");
  ASSERT_EQ(e->kind, ExprKind::IfExp);
  EXPECT_EQ(e->operand(0)->text, "test");
  EXPECT_EQ(e->operand(1)->text, "body");
  EXPECT_EQ(e->operand(2)->text, "orelse");
}

TEST(Expr, CallsWithKeywords) {
  auto e = parseExpr("f(1, g(2), x=3, y=z)");
  ASSERT_EQ(e->kind, ExprKind::Call);
  ASSERT_EQ(e->operands.size(), 3u);
  EXPECT_EQ(e->operand(0)->text, "f");
  EXPECT_EQ(e->operand(2)->kind, ExprKind::Call);
  ASSERT_EQ(e->keywords.size(), 2u);
  EXPECT_EQ(e->keywords[0].name, "x");
  EXPECT_EQ(e->keywords[0].value->intValue, 3);
  EXPECT_EQ(e->keywords[1].name, "y");
  EXPECT_EQ(e->keywords[1].nameSpan.column, 21u);

  auto method = parseExpr("math.sqrt(2.0)");
  EXPECT_EQ(method->operand(0)->kind, ExprKind::Attribute);

  auto star = parseExpr("f(*a, **k)");
  ASSERT_EQ(star->operands.size(), 3u);
  EXPECT_EQ(star->operand(1)->kind, ExprKind::Unsupported);
  EXPECT_EQ(star->operand(2)->kind, ExprKind::Unsupported);
}

TEST(Expr, Tuples) {
  auto parenthesized = parseExpr("(1, 2)");
  ASSERT_EQ(parenthesized->kind, ExprKind::Tuple);
  EXPECT_EQ(parenthesized->operands.size(), 2u);

  auto bare = parseExpr("1, 2, 3");
  ASSERT_EQ(bare->kind, ExprKind::Tuple);
  EXPECT_EQ(bare->operands.size(), 3u);

  auto single = parseExpr("(1,)");
  ASSERT_EQ(single->kind, ExprKind::Tuple);
  EXPECT_EQ(single->operands.size(), 1u);

  auto empty = parseExpr("()");
  ASSERT_EQ(empty->kind, ExprKind::Tuple);
  EXPECT_TRUE(empty->operands.empty());
}

TEST(Expr, ParenthesesUnwrap) {
  auto e = parseExpr("((y))");
  ASSERT_EQ(e->kind, ExprKind::Name);
  EXPECT_EQ(e->span.column, 7u);  // the name's own span, like Python's ast
  EXPECT_EQ(e->span.endColumn, 8u);

  auto grouped = parseExpr("(a + b) * c");
  ASSERT_EQ(grouped->binaryOp, ast::BinaryOp::Mul);
  EXPECT_EQ(grouped->operand(0)->binaryOp, ast::BinaryOp::Add);
}

TEST(Expr, UnsupportedFormsAreDescribed) {
  struct Case {
    const char* text;
    const char* description;
  } cases[] = {
      {"lambda: 1", "a lambda"},
      {"{1: 2}", "a dict display"},
      {"{i: i for i in r}", "a dict comprehension"},
      {"{1, 2}", "a set display"},
      {"{i for i in r}", "a set comprehension"},
      {"(y := 2)", "an assignment expression (':=')"},
      {"...", "an Ellipsis ('...')"},
  };
  for (const auto& c : cases) {
    auto e = parseExpr(c.text);
    ASSERT_EQ(e->kind, ExprKind::Unsupported) << c.text;
    EXPECT_EQ(e->text, c.description) << c.text;
  }
}

TEST(Expr, YieldAndAwaitAreUnsupported) {
  auto p = parse("def g():\n    yield 1\n    await x\n");
  ASSERT_EQ(p->module.functions.size(), 1u);
  const auto& body = p->module.functions[0]->body;
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0]->exprs[0]->text, "a 'yield' expression");
  EXPECT_EQ(body[1]->exprs[0]->text, "an 'await' expression");
}

TEST(Expr, SpansAreOneBasedByteColumns) {
  auto p = parse("def f():\n    return a + bb\n");
  const ast::Expr* sum = p->module.functions[0]->body[0]->exprs[0].get();
  EXPECT_EQ(sum->span.line, 2u);
  EXPECT_EQ(sum->span.column, 12u);
  EXPECT_EQ(sum->span.endLine, 2u);
  EXPECT_EQ(sum->span.endColumn, 18u);
  EXPECT_EQ(p->source->slice(sum->span), "a + bb");
  EXPECT_EQ(p->source->slice(sum->operand(1)->span), "bb");

  // Columns count bytes: `é` is two.
  auto q = parse("s = 'é' + t\n");
  const ast::Expr* t = q->module.body[0]->exprs[1]->operand(1);
  EXPECT_EQ(t->span.column, 12u);
  EXPECT_EQ(q->source->slice(t->span), "t");
}

}  // namespace
}  // namespace pyxc::syntax::testing
