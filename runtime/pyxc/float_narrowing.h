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
  if (std::fabs(x) > largest) [[unlikely]] {  // never for NaN
    float magnitude = std::fabs(x) >= overflow_threshold ? std::numeric_limits<float>::infinity()
                                                         : std::numeric_limits<float>::max();
    return x < 0 ? -magnitude : magnitude;
  }
  return static_cast<float>(x);
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
  // 2^digits: exact, and the first value past the range (its max rounds up
  // to it as a double for 64-bit types, so `<` and not `<=` max).
  constexpr double upper_exclusive =
      static_cast<double>(std::numeric_limits<To>::max() / 2 + 1) * 2.0;
  if (x >= lower && x < upper_exclusive) [[likely]] return static_cast<To>(x);
  if (std::isnan(x)) return To{0};
  return x < 0 ? std::numeric_limits<To>::min() : std::numeric_limits<To>::max();
}

}  // namespace pyxc::rt
