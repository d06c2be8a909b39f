// The prange analysis (parallel_loops.cpp): which locals are private, which
// are reductions, and that shared writes are rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/check/check_test_util.h"

using namespace pyxc;
using namespace pyxc::check::testing;

namespace {

const ast::Stmt& firstFor(const ast::Block& block) {
  for (const auto& s : block)
    if (s->kind == ast::StmtKind::For) return *s;
  throw std::runtime_error("no for loop");
}

std::vector<std::string> names(const ast::FunctionDef& fn, const std::vector<int>& slots) {
  std::vector<std::string> out;
  for (int slot : slots) out.push_back(fn.locals[static_cast<size_t>(slot)].name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(ParallelLoops, ClassifiesPrivatesAndReductions) {
  auto c = checkSource(
      "@pyxc.native\n"
      "def f(a: f64[:], n: int) -> float:\n"
      "    s = 0.0\n"
      "    lo = 1e9\n"
      "    d = 0\n"
      "    scale = 2.0\n"
      "    for i in pyxc.prange(n, num_threads=2):\n"
      "        v = a[i] * scale\n"
      "        s += v\n"
      "        lo = min(lo, v)\n"
      "        d -= i\n"
      "        for j in range(3):\n"
      "            t = j\n"
      "            a[i] += t\n"
      "    return s + lo + d\n");
  ASSERT_TRUE(c->errors().empty()) << c->firstError();
  const ast::FunctionDef& fn = c->fn("f");
  const ast::Stmt& loop = firstFor(fn.body);
  ASSERT_TRUE(loop.parallel);
  EXPECT_EQ(names(fn, loop.parallel->privates), (std::vector<std::string>{"i", "j", "t", "v"}));
  std::vector<int> reductionSlots;
  for (const auto& r : loop.parallel->reductions) reductionSlots.push_back(r.local);
  EXPECT_EQ(names(fn, reductionSlots), (std::vector<std::string>{"d", "lo", "s"}));
  for (const auto& r : loop.parallel->reductions) {
    const std::string& name = fn.locals[static_cast<size_t>(r.local)].name;
    ast::ReductionOp expected = name == "s" ? ast::ReductionOp::Add
                                : name == "lo" ? ast::ReductionOp::Min
                                               : ast::ReductionOp::Sub;
    EXPECT_EQ(r.op, expected) << name;
    ASSERT_TRUE(r.update && r.value);
  }
  EXPECT_TRUE(loop.parallel->numThreads);
  EXPECT_EQ(loop.exprs[1]->ref.name, "prange");
}

TEST(ParallelLoops, PrivateAfterAssignmentIsNotAReduction) {
  // `x = 0.0` first, then `x += ...`: x is private, not a reduction.
  auto c = checkSource(
      "@pyxc.native\n"
      "def f(a: f64[:]) -> None:\n"
      "    for i in pyxc.prange(a.shape[0]):\n"
      "        x = 0.0\n"
      "        x += a[i]\n"
      "        a[i] = x\n");
  ASSERT_TRUE(c->errors().empty()) << c->firstError();
  const ast::Stmt& loop = firstFor(c->fn("f").body);
  EXPECT_TRUE(loop.parallel->reductions.empty());
  EXPECT_EQ(names(c->fn("f"), loop.parallel->privates), (std::vector<std::string>{"i", "x"}));
}

TEST(ParallelLoops, SharedWritesAreErrors) {
  auto c = checkSource(
      "@pyxc.native\n"
      "def f(a: f64[:]) -> float:\n"
      "    s = 0.0\n"
      "    for i in pyxc.prange(a.shape[0]):\n"
      "        s = s + a[i]\n"
      "    return s\n");
  ASSERT_EQ(c->errors().size(), 1u);
  EXPECT_NE(c->firstError().find("parallel-race: 's' is read here where this iteration"), std::string::npos)
      << c->firstError();
}
