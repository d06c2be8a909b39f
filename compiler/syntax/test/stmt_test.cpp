// Statements, function definitions, imports and module-level bindings.
#include "compiler/syntax/test/syntax_test_util.h"

namespace pyxc::syntax::testing {
namespace {

using ast::ExprKind;
using ast::StmtKind;

const ast::Stmt& only(const Parsed& p) {
  EXPECT_EQ(p.module.body.size(), 1u) << dumpModule(p.module);
  return *p.module.body.at(0);
}

TEST(Stmt, Imports) {
  auto p = parse("import math\nimport pyxc as px, a.b\nfrom pyxc import f64, native as nat\nfrom math import sqrt\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const auto& body = p->module.body;
  ASSERT_EQ(body.size(), 4u);
  for (const auto& s : body) EXPECT_EQ(s->kind, StmtKind::Import);

  ASSERT_EQ(body[0]->imports.size(), 1u);
  EXPECT_EQ(body[0]->fromModule, "");
  EXPECT_EQ(body[0]->imports[0].name, "math");
  EXPECT_EQ(body[0]->imports[0].alias, "math");

  ASSERT_EQ(body[1]->imports.size(), 2u);
  EXPECT_EQ(body[1]->imports[0].name, "pyxc");
  EXPECT_EQ(body[1]->imports[0].alias, "px");
  EXPECT_EQ(body[1]->imports[1].name, "a.b");
  EXPECT_EQ(body[1]->imports[1].alias, "a");  // `import a.b` binds `a`

  EXPECT_EQ(body[2]->fromModule, "pyxc");
  ASSERT_EQ(body[2]->imports.size(), 2u);
  EXPECT_EQ(body[2]->imports[0].name, "f64");
  EXPECT_EQ(body[2]->imports[0].alias, "f64");
  EXPECT_EQ(body[2]->imports[1].name, "native");
  EXPECT_EQ(body[2]->imports[1].alias, "nat");
  EXPECT_EQ(body[2]->imports[1].span.column, 23u);

  EXPECT_EQ(body[3]->fromModule, "math");
  EXPECT_EQ(body[3]->imports[0].name, "sqrt");
}

TEST(Stmt, OtherImports) {
  auto p = parse("from __future__ import annotations\nfrom . import x\nfrom .m import *\n");
  ASSERT_EQ(p->module.body.size(), 3u);
  EXPECT_EQ(p->module.body[0]->fromModule, "__future__");
  EXPECT_EQ(p->module.body[0]->imports.at(0).name, "annotations");
  EXPECT_EQ(p->module.body[1]->fromModule, ".");
  EXPECT_EQ(p->module.body[2]->kind, StmtKind::Unsupported);
}

TEST(Stmt, FunctionDefinition) {
  auto p = parse(
      "import pyxc\n"
      "\n"
      "@pyxc.native(boundscheck=False)\n"
      "@other\n"
      "def f(a, b: int, /, c: float = 1.5, *args: int, d, e=2, **kw) -> pyxc.f64:\n"
      "    \"\"\"Adds.\n"
      "\n"
      "    More.\"\"\"\n"
      "    x = a\n"
      "    return x  # done\n"
      "    # trailing comment\n"
      "\n"
      "y = 1\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  ASSERT_EQ(p->module.functions.size(), 1u);
  const ast::FunctionDef& f = *p->module.functions[0];
  EXPECT_EQ(f.name, "f");
  EXPECT_EQ(f.nameSpan.line, 5u);
  EXPECT_EQ(f.nameSpan.column, 5u);
  EXPECT_EQ(f.firstLine, 3u);
  EXPECT_EQ(f.lastLine, 10u);
  EXPECT_EQ(f.span.line, 3u);
  EXPECT_EQ(f.span.column, 1u);
  EXPECT_EQ(f.span.endLine, 10u);
  ASSERT_EQ(f.decorators.size(), 2u);
  EXPECT_EQ(f.decorators[0]->kind, ExprKind::Call);
  EXPECT_EQ(f.decorators[1]->text, "other");

  using K = ast::Param::Kind;
  ASSERT_EQ(f.params.size(), 7u);
  const char* names[] = {"a", "b", "c", "args", "d", "e", "kw"};
  K kinds[] = {K::PositionalOnly, K::PositionalOnly, K::Positional, K::VarArgs, K::KeywordOnly, K::KeywordOnly,
               K::VarKwargs};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(f.params[i].name, names[i]);
    EXPECT_EQ(f.params[i].kind, kinds[i]) << names[i];
  }
  EXPECT_EQ(f.params[0].annotation, nullptr);
  EXPECT_EQ(f.params[1].annotation->text, "int");
  EXPECT_EQ(f.params[2].annotation->text, "float");
  EXPECT_DOUBLE_EQ(f.params[2].defaultValue->floatValue, 1.5);
  EXPECT_EQ(f.params[3].annotation->text, "int");
  EXPECT_EQ(f.params[5].defaultValue->intValue, 2);
  EXPECT_EQ(f.params[2].span.column, 21u);
  ASSERT_NE(f.returns, nullptr);
  EXPECT_EQ(f.returns->kind, ExprKind::Attribute);

  EXPECT_TRUE(f.hasDocstring);
  EXPECT_EQ(f.docstring, "Adds.\n\n    More.");
  ASSERT_EQ(f.body.size(), 2u);  // the docstring is not a statement
  EXPECT_EQ(f.body[0]->kind, StmtKind::Assign);
  EXPECT_EQ(f.body[1]->kind, StmtKind::Return);

  ASSERT_EQ(p->module.body.size(), 3u);
  EXPECT_EQ(p->module.body[1]->kind, StmtKind::FunctionDef);
  EXPECT_EQ(p->module.body[1]->function.get(), p->module.functions[0]);
}

TEST(Stmt, BareStarMakesKeywordOnly) {
  auto p = parse("def g(a, *, k, m=1):\n    pass\n");
  const auto& params = p->module.functions.at(0)->params;
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(params[0].kind, ast::Param::Kind::Positional);
  EXPECT_EQ(params[1].kind, ast::Param::Kind::KeywordOnly);
  EXPECT_EQ(params[2].kind, ast::Param::Kind::KeywordOnly);
}

TEST(Stmt, FunctionLinesWithoutDecoratorAndCompoundLastStatement) {
  auto p = parse("def f(n):\n    if n:\n        return 1\n    # c\n    else:\n        return 2\n\n# after\n");
  const auto& f = *p->module.functions.at(0);
  EXPECT_EQ(f.firstLine, 1u);
  EXPECT_EQ(f.lastLine, 6u);
  EXPECT_FALSE(f.hasDocstring);
}

TEST(Stmt, OneLineFunctionAndDocstringOnlyBody) {
  auto p = parse("def f(): return 1\ndef g():\n    'only a docstring'\n");
  ASSERT_EQ(p->module.functions.size(), 2u);
  EXPECT_EQ(p->module.functions[0]->lastLine, 1u);
  EXPECT_EQ(p->module.functions[1]->docstring, "only a docstring");
  EXPECT_TRUE(p->module.functions[1]->body.empty());
  EXPECT_EQ(p->module.functions[1]->lastLine, 3u);
}

TEST(Stmt, NestedDefIsAStatementNotAModuleFunction) {
  auto p = parse("def outer():\n    def inner():\n        pass\n    return inner\n");
  ASSERT_EQ(p->module.functions.size(), 1u);
  const auto& body = p->module.functions[0]->body;
  ASSERT_EQ(body.size(), 2u);
  ASSERT_EQ(body[0]->kind, StmtKind::FunctionDef);
  EXPECT_EQ(body[0]->function->name, "inner");
}

TEST(Stmt, Assignments) {
  auto chained = parse("a = b = 1\n");
  const auto& s = only(*chained);
  ASSERT_EQ(s.kind, StmtKind::Assign);
  ASSERT_EQ(s.exprs.size(), 3u);
  EXPECT_EQ(s.exprs[0]->text, "a");
  EXPECT_EQ(s.exprs[1]->text, "b");
  EXPECT_EQ(s.exprs[2]->intValue, 1);

  auto swap = parse("a, b = b, a\n");
  const auto& t = only(*swap);
  ASSERT_EQ(t.exprs.size(), 2u);
  EXPECT_EQ(t.exprs[0]->kind, ExprKind::Tuple);
  EXPECT_EQ(t.exprs[1]->kind, ExprKind::Tuple);

  auto target = parse("out[i, j] = v.w\n");
  EXPECT_EQ(only(*target).exprs[0]->kind, ExprKind::Subscript);

  auto annotated = parse("x: f32 = 0\ny: int\n");
  ASSERT_EQ(annotated->module.body.size(), 2u);
  const auto& a = *annotated->module.body[0];
  ASSERT_EQ(a.kind, StmtKind::AnnAssign);
  ASSERT_EQ(a.exprs.size(), 3u);
  EXPECT_EQ(a.exprs[1]->text, "f32");
  EXPECT_EQ(annotated->module.body[1]->exprs.size(), 2u);  // no value
}

TEST(Stmt, AugmentedAssignments) {
  using B = ast::BinaryOp;
  struct Case {
    const char* op;
    B value;
  } cases[] = {{"+=", B::Add},    {"-=", B::Sub},    {"*=", B::Mul},     {"/=", B::Div},     {"//=", B::FloorDiv},
               {"%=", B::Mod},    {"**=", B::Pow},   {"<<=", B::LShift}, {">>=", B::RShift}, {"&=", B::BitAnd},
               {"|=", B::BitOr},  {"^=", B::BitXor}, {"@=", B::MatMul}};
  for (const auto& c : cases) {
    auto p = parse(std::string("s ") + c.op + " 2\n");
    const auto& s = only(*p);
    ASSERT_EQ(s.kind, StmtKind::AugAssign) << c.op;
    EXPECT_EQ(s.binaryOp, c.value) << c.op;
    EXPECT_EQ(s.exprs[0]->text, "s");
    EXPECT_EQ(s.exprs[1]->intValue, 2);
  }
}

TEST(Stmt, IfElifElseNests) {
  auto p = parse("if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    break\nelse:\n    continue\n");
  const auto& s = only(*p);
  ASSERT_EQ(s.kind, StmtKind::If);
  EXPECT_EQ(s.exprs[0]->text, "a");
  ASSERT_EQ(s.body.size(), 1u);
  EXPECT_EQ(s.body[0]->kind, StmtKind::Pass);
  ASSERT_EQ(s.orelse.size(), 1u);
  const auto& elif1 = *s.orelse[0];
  ASSERT_EQ(elif1.kind, StmtKind::If);
  EXPECT_EQ(elif1.exprs[0]->text, "b");
  EXPECT_EQ(elif1.span.line, 3u);
  EXPECT_EQ(elif1.span.endLine, 8u);
  ASSERT_EQ(elif1.orelse.size(), 1u);
  const auto& elif2 = *elif1.orelse[0];
  EXPECT_EQ(elif2.exprs[0]->text, "c");
  EXPECT_EQ(elif2.body[0]->kind, StmtKind::Break);
  ASSERT_EQ(elif2.orelse.size(), 1u);
  EXPECT_EQ(elif2.orelse[0]->kind, StmtKind::Continue);

  auto plain = parse("if a:\n    pass\n");
  EXPECT_TRUE(only(*plain).orelse.empty());
}

TEST(Stmt, LoopsWithElse) {
  auto w = parse("while i < n:\n    i += 1\nelse:\n    pass\n");
  const auto& ws = only(*w);
  ASSERT_EQ(ws.kind, StmtKind::While);
  EXPECT_EQ(ws.exprs[0]->kind, ExprKind::Compare);
  EXPECT_EQ(ws.body.size(), 1u);
  EXPECT_EQ(ws.orelse.size(), 1u);

  auto f = parse("for i, j in range(0, n, 2):\n    s += i\nelse:\n    pass\n");
  const auto& fs = only(*f);
  ASSERT_EQ(fs.kind, StmtKind::For);
  EXPECT_EQ(fs.exprs[0]->kind, ExprKind::Tuple);
  ASSERT_EQ(fs.exprs[1]->kind, ExprKind::Call);
  EXPECT_EQ(fs.exprs[1]->operands.size(), 4u);
  EXPECT_EQ(fs.orelse.size(), 1u);
}

TEST(Stmt, SimpleStatements) {
  auto p = parse(
      "def f(x):\n"
      "    return\n"
      "    return x, 1\n"
      "    raise\n"
      "    raise ValueError('bad')\n"
      "    assert x\n"
      "    assert x > 0, 'msg'\n"
      "    x\n"
      "    a, b\n"
      "    pass; pass\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  const auto& body = p->module.functions.at(0)->body;
  ASSERT_EQ(body.size(), 10u);
  EXPECT_EQ(body[0]->kind, StmtKind::Return);
  EXPECT_TRUE(body[0]->exprs.empty());
  EXPECT_EQ(body[1]->exprs.at(0)->kind, ExprKind::Tuple);
  EXPECT_EQ(body[2]->kind, StmtKind::Raise);
  EXPECT_TRUE(body[2]->exprs.empty());
  EXPECT_EQ(body[3]->exprs.at(0)->kind, ExprKind::Call);
  EXPECT_EQ(body[4]->kind, StmtKind::Assert);
  EXPECT_EQ(body[4]->exprs.size(), 1u);
  EXPECT_EQ(body[5]->exprs.size(), 2u);
  EXPECT_EQ(body[5]->exprs[1]->text, "msg");
  EXPECT_EQ(body[6]->kind, StmtKind::Expr);
  EXPECT_EQ(body[7]->exprs.at(0)->kind, ExprKind::Tuple);
  EXPECT_EQ(body[8]->kind, StmtKind::Pass);
  EXPECT_EQ(body[9]->kind, StmtKind::Pass);
  EXPECT_EQ(body[9]->span.column, 11u);
}

TEST(Stmt, UnsupportedStatementsAreDescribed) {
  struct Case {
    const char* source;
    const char* description;
  } cases[] = {
      {"with open(p) as f:\n    pass\n", "'with ... as ...' (only 'with pyxc.gil():' is supported in native code)"},
      {"try:\n    pass\nexcept E:\n    pass\n", "a 'try' statement"},
      {"class C:\n    pass\n", "a class definition"},
      {"@dataclass\nclass C:\n    pass\n", "a class definition"},
      {"global g\n", "a 'global' statement"},
      {"nonlocal g\n", "a 'nonlocal' statement"},
      {"del x\n", "a 'del' statement"},
      {"match x:\n    case 1:\n        pass\n", "a 'match' statement"},
      {"async def f():\n    pass\n", "an 'async def' function"},
      {"raise E from e\n", "'raise ... from ...'"},
      {"from m import *\n", "a wildcard import ('from m import *')"},
  };
  for (const auto& c : cases) {
    auto p = parse(c.source);
    EXPECT_FALSE(p->diags.hasErrors()) << c.source << p->messages();
    const auto& s = only(*p);
    EXPECT_EQ(s.kind, StmtKind::Unsupported) << c.source;
    EXPECT_EQ(s.text, c.description) << c.source;
    EXPECT_EQ(s.span.line, 1u);
  }
}

TEST(Stmt, ModuleLevelBindings) {
  auto p = parse(
      "import math\n"
      "N = 10\n"
      "a, (b, c) = 1, (2, 3)\n"
      "M: int = 3\n"
      "N += 1\n"
      "class C:\n"
      "    inner = 1\n"
      "def f():\n"
      "    local = 1\n"
      "if math:\n"
      "    flag = True\n"
      "    def g(): pass\n"
      "for i in range(3):\n"
      "    pass\n"
      "try:\n"
      "    import numpy as np\n"
      "except ImportError:\n"
      "    np = None\n"
      "async def co():\n"
      "    pass\n");
  ASSERT_FALSE(p->diags.hasErrors()) << p->messages();
  std::vector<std::string> names;
  for (const auto& b : p->module.otherBindings) names.push_back(b.name + ":" + b.what);
  EXPECT_EQ(names, (std::vector<std::string>{"N:variable", "a:variable", "b:variable", "c:variable", "M:variable",
                                              "C:class", "flag:variable", "g:function", "i:variable",
                                              "np:import", "co:function"}));
  EXPECT_EQ(p->module.otherBindings[0].span.line, 2u);
  ASSERT_EQ(p->module.functions.size(), 1u);
  EXPECT_EQ(p->module.functions[0]->name, "f");
}

}  // namespace
}  // namespace pyxc::syntax::testing
