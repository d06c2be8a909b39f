// The rest of the `math` module on floats (Python 3.11): hyperbolic and
// exponential functions, erf, fmod, remainder, frexp, modf, ldexp, ulp,
// isclose, hypot of any number of coordinates. Same errors as CPython's
// math_1 / math_2 wrappers (see pymath.h). No <Python.h>.
#pragma once

#include <climits>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "errors.h"

namespace pyxc::rt::math {

inline double acosh(double x) { return detail::check_1(x, std::acosh(x), false); }
inline double asinh(double x) { return detail::check_1(x, std::asinh(x), false); }
inline double atanh(double x) { return detail::check_1(x, std::atanh(x), false); }
inline double cbrt(double x) { return detail::check_1(x, std::cbrt(x), false); }
inline double cosh(double x) { return detail::check_1(x, std::cosh(x), true); }
inline double sinh(double x) { return detail::check_1(x, std::sinh(x), true); }
inline double tanh(double x) { return detail::check_1(x, std::tanh(x), false); }
inline double exp2(double x) { return detail::check_1(x, std::exp2(x), true); }
inline double expm1(double x) { return detail::check_1(x, std::expm1(x), true); }
// log1p(-1) is a pole: ValueError, as for log(0).
inline double log1p(double x) { return detail::check_1(x, x == 0.0 ? x : std::log1p(x), false); }
// CPython uses the C library's erf/erfc and never raises for them.
inline double erf(double x) { return std::erf(x); }
inline double erfc(double x) { return std::erfc(x); }

// CPython multiplies by the double constants pi/180 and 180/pi.
inline double degrees(double x) { return x * (180.0 / pi); }
inline double radians(double x) { return x * (pi / 180.0); }

// CPython's math_2: a nan from non-nan arguments is a domain error.
inline double fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) [[unlikely]] detail::domain_error();
  return r;
}

// IEEE remainder: x - n*y for the nearest integer n (ties to even); exact.
inline double remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) [[unlikely]] detail::domain_error();
    double ax = std::fabs(x), ay = std::fabs(y);
    double m = std::fmod(ax, ay);
    // Compare m with ay - m rather than with ay / 2, which may be inexact.
    double c = ay - m;
    double r = m < c ? m : (m > c ? -c : m - 2.0 * std::fmod(0.5 * (ax - m), ay));
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) [[unlikely]] detail::domain_error();
  return x;  // y is infinite
}

inline std::tuple<double, int64_t> frexp(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0.0) return {x, 0};
  int e = 0;
  double m = std::frexp(x, &e);
  return {m, e};
}

// (fractional part, integer part), both with the sign of x.
inline std::tuple<double, double> modf(double x) {
  if (std::isinf(x)) return {std::copysign(0.0, x), x};
  if (std::isnan(x)) return {x, x};
  double whole = 0.0;
  double frac = std::modf(x, &whole);
  return {frac, whole};
}

inline double ldexp(double x, int64_t i) {
  if (x == 0.0 || !std::isfinite(x)) return x;
  if (i > INT_MAX) [[unlikely]] detail::range_error();
  if (i < INT_MIN) return std::copysign(0.0, x);
  double r = std::ldexp(x, static_cast<int>(i));
  if (std::isinf(r)) [[unlikely]] detail::range_error();
  return r;
}

inline double nextafter(double x, double y) { return std::nextafter(x, y); }

inline double ulp(double x) {
  if (std::isnan(x)) return x;
  x = std::fabs(x);
  if (std::isinf(x)) return x;
  double up = std::nextafter(x, inf);
  if (std::isinf(up)) return x - std::nextafter(x, -inf);  // x is the largest double
  return up - x;
}


inline bool isclose(double a, double b, double rel_tol = 1e-09, double abs_tol = 0.0) {
  if (rel_tol < 0.0 || abs_tol < 0.0) [[unlikely]]
    raise(Exc::ValueError, "tolerances must be non-negative");
  if (a == b) return true;
  if (std::isinf(a) || std::isinf(b)) return false;
  double diff = std::fabs(b - a);
  return diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol;
}

namespace detail {

// CPython 3.11's vector_norm: sqrt of the sum of squares with power-of-two
// scaling, Veltkamp-Dekker splitting of each square, compensated sums and
// one differential correction of the root, so the answer is bit for bit
// CPython's (which is correctly rounded almost always). `v` holds |x_i|.
inline double vector_norm(int n, const double* v, double max, bool found_nan) {
  const double split = 134217729.0;  // 2**27 + 1
  if (std::isinf(max)) return max;
  if (found_nan) return nan;
  if (max == 0.0 || n <= 1) return max;
  int max_e = 0;
  std::frexp(max, &max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  auto accumulate = [&csum](double term, double& frac) {
    double before = csum;
    csum += term;
    frac += (before - csum) + term;
  };
  if (max_e < -1023) {  // the scale 2**-max_e would overflow: divide by max instead
    for (int i = 0; i < n; ++i) {
      double x = v[i] / max;
      accumulate(x * x, frac1);
    }
    return max * std::sqrt(csum - 1.0 + frac1);
  }
  double scale = std::ldexp(1.0, -max_e);
  for (int i = 0; i < n; ++i) {
    double x = v[i] * scale;
    double t = x * split;
    double hi = t - (t - x);
    double lo = x - hi;
    accumulate(hi * hi, frac1);
    accumulate(2.0 * hi * lo, frac2);
    frac3 += lo * lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
  double t = h * split;
  double hi = t - (t - h);
  double lo = h - hi;
  accumulate(-hi * hi, frac1);
  accumulate(-2.0 * hi * lo, frac2);
  accumulate(-lo * lo, frac3);
  double x = csum - 1.0 + (frac1 + frac2 + frac3);
  return (h + x / (2.0 * h)) / scale;
}

}  // namespace detail

// math.hypot(*coordinates); never raises (inf when the norm overflows).
template <class... D>
inline double hypot(D... coordinates) {
  constexpr int n = sizeof...(D);
  if constexpr (n == 0) {
    return 0.0;
  } else {
    double v[n] = {std::fabs(static_cast<double>(coordinates))...};
    double max = 0.0;
    bool found_nan = false;
    for (double x : v) {
      found_nan = found_nan || std::isnan(x);
      if (x > max) max = x;
    }
    return detail::vector_norm(n, v, max, found_nan);
  }
}

}  // namespace pyxc::rt::math
