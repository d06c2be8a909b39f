// The runtime's scalar arithmetic against CPython's answers (tables generated
// by gen_cpython_expected.py) plus the exact messages and narrow types.
#include "pyxc/arith.h"
#include "pyxc/float_narrowing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

#include "cpython_cases.h"

namespace pyxc_test {
namespace {
#define PYXC_ARITH_TABLES
#include "cpython_expected.inc"
}  // namespace

namespace rt = pyxc::rt;

template <class Case, size_t N, class Op>
void check_table(const Case (&table)[N], const char* op_name, Op op) {
  for (const Case& c : table) {
    std::ostringstream what;
    what.precision(17);
    what << c.a << " " << op_name << " " << c.b;
    using Result = decltype(op(c.a, c.b));
    expect_case<Case, Result>(c, [&] { return op(c.a, c.b); }, what.str());
  }
}

TEST(IntArith, MatchesCPython) {
  check_table(kIntAdd, "+", [](int64_t a, int64_t b) { return rt::add(a, b); });
  check_table(kIntSub, "-", [](int64_t a, int64_t b) { return rt::sub(a, b); });
  check_table(kIntMul, "*", [](int64_t a, int64_t b) { return rt::mul(a, b); });
  check_table(kIntFloorDiv, "//", [](int64_t a, int64_t b) { return rt::floordiv(a, b); });
  check_table(kIntMod, "%", [](int64_t a, int64_t b) { return rt::mod(a, b); });
  check_table(kIntTrueDiv, "/", [](int64_t a, int64_t b) { return rt::truediv(a, b); });
  check_table(kIntPow, "**", [](int64_t a, int64_t b) { return rt::ipow(a, b); });
  check_table(kIntLshift, "<<", [](int64_t a, int64_t b) { return rt::lshift(a, b); });
  check_table(kIntRshift, ">>", [](int64_t a, int64_t b) { return rt::rshift(a, b); });
  check_table(kIntNeg, "neg", [](int64_t a, int64_t) { return rt::neg(a); });
  check_table(kIntAbs, "abs", [](int64_t a, int64_t) { return rt::abs(a); });
  check_table(kIntRoundNeg, "round", [](int64_t a, int64_t b) { return rt::round_int(a, b); });
}

TEST(FloatArith, MatchesCPython) {
  check_table(kFloatFloorDiv, "//", [](double a, double b) { return rt::floordiv(a, b); });
  check_table(kFloatMod, "%", [](double a, double b) { return rt::mod(a, b); });
  check_table(kFloatTrueDiv, "/", [](double a, double b) { return rt::truediv(a, b); });
  check_table(kFloatPow, "**", [](double a, double b) { return rt::fpow(a, b); });
}

TEST(FloatConversions, MatchCPython) {
  check_table(kFloatToInt, "int", [](double a, double) { return rt::float_to_int(a); });
  check_table(kRound, "round", [](double a, double) { return rt::round_half_even(a); });
  check_table(kRoundNdigits, "round",
              [](double a, double n) { return rt::round_ndigits(a, int64_t(n)); });
}

TEST(Range, LengthMatchesCPython) {
  for (const RangeCase& c : kRangeLength)
    EXPECT_EQ(rt::range_length(c.start, c.stop, c.step), c.expected)
        << c.start << " " << c.stop << " " << c.step;
}

TEST(Range, ValuesAreTheRange) {
  int64_t start = INT64_MAX - 10, step = -7;
  uint64_t n = rt::range_length(start, INT64_MIN, step);
  EXPECT_EQ(rt::range_at(start, step, 0), start);
  EXPECT_EQ(rt::range_at(start, step, 1), start - 7);
  int64_t last = rt::range_at(start, step, n - 1);
  EXPECT_GE(last, INT64_MIN);
  EXPECT_LT(last, INT64_MIN + 7);  // one more step would leave the range
}

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const rt::Error& e) {
    return e.message;
  }
  return "<no exception>";
}

TEST(Messages, AreCPythons) {
  EXPECT_EQ(message_of([] { rt::floordiv<int64_t>(1, 0); }), "integer division or modulo by zero");
  EXPECT_EQ(message_of([] { rt::mod<int32_t>(1, 0); }), "integer modulo by zero");
  EXPECT_EQ(message_of([] { rt::ipow<int64_t>(0, -1); }), "0.0 cannot be raised to a negative power");
  EXPECT_EQ(message_of([] { rt::truediv<int64_t>(1, 0); }), "division by zero");
  EXPECT_EQ(message_of([] { rt::truediv(1.0, 0.0); }), "float division by zero");
  EXPECT_EQ(message_of([] { rt::floordiv(1.0, -0.0); }), "float floor division by zero");
  EXPECT_EQ(message_of([] { rt::mod(1.0, 0.0); }), "float modulo");
  EXPECT_EQ(message_of([] { rt::fpow(0.0, -1.0); }), "0.0 cannot be raised to a negative power");
  EXPECT_EQ(message_of([] { rt::fpow(2.0, 10000.0); }), "(34, 'Numerical result out of range')");
  EXPECT_EQ(message_of([] { rt::lshift<int64_t>(1, -1); }), "negative shift count");
  EXPECT_EQ(message_of([] { rt::rshift<int64_t>(1, -1); }), "negative shift count");
  EXPECT_EQ(message_of([] { rt::range_length(0, 1, 0); }), "range() arg 3 must not be zero");
  EXPECT_EQ(message_of([] { rt::float_to_int(NAN_); }), "cannot convert float NaN to integer");
  EXPECT_EQ(message_of([] { rt::float_to_int(-INF_); }),
            "cannot convert float infinity to integer");
  EXPECT_EQ(message_of([] { rt::add<int64_t>(INT64_MAX, 1); }),
            "integer overflow: result does not fit in i64");
}

TEST(NarrowInts, CheckedAgainstTheirOwnRange) {
  EXPECT_EQ(rt::add<int8_t>(100, 27), 127);
  EXPECT_THROW(rt::add<int8_t>(100, 28), rt::Error);
  EXPECT_THROW(rt::sub<uint8_t>(1, 2), rt::Error);
  EXPECT_THROW(rt::neg<uint32_t>(1), rt::Error);
  EXPECT_EQ(rt::neg<uint32_t>(0), 0u);
  EXPECT_THROW(rt::floordiv<int8_t>(-128, -1), rt::Error);
  EXPECT_EQ(rt::mod<int8_t>(-128, -1), 0);
  EXPECT_EQ(rt::floordiv<int16_t>(-7, 2), -4);
  EXPECT_EQ(rt::mod<int16_t>(-7, 2), 1);
  EXPECT_EQ(rt::mod<int16_t>(7, -2), -1);
  EXPECT_EQ(rt::mul<uint16_t>(255, 257), 65535);
  EXPECT_THROW(rt::mul<uint16_t>(256, 256), rt::Error);
  EXPECT_EQ(rt::mul<uint64_t>(UINT64_MAX, 1), UINT64_MAX);
  EXPECT_THROW(rt::mul<uint64_t>(UINT64_MAX, 2), rt::Error);
  EXPECT_EQ(rt::lshift<int8_t>(-1, 7), -128);
  EXPECT_THROW(rt::lshift<int8_t>(1, 7), rt::Error);
  EXPECT_EQ(rt::lshift<uint8_t>(1, 7), 128);
  EXPECT_EQ(rt::rshift<int8_t>(-128, 100), -1);
  EXPECT_EQ(rt::ipow<int32_t>(-2, 31), INT32_MIN);
  EXPECT_THROW(rt::ipow<int32_t>(2, 31), rt::Error);
  EXPECT_EQ(rt::ipow<uint8_t>(2, 7), 128);
  EXPECT_EQ(rt::truediv<int32_t>(1, 3), 1.0 / 3.0);
  EXPECT_EQ(rt::round_int<uint64_t>(UINT64_MAX - 1000, -3), 18446744073709551000ULL);
  EXPECT_EQ(rt::round_int<uint64_t>(UINT64_MAX, -20), 0u);
  EXPECT_THROW(rt::round_int<uint64_t>(UINT64_MAX - 1000, -19), rt::Error);  // 2 * 10**19
  EXPECT_EQ(rt::round_int<uint64_t>(14000000000000000000ULL, -19), 10000000000000000000ULL);
  EXPECT_THROW(rt::round_int<uint64_t>(UINT64_MAX, -1), rt::Error);
  EXPECT_EQ(rt::int_cast<int32_t>(int64_t{-5}), -5);
  EXPECT_THROW(rt::int_cast<int32_t>(int64_t{1} << 31), rt::Error);
  EXPECT_THROW(rt::int_cast<uint8_t>(int64_t{-1}), rt::Error);
  EXPECT_EQ(rt::float_to_int<uint8_t>(255.9), 255);
  EXPECT_THROW(rt::float_to_int<uint8_t>(256.0), rt::Error);
  EXPECT_EQ(rt::float_to_int<uint8_t>(-0.9), 0);
  EXPECT_THROW(rt::float_to_int<uint64_t>(-1.0), rt::Error);
  EXPECT_EQ(rt::float_to_int<uint64_t>(1.8e19), 18000000000000000000ULL);
}

TEST(Unchecked, WrapAndTruncate) {
  EXPECT_EQ(rt::add_wrap<int64_t>(INT64_MAX, 1), INT64_MIN);
  EXPECT_EQ(rt::mul_wrap<uint16_t>(256, 256), 0);
  EXPECT_EQ(rt::neg_wrap<int64_t>(INT64_MIN), INT64_MIN);
  EXPECT_EQ(rt::abs_wrap<int8_t>(-128), -128);
  EXPECT_EQ(rt::lshift_wrap<int64_t>(3, 64), 0);
  EXPECT_EQ(rt::ipow_wrap<int64_t>(2, 64), 0);
  EXPECT_EQ(rt::floordiv_c<int64_t>(-7, 2), -3);
  EXPECT_EQ(rt::mod_c<int64_t>(-7, 2), -1);
  EXPECT_EQ(rt::mod_c(-7.5, 2.0), -1.5);
  EXPECT_EQ(rt::invert<int64_t>(5), -6);
  EXPECT_EQ(rt::invert<uint8_t>(5), 250);
}

TEST(ProvenNonNegative, DivisionAgreesWithPythons) {
  // The compiler uses these only for a >= 0, b > 0: there they are floor
  // division and modulo, for every width.
  for (int64_t a : {int64_t{0}, int64_t{1}, int64_t{65535}, int64_t{2147483647}, INT64_MAX}) {
    for (int64_t b : {int64_t{1}, int64_t{3}, int64_t{65536}, int64_t{1000003}, INT64_MAX}) {
      EXPECT_EQ(rt::floordiv_nonneg(a, b), rt::floordiv(a, b)) << a << " // " << b;
      EXPECT_EQ(rt::mod_nonneg(a, b), rt::mod(a, b)) << a << " % " << b;
    }
  }
  EXPECT_EQ(rt::mod_nonneg<int8_t>(127, 16), 15);
  EXPECT_EQ(rt::floordiv_nonneg<int8_t>(127, 2), 63);
  EXPECT_EQ(rt::mod_nonneg<uint16_t>(65535, 256), 255);
}

TEST(FloatArith, F32StaysF32) {
  static_assert(std::is_same_v<decltype(rt::truediv(1.0f, 3.0f)), float>);
  static_assert(std::is_same_v<decltype(rt::truediv(1, 3)), double>);
  EXPECT_EQ(rt::floordiv(-7.5f, 2.0f), -4.0f);
  EXPECT_EQ(rt::mod(-7.5f, 2.0f), 0.5f);
  EXPECT_THROW(rt::fpow(3.0f, 1000.0f), rt::Error);  // overflows f32
}

TEST(FloatNarrowing, ToF32RoundsLikeNumpy) {
  const float inf = std::numeric_limits<float>::infinity();
  const float largest = std::numeric_limits<float>::max();
  const double midpoint = 0x1.ffffffp+127;  // between the largest f32 and 2^128
  EXPECT_EQ(rt::to_f32(1e300), inf);
  EXPECT_EQ(rt::to_f32(-1e300), -inf);
  EXPECT_EQ(rt::to_f32(std::numeric_limits<double>::max()), inf);
  EXPECT_EQ(rt::to_f32(midpoint), inf);  // a tie, to even
  EXPECT_EQ(rt::to_f32(-midpoint), -inf);
  EXPECT_EQ(rt::to_f32(std::nextafter(midpoint, 0.0)), largest);
  EXPECT_EQ(rt::to_f32(-std::nextafter(midpoint, 0.0)), -largest);
  EXPECT_EQ(rt::to_f32(HUGE_VAL), inf);
  EXPECT_TRUE(std::isnan(rt::to_f32(NAN_)));
  EXPECT_TRUE(std::signbit(rt::to_f32(-0.0)));
  EXPECT_EQ(rt::to_f32(1e-300), 0.0f);  // underflow is defined anyway
  // In range it is the hardware's rounding: doubles spread over every exponent.
  for (uint64_t bits = 0x0010000000000001ULL; bits < 0x47f0000000000000ULL; bits += 0x0000731f0ab3c5d7ULL) {
    double x;
    std::memcpy(&x, &bits, sizeof x);
    if (x > largest) break;
    ASSERT_EQ(rt::to_f32(x), static_cast<float>(x)) << x;
    ASSERT_EQ(rt::to_f32(-x), static_cast<float>(-x)) << x;
  }
}

TEST(FloatNarrowing, SaturatingFloatToIntIsDefinedEverywhere) {
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(-2.9), -2);
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(2147483647.9), INT32_MAX);
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(2147483648.0), INT32_MAX);
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(-2147483648.9), INT32_MIN);
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(-1e300), INT32_MIN);
  EXPECT_EQ(rt::float_to_int_saturating<int32_t>(NAN_), 0);
  EXPECT_EQ(rt::float_to_int_saturating<int64_t>(9.2233720368547758e18), INT64_MAX);  // 2^63
  EXPECT_EQ(rt::float_to_int_saturating<int64_t>(-9.2233720368547758e18), INT64_MIN);
  EXPECT_EQ(rt::float_to_int_saturating<int64_t>(HUGE_VAL), INT64_MAX);
  EXPECT_EQ(rt::float_to_int_saturating<uint8_t>(-0.5), 0);
  EXPECT_EQ(rt::float_to_int_saturating<uint8_t>(-3.0), 0);
  EXPECT_EQ(rt::float_to_int_saturating<uint8_t>(255.5f), 255);
  EXPECT_EQ(rt::float_to_int_saturating<uint64_t>(1.8e19), 18000000000000000000ULL);
  EXPECT_EQ(rt::float_to_int_saturating<uint64_t>(1.9e19), UINT64_MAX);
  EXPECT_EQ(rt::float_to_int_saturating<int8_t>(-128.7), -128);
}

TEST(MinMax, FollowCPythonOrder) {
  EXPECT_TRUE(std::isnan(rt::max(NAN_, 1.0)));
  EXPECT_EQ(rt::max(1.0, NAN_), 1.0);
  EXPECT_TRUE(std::isnan(rt::min(NAN_, 1.0)));
  EXPECT_EQ(rt::min(1.0, NAN_), 1.0);
  EXPECT_EQ(rt::max(1.0, NAN_, 3.0), 3.0);
  EXPECT_EQ(rt::max<int64_t>(3, 9, -2), 9);
  EXPECT_EQ(rt::min<int64_t>(3, 9, -2), -2);
  // max(0.0, -0.0) keeps the first: -0.0 > 0.0 is false.
  EXPECT_FALSE(std::signbit(rt::max(0.0, -0.0)));
  EXPECT_TRUE(std::signbit(rt::max(-0.0, 0.0)));
}

}  // namespace pyxc_test
