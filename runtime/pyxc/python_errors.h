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

// Drops the reference a carried Python exception holds. It may run on any
// thread, with or without the GIL (a prange worker dropping a later chunk's
// failure): PyGILState_Ensure takes the GIL when needed.
inline void release_python_exception(void* object) noexcept {
  PyGILState_STATE state = PyGILState_Ensure();
  Py_DECREF(static_cast<PyObject*>(object));
  PyGILState_Release(state);
}

// Makes the carried exception object the pending exception again: the same
// object, so its type, arguments, attributes and traceback are the ones the
// Python code raised.
inline void restore_python_exception(void* object) {
  PyObject* exception = static_cast<PyObject*>(object);
#if PY_VERSION_HEX >= 0x030C0000
  PyErr_SetRaisedException(Py_NewRef(exception));
#else
  PyErr_Restore(Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(exception))), Py_NewRef(exception),
                PyException_GetTraceback(exception));
#endif
}

inline void set_python_error(const Error& error) {
  if (error.python) {
    restore_python_exception(error.python.get());
    return;
  }
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
