// Reading a PyObject* value without the GIL (no API call at all) is a
// finding: the object may be freed or moved by a thread holding the GIL.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <pyxc/runtime.h>

static PyObject* same__vectorcall(PyObject*, PyObject* const* args, size_t, PyObject*) {
  PyObject* first = args[0];
  PyObject* second = args[1];
  return pyxc::rt::call_nogil([&]() {
#line 12 "pkg/same.py"
    return first == second;
  });
  // CHECK: pkg/same.py:12: error: use of Python object value 'first' of type 'PyObject *' without the GIL (C++: {{.*}}pyobject_use.cpp:[[@LINE-2]]:12)
  // CHECK-NEXT: pkg/same.py:12: error: use of Python object value 'second' of type 'PyObject *' without the GIL (C++: {{.*}}pyobject_use.cpp:[[@LINE-3]]:21)
  // CHECK-NOT: error
}
