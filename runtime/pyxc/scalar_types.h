// Which C++ types are pyxc scalars, and their names in messages.
#pragma once

#include <cstdint>
#include <type_traits>

namespace pyxc::rt {

template <class T>
concept Bool = std::is_same_v<T, bool>;
template <class T>
concept Integer = std::is_integral_v<T> && !std::is_same_v<T, bool>;
template <class T>
concept SignedInteger = Integer<T> && std::is_signed_v<T>;
template <class T>
concept UnsignedInteger = Integer<T> && std::is_unsigned_v<T>;
template <class T>
concept Floating = std::is_same_v<T, float> || std::is_same_v<T, double>;
// Arithmetic operands: bool is converted to an int first, as Python does.
template <class T>
concept Number = Integer<T> || Floating<T>;
template <class T>
concept Scalar = Bool<T> || Number<T>;

// Dispatch on signedness and size, not on the typedef, so `long long` and
// `long` (both 64-bit on LP64) get the same name.
template <class T>
constexpr const char* type_name() {
  if constexpr (Bool<T>) {
    return "bool";
  } else if constexpr (Floating<T>) {
    return sizeof(T) == 4 ? "f32" : "f64";
  } else if constexpr (std::is_signed_v<T>) {
    switch (sizeof(T)) {
      case 1: return "i8";
      case 2: return "i16";
      case 4: return "i32";
      default: return "i64";
    }
  } else {
    switch (sizeof(T)) {
      case 1: return "u8";
      case 2: return "u16";
      case 4: return "u32";
      default: return "u64";
    }
  }
}

}  // namespace pyxc::rt
