// The call-overhead reference: add/fadd as a good C++ programmer writes them
// against the raw CPython API (METH_FASTCALL, exact conversions, overflow
// checked like pyxc's int).
#include <Python.h>

static PyObject* add_ints(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "add() takes exactly 2 arguments");
    return nullptr;
  }
  long long a = PyLong_AsLongLong(args[0]);
  if (a == -1 && PyErr_Occurred()) return nullptr;
  long long b = PyLong_AsLongLong(args[1]);
  if (b == -1 && PyErr_Occurred()) return nullptr;
  long long sum;
  if (__builtin_add_overflow(a, b, &sum)) {
    PyErr_SetString(PyExc_OverflowError, "integer overflow");
    return nullptr;
  }
  return PyLong_FromLongLong(sum);
}

static PyObject* add_floats(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "fadd() takes exactly 2 arguments");
    return nullptr;
  }
  double a = PyFloat_AsDouble(args[0]);
  if (a == -1.0 && PyErr_Occurred()) return nullptr;
  double b = PyFloat_AsDouble(args[1]);
  if (b == -1.0 && PyErr_Occurred()) return nullptr;
  return PyFloat_FromDouble(a + b);
}

static PyMethodDef methods[] = {
    {"add", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(add_ints)), METH_FASTCALL, nullptr},
    {"fadd", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(add_floats)), METH_FASTCALL, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef module_def = {PyModuleDef_HEAD_INIT, "call_overhead_hand", nullptr, -1, methods,
                                 nullptr, nullptr, nullptr, nullptr};

PyMODINIT_FUNC PyInit_call_overhead_hand(void) { return PyModule_Create(&module_def); }
