// Tuples as values (docs/semantics.md, "Tuples"): a tuple parameter's
// argument conversion (GIL held), unpacking lengths and Python's tuple
// comparisons (no Python API).
#pragma once

#include <Python.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

#include "convert.h"
#include "errors.h"
#include "scalar_types.h"

namespace pyxc::rt {

// `a, b, c = v` on an array of length `got`: CPython's ValueError (NumPy
// arrays unpack like any iterable).
[[gnu::cold, gnu::noinline]] inline void raise_unpack_length(int64_t got, int64_t expected) {
  if (got > expected)
    raise(Exc::ValueError, "too many values to unpack (expected " + std::to_string(expected) + ")");
  raise(Exc::ValueError,
        "not enough values to unpack (expected " + std::to_string(expected) + ", got " + std::to_string(got) + ")");
}
inline void check_unpack(int64_t got, int64_t expected) {
  if (got != expected) [[unlikely]] raise_unpack_length(got, expected);
}

namespace detail {

// Python's tuple order: the first pair that is not equal decides; equal
// tuples compare by length (here always the same).
template <size_t I = 0, class... Ts>
int tuple_first_difference(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b) {
  if constexpr (I == sizeof...(Ts)) {
    return -1;
  } else {
    if (!(std::get<I>(a) == std::get<I>(b))) return static_cast<int>(I);
    return tuple_first_difference<I + 1>(a, b);
  }
}

template <size_t I = 0, class Compare, class... Ts>
bool tuple_compare_at(int index, const std::tuple<Ts...>& a, const std::tuple<Ts...>& b, Compare compare) {
  if constexpr (I == sizeof...(Ts)) {
    return false;
  } else {
    if (index == static_cast<int>(I)) return compare(std::get<I>(a), std::get<I>(b));
    return tuple_compare_at<I + 1>(index, a, b, compare);
  }
}

}  // namespace detail

// Nested tuples compare with these too (through their == and the
// overloads below).
template <class... Ts>
bool tuple_eq(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b) {
  return detail::tuple_first_difference(a, b) < 0;
}
template <class... Ts>
bool tuple_ne(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b) {
  return !tuple_eq(a, b);
}

#define PYXC_TUPLE_ORDER(name, op, equal)                                                      \
  template <class... Ts>                                                                       \
  bool name(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b) {                          \
    int index = detail::tuple_first_difference(a, b);                                          \
    if (index < 0) return equal;                                                               \
    return detail::tuple_compare_at(index, a, b, [](const auto& x, const auto& y) {            \
      if constexpr (requires { std::tuple_size<std::decay_t<decltype(x)>>::value; })           \
        return name(x, y);                                                                     \
      else                                                                                     \
        return x op y;                                                                         \
    });                                                                                        \
  }
PYXC_TUPLE_ORDER(tuple_lt, <, false)
PYXC_TUPLE_ORDER(tuple_le, <=, true)
PYXC_TUPLE_ORDER(tuple_gt, >, false)
PYXC_TUPLE_ORDER(tuple_ge, >=, true)
#undef PYXC_TUPLE_ORDER

template <class... Ts>
bool from_py(PyObject* obj, std::tuple<Ts...>* out, const char* func, const char* param);

namespace detail {

template <size_t I = 0, class... Ts>
bool tuple_items_from_py(PyObject* const* items, std::tuple<Ts...>* out, const char* func, const char* param) {
  if constexpr (I == sizeof...(Ts)) {
    return true;
  } else {
    if (!from_py(items[I], &std::get<I>(*out), func, param)) return false;
    return tuple_items_from_py<I + 1>(items, out, func, param);
  }
}

}  // namespace detail

namespace detail {

template <class T>
struct tuple_name_of {
  static std::string get() { return type_name<T>(); }
};
template <class... Ts>
struct tuple_name_of<std::tuple<Ts...>> {
  static std::string get() {
    std::string out = "tuple[";
    size_t i = 0;
    ((out += (i++ ? ", " : "") + tuple_name_of<Ts>::get()), ...);
    return out + "]";
  }
};

// Cold: a wrong argument is the caller's bug, not the loop's cost.
template <class... Ts>
[[gnu::cold, gnu::noinline]] bool wrong_tuple(PyObject* obj, const char* func, const char* param) {
  std::string expected = tuple_name_of<std::tuple<Ts...>>::get();
  if (PyTuple_Check(obj) || PyList_Check(obj))
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s (%d elements), not a %s of %zd element%s",
                 func, param, expected.c_str(), static_cast<int>(sizeof...(Ts)), Py_TYPE(obj)->tp_name,
                 PySequence_Fast_GET_SIZE(obj), PySequence_Fast_GET_SIZE(obj) == 1 ? "" : "s");
  else
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %s", func, param, expected.c_str(),
                 Py_TYPE(obj)->tp_name);
  return false;
}

}  // namespace detail

// A tuple parameter takes a tuple or a list of exactly its length (as
// unpacking it in Python would; other iterables are refused). Another type
// or a wrong length is a TypeError naming the parameter and both types, as
// for any parameter (SPEC: "Passing a wrong type raises TypeError"); each
// item converts as a parameter of the element's type would, errors naming
// the parameter.
template <class... Ts>
bool from_py(PyObject* obj, std::tuple<Ts...>* out, const char* func, const char* param) {
  *out = std::tuple<Ts...>{};
  if ((!PyTuple_Check(obj) && !PyList_Check(obj)) ||
      PySequence_Fast_GET_SIZE(obj) != static_cast<Py_ssize_t>(sizeof...(Ts))) [[unlikely]]
    return detail::wrong_tuple<Ts...>(obj, func, param);
  return detail::tuple_items_from_py(PySequence_Fast_ITEMS(obj), out, func, param);
}

}  // namespace pyxc::rt
