// NumPy's elementwise operations on one element, in the compute type C the
// checker chose (NumPy's promotion). These follow NumPy, not Python:
// integers wrap, integer `//` and `%` by zero give 0, float division by zero
// gives inf/nan, np.sqrt(-1.0) is nan (NumPy only warns). Used by the array
// expressions of array_expr.h and by np.* calls on scalars.
// No <Python.h>: runs without the GIL.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "errors.h"

namespace pyxc::rt::np {

template <class T>
constexpr const char* dtype_name() {
  if constexpr (std::is_same_v<T, bool>) return "bool";
  else if constexpr (std::is_same_v<T, int8_t>) return "int8";
  else if constexpr (std::is_same_v<T, int16_t>) return "int16";
  else if constexpr (std::is_same_v<T, int32_t>) return "int32";
  else if constexpr (std::is_same_v<T, int64_t>) return "int64";
  else if constexpr (std::is_same_v<T, uint8_t>) return "uint8";
  else if constexpr (std::is_same_v<T, uint16_t>) return "uint16";
  else if constexpr (std::is_same_v<T, uint32_t>) return "uint32";
  else if constexpr (std::is_same_v<T, uint64_t>) return "uint64";
  else if constexpr (std::is_same_v<T, float>) return "float32";
  else return "float64";
}

template <class T>
inline constexpr bool is_int = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Wrapping integer arithmetic (NumPy's), without C++'s signed-overflow UB.
template <class T>
[[gnu::always_inline]] inline T wrap(std::make_unsigned_t<T> u) { return static_cast<T>(u); }
#define PYXC_NP_WRAPPING(NAME, EXPR)                                           \
  struct NAME {                                                               \
    template <class T>                                                        \
    [[gnu::always_inline]] static T apply(T a, T b) {                         \
      if constexpr (is_int<T>) {                                              \
        using U = std::make_unsigned_t<T>;                                    \
        U x = static_cast<U>(a), y = static_cast<U>(b);                       \
        return static_cast<T>(static_cast<U>(EXPR));                          \
      } else {                                                                \
        T x = a, y = b;                                                       \
        return static_cast<T>(EXPR);                                          \
      }                                                                       \
    }                                                                         \
  };
PYXC_NP_WRAPPING(Add, x + y)
PYXC_NP_WRAPPING(Sub, x - y)
PYXC_NP_WRAPPING(Mul, x * y)
#undef PYXC_NP_WRAPPING

struct Div {  // true division: C is a float type
  template <class T>
  [[gnu::always_inline]] static T apply(T a, T b) { return a / b; }
};

template <class T>
inline void float_divmod(T a, T b, T& floordiv, T& mod) {
  mod = std::fmod(a, b);
  if (b == 0) {
    floordiv = a / b;
    return;
  }
  T div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = std::copysign(T(0), b);
  }
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > T(0.5)) floordiv += 1;
  } else {
    floordiv = std::copysign(T(0), a / b);
  }
}

struct FloorDiv {
  template <class T>
  [[gnu::always_inline]] static T apply(T a, T b) {
    if constexpr (is_int<T>) {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return Sub::apply<T>(0, a);
        T q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
      } else {
        return a / b;
      }
    } else {
      T q, m;
      float_divmod(a, b, q, m);
      return q;
    }
  }
};

struct Mod {
  template <class T>
  [[gnu::always_inline]] static T apply(T a, T b) {
    if constexpr (is_int<T>) {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
        T r = a % b;
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
      } else {
        return a % b;
      }
    } else {
      if (b == 0) return std::fmod(a, b);
      T q, m;
      float_divmod(a, b, q, m);
      return m;
    }
  }
};

struct Fmod {
  template <class T>
  [[gnu::always_inline]] static T apply(T a, T b) {
    if constexpr (is_int<T>) {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>)
        if (b == -1) return 0;
      return a % b;
    } else {
      return std::fmod(a, b);
    }
  }
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_negative_power() {
  raise(Exc::ValueError, "Integers to negative integer powers are not allowed.");
}

struct Pow {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (is_int<T>) {
      if constexpr (std::is_signed_v<T>)
        if (b < 0) raise_negative_power();
      using U = std::make_unsigned_t<T>;
      U base = static_cast<U>(a), result = 1;
      for (T e = b; e > 0; e >>= 1) {
        if (e & 1) result = static_cast<U>(result * base);
        base = static_cast<U>(base * base);
      }
      return static_cast<T>(result);
    } else {
      return std::pow(a, b);
    }
  }
};

#define PYXC_NP_BINARY(NAME, EXPR)                 \
  struct NAME {                                    \
    template <class T>                             \
    [[gnu::always_inline]] static auto apply(T a, T b) { return EXPR; } \
  };
PYXC_NP_BINARY(BitAnd, static_cast<T>(a & b))
PYXC_NP_BINARY(BitOr, static_cast<T>(a | b))
PYXC_NP_BINARY(BitXor, static_cast<T>(a ^ b))
PYXC_NP_BINARY(Eq, a == b)
PYXC_NP_BINARY(NotEq, a != b)
PYXC_NP_BINARY(Lt, a < b)
PYXC_NP_BINARY(LtE, a <= b)
PYXC_NP_BINARY(Gt, a > b)
PYXC_NP_BINARY(GtE, a >= b)
PYXC_NP_BINARY(LogicalAnd, (a != 0) && (b != 0))
PYXC_NP_BINARY(LogicalOr, (a != 0) || (b != 0))
// NaN propagates through minimum/maximum; fmin/fmax ignore it.
PYXC_NP_BINARY(Minimum, (a != a) ? a : ((b != b) ? b : (b < a ? b : a)))
PYXC_NP_BINARY(Maximum, (a != a) ? a : ((b != b) ? b : (b > a ? b : a)))
PYXC_NP_BINARY(Fmin, (b != b) ? a : ((a != a) ? b : (b < a ? b : a)))
PYXC_NP_BINARY(Fmax, (b != b) ? a : ((a != a) ? b : (b > a ? b : a)))
PYXC_NP_BINARY(Arctan2, std::atan2(a, b))
PYXC_NP_BINARY(Hypot, std::hypot(a, b))
PYXC_NP_BINARY(Copysign, std::copysign(a, b))
#undef PYXC_NP_BINARY

// Shifts as NumPy defines them for counts beyond the width.
struct LShift {
  template <class T>
  static T apply(T a, T b) {
    using U = std::make_unsigned_t<T>;
    if (static_cast<U>(b) >= sizeof(T) * 8) return 0;
    return static_cast<T>(static_cast<U>(a) << b);
  }
};
struct RShift {
  template <class T>
  static T apply(T a, T b) {
    using U = std::make_unsigned_t<T>;
    if (static_cast<U>(b) >= sizeof(T) * 8) return a < 0 ? T(-1) : T(0);
    return static_cast<T>(a >> b);
  }
};

#define PYXC_NP_UNARY(NAME, EXPR)                  \
  struct NAME {                                    \
    template <class T>                             \
    [[gnu::always_inline]] static auto apply(T x) { return EXPR; } \
  };
PYXC_NP_UNARY(Sqrt, std::sqrt(x))
PYXC_NP_UNARY(Exp, std::exp(x))
PYXC_NP_UNARY(Exp2, std::exp2(x))
PYXC_NP_UNARY(Expm1, std::expm1(x))
PYXC_NP_UNARY(Log, std::log(x))
PYXC_NP_UNARY(Log2, std::log2(x))
PYXC_NP_UNARY(Log10, std::log10(x))
PYXC_NP_UNARY(Log1p, std::log1p(x))
PYXC_NP_UNARY(Sin, std::sin(x))
PYXC_NP_UNARY(Cos, std::cos(x))
PYXC_NP_UNARY(Tan, std::tan(x))
PYXC_NP_UNARY(Arcsin, std::asin(x))
PYXC_NP_UNARY(Arccos, std::acos(x))
PYXC_NP_UNARY(Arctan, std::atan(x))
PYXC_NP_UNARY(Sinh, std::sinh(x))
PYXC_NP_UNARY(Cosh, std::cosh(x))
PYXC_NP_UNARY(Tanh, std::tanh(x))
PYXC_NP_UNARY(Arcsinh, std::asinh(x))
PYXC_NP_UNARY(Arccosh, std::acosh(x))
PYXC_NP_UNARY(Arctanh, std::atanh(x))
PYXC_NP_UNARY(Cbrt, std::cbrt(x))
PYXC_NP_UNARY(Rint, std::nearbyint(x))
PYXC_NP_UNARY(Reciprocal, T(1) / x)
PYXC_NP_UNARY(Deg2rad, x * static_cast<T>(3.141592653589793238462643383279502884 / 180.0))
PYXC_NP_UNARY(Rad2deg, x * static_cast<T>(180.0 / 3.141592653589793238462643383279502884))
PYXC_NP_UNARY(Square, Mul::apply<T>(x, x))
PYXC_NP_UNARY(Negative, Sub::apply<T>(T(0), x))
PYXC_NP_UNARY(Positive, x)
PYXC_NP_UNARY(LogicalNot, !(x != 0))
#undef PYXC_NP_UNARY

struct Invert {
  template <class T>
  static T apply(T x) {
    if constexpr (std::is_same_v<T, bool>) return !x;
    else return static_cast<T>(~x);
  }
};
struct Abs {
  template <class T>
  [[gnu::always_inline]] static T apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return std::fabs(x);
    else if constexpr (std::is_signed_v<T>) return x < 0 ? Sub::apply<T>(T(0), x) : x;
    else return x;
  }
};
struct Sign {
  template <class T>
  [[gnu::always_inline]] static T apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return x > 0 ? T(1) : (x < 0 ? T(-1) : (x == 0 ? T(0) : x));
    else return static_cast<T>((T(0) < x) - (x < T(0)));
  }
};
// floor/ceil/trunc keep an integer dtype (NumPy 2).
#define PYXC_NP_ROUNDING(NAME, FN)                                 \
  struct NAME {                                                    \
    template <class T>                                             \
    [[gnu::always_inline]] static T apply(T x) {                   \
      if constexpr (std::is_floating_point_v<T>) return FN(x);     \
      else return x;                                               \
    }                                                              \
  };
PYXC_NP_ROUNDING(Floor, std::floor)
PYXC_NP_ROUNDING(Ceil, std::ceil)
PYXC_NP_ROUNDING(Trunc, std::trunc)
#undef PYXC_NP_ROUNDING
struct IsNan {
  template <class T>
  [[gnu::always_inline]] static bool apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return x != x;
    else return false;
  }
};
struct IsInf {
  template <class T>
  [[gnu::always_inline]] static bool apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return std::isinf(x);
    else return false;
  }
};
struct IsFinite {
  template <class T>
  [[gnu::always_inline]] static bool apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return std::isfinite(x);
    else return true;
  }
};

// np.round(x, decimals) as NumPy computes it: rint(x * 10**d) / 10**d.
template <int Decimals>
struct Round {
  template <class T>
  static T apply(T x) {
    if constexpr (!std::is_floating_point_v<T>) {
      return x;
    } else if constexpr (Decimals == 0) {
      return std::nearbyint(x);
    } else {
      T f = 1;
      for (int i = 0; i < (Decimals > 0 ? Decimals : -Decimals); ++i) f *= 10;
      if constexpr (Decimals > 0) return std::nearbyint(x * f) / f;
      else return std::nearbyint(x / f) * f;
    }
  }
};

// np.where's condition.
template <class T>
[[gnu::always_inline]] inline bool truth(T x) { return x != 0; }

}  // namespace pyxc::rt::np
