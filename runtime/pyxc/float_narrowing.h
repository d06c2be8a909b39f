// Conversions out of a float type whose plain C++ cast is undefined
// behaviour for some values ([conv.double], [conv.fpint]). No <Python.h>.
#pragma once

#include <cmath>
#include <limits>

#include "scalar_types.h"

namespace pyxc::rt {

// f64 -> f32 rounded to nearest, as numpy.float32(x) and CPython's
// struct.pack("f") give it: a finite value beyond f32's range is ±inf.
// static_cast gives the same on IEEE hardware, but for such a value it is
// undefined behaviour that an optimiser may assume away.
inline float to_f32(double x) {
  constexpr double largest = std::numeric_limits<float>::max();
  // Halfway between the largest f32 and 2^128: from there on, rounding to
  // nearest (ties to even; the largest f32 has an odd last bit) gives inf.
  constexpr double overflow_threshold = 0x1.ffffffp+127;
  // Selects a double the cast holds exactly, then casts: no branch, so a
  // loop storing f64 results into an f32 array still vectorizes (g++ -O3).
  // NaN fails `m > largest` and is cast as it is.
  const double m = std::fabs(x);
  const double bounded = !(m > largest) ? x : std::copysign(m >= overflow_threshold ? HUGE_VAL : largest, x);
  return static_cast<float>(bounded);
}

// Float -> integer truncating toward zero where the result fits; NaN gives
// 0 and values beyond the range saturate to its ends, as Rust's `as` does.
// For overflowcheck=False, which promises no exception for such values, only
// a defined (if meaningless) result instead of a static_cast's undefined
// behaviour.
template <Integer To, Floating F>
inline To float_to_int_saturating(F value) {
  const double x = static_cast<double>(value);
  constexpr double lower = static_cast<double>(std::numeric_limits<To>::min());
  // 2^digits, exact: the first value whose truncation is past the range.
  constexpr double upper_exclusive = static_cast<double>(std::numeric_limits<To>::max() / 2 + 1) * 2.0;
  // x in (lower - 1, lower) truncates to lower, which is also what it
  // saturates to, so one range test on x suffices. The cast only ever sees
  // a value that fits; no branch before it, so i32 loops still vectorize.
  const bool fits = x >= lower && x < upper_exclusive;
  const To truncated = static_cast<To>(fits ? x : 0.0);
  if (fits) return truncated;
  return x < 0 ? std::numeric_limits<To>::min() : x >= upper_exclusive ? std::numeric_limits<To>::max() : To{0};
}

}  // namespace pyxc::rt
