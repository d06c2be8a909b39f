// Annotations: `f64[:]` and `pyxc.f64[:]` must give the same kind of tree as
// the expressions they spell (grammar/grammar.js makes both subscripts).
#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

using ast::ExprKind;

const ast::Expr* paramAnnotation(const Parsed& p, size_t index = 0) {
  EXPECT_FALSE(p.diags.hasErrors()) << p.messages();
  if (p.module.functions.empty() || p.module.functions[0]->params.size() <= index) return nullptr;
  return p.module.functions[0]->params[index].annotation.get();
}

TEST(Annotation, BareArrayAnnotation) {
  auto p = parse("def f(a: f64[:, ::1]) -> f64[:]:\n    pass\n");
  const ast::Expr* a = paramAnnotation(*p);
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->kind, ExprKind::Subscript);
  ASSERT_EQ(a->operands.size(), 3u);
  EXPECT_EQ(a->operand(0)->kind, ExprKind::Name);
  EXPECT_EQ(a->operand(0)->text, "f64");
  ASSERT_EQ(a->operand(1)->kind, ExprKind::Slice);
  EXPECT_EQ(a->operand(1)->operand(0), nullptr);
  EXPECT_EQ(a->operand(1)->operand(1), nullptr);
  EXPECT_EQ(a->operand(1)->operand(2), nullptr);
  ASSERT_EQ(a->operand(2)->kind, ExprKind::Slice);
  ASSERT_NE(a->operand(2)->operand(2), nullptr);
  EXPECT_EQ(a->operand(2)->operand(2)->kind, ExprKind::IntLit);
  EXPECT_EQ(a->operand(2)->operand(2)->intValue, 1);
  EXPECT_EQ(p->source->slice(a->span), "f64[:, ::1]");
  EXPECT_EQ(p->source->slice(a->operand(2)->span), "::1");

  const ast::Expr* r = p->module.functions[0]->returns.get();
  ASSERT_EQ(r->kind, ExprKind::Subscript);
  ASSERT_EQ(r->operands.size(), 2u);
  EXPECT_EQ(r->operand(1)->kind, ExprKind::Slice);
}

TEST(Annotation, QualifiedArrayAnnotation) {
  auto p = parse("def g(m: pyxc.f64[:, :, ::1]):\n    pass\n");
  const ast::Expr* a = paramAnnotation(*p);
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->kind, ExprKind::Subscript);
  ASSERT_EQ(a->operands.size(), 4u);
  ASSERT_EQ(a->operand(0)->kind, ExprKind::Attribute);
  EXPECT_EQ(a->operand(0)->text, "f64");
  EXPECT_EQ(a->operand(0)->operand(0)->text, "pyxc");
  EXPECT_EQ(a->operand(3)->operand(2)->intValue, 1);
}

// The same text as an annotation and as an expression converts to the same
// tree; only the qualifier differs between the two spellings.
TEST(Annotation, BothSpellingsGiveTheSameTrees) {
  for (const char* type : {"f64[:]", "f64[:, ::1]", "i32[::1]", "f64[1:2:3]", "tuple[f64, i64]", "f64[:, :, :]"}) {
    auto annotated = parse(std::string("def f(a: ") + type + ") -> " + type + ":\n    pass\nx: " + type + " = y\n");
    ASSERT_FALSE(annotated->diags.hasErrors()) << type << annotated->messages();
    auto asValue = parseExpr(type);
    const ast::Expr* param = annotated->module.functions.at(0)->params.at(0).annotation.get();
    const ast::Expr* returns = annotated->module.functions[0]->returns.get();
    const ast::Expr* local = annotated->module.body.at(1)->exprs.at(1).get();
    EXPECT_TRUE(sameTree(param, asValue.expr)) << type;
    EXPECT_TRUE(sameTree(returns, asValue.expr)) << type;
    EXPECT_TRUE(sameTree(local, asValue.expr)) << type;
    EXPECT_EQ(annotated->source->slice(param->span), type);

    auto qualified = parse(std::string("def f(a: pyxc.") + type + "):\n    pass\n");
    const ast::Expr* q = paramAnnotation(*qualified);
    ASSERT_NE(q, nullptr);
    ASSERT_EQ(q->operands.size(), param->operands.size()) << type;
    EXPECT_EQ(q->operand(0)->kind, ExprKind::Attribute);
    for (size_t i = 1; i < q->operands.size(); ++i) EXPECT_TRUE(sameTree(q->operand(i), param->operand(i))) << type;
  }
}

TEST(Annotation, AnnotatedLocalWithArrayType) {
  auto p = parse("def f():\n    x: f64[:] = y\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const auto& s = *p->module.functions.at(0)->body.at(0);
  ASSERT_EQ(s.kind, ast::StmtKind::AnnAssign);
  ASSERT_EQ(s.exprs.size(), 3u);
  EXPECT_EQ(s.exprs[1]->kind, ExprKind::Subscript);
  EXPECT_EQ(s.exprs[2]->text, "y");
}

TEST(Annotation, TupleReturn) {
  auto p = parse("def f() -> tuple[f64, i64]:\n    pass\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const ast::Expr* r = p->module.functions.at(0)->returns.get();
  ASSERT_EQ(r->kind, ExprKind::Subscript);
  ASSERT_EQ(r->operands.size(), 3u);
  EXPECT_EQ(r->operand(0)->text, "tuple");
  EXPECT_EQ(r->operand(1)->kind, ExprKind::Name);
  EXPECT_EQ(r->operand(1)->text, "f64");
  EXPECT_EQ(r->operand(2)->text, "i64");
}

TEST(Annotation, ScalarsAndNone) {
  auto p = parse("def f(a: int, b: pyxc.f32, c: 'str') -> None:\n    pass\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const auto& f = *p->module.functions.at(0);
  EXPECT_EQ(f.params[0].annotation->kind, ExprKind::Name);
  EXPECT_EQ(f.params[0].annotation->text, "int");
  EXPECT_EQ(f.params[1].annotation->kind, ExprKind::Attribute);
  EXPECT_EQ(f.params[2].annotation->kind, ExprKind::StrLit);
  EXPECT_EQ(f.returns->kind, ExprKind::NoneLit);
}

TEST(Annotation, UnionAndNestedGenerics) {
  auto p = parse("def f(a: int | None, b: dict[str, list[int]]):\n    pass\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const auto& f = *p->module.functions.at(0);
  ASSERT_EQ(f.params[0].annotation->kind, ExprKind::Binary);
  EXPECT_EQ(f.params[0].annotation->binaryOp, ast::BinaryOp::BitOr);
  const ast::Expr* b = f.params[1].annotation.get();
  ASSERT_EQ(b->kind, ExprKind::Subscript);
  ASSERT_EQ(b->operands.size(), 3u);
  EXPECT_EQ(b->operand(2)->kind, ExprKind::Subscript);
}

}  // namespace
}  // namespace pyxc::syntax::testing
