// The value-range analysis on real parsed and checked functions: intervals
// of locals and expressions, joins over assignments, widening, and the
// primitives it lets the emitter drop checks from.
#include <gtest/gtest.h>

#include <limits>
#include <memory>

#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/emit/primitives.h"
#include "compiler/emit/value_ranges.h"
#include "compiler/syntax/parse.h"

using namespace pyxc;
using namespace pyxc::emit;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// One checked module whose first function is analysed.
struct Analysed {
  std::unique_ptr<SourceFile> source;
  ast::Module module;
  std::unique_ptr<ValueRanges> ranges;

  const ast::FunctionDef& fn() const { return *module.functions[0]; }
  std::optional<Interval> local(const std::string& name) const {
    for (size_t i = 0; i < fn().locals.size(); ++i) {
      if (fn().locals[i].name == name) return ranges->ofLocal(static_cast<int>(i));
    }
    ADD_FAILURE() << "no local " << name;
    return std::nullopt;
  }
};

Analysed analyse(const std::string& body) {
  Analysed out;
  out.source = std::make_unique<SourceFile>("m.py", "import pyxc\nfrom pyxc import i8, i32, u8, u64\n" + body);
  diag::DiagnosticBag diags;
  out.module = syntax::parseModule(*out.source, "m", diags);
  check::checkModule(out.module, diags);
  EXPECT_FALSE(diags.hasErrors());
  out.ranges = std::make_unique<ValueRanges>(out.fn());
  return out;
}

void expectRange(const std::optional<Interval>& got, int64_t lo, int64_t hi) {
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->lo, lo);
  EXPECT_EQ(got->hi, hi);
}

TEST(ValueRanges, TypeIntervals) {
  using types::Scalar;
  using types::Type;
  expectRange(typeInterval(Type::scalarOf(Scalar::I8)), -128, 127);
  expectRange(typeInterval(Type::scalarOf(Scalar::U32)), 0, 4294967295);
  expectRange(typeInterval(Type::scalarOf(Scalar::I64)), kMin, kMax);
  expectRange(typeInterval(Type::scalarOf(Scalar::Bool)), 0, 1);
  EXPECT_FALSE(typeInterval(Type::scalarOf(Scalar::U64)));
  EXPECT_FALSE(typeInterval(Type::scalarOf(Scalar::F64)));
}

TEST(ValueRanges, ExactArithmetic) {
  auto add = exactBinary(ast::BinaryOp::Add, {0, kMax}, {1, 1});
  ASSERT_TRUE(add);
  EXPECT_TRUE(add->exceedsInt64);
  auto mul = exactBinary(ast::BinaryOp::Mul, {-3, 5}, {-7, 2});
  expectRange(mul->range, -35, 21);
  expectRange(exactBinary(ast::BinaryOp::Mod, {kMin, kMax}, {7, 7})->range, 0, 6);
  expectRange(exactBinary(ast::BinaryOp::Mod, {0, 4}, {7, 7})->range, 0, 4);
  expectRange(exactBinary(ast::BinaryOp::Mod, {kMin, kMax}, {-7, -7})->range, -6, 0);
  EXPECT_FALSE(exactBinary(ast::BinaryOp::Mod, {0, 9}, {-1, 3}));  // may divide by zero
  expectRange(exactBinary(ast::BinaryOp::FloorDiv, {-7, 7}, {2, 2})->range, -4, 3);
  EXPECT_TRUE(exactBinary(ast::BinaryOp::FloorDiv, {kMin, kMin}, {-1, -1})->exceedsInt64);
  expectRange(exactBinary(ast::BinaryOp::BitAnd, {kMin, kMax}, {255, 255})->range, 0, 255);
  expectRange(exactBinary(ast::BinaryOp::RShift, {-8, 8}, {1, 100})->range, -4, 4);
}

TEST(ValueRanges, SpinLoopAccumulatorIsBoundedByTheModulus) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def spin(n: int) -> int:\n"
      "    acc = 0\n"
      "    for i in range(n):\n"
      "        acc = (acc * 31 + i) % 1000003\n"
      "    return acc\n");
  expectRange(a.local("acc"), 0, 1000002);
  expectRange(a.local("i"), 0, kMax - 1);
  expectRange(a.local("n"), kMin, kMax);
}

TEST(ValueRanges, JoinsEveryAssignment) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(flag: bool, k: int) -> int:\n"
      "    x = -5\n"
      "    if flag:\n"
      "        x = 40\n"
      "    y = x if flag else k & 15\n"
      "    z = min(x, 3) + max(abs(x), 2)\n"
      "    return x + y + z\n");
  expectRange(a.local("x"), -5, 40);
  expectRange(a.local("y"), -5, 40);
  expectRange(a.local("z"), -5 + 2, 3 + 40);
}

TEST(ValueRanges, ReadBeforeAnyStoreWaitsForTheStore) {
  // `prev` is read (on later iterations) before the statement that stores
  // it: the fixpoint still bounds `d` instead of giving up.
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(n: int) -> int:\n"
      "    d = 0\n"
      "    for i in range(1, 10):\n"
      "        if i > 1:\n"
      "            d = prev * 2\n"
      "        prev = i\n"
      "    return d\n");
  expectRange(a.local("prev"), 1, 9);
  expectRange(a.local("d"), 0, 18);
}

TEST(ValueRanges, GrowingLocalsWidenAndTheFixpointEnds) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(n: int) -> int:\n"
      "    count = 0\n"
      "    bounded = 0\n"
      "    while count < n:\n"
      "        count += 1\n"
      "        bounded = (bounded + 1) & 1023\n"
      "    return count + bounded\n");
  // Widened to all of int64, then narrowed once: 0, or (checked) count + 1.
  expectRange(a.local("count"), kMin + 1, kMax);
  expectRange(a.local("bounded"), 0, 1023);
}

TEST(ValueRanges, NarrowTypesAndChecksThatRaise) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(a: i8, b: u8) -> int:\n"
      "    s: i32 = a + a\n"       // i8 + i8 is checked in i8: [-128, 127]
      "    t = b % 10\n"
      "    big = 0\n"
      "    for i in range(100):\n"
      "        big = i * 1000000000000000000\n"  // overflows: checked, so still an int64
      "    return s + t + big\n");
  expectRange(a.local("s"), -128, 127);
  expectRange(a.local("t"), 0, 9);
  expectRange(a.local("big"), 0, kMax);
}

TEST(ValueRanges, RangeLoopsWithSteps) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(n: int, s: int) -> int:\n"
      "    t = 0\n"
      "    for i in range(100, -1, -3):\n"
      "        t += 0\n"
      "    for j in range(5, n, s):\n"
      "        t += 0\n"
      "    for k in range(n, 0):\n"
      "        t += 0\n"
      "    return i + j + k + t\n");
  expectRange(a.local("i"), 0, 100);
  expectRange(a.local("j"), kMin, kMax);
  expectRange(a.local("k"), kMin, -1);
}

TEST(ValueRanges, PrangeLocalsAreUnknown) {
  Analysed a = analyse(
      "@pyxc.native\n"
      "def f(n: int) -> int:\n"
      "    total = 0\n"
      "    for i in pyxc.prange(n):\n"
      "        total += i % 7\n"
      "    return total\n");
  expectRange(a.local("total"), kMin, kMax);
  expectRange(a.local("i"), kMin, kMax);
}

TEST(ValueRanges, ProvenPrimitives) {
  using types::Scalar;
  using types::Type;
  ast::Directives d;
  Type i64 = Type::scalarOf(Scalar::I64);
  auto mul = provenBinaryPrimitive(ast::BinaryOp::Mul, i64, {0, 1000002}, {31, 31}, d);
  ASSERT_TRUE(mul);
  EXPECT_STREQ(mul->pattern, "pyxc::rt::mul_wrap({0}, {1})");
  EXPECT_FALSE(provenBinaryPrimitive(ast::BinaryOp::Add, i64, {0, 1000002}, {0, kMax - 1}, d));
  auto mod = provenBinaryPrimitive(ast::BinaryOp::Mod, i64, {0, kMax}, {1000003, 1000003}, d);
  ASSERT_TRUE(mod);
  EXPECT_STREQ(mod->pattern, "pyxc::rt::mod_nonneg({0}, {1})");
  EXPECT_FALSE(provenBinaryPrimitive(ast::BinaryOp::Mod, i64, {-1, kMax}, {7, 7}, d));
  EXPECT_FALSE(provenBinaryPrimitive(ast::BinaryOp::FloorDiv, i64, {0, 9}, {0, 7}, d));
  EXPECT_TRUE(provenUnaryPrimitive(ast::UnaryOp::Neg, i64, {kMin + 1, 0}, d));
  EXPECT_FALSE(provenUnaryPrimitive(ast::UnaryOp::Neg, i64, {kMin, 0}, d));
}

}  // namespace
