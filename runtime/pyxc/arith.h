// Python semantics for scalar arithmetic. No <Python.h>: usable without the
// GIL and unit-tested standalone. Every binary operation takes two operands of
// the same type; the emitter converts operands to the joined type first.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "errors.h"
#include "scalar_types.h"

namespace pyxc::rt {

namespace detail {

template <class T>
[[noreturn, gnu::cold, gnu::noinline]] void raise_overflow() {
  raise(Exc::OverflowError,
        std::string("integer overflow: result does not fit in ") + type_name<T>());
}

// CPython 3.11 words `//` and `%` by zero differently.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_int_zero_division() {
  raise(Exc::ZeroDivisionError, "integer division or modulo by zero");
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_int_zero_modulo() {
  raise(Exc::ZeroDivisionError, "integer modulo by zero");
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_negative_shift() {
  raise(Exc::ValueError, "negative shift count");
}

}  // namespace detail

// ---- + - * unary - abs ~ ------------------------------------------------------

template <Number T>
inline T add(T a, T b) {
  if constexpr (Floating<T>) {
    return a + b;
  } else {
    T r;
    if (__builtin_add_overflow(a, b, &r)) [[unlikely]] detail::raise_overflow<T>();
    return r;
  }
}

template <Number T>
inline T sub(T a, T b) {
  if constexpr (Floating<T>) {
    return a - b;
  } else {
    T r;
    if (__builtin_sub_overflow(a, b, &r)) [[unlikely]] detail::raise_overflow<T>();
    return r;
  }
}

template <Number T>
inline T mul(T a, T b) {
  if constexpr (Floating<T>) {
    return a * b;
  } else {
    T r;
    if (__builtin_mul_overflow(a, b, &r)) [[unlikely]] detail::raise_overflow<T>();
    return r;
  }
}

template <Number T>
inline T neg(T a) {
  if constexpr (Floating<T>) {
    return -a;
  } else {
    return sub(T{0}, a);  // unsigned: any nonzero value would be negative
  }
}

template <Number T>
inline T abs(T a) {
  if constexpr (Floating<T>) {
    return std::fabs(a);
  } else if constexpr (std::is_signed_v<T>) {
    return a < 0 ? neg(a) : a;
  } else {
    return a;
  }
}

// The builtins compute the wrapped result even when they report overflow;
// plain `a * b` would be UB for signed types and for u16 (promoted to int).
template <Number T>
inline T add_wrap(T a, T b) {
  if constexpr (Floating<T>) {
    return a + b;
  } else {
    T r;
    (void)__builtin_add_overflow(a, b, &r);
    return r;
  }
}

template <Number T>
inline T sub_wrap(T a, T b) {
  if constexpr (Floating<T>) {
    return a - b;
  } else {
    T r;
    (void)__builtin_sub_overflow(a, b, &r);
    return r;
  }
}

template <Number T>
inline T mul_wrap(T a, T b) {
  if constexpr (Floating<T>) {
    return a * b;
  } else {
    T r;
    (void)__builtin_mul_overflow(a, b, &r);
    return r;
  }
}

template <Number T>
inline T neg_wrap(T a) {
  if constexpr (Floating<T>) return -a;
  else return sub_wrap(T{0}, a);
}

template <Number T>
inline T abs_wrap(T a) {
  if constexpr (Floating<T>) return std::fabs(a);
  else if constexpr (std::is_signed_v<T>) return a < 0 ? neg_wrap(a) : a;
  else return a;
}

// Signed: exactly Python's -a-1. Unsigned: bitwise complement (NumPy's
// answer; Python's would always be negative, so it could never be useful).
template <Integer T>
inline T invert(T a) {
  return static_cast<T>(~a);
}

// ---- shifts -----------------------------------------------------------------

template <Integer T>
inline T lshift(T a, int64_t n) {
  if (n < 0) [[unlikely]] detail::raise_negative_shift();
  if (a == 0) return 0;
  if (n >= std::numeric_limits<T>::digits + std::is_signed_v<T>) [[unlikely]]
    detail::raise_overflow<T>();
  using U = std::make_unsigned_t<T>;
  T r = static_cast<T>(static_cast<U>(static_cast<U>(a) << n));
  if (static_cast<T>(r >> n) != a) [[unlikely]] detail::raise_overflow<T>();
  return r;
}

template <Integer T>
inline T lshift_wrap(T a, int64_t n) {
  if (n < 0) [[unlikely]] detail::raise_negative_shift();
  if (n >= std::numeric_limits<T>::digits + std::is_signed_v<T>) return 0;
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) << n));
}

template <Integer T>
inline T rshift(T a, int64_t n) {
  if (n < 0) [[unlikely]] detail::raise_negative_shift();
  if (n >= std::numeric_limits<T>::digits + std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
  return static_cast<T>(a >> n);  // arithmetic for signed since C++20 = Python's floor shift
}

// ---- / // % -----------------------------------------------------------------

template <Number T>
inline auto truediv(T a, T b) {
  if constexpr (Floating<T>) {
    if (b == 0) [[unlikely]] raise(Exc::ZeroDivisionError, "float division by zero");
    return a / b;
  } else {
    if (b == 0) [[unlikely]] raise(Exc::ZeroDivisionError, "division by zero");
    if constexpr (sizeof(T) <= 4) {
      return static_cast<double>(a) / static_cast<double>(b);  // both exact in a double
    } else {
      constexpr T exact = T(1) << 53;
      bool a_exact = std::is_signed_v<T> ? (a <= exact && a >= -exact) : a <= exact;
      bool b_exact = std::is_signed_v<T> ? (b <= exact && b >= -exact) : b <= exact;
      if (a_exact && b_exact) [[likely]]
        return static_cast<double>(a) / static_cast<double>(b);  // one rounding: exact
      // Beyond 2^53 the operands are exact in long double (64-bit mantissa on
      // x86); the quotient is rounded twice, so it may be 1 ulp off CPython.
      return static_cast<double>(static_cast<long double>(a) / static_cast<long double>(b));
    }
  }
}

template <Number T>
inline auto truediv_c(T a, T b) {
  if constexpr (Floating<T>) return a / b;
  else return static_cast<double>(a) / static_cast<double>(b);
}

namespace detail {

// CPython's float_divmod, including the sign of zero results.
template <Floating T>
inline void float_divmod(T vx, T wx, T* floordiv_out, T* mod_out) {
  T mod = std::fmod(vx, wx);
  T div = (vx - mod) / wx;
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= T(1);
    }
  } else {
    mod = std::copysign(T(0), wx);
  }
  T floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > T(0.5)) floordiv += T(1);
  } else {
    floordiv = std::copysign(T(0), vx / wx);
  }
  *floordiv_out = floordiv;
  *mod_out = mod;
}

}  // namespace detail

template <Number T>
inline T floordiv(T a, T b) {
  if constexpr (Floating<T>) {
    if (b == 0) [[unlikely]] raise(Exc::ZeroDivisionError, "float floor division by zero");
    T q, r;
    detail::float_divmod(a, b, &q, &r);
    return q;
  } else {
    if (b == 0) [[unlikely]] detail::raise_int_zero_division();
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return neg(a);  // min // -1 overflows
      T q = static_cast<T>(a / b);
      T r = static_cast<T>(a % b);
      if (r != 0 && ((r < 0) != (b < 0))) --q;
      return q;
    } else {
      return static_cast<T>(a / b);
    }
  }
}

template <Number T>
inline T mod(T a, T b) {
  if constexpr (Floating<T>) {
    if (b == 0) [[unlikely]] raise(Exc::ZeroDivisionError, "float modulo");
    T mod = std::fmod(a, b);
    if (mod != 0) {
      if ((b < 0) != (mod < 0)) mod += b;
    } else {
      mod = std::copysign(T(0), b);
    }
    return mod;
  } else {
    if (b == 0) [[unlikely]] detail::raise_int_zero_modulo();
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return 0;  // min % -1 is UB in C++
      T r = static_cast<T>(a % b);
      if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
      return r;
    } else {
      return static_cast<T>(a % b);
    }
  }
}

// `a // b` and `a % b` where the compiler proved a >= 0 and b > 0 (its
// value ranges): Python's and C's results agree there, and dividing as
// unsigned lets the C++ compiler turn a power-of-two divisor into a shift
// or a mask, as it could not for a signed dividend of unknown sign.
template <Integer T>
inline T floordiv_nonneg(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) / static_cast<U>(b));
}

template <Integer T>
inline T mod_nonneg(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) % static_cast<U>(b));
}

// cdivision=True: C's truncating division and remainder, no zero check.
template <Number T>
inline T floordiv_c(T a, T b) {
  if constexpr (Floating<T>) return std::trunc(a / b);
  else return static_cast<T>(a / b);
}

template <Number T>
inline T mod_c(T a, T b) {
  if constexpr (Floating<T>) return std::fmod(a, b);
  else return static_cast<T>(a % b);
}

// ---- ** ---------------------------------------------------------------------

namespace detail {
template <Integer T, bool Checked>
inline T ipow_impl(T base, T exp) {
  if constexpr (std::is_signed_v<T>) {
    if (exp < 0 && base == 0) [[unlikely]]
      raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (exp < 0) [[unlikely]]
      raise(Exc::ValueError,
            "negative exponent in integer power (declare a float operand to get a float)");
  }
  // Squaring never overflows unless the final product does: the highest
  // square computed is a factor of the result.
  T result = 1;
  auto e = static_cast<std::make_unsigned_t<T>>(exp);
  while (true) {
    if (e & 1u) result = Checked ? mul(result, base) : mul_wrap(result, base);
    e >>= 1;
    if (!e) break;
    base = Checked ? mul(base, base) : mul_wrap(base, base);
  }
  return result;
}
}  // namespace detail

template <Integer T>
inline T ipow(T base, T exp) {
  return detail::ipow_impl<T, true>(base, exp);
}

template <Integer T>
inline T ipow_wrap(T base, T exp) {
  return detail::ipow_impl<T, false>(base, exp);
}

// CPython's float_pow.
template <Floating T>
inline T fpow(T iv, T iw) {
  auto is_odd_integer = [](T x) { return std::fmod(std::fabs(x), T(2)) == T(1); };
  if (iw == 0) return T(1);
  if (std::isnan(iv)) return iv;
  if (std::isnan(iw)) return iv == T(1) ? T(1) : iw;
  if (std::isinf(iw)) {
    T av = std::fabs(iv);
    if (av == T(1)) return T(1);
    if ((iw > 0) == (av > T(1))) return std::fabs(iw);
    return T(0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iv > 0) return iw > 0 ? iv : T(0);
    return iw > 0 ? (odd ? iv : std::fabs(iv)) : (odd ? std::copysign(T(0), iv) : T(0));
  }
  if (iv == 0) {
    if (iw < 0) [[unlikely]]
      raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return is_odd_integer(iw) ? iv : T(0);
  }
  bool negate = false;
  if (iv < 0) {
    // CPython returns a complex number here; pyxc's float result cannot.
    if (iw != std::floor(iw)) [[unlikely]]
      raise(Exc::ValueError, "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == T(1)) return negate ? T(-1) : T(1);
  T r = std::pow(iv, iw);
  if (std::isinf(r)) [[unlikely]]
    raise(Exc::OverflowError, "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

}  // namespace pyxc::rt

#include "builtins.h"
