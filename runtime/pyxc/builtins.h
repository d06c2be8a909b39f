// Python builtins on scalars: int(x), round, min, max, and range iteration.
// No <Python.h>. Included by arith.h.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "errors.h"
#include "scalar_types.h"

namespace pyxc::rt {

namespace detail {
template <class To>
[[noreturn, gnu::cold, gnu::noinline]] void raise_float_to_int(double x) {
  if (std::isnan(x)) raise(Exc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x)) raise(Exc::OverflowError, "cannot convert float infinity to integer");
  raise(Exc::OverflowError, std::string("float too large to convert to ") + type_name<To>());
}
}  // namespace detail

// int(x) for a float: truncates toward zero; To is the target integer type.
template <Integer To = int64_t, Floating F>
inline To float_to_int(F value) {
  // One range test on the untruncated value keeps the hot path to two
  // compares and a truncating cast: trunc(x) >= lower <=> x > lower - 1
  // (for 64-bit types lower - 1 rounds to lower, hence the `>=` too), and
  // trunc(x) < upper <=> x < upper, both bounds being powers of two. NaN
  // fails both; the cold path says which error it is.
  const double x = static_cast<double>(value);
  constexpr double lower = static_cast<double>(std::numeric_limits<To>::min());
  const double upper_exclusive = std::ldexp(1.0, std::numeric_limits<To>::digits);
  if (!((x > lower - 1.0 || x >= lower) && x < upper_exclusive)) [[unlikely]] detail::raise_float_to_int<To>(x);
  return static_cast<To>(x);
}

// Integer to integer of another width (e.g. i32(x) on an i64), checked.
template <Integer To, class From>
inline To int_cast(From x) {
  if constexpr (Bool<From>) {
    return static_cast<To>(x);
  } else if constexpr (Floating<From>) {
    return float_to_int<To>(x);
  } else {
    if (!std::in_range<To>(x)) [[unlikely]]
      raise(Exc::OverflowError, std::string("integer out of range for ") + type_name<To>());
    return static_cast<To>(x);
  }
}

// round(x) → int, ties to even (CPython's round_half_even on the double).
template <Floating F>
inline int64_t round_half_even(F value) {
  double x = static_cast<double>(value);
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return float_to_int<int64_t>(rounded);
}

template <Integer T>
inline int64_t round_half_even(T value) {
  return static_cast<int64_t>(value);
}

// round(x, n) for a double, correctly rounded like CPython (which rounds the
// exact decimal expansion). glibc prints a double's exact expansion, so we
// round that digit string half-to-even and parse the result back.
inline double round_ndigits(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0.0) return x;
  if (ndigits > 323) return x;                     // beyond the last nonzero digit
  if (ndigits < -308) return std::copysign(0.0, x);  // below every representable magnitude
  // A double has at most 1074 fractional binary digits → as many decimal ones,
  // and at most 309 integer digits.
  char exact[1500];
  std::snprintf(exact, sizeof exact, "%.1074f", std::fabs(x));
  std::string digits;
  digits.reserve(sizeof exact);
  int64_t point = -1;
  for (const char* c = exact; *c; ++c) {
    if (*c == '.') point = int64_t(digits.size());
    else digits.push_back(*c);
  }
  int64_t keep = point + ndigits;  // digits kept before rounding position
  if (keep >= int64_t(digits.size())) return x;
  if (keep < 0) return std::copysign(0.0, x);
  bool round_up = false;
  char first = digits[size_t(keep)];
  if (first > '5') {
    round_up = true;
  } else if (first == '5') {
    bool rest_nonzero = digits.find_first_not_of('0', size_t(keep) + 1) != std::string::npos;
    bool previous_odd = keep > 0 && ((digits[size_t(keep) - 1] - '0') & 1);
    round_up = rest_nonzero || previous_odd;
  }
  std::string kept = digits.substr(0, size_t(keep));
  if (round_up) {
    int64_t i = keep - 1;
    while (i >= 0 && kept[size_t(i)] == '9') kept[size_t(i--)] = '0';
    if (i >= 0) kept[size_t(i)]++;
    else kept.insert(kept.begin(), '1');
  }
  if (kept.empty()) kept = "0";
  kept += "e" + std::to_string(-ndigits);
  double result = std::strtod(kept.c_str(), nullptr);
  if (std::isinf(result)) [[unlikely]]
    raise(Exc::OverflowError, "rounded value too large to represent");
  return std::copysign(result, x);
}

inline double round_ndigits(float x, int64_t ndigits) {
  return round_ndigits(static_cast<double>(x), ndigits);
}

// round(n, ndigits) for an int: unchanged for ndigits >= 0, else half-even
// at 10**-ndigits. Computed in 128 bits: 10**19 and 10**20 exceed int64, and
// round(2**63 - 1, -19) is 10**19 (an OverflowError here).
__extension__ typedef __int128 int128_t;  // __extension__: accepted under -Wpedantic

template <Integer T>
inline T round_int(T x, int64_t ndigits) {
  if (ndigits >= 0) return x;
  if (ndigits < -20) return 0;  // every 64-bit value is below half of 10**21
  int128_t pow10 = 1;
  for (int64_t i = 0; i < -ndigits; ++i) pow10 *= 10;
  int128_t value = x;
  int128_t q = value / pow10, r = value % pow10;
  if (r < 0) {  // floor division
    --q;
    r += pow10;
  }
  if (2 * r > pow10 || (2 * r == pow10 && (q & 1))) ++q;
  int128_t result = q * pow10;
  if (result < std::numeric_limits<T>::min() || result > std::numeric_limits<T>::max())
      [[unlikely]]
    raise(Exc::OverflowError,
          std::string("integer overflow: result does not fit in ") + type_name<T>());
  return static_cast<T>(result);
}

// max/min as CPython's builtins: keep the first argument and replace it only
// when an item compares greater (less). So max(nan, 1) is nan, max(1, nan) is 1.
template <Scalar T, class... Rest>
inline T max(T first, Rest... rest) {
  T current = first;
  ((current = static_cast<T>(rest) > current ? static_cast<T>(rest) : current), ...);
  return current;
}

template <Scalar T, class... Rest>
inline T min(T first, Rest... rest) {
  T current = first;
  ((current = static_cast<T>(rest) < current ? static_cast<T>(rest) : current), ...);
  return current;
}

// Number of values of range(start, stop, step). Unsigned because a length can
// exceed INT64_MAX, and computed in unsigned arithmetic so it never overflows.
inline uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
  if (step == 0) [[unlikely]] raise(Exc::ValueError, "range() arg 3 must not be zero");
  if (step > 0) {
    if (start >= stop) return 0;
    uint64_t span = uint64_t(stop) - uint64_t(start);
    return (span - 1) / uint64_t(step) + 1;
  }
  if (start <= stop) return 0;
  uint64_t span = uint64_t(start) - uint64_t(stop);
  uint64_t magnitude = uint64_t(0) - uint64_t(step);
  return (span - 1) / magnitude + 1;
}

// The k-th value of the range; wraps in unsigned arithmetic, which is exact
// because every value of the range fits in int64.
inline int64_t range_at(int64_t start, int64_t step, uint64_t k) {
  return static_cast<int64_t>(uint64_t(start) + k * uint64_t(step));
}

}  // namespace pyxc::rt
