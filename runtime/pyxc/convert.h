// Python objects <-> C++ scalars, with the rules of docs/semantics.md
// "Argument conversion". GIL held.
#pragma once

#include <Python.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

#include "float_narrowing.h"
#include "scalar_types.h"

namespace pyxc::rt {

namespace detail {

[[gnu::cold, gnu::noinline]] inline bool wrong_type(PyObject* obj, const char* expected,
                                                      const char* func, const char* param) {
  PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %s", func, param, expected,
               Py_TYPE(obj)->tp_name);
  return false;
}

template <class T>
[[gnu::cold, gnu::noinline]] bool out_of_range(const char* func, const char* param) {
  PyErr_Format(PyExc_OverflowError, "%s() argument '%s' is out of range for %s", func, param,
               type_name<T>());
  return false;
}

// NumPy's bool scalar is named numpy.bool_ (1.x) or numpy.bool (2.x); testing
// the name avoids importing numpy.
inline bool is_numpy_bool(PyObject* obj) {
  const char* name = Py_TYPE(obj)->tp_name;
  return std::strcmp(name, "numpy.bool_") == 0 || std::strcmp(name, "numpy.bool") == 0;
}

// The value of an int that fits in one internal digit (almost every int a
// numeric function receives), without a call into libpython.
inline bool compact_long_value(PyObject* number, long long* value) {
#if PY_VERSION_HEX >= 0x030C0000
  auto* object = reinterpret_cast<PyLongObject*>(number);
  if (!PyUnstable_Long_IsCompact(object)) return false;
  *value = PyUnstable_Long_CompactValue(object);
  return true;
#else
  Py_ssize_t size = Py_SIZE(number);
  if (size < -1 || size > 1) return false;
  // Size 0 (the int 0) still has one allocated digit; the product is 0.
  *value = static_cast<long long>(size) *
           static_cast<long long>(reinterpret_cast<PyLongObject*>(number)->ob_digit[0]);
  return true;
#endif
}

template <Integer T>
bool int_from_pylong(PyObject* number, T* out, const char* func, const char* param) {
  long long compact;
  if (compact_long_value(number, &compact)) [[likely]] {
    if (!std::in_range<T>(compact)) [[unlikely]] return out_of_range<T>(func, param);
    *out = static_cast<T>(compact);
    return true;
  }
  int overflow = 0;
  long long value = PyLong_AsLongLongAndOverflow(number, &overflow);
  if (value == -1 && PyErr_Occurred()) return false;
  if (overflow == 0) {
    if (!std::in_range<T>(value)) [[unlikely]] return out_of_range<T>(func, param);
    *out = static_cast<T>(value);
    return true;
  }
  if constexpr (std::is_unsigned_v<T> && sizeof(T) == sizeof(unsigned long long)) {
    if (overflow > 0) {
      unsigned long long big = PyLong_AsUnsignedLongLong(number);
      if (big == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return false;
        PyErr_Clear();
        return out_of_range<T>(func, param);
      }
      *out = static_cast<T>(big);
      return true;
    }
  }
  return out_of_range<T>(func, param);
}

// A Python float's double as parameter type T (f32: ±inf beyond its range,
// as numpy.float32(x)).
template <Floating T>
T from_double(double value) {
  if constexpr (std::is_same_v<T, float>) return to_f32(value);
  else return value;
}

// An int for a float parameter becomes float(number), then (f32) rounds as
// numpy.float32 does; an int float() cannot hold is CPython's OverflowError,
// naming the parameter.
template <Floating T>
bool float_from_pylong(PyObject* number, T* out, const char* func, const char* param) {
  double value = PyLong_AsDouble(number);
  if (value == -1.0 && PyErr_Occurred()) {
    if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return false;
    PyErr_Clear();
    PyErr_Format(PyExc_OverflowError, "%s() argument '%s' is an int too large to convert to float",
                 func, param);
    return false;
  }
  *out = from_double<T>(value);
  return true;
}

}  // namespace detail

// Converts `obj` for parameter `param` of `func`. On failure sets a Python
// exception and returns false.
template <Scalar T>
bool from_py(PyObject* obj, T* out, const char* func, const char* param) {
  // Written on every path, so callers' `T x; from_py(o, &x, ...)` never
  // trips -Wmaybe-uninitialized after inlining.
  *out = T{};
  if constexpr (Bool<T>) {
    if (obj == Py_True) {
      *out = true;
      return true;
    }
    if (obj == Py_False) {
      *out = false;
      return true;
    }
    if (detail::is_numpy_bool(obj)) {
      int truth = PyObject_IsTrue(obj);
      if (truth < 0) return false;
      *out = truth != 0;
      return true;
    }
    return detail::wrong_type(obj, "bool", func, param);
  } else if constexpr (Integer<T>) {
    if (PyLong_Check(obj)) [[likely]]  // int, bool and int subclasses
      return detail::int_from_pylong(obj, out, func, param);
    // A float is rejected even though it has __index__-like truncation
    // (as range(1.5) does); NumPy integers go through __index__.
    if (PyFloat_Check(obj) || !PyIndex_Check(obj)) return detail::wrong_type(obj, "int", func, param);
    PyObject* index = PyNumber_Index(obj);
    if (!index) return false;
    bool ok = detail::int_from_pylong(index, out, func, param);
    Py_DECREF(index);
    return ok;
  } else {
    if (PyFloat_CheckExact(obj)) [[likely]] {
      *out = detail::from_double<T>(PyFloat_AS_DOUBLE(obj));
      return true;
    }
    if (PyLong_Check(obj)) return detail::float_from_pylong(obj, out, func, param);
    PyNumberMethods* number = Py_TYPE(obj)->tp_as_number;
    if (!number || (!number->nb_float && !number->nb_index))
      return detail::wrong_type(obj, "float", func, param);
    if (!number->nb_float) {  // __index__ only: the int it stands for, as float(obj)
      PyObject* index = PyNumber_Index(obj);
      if (!index) return false;
      bool ok = detail::float_from_pylong(index, out, func, param);
      Py_DECREF(index);
      return ok;
    }
    // Float subclasses (numpy.float64) and __float__ (NumPy scalars, Decimal,
    // Fraction); an error raised by __float__ itself propagates unchanged.
    double value = PyFloat_AsDouble(obj);
    if (value == -1.0 && PyErr_Occurred()) return false;
    *out = detail::from_double<T>(value);
    return true;
  }
}

// New reference, or nullptr with a Python error set.
template <Scalar T>
PyObject* to_py(T value) {
  if constexpr (Bool<T>) {
    PyObject* result = value ? Py_True : Py_False;
    Py_INCREF(result);
    return result;
  } else if constexpr (Floating<T>) {
    return PyFloat_FromDouble(static_cast<double>(value));
  } else if constexpr (std::is_signed_v<T>) {
    return PyLong_FromLongLong(static_cast<long long>(value));
  } else {
    return PyLong_FromUnsignedLongLong(static_cast<unsigned long long>(value));
  }
}

// An already-owned reference passes through (e.g. an array result).
inline PyObject* to_py(PyObject* owned) { return owned; }

template <class... Ts>
PyObject* to_py(const std::tuple<Ts...>& values) {
  PyObject* tuple = PyTuple_New(sizeof...(Ts));
  if (!tuple) return nullptr;
  bool ok = true;
  Py_ssize_t index = 0;
  std::apply(
      [&](const auto&... item) {
        ((ok = ok && [&] {
           PyObject* converted = to_py(item);
           if (!converted) return false;
           PyTuple_SET_ITEM(tuple, index++, converted);
           return true;
         }()),
         ...);
      },
      values);
  if (!ok) {
    Py_DECREF(tuple);
    return nullptr;
  }
  return tuple;
}

}  // namespace pyxc::rt
