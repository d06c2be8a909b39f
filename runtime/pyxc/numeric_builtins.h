// Numeric builtins beyond builtins.h: divmod, pow(a, b, m), sum of a range
// or a 1-D array, min/max of an array, and math.fsum / math.prod of an
// array, with CPython's answers and messages. No <Python.h>.
#pragma once

#include <cmath>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <vector>

#include "arith.h"
#include "builtins.h"
#include "errors.h"
#include "math_int.h"

namespace pyxc::rt {

template <Number T>
inline std::tuple<T, T> divmod(T a, T b) {
  if constexpr (Floating<T>) {
    if (b == 0) [[unlikely]] raise(Exc::ZeroDivisionError, "float divmod()");
    T q, r;
    detail::float_divmod(a, b, &q, &r);
    return {q, r};
  } else {
    return {floordiv(a, b), mod(a, b)};
  }
}

// pow(base, exp, mod) on ints: Python's modular power, with the modular
// inverse for a negative exponent; the result has the sign of `mod`.
inline int64_t pow_mod(int64_t base, int64_t exp, int64_t modulus) {
  using math::detail::uint128_t;
  if (modulus == 0) [[unlikely]] raise(Exc::ValueError, "pow() 3rd argument cannot be 0");
  const uint64_t c = math::detail::magnitude(modulus);
  if (c == 1) return 0;
  // base mod c in [0, c)
  uint64_t a = base >= 0 ? uint64_t(base) % c : (c - math::detail::magnitude(base) % c) % c;
  if (exp < 0) {
    // Extended Euclid on (a, c): a * x == 1 (mod c) exists iff gcd(a, c) == 1.
    int128_t r0 = c, r1 = a, t0 = 0, t1 = 1;
    while (r1 != 0) {
      int128_t q = r0 / r1;
      int128_t r2 = r0 - q * r1, t2 = t0 - q * t1;
      r0 = r1; r1 = r2; t0 = t1; t1 = t2;
    }
    if (r0 != 1) [[unlikely]] raise(Exc::ValueError, "base is not invertible for the given modulus");
    if (t0 < 0) t0 += c;
    a = static_cast<uint64_t>(t0);
  }
  uint64_t e = math::detail::magnitude(exp);
  uint64_t result = 1 % c;
  while (e) {
    if (e & 1) result = static_cast<uint64_t>(uint128_t(result) * a % c);
    e >>= 1;
    if (e) a = static_cast<uint64_t>(uint128_t(a) * a % c);
  }
  if (modulus < 0 && result != 0) return static_cast<int64_t>(result - c);  // in (mod, 0]
  return static_cast<int64_t>(result);
}

// sum(range(start, stop, step), init), exact: n*(first+last)/2 in 128 bits.
inline int64_t sum_range(int64_t start, int64_t stop, int64_t step, int64_t init) {
  uint64_t n = range_length(start, stop, step);
  if (n == 0) return init;
  using wide = int128_t;
  wide first = start, last = range_at(start, step, n - 1);
  wide ends = first + last;
  wide total = (n % 2 == 0) ? wide(n / 2) * ends : wide(n) * (ends / 2);
  total += init;
  if (total < INT64_MIN || total > INT64_MAX) [[unlikely]] detail::raise_overflow<int64_t>();
  return static_cast<int64_t>(total);
}

template <class A>
using array_element_t = std::remove_cvref_t<decltype(std::declval<const A&>()(int64_t{0}))>;

// sum(a, start) for a 1-D array. Integer results are summed exactly (128
// bits) and must fit at the end; floats are added left to right in R, as
// CPython's sum does.
template <Scalar R, class A>
inline R sum_array(const A& a, R start) {
  const int64_t n = a.dim(0);
  if constexpr (Floating<R>) {
    R total = start;
    for (int64_t i = 0; i < n; ++i) total += static_cast<R>(a(i));
    return total;
  } else {
    using wide = int128_t;
    wide total = start;
    for (int64_t i = 0; i < n; ++i) total += static_cast<wide>(a(i));
    if (total < wide(std::numeric_limits<R>::min()) || total > wide(std::numeric_limits<R>::max())) [[unlikely]]
      detail::raise_overflow<R>();
    return static_cast<R>(total);
  }
}

namespace detail {
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_empty_sequence(bool is_min) {
  raise(Exc::ValueError, is_min ? "min() arg is an empty sequence" : "max() arg is an empty sequence");
}

template <bool IsMin, class R, class A>
inline R extreme(const A& a) {
  R current = static_cast<R>(a(0));
  for (int64_t i = 1; i < a.dim(0); ++i) {
    R item = static_cast<R>(a(i));
    if (IsMin ? item < current : item > current) current = item;  // nan never replaces nor is replaced
  }
  return current;
}
}  // namespace detail

template <class A>
inline array_element_t<A> min_array(const A& a) {
  if (a.dim(0) == 0) [[unlikely]] detail::raise_empty_sequence(true);
  return detail::extreme<true, array_element_t<A>>(a);
}

template <class A>
inline array_element_t<A> max_array(const A& a) {
  if (a.dim(0) == 0) [[unlikely]] detail::raise_empty_sequence(false);
  return detail::extreme<false, array_element_t<A>>(a);
}

template <class R, class A>
inline R min_array_or(const A& a, R fallback) {
  return a.dim(0) == 0 ? fallback : detail::extreme<true, R>(a);
}

template <class R, class A>
inline R max_array_or(const A& a, R fallback) {
  return a.dim(0) == 0 ? fallback : detail::extreme<false, R>(a);
}

namespace math {

// math.fsum: Shewchuk's exact partial sums, correctly rounded at the end
// (CPython's msum, including its errors for overflow and inf - inf).
template <class A>
inline double fsum(const A& a) {
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (int64_t k = 0; k < a.dim(0); ++k) {
    double x = static_cast<double>(a(k));
    const double original = x;
    size_t used = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      volatile double hi = x + y;  // volatile: keep the compiler from simplifying lo to 0
      volatile double yr = hi - x;
      volatile double lo = y - yr;
      if (lo != 0.0) partials[used++] = lo;
      x = hi;
    }
    partials.resize(used);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(original)) [[unlikely]] raise(Exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(original)) inf_sum += original;
        special_sum += original;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) [[unlikely]] raise(Exc::ValueError, "-inf + inf in fsum");
    return special_sum;
  }
  size_t n = partials.size();
  volatile double hi = 0.0, lo = 0.0;
  if (n > 0) {
    hi = partials[--n];
    while (n > 0) {  // add from the top; stop once the sum is inexact
      double x = hi, y = partials[--n];
      hi = x + y;
      volatile double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      volatile double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return hi;
}

// math.prod of a 1-D array (start 1). Integers are exact: a zero anywhere
// makes 0; otherwise |partial products| never shrink, so the first that
// does not fit means the result does not.
template <Scalar R, class A>
inline R prod(const A& a) {
  const int64_t n = a.dim(0);
  if constexpr (Floating<R>) {
    R total = R(1);
    for (int64_t i = 0; i < n; ++i) total *= static_cast<R>(a(i));
    return total;
  } else {
    for (int64_t i = 0; i < n; ++i)
      if (a(i) == 0) return 0;
    R total = 1;
    for (int64_t i = 0; i < n; ++i) total = mul(total, int_cast<R>(a(i)));
    return total;
  }
}

}  // namespace math
}  // namespace pyxc::rt
