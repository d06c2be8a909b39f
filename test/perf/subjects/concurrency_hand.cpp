// The threads benchmark's reference: spin() from concurrency_subject.py
// written by hand against the CPython API (METH_FASTCALL), the loop in its
// own function, called with the GIL released. What a C++ extension author
// gets from a ThreadPoolExecutor, to compare pyxc's scaling with.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>

namespace {

__attribute__((noinline)) std::int64_t spin_loop(std::int64_t n, std::int64_t seed) {
  // seed % 2**31 with Python's sign rule; then x stays in [0, 2**31), so
  // C's % and >> equal Python's % and //.
  std::int64_t x = seed % 2147483648LL;
  if (x < 0) x += 2147483648LL;
  std::int64_t acc = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    x = (x * 1103515245LL + 12345) % 2147483648LL;
    acc += x >> 16;
  }
  return acc;
}

PyObject* spin(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "spin() takes 2 arguments");
    return nullptr;
  }
  long long n = PyLong_AsLongLong(args[0]);
  if (n == -1 && PyErr_Occurred()) return nullptr;
  long long seed = PyLong_AsLongLong(args[1]);
  if (seed == -1 && PyErr_Occurred()) return nullptr;
  std::int64_t result;
  Py_BEGIN_ALLOW_THREADS
  result = spin_loop(n, seed);
  Py_END_ALLOW_THREADS
  return PyLong_FromLongLong(result);
}

PyMethodDef methods[] = {
    {"spin", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(spin)), METH_FASTCALL, nullptr},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef module = {PyModuleDef_HEAD_INIT, "concurrency_hand", nullptr, -1, methods};

}  // namespace

PyMODINIT_FUNC PyInit_concurrency_hand() { return PyModule_Create(&module); }
