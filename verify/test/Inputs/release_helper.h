// A helper that a GIL-free region reaches (refcount_in_marked_function.cpp).
#pragma once
#include <Python.h>

inline void drop(PyObject* object) {
  Py_XDECREF(object);
}
