// Python list <-> pyxc::rt::List at the call boundary (GIL held). A list
// argument is copied in: the native function works on its own list, and
// changes it makes are not seen by the caller (docs/semantics.md, "Lists").
#pragma once

#include <Python.h>

#include <string>

#include "convert.h"
#include "list.h"

namespace pyxc::rt {

namespace detail {
template <Scalar T>
constexpr const char* python_kind_name() {
  if constexpr (Bool<T>) return "bool";
  else if constexpr (Integer<T>) return "int";
  else return "float";
}
}  // namespace detail

template <Scalar T>
bool from_py(PyObject* obj, List<T>* out, const char* func, const char* param) {
  *out = List<T>::fresh();
  if (!PyList_Check(obj)) {
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be list, not %s", func, param, Py_TYPE(obj)->tp_name);
    return false;
  }
  Py_ssize_t n = PyList_GET_SIZE(obj);
  auto& items = out->items();
  items.reserve(static_cast<size_t>(n));
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(obj); ++i) {
    PyObject* item = PyList_GET_ITEM(obj, i);
    Py_INCREF(item);  // __float__/__index__ may run Python code that shrinks the list
    T value;
    bool ok = from_py(item, &value, func, param);
    if (!ok && PyErr_ExceptionMatches(PyExc_OverflowError)) {
      // Convert again under the element's own name, so the message says
      // which one: "argument 'xs[3]' is out of range for i64". Only on
      // failure: the common path builds no strings.
      PyErr_Clear();
      std::string element = std::string(param) + "[" + std::to_string(i) + "]";
      ok = from_py(item, &value, func, element.c_str());
    }
    if (!ok && PyErr_ExceptionMatches(PyExc_TypeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "%s() argument '%s': element %zd must be %s, not %s", func, param, i,
                   detail::python_kind_name<T>(), Py_TYPE(item)->tp_name);
    }
    Py_DECREF(item);
    if (!ok) return false;
    items.push_back(static_cast<typename List<T>::Slot>(value));
  }
  return true;
}

// A new Python list of Python ints/floats/bools.
template <Scalar T>
PyObject* to_py(const List<T>& list) {
  const auto& items = list.items();
  PyObject* result = PyList_New(static_cast<Py_ssize_t>(items.size()));
  if (!result) return nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    PyObject* item = to_py(static_cast<T>(items[i]));
    if (!item) {
      Py_DECREF(result);
      return nullptr;
    }
    PyList_SET_ITEM(result, static_cast<Py_ssize_t>(i), item);
  }
  return result;
}

}  // namespace pyxc::rt
