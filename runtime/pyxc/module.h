// Helpers for a generated PyInit_<module>.
#pragma once

#include <Python.h>

#include <cstddef>

#include "function.h"
#include "shared_pool.h"

namespace pyxc::rt {

struct FunctionEntry {
  const char* name;
  vectorcallfunc call;
  vectorcallfunc aio = nullptr;  // .aio (runtime/pyxc/aio.h)
};

struct SourceEntry {
  const char* name;
  const char* source;  // the exact def lines (decorators included) as compiled
};

namespace detail {
// Steals `value`; false with a Python error on failure.
inline bool set_attribute(PyObject* module, const char* name, PyObject* value) {
  if (!value) return false;
  int status = PyObject_SetAttrString(module, name, value);
  Py_DECREF(value);
  return status == 0;
}

inline PyObject* sources_dict(const SourceEntry* sources, size_t n_sources) {
  PyObject* dict = PyDict_New();
  if (!dict) return nullptr;
  for (size_t i = 0; i < n_sources; ++i) {
    PyObject* text = PyUnicode_FromString(sources[i].source);
    if (!text || PyDict_SetItemString(dict, sources[i].name, text) < 0) {
      Py_XDECREF(text);
      Py_DECREF(dict);
      return nullptr;
    }
    Py_DECREF(text);
  }
  return dict;
}
}  // namespace detail

// Creates the module with one NativeFunction per entry, __pyxc_sources__
// and __pyxc_version__. New reference, or nullptr with a Python error set.
// Also finds the process's worker pool here, with the GIL held: prange
// looks it up later on threads that may not hold the GIL.
inline PyObject* init_module(PyModuleDef* def, const FunctionEntry* functions,
                             size_t n_functions, const SourceEntry* sources, size_t n_sources,
                             const char* compiler_version) {
  if (!join_shared_pool()) return nullptr;
  PyObject* module = PyModule_Create(def);
  if (!module) return nullptr;
  PyTypeObject* type = native_function_type(module);
  bool ok = type != nullptr;
  if (ok) {
    Py_INCREF(type);  // keeps the type reachable from the module
    ok = detail::set_attribute(module, "NativeFunction", reinterpret_cast<PyObject*>(type));
  }
  for (size_t i = 0; ok && i < n_functions; ++i)
    ok = detail::set_attribute(module, functions[i].name,
                               make_function(module, functions[i].name, functions[i].call, functions[i].aio));
  ok = ok && detail::set_attribute(module, "__pyxc_sources__",
                                   detail::sources_dict(sources, n_sources));
  ok = ok && detail::set_attribute(module, "__pyxc_version__",
                                   PyUnicode_FromString(compiler_version));
  if (!ok) {
    Py_DECREF(module);
    return nullptr;
  }
  return module;
}

}  // namespace pyxc::rt
