// The `math` module functions pyxc compiles, with CPython's errors:
// ValueError "math domain error" and OverflowError "math range error".
// No <Python.h>. Arguments are doubles, as in CPython's math module.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "builtins.h"
#include "errors.h"

namespace pyxc::rt::math {

inline constexpr double pi = 3.141592653589793;
inline constexpr double e = 2.718281828459045;
inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double tau = 6.283185307179586;

namespace detail {
[[noreturn, gnu::cold, gnu::noinline]] inline void domain_error() {
  raise(Exc::ValueError, "math domain error");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void range_error() {
  raise(Exc::OverflowError, "math range error");
}

// CPython's math_1: a nan result from a non-nan argument is a domain error;
// an infinite result from a finite argument is a range error when the
// function can overflow, else a domain error (a pole such as log(0)).
inline double check_1(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) [[unlikely]] domain_error();
  if (std::isinf(r) && std::isfinite(x)) [[unlikely]] {
    if (can_overflow) range_error();
    domain_error();
  }
  return r;
}

// CPython's m_log family: 0 and negatives are domain errors, inf and nan pass.
template <double (*Log)(double)>
inline double checked_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return Log(x);
    domain_error();
  }
  if (std::isnan(x) || x > 0.0) return x;
  domain_error();  // -inf
}

inline double ln(double x) { return std::log(x); }
inline double lg2(double x) { return std::log2(x); }
inline double lg10(double x) { return std::log10(x); }
}  // namespace detail

inline double sqrt(double x) { return detail::check_1(x, std::sqrt(x), false); }
inline double exp(double x) { return detail::check_1(x, std::exp(x), true); }
inline double sin(double x) { return detail::check_1(x, std::sin(x), false); }
inline double cos(double x) { return detail::check_1(x, std::cos(x), false); }
inline double tan(double x) { return detail::check_1(x, std::tan(x), false); }
inline double asin(double x) { return detail::check_1(x, std::asin(x), false); }
inline double acos(double x) { return detail::check_1(x, std::acos(x), false); }
inline double atan(double x) { return detail::check_1(x, std::atan(x), false); }
inline double fabs(double x) { return std::fabs(x); }

inline double log(double x) { return detail::checked_log<detail::ln>(x); }
inline double log2(double x) { return detail::checked_log<detail::lg2>(x); }
inline double log10(double x) { return detail::checked_log<detail::lg10>(x); }

// math.log(x, base) = log(x) / log(base); base 1 divides by zero.
inline double log(double x, double base) {
  double num = log(x);
  double den = log(base);
  if (den == 0.0) [[unlikely]] raise(Exc::ZeroDivisionError, "float division by zero");
  return num / den;
}

// C99 atan2 already gives CPython's special values.
inline double atan2(double y, double x) { return std::atan2(y, x); }

inline double copysign(double x, double y) { return std::copysign(x, y); }

inline bool isnan(double x) { return std::isnan(x); }
inline bool isinf(double x) { return std::isinf(x); }
inline bool isfinite(double x) { return std::isfinite(x); }

// math.pow (not **): domain errors instead of ZeroDivisionError/complex.
inline double pow(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) return y == 0.0 ? 1.0 : x;
    if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
    if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) return odd_y ? x : std::fabs(x);
      if (y == 0.0) return 1.0;
      return odd_y ? std::copysign(0.0, x) : 0.0;
    }
    // y is infinite
    if (std::fabs(x) == 1.0) return 1.0;
    if (y > 0.0 && std::fabs(x) > 1.0) return y;
    if (y < 0.0 && std::fabs(x) < 1.0) return -y;
    return 0.0;
  }
  double r = std::pow(x, y);
  if (!std::isfinite(r)) [[unlikely]] {
    if (std::isnan(r) || x == 0.0) detail::domain_error();
    detail::range_error();
  }
  return r;
}

// math.floor / math.ceil return ints, with int()'s errors for nan and inf.
inline int64_t floor(double x) { return float_to_int<int64_t>(std::floor(x)); }
inline int64_t ceil(double x) { return float_to_int<int64_t>(std::ceil(x)); }
inline int64_t floor(float x) { return floor(static_cast<double>(x)); }
inline int64_t ceil(float x) { return ceil(static_cast<double>(x)); }
template <Integer T>
inline int64_t floor(T x) { return int_cast<int64_t>(x); }
template <Integer T>
inline int64_t ceil(T x) { return int_cast<int64_t>(x); }
// math.trunc: int() of the value.
inline int64_t trunc(double x) { return float_to_int<int64_t>(x); }
inline int64_t trunc(float x) { return trunc(static_cast<double>(x)); }
template <Integer T>
inline int64_t trunc(T x) { return int_cast<int64_t>(x); }

}  // namespace pyxc::rt::math

#include "math_float.h"
#include "math_gamma.h"
#include "math_int.h"
