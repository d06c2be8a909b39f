// The integer functions of `math` (gcd lcm comb perm factorial isqrt) on
// int64 arguments, exact, with CPython's ValueErrors; a result CPython
// would return as a bigger int raises OverflowError (pyxc ints are int64).
// No <Python.h>.
#pragma once

#include <cmath>
#include <cstdint>
#include <numeric>

#include "arith.h"
#include "errors.h"

namespace pyxc::rt::math {
namespace detail {

__extension__ typedef unsigned __int128 uint128_t;  // __extension__: accepted under -Wpedantic

inline uint64_t magnitude(int64_t x) { return x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x); }

inline int64_t checked_result(uint128_t value) {
  if (value > uint64_t(INT64_MAX)) [[unlikely]] rt::detail::raise_overflow<int64_t>();
  return static_cast<int64_t>(value);
}

inline void require_nonnegative(int64_t n, int64_t k) {
  if (n < 0) [[unlikely]] raise(Exc::ValueError, "n must be a non-negative integer");
  if (k < 0) [[unlikely]] raise(Exc::ValueError, "k must be a non-negative integer");
}

}  // namespace detail

// gcd(*integers): non-negative; gcd() == 0.
template <class... I>
inline int64_t gcd(I... values) {
  uint64_t g = 0;
  ((g = std::gcd(g, detail::magnitude(static_cast<int64_t>(values)))), ...);
  return detail::checked_result(g);
}

// lcm(*integers): 0 when any argument is 0 (even after a product that would
// not fit, as in CPython); lcm() == 1.
template <class... I>
inline int64_t lcm(I... values) {
  uint64_t m[] = {uint64_t(1), detail::magnitude(static_cast<int64_t>(values))...};
  for (uint64_t x : m)
    if (x == 0) return 0;
  detail::uint128_t l = 1;
  for (uint64_t x : m) {
    l = l / std::gcd(uint64_t(l), x) * x;
    if (l > uint64_t(INT64_MAX)) [[unlikely]] rt::detail::raise_overflow<int64_t>();
  }
  return static_cast<int64_t>(l);
}

inline int64_t factorial(int64_t n) {
  if (n < 0) [[unlikely]] raise(Exc::ValueError, "factorial() not defined for negative values");
  if (n > 20) [[unlikely]] rt::detail::raise_overflow<int64_t>();  // 21! > 2**63
  int64_t f = 1;
  for (int64_t k = 2; k <= n; ++k) f *= k;
  return f;
}

// C(n, k) = prod_{i=1..k} (n-k+i)/i; every partial quotient is the integer
// C(n-k+i, i), which grows with i, so the first that does not fit means
// the result does not (and that happens within ~63 steps).
inline int64_t comb(int64_t n, int64_t k) {
  detail::require_nonnegative(n, k);
  if (k > n) return 0;
  k = std::min(k, n - k);
  detail::uint128_t c = 1;
  for (int64_t i = 1; i <= k; ++i) {
    c = c * uint64_t(n - k + i) / uint64_t(i);
    if (c > uint64_t(INT64_MAX)) [[unlikely]] rt::detail::raise_overflow<int64_t>();
  }
  return static_cast<int64_t>(c);
}

// P(n, k) = n * (n-1) * ... * (n-k+1); perm(n) is factorial(n).
inline int64_t perm(int64_t n, int64_t k) {
  detail::require_nonnegative(n, k);
  if (k > n) return 0;
  detail::uint128_t p = 1;
  for (int64_t i = 0; i < k; ++i) {
    p *= uint64_t(n - i);
    if (p > uint64_t(INT64_MAX)) [[unlikely]] rt::detail::raise_overflow<int64_t>();
  }
  return static_cast<int64_t>(p);
}

inline int64_t perm(int64_t n) { return factorial(n); }

// The largest a with a*a <= n: from the double root, then corrected.
inline int64_t isqrt(int64_t n) {
  if (n < 0) [[unlikely]] raise(Exc::ValueError, "isqrt() argument must be nonnegative");
  uint64_t u = uint64_t(n);
  uint64_t a = static_cast<uint64_t>(std::sqrt(static_cast<double>(u)));
  while (a > 0 && static_cast<detail::uint128_t>(a) * a > u) --a;
  while (static_cast<detail::uint128_t>(a + 1) * (a + 1) <= u) ++a;
  return static_cast<int64_t>(a);
}

}  // namespace pyxc::rt::math
