// Turning a pyxc::rt::Error into the pending Python exception (GIL held).
#pragma once

#include <Python.h>

#include "errors.h"

namespace pyxc::rt {

// Borrowed reference to the builtin exception class for `type`.
inline PyObject* exception_type(Exc type) {
  switch (type) {
    case Exc::ValueError: return PyExc_ValueError;
    case Exc::TypeError: return PyExc_TypeError;
    case Exc::IndexError: return PyExc_IndexError;
    case Exc::KeyError: return PyExc_KeyError;
    case Exc::ZeroDivisionError: return PyExc_ZeroDivisionError;
    case Exc::OverflowError: return PyExc_OverflowError;
    case Exc::ArithmeticError: return PyExc_ArithmeticError;
    case Exc::AssertionError: return PyExc_AssertionError;
    case Exc::RuntimeError: return PyExc_RuntimeError;
    case Exc::NotImplementedError: return PyExc_NotImplementedError;
    case Exc::UnboundLocalError: return PyExc_UnboundLocalError;
    case Exc::MemoryError: return PyExc_MemoryError;
    case Exc::RecursionError: return PyExc_RecursionError;
  }
  return PyExc_RuntimeError;
}

// The budget a recursive native function starts with when Python calls it.
inline int64_t native_recursion_budget() {
  int64_t limit = Py_GetRecursionLimit();
  return limit < kMaxNativeRecursion ? limit : kMaxNativeRecursion;
}

inline void set_python_error(const Error& error) {
  PyObject* type = exception_type(error.type);
  if (error.message.empty()) {
    PyErr_SetNone(type);
    return;
  }
  PyObject* message =
      PyUnicode_DecodeUTF8(error.message.data(), Py_ssize_t(error.message.size()), "replace");
  if (!message) return;
  PyErr_SetObject(type, message);
  Py_DECREF(message);
}

}  // namespace pyxc::rt
