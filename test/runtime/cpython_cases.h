// Case types for the tables in cpython_expected.inc (generated from CPython)
// and helpers that run one runtime operation and compare.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "pyxc/errors.h"

namespace pyxc_test {

enum class Outcome { Ok, ZeroDiv, Overflow, Value };

inline constexpr double INF_ = std::numeric_limits<double>::infinity();
inline constexpr double NAN_ = std::numeric_limits<double>::quiet_NaN();

struct IntCase {
  int64_t a, b;
  Outcome outcome;
  int64_t expected;
};
struct IntToFloatCase {
  int64_t a, b;
  Outcome outcome;
  double expected;
};
struct FloatCase {
  double a, b;
  Outcome outcome;
  double expected;
};
struct FloatToIntCase {
  double a, b;
  Outcome outcome;
  int64_t expected;
};
struct RangeCase {
  int64_t start, stop, step;
  uint64_t expected;
};

inline const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::Ok: return "a value";
    case Outcome::ZeroDiv: return "ZeroDivisionError";
    case Outcome::Overflow: return "OverflowError";
    case Outcome::Value: return "ValueError";
  }
  return "?";
}

inline Outcome outcome_of(pyxc::rt::Exc type) {
  switch (type) {
    case pyxc::rt::Exc::ZeroDivisionError: return Outcome::ZeroDiv;
    case pyxc::rt::Exc::OverflowError: return Outcome::Overflow;
    case pyxc::rt::Exc::ValueError: return Outcome::Value;
    default: return Outcome::Ok;  // any other exception is a mismatch below
  }
}

// Same value in the Python sense of repr equality: nan matches nan, and the
// sign of zero matters.
inline bool same_float(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b && std::signbit(a) == std::signbit(b);
}

template <class Case, class Result>
void expect_case(const Case& c, const std::function<Result()>& run, const std::string& what) {
  try {
    Result got = run();
    if (c.outcome != Outcome::Ok) {
      ADD_FAILURE() << what << ": expected " << outcome_name(c.outcome) << ", got " << got;
      return;
    }
    if constexpr (std::is_floating_point_v<Result>) {
      EXPECT_TRUE(same_float(got, static_cast<double>(c.expected)))
          << what << ": got " << got << " expected " << c.expected;
    } else {
      EXPECT_EQ(got, static_cast<Result>(c.expected)) << what;
    }
  } catch (const pyxc::rt::Error& error) {
    EXPECT_EQ(outcome_name(outcome_of(error.type)), outcome_name(c.outcome))
        << what << ": raised '" << error.message << "'";
  }
}

}  // namespace pyxc_test
