// A reference-count operation between Py_BEGIN_ALLOW_THREADS and
// Py_END_ALLOW_THREADS; the same operation before and after is fine.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <Python.h>

PyObject* keep(PyObject* object) {
  Py_INCREF(object);
  Py_BEGIN_ALLOW_THREADS
#line 20 "pkg/keep.py"
  Py_INCREF(object);
  Py_END_ALLOW_THREADS
  Py_INCREF(object);
  return object;
}
// CHECK: pkg/keep.py:20: error: reference-count operation 'Py_INCREF' without the GIL (C++: {{.*}}refcount_in_allow_threads.cpp:10:3)
// CHECK-NOT: error
