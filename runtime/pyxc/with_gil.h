// `with pyxc.gil():` blocks (docs/semantics.md, "Calling Python: with
// pyxc.gil()"): the GIL for one block of a native body, Python objects held
// there, calls of them, and conversions of their results.
//
//   {
//     const pyxc::rt::GilBlock pyxc_gil_1;  // PyGILState_Ensure: also on pool threads
//     pyxc::rt::py_call(pyxc::rt::py_global(pyxc_module_object, "helper"), nullptr, x_);
//   }                                       // PyGILState_Release, on every way out
//
// A failed Python operation throws pyxc::rt::Error carrying the exception
// object (throw_python_error); the wrapper restores that same object.
#pragma once

#include <Python.h>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include "convert.h"
#include "errors.h"
#include "gil_annotations.h"
#include "python_errors.h"
#include "scalar_types.h"

namespace pyxc::rt {

// Holds the GIL from its construction to the end of the enclosing block.
// PyGILState_Ensure works whether the thread holds the GIL already (nested
// blocks, a body run with the GIL), released it (call_nogil) or never had a
// thread state (worker pool threads).
class PYXC_HOLDS_GIL_IN_SCOPE GilBlock {
 public:
  GilBlock() noexcept : state_(PyGILState_Ensure()) {}
  ~GilBlock() { PyGILState_Release(state_); }
  GilBlock(const GilBlock&) = delete;
  GilBlock& operator=(const GilBlock&) = delete;

 private:
  PyGILState_STATE state_;
};

// A Python object parameter as the body sees it: borrowed (the wrapper's
// ObjectArg owns the reference for the whole call, .aio ones included).
// Trivially copyable, so passing it on to another native function without
// the GIL copies bits and touches no reference count.
struct ObjectRef {
  PyObject* object;
};

// The wrapper's strong reference to an object argument (GIL held where it is
// created, moved and destroyed: the wrapper, or the .aio job's loop thread).
class ObjectArg {
 public:
  ObjectArg() = default;
  ObjectArg(ObjectArg&& other) noexcept : ref_(other.ref_) { other.ref_ = ObjectRef{nullptr}; }
  ObjectArg(const ObjectArg&) = delete;
  ObjectArg& operator=(const ObjectArg&) = delete;
  ObjectArg& operator=(ObjectArg&&) = delete;
  ~ObjectArg() { Py_XDECREF(ref_.object); }

  void acquire(PyObject* object) {
    Py_INCREF(object);
    Py_XDECREF(ref_.object);
    ref_ = ObjectRef{object};
  }
  ObjectRef ref() const { return ref_; }

 private:
  ObjectRef ref_{nullptr};
};

// A strong reference owned by code inside a GilBlock (lookups, call results).
class OwnedRef {
 public:
  explicit OwnedRef(PyObject* owned) noexcept : object_(owned) {}
  OwnedRef(OwnedRef&& other) noexcept : object_(other.object_) { other.object_ = nullptr; }
  OwnedRef(const OwnedRef&) = delete;
  OwnedRef& operator=(const OwnedRef&) = delete;
  OwnedRef& operator=(OwnedRef&&) = delete;
  ~OwnedRef() { Py_XDECREF(object_); }

  PyObject* get() const { return object_; }
  PyObject* release() {
    PyObject* out = object_;
    object_ = nullptr;
    return out;
  }

 private:
  PyObject* object_;
};

// Fetches the pending Python exception and throws it as an Error that owns
// the exception object. GIL held.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_python_error() {
#if PY_VERSION_HEX >= 0x030C0000
  PyObject* value = PyErr_GetRaisedException();
#else
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  if (type) {
    PyErr_NormalizeException(&type, &value, &traceback);
    if (value && traceback) PyException_SetTraceback(value, traceback);
  }
  Py_XDECREF(type);
  Py_XDECREF(traceback);
#endif
  if (!value) throw Error{Exc::RuntimeError, "a Python call failed without setting an exception"};
  std::shared_ptr<void> held;
  try {
    held = std::shared_ptr<void>(value, release_python_exception);
  } catch (...) {  // shared_ptr's deleter already dropped `value`
    throw Error{Exc::MemoryError, {}};
  }
  throw Error{Exc::RuntimeError, {}, std::move(held)};
}

inline OwnedRef checked(PyObject* result) {
  if (!result) throw_python_error();
  return OwnedRef(result);
}

// A module-level name as a Python function of this module sees it: the
// module's globals (the dict the loader binds as __pyxc_globals__; this
// extension module's own without the loader), then builtins. NameError as
// Python's when it is in neither.
inline OwnedRef py_global(PyObject* module, const char* name) {
  PyObject* own = module ? PyModule_GetDict(module) : nullptr;
  PyObject* globals = own ? PyDict_GetItemString(own, "__pyxc_globals__") : nullptr;
  if (!globals || !PyDict_Check(globals)) globals = own;
  PyObject* value = globals ? PyDict_GetItemString(globals, name) : nullptr;
  if (!value) {
    PyObject* builtins = PyEval_GetBuiltins();
    value = builtins ? PyDict_GetItemString(builtins, name) : nullptr;
  }
  if (!value) {
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", name);
    throw_python_error();
  }
  return OwnedRef(Py_NewRef(value));
}

inline OwnedRef py_attr(PyObject* object, const char* name) { return checked(PyObject_GetAttrString(object, name)); }
inline OwnedRef py_attr(const OwnedRef& object, const char* name) { return py_attr(object.get(), name); }
inline OwnedRef py_attr(ObjectRef object, const char* name) { return py_attr(object.object, name); }

inline OwnedRef py_str(std::string_view utf8) {
  return checked(PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "strict"));
}

// The keyword names of a call, in order (a tuple of str).
inline OwnedRef py_kwnames(std::initializer_list<const char*> names) {
  OwnedRef tuple = checked(PyTuple_New(static_cast<Py_ssize_t>(names.size())));
  Py_ssize_t index = 0;
  for (const char* name : names) PyTuple_SET_ITEM(tuple.get(), index++, checked(PyUnicode_FromString(name)).release());
  return tuple;
}

// One argument of a Python call as a new reference: native values through
// to_py (numbers, tuples, owning arrays), objects as they are.
inline OwnedRef py_value(OwnedRef&& value) { return std::move(value); }
inline OwnedRef py_value(ObjectRef value) { return OwnedRef(Py_NewRef(value.object)); }
template <class T>
OwnedRef py_value(const T& value) {
  return checked(to_py(value));
}
inline OwnedRef py_none() { return OwnedRef(Py_NewRef(Py_None)); }

// The callee, then the arguments: one braced list, evaluated left to right.
template <size_t N>
using CallItems = std::array<OwnedRef, N>;

// items[0](*items[1:]) with the last len(kwnames) items passed as keywords
// (vectorcall's convention).
template <size_t N>
OwnedRef py_call_kw(const CallItems<N>& items, const OwnedRef& kwnames) {
  static_assert(N >= 1, "a call has a callee");
  PyObject* argv[N];
  for (size_t i = 0; i < N; ++i) argv[i] = items[i].get();
  size_t keywords = kwnames.get() ? static_cast<size_t>(PyTuple_GET_SIZE(kwnames.get())) : 0;
  // argv[0] (the callee) is the slot PY_VECTORCALL_ARGUMENTS_OFFSET lets the
  // callee borrow; it is restored before the call returns.
  return checked(PyObject_Vectorcall(argv[0], argv + 1, (N - 1 - keywords) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                     kwnames.get()));
}

template <size_t N>
OwnedRef py_call(const CallItems<N>& items) {
  return py_call_kw(items, OwnedRef(nullptr));
}

// A result stored into a typed local (`y: f64 = f(x)`): the rules of
// argument conversion, with the call named in the TypeError/OverflowError.
template <Scalar T>
T py_convert(const OwnedRef& value, const char* what) {
  T out{};
  if (from_py(value.get(), &out, what, "result")) return out;
  if (PyErr_ExceptionMatches(PyExc_TypeError)) {
    PyErr_Clear();
    const char* expected = Bool<T> ? "bool" : Integer<T> ? "int" : "float";
    PyErr_Format(PyExc_TypeError, "the result of %s must be %s, not %s", what, expected, Py_TYPE(value.get())->tp_name);
  } else if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
    PyErr_Clear();
    PyErr_Format(PyExc_OverflowError, "the result of %s is out of range for %s", what, type_name<T>());
  }
  throw_python_error();
}

// float(obj), int(obj), bool(obj) of a Python object: CPython's builtins
// (float("1.5") is 1.5, int(2.7) is 2, bool([]) is False); an int result
// outside i64 is OverflowError.
inline double py_float(const OwnedRef& value) {
  double out = PyFloat_AsDouble(checked(PyNumber_Float(value.get())).get());
  return out;
}
inline int64_t py_int(const OwnedRef& value) {
  OwnedRef number = checked(PyNumber_Long(value.get()));
  int overflow = 0;
  long long out = PyLong_AsLongLongAndOverflow(number.get(), &overflow);
  if (overflow) {
    PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
    throw_python_error();
  }
  if (out == -1 && PyErr_Occurred()) throw_python_error();
  return static_cast<int64_t>(out);
}
inline bool py_bool(const OwnedRef& value) {
  int truth = PyObject_IsTrue(value.get());
  if (truth < 0) throw_python_error();
  return truth != 0;
}

// An object parameter as a value inside a block (`f` in `helper(f)`).
inline OwnedRef py_object(ObjectRef value) { return OwnedRef(Py_NewRef(value.object)); }

// Object arguments of the wrapper.
inline bool from_py(PyObject* object, ObjectArg* out, const char*, const char*) {
  out->acquire(object);
  return true;
}

}  // namespace pyxc::rt
