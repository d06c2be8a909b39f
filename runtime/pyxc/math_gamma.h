// math.gamma and math.lgamma. CPython computes them itself (not with the C
// library's tgamma/lgamma): a Lanczos approximation (N=13, g≈6.0247, the
// parameters Boost uses) as a rational function, the reflection formula for
// negative arguments and exact values for small integers. The same steps in
// the same order give CPython's bits. No <Python.h>.
#pragma once

#include <cmath>

#include "errors.h"

namespace pyxc::rt::math {
namespace detail {

inline constexpr double kLanczosG = 6.024680040776729583740234375;
inline constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
inline constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// sin(pi * x), accurate near integers; x finite.
inline double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r = 0.0;
  switch (static_cast<int>(std::round(2.0 * y))) {
    case 0: r = std::sin(pi * y); break;
    case 1: r = std::cos(pi * (y - 0.5)); break;
    case 2: r = std::sin(pi * (1.0 - y)); break;  // not -sin(pi*(y-1)): keeps +0.0 at y == 1
    case 3: r = -std::cos(pi * (y - 1.5)); break;
    default: r = std::sin(pi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// The Lanczos sum as numerator/denominator polynomials; in 1/x for x >= 5,
// which avoids overflow and is more accurate there.
inline double lanczos_sum(double x) {
  static constexpr double num[13] = {
      23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
      35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
      6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
      248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
      2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
      8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
      2.5066282746310002701649081771338373386264310793408};
  // x * (x+1) * ... * (x+11), expanded.
  static constexpr double den[13] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                     45995730.0, 13339535.0, 2637558.0,  357423.0,    32670.0,
                                     1925.0,   66.0,       1.0};
  double n = 0.0, d = 0.0;
  if (x < 5.0) {
    for (int i = 12; i >= 0; --i) {
      n = n * x + num[i];
      d = d * x + den[i];
    }
  } else {
    for (int i = 0; i < 13; ++i) {
      n = n / x + num[i];
      d = d / x + den[i];
    }
  }
  return n / d;
}

}  // namespace detail

inline double gamma(double x) {
  using namespace detail;
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    domain_error();  // gamma(-inf)
  }
  if (x == 0.0) domain_error();  // a pole
  if (x == std::floor(x)) {
    if (x < 0.0) domain_error();
    if (x <= 23.0) {
      double f = 1.0;  // (x-1)! is exact in a double up to 22!
      for (int k = 2; k < static_cast<int>(x); ++k) f *= k;
      return f;
    }
  }
  double ax = std::fabs(x);
  if (ax < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) range_error();
    return r;
  }
  if (ax > 200.0) {
    if (x < 0.0) return 0.0 / sin_pi(x);
    range_error();
  }
  double y = ax + kLanczosGMinusHalf;
  // z: the rounding error of y, which the pow/exp below would magnify.
  double z = ax > kLanczosGMinusHalf ? (y - ax) - kLanczosGMinusHalf : (y - kLanczosGMinusHalf) - ax;
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -pi / sin_pi(ax) / ax * std::exp(y) / lanczos_sum(ax);
    r -= z * r;
    if (ax < 140.0) {
      r /= std::pow(y, ax - 0.5);
    } else {
      double half = std::pow(y, ax / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(ax) / std::exp(y);
    r += z * r;
    if (ax < 140.0) {
      r *= std::pow(y, ax - 0.5);
    } else {
      double half = std::pow(y, ax / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (std::isinf(r)) range_error();
  return r;
}

inline double lgamma(double x) {
  using namespace detail;
  if (!std::isfinite(x)) return std::isnan(x) ? x : inf;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) domain_error();  // poles at 0, -1, -2, ...
    return 0.0;                    // lgamma(1) == lgamma(2) == 0
  }
  double ax = std::fabs(x);
  if (ax < 1e-20) return -std::log(ax);
  double r = std::log(lanczos_sum(ax)) - kLanczosG;
  r += (ax - 0.5) * (std::log(ax + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(ax))) - std::log(ax) - r;
  if (std::isinf(r)) range_error();
  return r;
}

}  // namespace pyxc::rt::math
