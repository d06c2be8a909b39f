// An exception thrown between PyEval_SaveThread and PyEval_RestoreThread
// that nothing catches leaves the region with the GIL still released.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <Python.h>

#include <stdexcept>

static double checked(double x) {
  if (x < 0) throw std::domain_error("negative");
  return x;
}

PyObject* run(double x) {
  PyThreadState* state = PyEval_SaveThread();
#line 40 "pkg/run.py"
  double y = checked(x);
  PyEval_RestoreThread(state);
  return PyFloat_FromDouble(y);
}
// CHECK: pkg/run.py:40: error: exception can leave the GIL-free region uncaught: throw of 'std::domain_error' at {{.*}}throw_escaping_region.cpp:9:14 (C++: {{.*}}throw_escaping_region.cpp:16:14)
// CHECK-NOT: error
