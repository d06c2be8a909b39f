// A function marked PYXC_RUNS_WITHOUT_GIL (a worker thread's entry point) is
// a GIL-free region as a whole, with what it calls: the Py_DECREF in a
// runtime-style helper header is reported there, reached from this file.
// RUN: %expect-exit 1 %pyxc-verify %s -- -I%inputs 2>&1 | %FileCheck %s
#include <pyxc/gil_annotations.h>
#include "release_helper.h"

struct Task {
  PyObject* result;
};

PYXC_RUNS_WITHOUT_GIL void worker(Task& task) {
#line 30 "pkg/worker.py"
  Py_DECREF(task.result);
#line 31 "pkg/worker.py"
  drop(task.result);
}
// CHECK: pkg/worker.py:30: error: reference-count operation 'Py_DECREF' without the GIL (C++: {{.*}}refcount_in_marked_function.cpp:14:3)
// CHECK-NEXT: pkg/worker.py:31: error: reference-count operation 'Py_XDECREF' without the GIL (C++: {{.*}}Inputs{{/|\\}}release_helper.h:6:3, reached from {{.*}}refcount_in_marked_function.cpp:16:3)
// CHECK-NEXT: pkg/worker.py:31: error: use of Python object field 'Task::result' of type 'PyObject *' without the GIL (C++: {{.*}}refcount_in_marked_function.cpp:16:13)
// CHECK-NOT: error
