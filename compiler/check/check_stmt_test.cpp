// Statements, return types, definite assignment, error recovery.
#include <gtest/gtest.h>

#include "compiler/check/check_test_util.h"

using namespace pyxc;
using namespace pyxc::check::testing;
using Errors = std::vector<std::string>;

namespace {

std::unique_ptr<Checked> body(const std::string& signature, const std::string& text) {
  return checkSource("@pyxc.native\ndef " + signature + ":\n" + text);
}

// Finds every Name read of `name` in the function, in source order, and
// returns their maybeUnbound flags.
void collectReads(const ast::Expr* e, const std::string& name, std::vector<bool>& out) {
  if (!e) return;
  if (e->kind == ast::ExprKind::Name && e->text == name) out.push_back(e->maybeUnbound);
  for (const auto& o : e->operands) collectReads(o.get(), name, out);
}
void collectReads(const ast::Block& block, const std::string& name, std::vector<bool>& out) {
  for (const auto& s : block) {
    size_t first = s->kind == ast::StmtKind::Assign ? s->exprs.size() - 1 : 0;
    if (s->kind == ast::StmtKind::For) first = 1;
    for (size_t i = first; i < s->exprs.size(); ++i) collectReads(s->exprs[i].get(), name, out);
    collectReads(s->body, name, out);
    collectReads(s->orelse, name, out);
  }
}
std::vector<bool> maybeUnbound(const Checked& c, const std::string& name) {
  std::vector<bool> out;
  collectReads(c.fn("f").body, name, out);
  return out;
}

}  // namespace

TEST(Statements, ControlFlowIsAccepted) {
  auto c = body("f(n: int) -> int", R"(
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        elif i > 100:
            break
        else:
            pass
        total += i
    else:
        total -= 1
    for k in range(0, n, 2):
        total += k
    for k in range(n, 0, -1):
        total += k
    else:
        total += 1
    assert total >= 0, "negative"
    assert n
    return total
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "k"), "int");
}

TEST(Statements, AugAssignRecordsOperandAndResultTypes) {
  auto c = body("f(x: f32) -> None", "    s = 0\n    s += x\n    x /= 2\n");
  EXPECT_EQ(c->errors(), Errors{});
  const ast::Stmt& aug = *c->fn("f").body[1];
  ASSERT_EQ(aug.operandTypes.size(), 2u);
  EXPECT_EQ(types::pythonName(aug.operandTypes[0]), "float");  // int local joined with f32 -> f64
  EXPECT_EQ(c->localType("f", "s"), "float");
  const ast::Stmt& div = *c->fn("f").body[2];
  EXPECT_EQ(types::pythonName(div.operandTypes[0]), "f32");
  EXPECT_EQ(types::pythonName(div.operandTypes[1]), "f32");
}

TEST(Statements, AugAssignTypeErrors) {
  auto c = body("f(n: int) -> None", "    n /= 2\n");
  EXPECT_EQ(c->errors(),
            Errors{"3:5 incompatible-assignment: cannot assign a value of type float to 'n', declared as int"});
}

TEST(Statements, LoopErrors) {
  auto c = body("f(n: int, x: float) -> None", R"(
    break
    for i in range(x):
        pass
    for i in (1, 2):
        pass
    for i in range(n, n, 0):
        pass
    for a, b in range(n):
        pass
    continue
)");
  EXPECT_EQ(c->errors(),
            (Errors{"4:5 bad-loop: 'break' outside loop",
                    "5:20 type-mismatch: 'float' object cannot be interpreted as an integer",
                    "7:14 bad-loop: native code supports only 'for' loops over range(...), a list or an array; this iterates over "
                    "tuple[int, int] (supported: range(...), a list, an array, enumerate(...), zip(...) or reversed(...))",
                    "9:26 bad-loop: range() arg 3 must not be zero",
                    "11:9 type-mismatch: cannot unpack a non-iterable value of type int (native code unpacks tuples and "
                    "arrays)",
                    "13:5 bad-loop: 'continue' not properly in loop"}));
}

TEST(Statements, ReturnTypes) {
  EXPECT_EQ(body("f(n: int) -> float", "    return n\n")->errors(), Errors{});
  EXPECT_EQ(body("f(x: float) -> int", "    return x\n")->firstError(),
            "3:12 return-type: 'f' is declared to return int but this returns float");
  EXPECT_EQ(body("f(x: float) -> None", "    return x\n")->firstError(),
            "3:12 return-type: 'f' is declared '-> None' but returns a value");
  EXPECT_EQ(body("f(x: float) -> float", "    return\n")->firstError(),
            "3:5 return-type: 'return' without a value in 'f', which is declared to return float");
  EXPECT_EQ(body("f(x: float) -> None", "    return None\n")->errors(), Errors{});
  EXPECT_EQ(body("f(x: float) -> tuple[int, int]", "    return 1, x\n")->firstError(),
            "3:12 return-type: 'f' is declared to return tuple[int, int] but this returns tuple[int, float]");
  EXPECT_EQ(body("f(x: float) -> float", "    if x > 0:\n        return x\n")->firstError(),
            "2:5 return-type: 'f' is declared to return float but can reach the end of its body without a return");
  EXPECT_EQ(body("f(x: float)", "    if x > 0:\n        return x\n    return\n")->firstError(),
            "5:5 return-type: 'f' returns None here but a value elsewhere; a native function has one return type");
  EXPECT_EQ(body("f(x: float)", "    if x > 0:\n        return x\n    return (x, x)\n")->firstError(),
            "5:12 return-type: 'f' returns tuple[float, float] here but float elsewhere; add a return annotation");
}

TEST(Statements, AllPathsReturn) {
  EXPECT_EQ(body("f(x: int) -> int", R"(
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0
)")->errors(),
            Errors{});
  EXPECT_EQ(body("f(x: int) -> int", R"(
    while True:
        x += 1
        if x > 10:
            return x
)")->errors(),
            Errors{});
  EXPECT_EQ(body("f(x: int) -> int", "    raise ValueError(\"no\")\n")->errors(), Errors{});
}

TEST(Statements, RaiseAndAssert) {
  auto ok = body("f(x: int) -> None", R"(
    if x < 0:
        raise ValueError("negative")
    if x == 0:
        raise ZeroDivisionError
    assert x != 1, "one"
)");
  EXPECT_EQ(ok->errors(), Errors{});
  const ast::Expr& raised = *ok->fn("f").body[0]->body[0]->exprs[0];
  EXPECT_EQ(raised.ref.kind, ast::RefKind::Exception);
  EXPECT_EQ(raised.ref.name, "ValueError");
  ASSERT_EQ(raised.boundArgs.size(), 1u);
  EXPECT_EQ(raised.boundArgs[0]->text, "negative");

  auto bad = body("f(x: int) -> None", R"(
    if x < 0:
        raise Exception("x")
    if x < 1:
        raise ValueError(x)
    if x < 2:
        raise
    assert x, x
)");
  ASSERT_EQ(bad->errors().size(), 4u);
  EXPECT_EQ(bad->errors()[0].rfind("5:15 bad-raise: raising 'Exception' is not supported in native code; raise a", 0), 0u);
  EXPECT_EQ(bad->errors()[1], "7:26 bad-raise: the message of ValueError(...) must be a string literal in native code");
  EXPECT_EQ(bad->errors()[2].substr(0, 45), "9:9 bad-raise: a bare 'raise' is not supporte");
  EXPECT_EQ(bad->errors()[3],
            "10:15 unsupported-construct: the message of 'assert' must be a string literal in native code");
}

TEST(Statements, UnsupportedStatementsAreNamed) {
  auto c = body("f(x: int) -> None", R"(
    def inner():
        pass
    import os
    try:
        pass
    except ValueError:
        pass
    with x:
        pass
    x + 1
    x.y = 1
    "a string statement is fine"
)");
  EXPECT_EQ(c->errors(),
            (Errors{"4:9 unsupported-construct: nested function definitions are not supported in native code; "
                    "define 'inner' at module level",
                    "6:5 unsupported-construct: imports inside native functions are not supported; import at module "
                    "level",
                    "7:5 unsupported-construct: a 'try' statement is not supported in native code",
                    "11:10 unsupported-construct: a 'with' statement in native code only supports 'with "
                    "pyxc.gil():' (calling Python with the GIL held)",
                    "13:5 unsupported-construct: an expression statement that is not a call has no effect; remove "
                    "it or assign its value",
                    "14:5 unsupported-construct: assigning to an attribute is not supported in native code"}));
}

TEST(DefiniteAssignment, MarksMaybeUnboundReads) {
  auto c = body("f(n: int) -> int", R"(
    if n > 0:
        x = 1
        y = 1
    else:
        x = 2
    z = x
    z = y
    for i in range(n):
        w = i
    z = w
    z = i
    return z
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(maybeUnbound(*c, "x"), std::vector<bool>{false});
  EXPECT_EQ(maybeUnbound(*c, "y"), std::vector<bool>{true});
  EXPECT_EQ(maybeUnbound(*c, "w"), std::vector<bool>{true});
  EXPECT_EQ(maybeUnbound(*c, "i"), (std::vector<bool>{false, true}));
  EXPECT_EQ(maybeUnbound(*c, "n"), (std::vector<bool>{false, false}));
}

TEST(DefiniteAssignment, LoopsBreaksAndReturns) {
  auto c = body("f(n: int) -> int", R"(
    while True:
        a = n
        if a > 3:
            b = 1
            break
        n += 1
    c = a + b
    if n > 0:
        d = 1
    else:
        return 0
    c = d
    e = 0
    while n > 0:
        e = e + f2
        f2 = 1
    return c
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(maybeUnbound(*c, "a"), (std::vector<bool>{false, false}));
  EXPECT_EQ(maybeUnbound(*c, "b"), std::vector<bool>{false});
  EXPECT_EQ(maybeUnbound(*c, "d"), std::vector<bool>{false});
  EXPECT_EQ(maybeUnbound(*c, "f2"), std::vector<bool>{true});
}

TEST(DefiniteAssignment, CannotInferSelfReferentialLocal) {
  auto c = body("f(n: int) -> None", "    x = x + 1\n");
  EXPECT_EQ(c->firstError(),
            "3:5 unbound-local: cannot infer a type for 'x': it is only ever assigned values computed from itself; "
            "give it an initial value or an annotation");
}

TEST(Recovery, ReportsAllErrorsWithoutCascades) {
  auto c = checkSource(R"(
@pyxc.native
def f(x: int) -> int:
    y = undefined1
    z = y + 1
    w = z * 2.0
    return undefined2

@pyxc.native
def g(x: int) -> int:
    return x + (1, 2)
)");
  EXPECT_EQ(c->errors(), (Errors{"4:9 undefined-name: name 'undefined1' is not defined",
                                 "7:12 undefined-name: name 'undefined2' is not defined",
                                 "11:12 type-mismatch: unsupported operand type(s) for +: 'int' and 'tuple'"}));
}

TEST(Recovery, SurvivesSyntaxErrors) {
  auto c = body("f(x: int) -> int", "    y = (x +\n    return x\n");
  EXPECT_FALSE(c->parseDiags.all().empty());
  for (const auto& e : c->errors()) EXPECT_EQ(e.find("invalid syntax is not supported"), std::string::npos) << e;
}

namespace {

// Every expression emit reads has a known type: all but callees (their Ref
// says what they are) and the module name in `math.pi`.
void expectTyped(const ast::Expr* e, std::vector<std::string>& untyped, bool isCallee = false) {
  if (!e) return;
  bool moduleObject = e->kind == ast::ExprKind::Attribute;
  if (!isCallee && e->type.isUnknown()) untyped.push_back(std::to_string(e->span.line) + ":" + std::to_string(e->span.column));
  for (size_t i = 0; i < e->operands.size(); ++i) {
    bool skip = (e->kind == ast::ExprKind::Call && i == 0) || (moduleObject && i == 0);
    if (skip) continue;
    expectTyped(e->operands[i].get(), untyped);
  }
  for (const auto& kw : e->keywords) expectTyped(kw.value.get(), untyped);
}

void expectTyped(const ast::Block& block, std::vector<std::string>& untyped) {
  for (const auto& s : block) {
    size_t skipAnnotation = s->kind == ast::StmtKind::AnnAssign ? 1 : SIZE_MAX;
    for (size_t i = 0; i < s->exprs.size(); ++i)
      if (i != skipAnnotation) expectTyped(s->exprs[i].get(), untyped);
    expectTyped(s->body, untyped);
    expectTyped(s->orelse, untyped);
  }
}

}  // namespace

TEST(TypedAst, EveryValueExpressionHasAType) {
  auto c = checkSource(R"(
@pyxc.native
def pair(a: int, b: float = 1.0) -> tuple[int, float]:
    return a, b

@pyxc.native
def f(n: int, x: f32) -> float:
    s = 0
    t: f32 = 1
    q, r = pair(n, b=2.5)
    for i in range(1, n, 2):
        if 0 <= i < n and not (i == 3 or i > 10):
            s += i * x / 2 ** 2
        else:
            s -= math.sqrt(abs(i)) + math.pi + min(i, 3) + max(x, t, 0.5)
    while s > 100:
        s = s // 2 if s > 1000 else s % 7
    k = pair(1)[0] + round(s) + int(x) + float(n) + bool(n) + i32(n) + pyxc.f32(s) + (1, 2.5)[-1]
    assert k != 0, "zero"
    if k < 0:
        raise ValueError("negative")
    return s + q + r + k + (-n) + (~n) + (n << 2) + (n & 3)
)");
  ASSERT_EQ(c->errors(), Errors{});
  std::vector<std::string> untyped;
  for (const auto* fn : c->module.functions) expectTyped(fn->body, untyped);
  EXPECT_EQ(untyped, std::vector<std::string>{});
}

// `x += 1` reads x first: after `if p: x = 1` that read may be unbound, and
// the flag must survive the assignment half of the statement.
TEST(Statements, AugmentedAssignmentTargetIsARead) {
  auto c = body("f(p: bool) -> int", R"(
    if p:
        x = 1
    x += 1
    x += 1
    return x
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(maybeUnbound(*c, "x"), (std::vector<bool>{true, false, false}));
}
