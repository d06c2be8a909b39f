// A CPython API call in the body that call_nogil runs without the GIL: found
// in the __impl function, reported at the .py line of its #line directive.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <pyxc/runtime.h>

static int64_t boxed__impl(int64_t n_);

static PyObject* boxed__vectorcall(PyObject*, PyObject* const*, size_t, PyObject*) {
  int64_t n_ = 3;
  return pyxc::rt::call_nogil([&]() { return boxed__impl(n_); });
}

#line 7 "pkg/boxed.py"
static int64_t boxed__impl(int64_t n_) {
#line 8 "pkg/boxed.py"
  PyObject* made = PyLong_FromLongLong(n_);
  // CHECK: pkg/boxed.py:8: error: call to the CPython API 'PyLong_FromLongLong' without the GIL (C++: {{.*}}api_call_in_call_nogil.cpp:[[@LINE-1]]:20)
#line 9 "pkg/boxed.py"
  return made != nullptr;
  // CHECK-NEXT: pkg/boxed.py:9: error: use of Python object value 'made' of type 'PyObject *' without the GIL (C++: {{.*}}api_call_in_call_nogil.cpp:[[@LINE-1]]:10)
  // CHECK-NOT: error
}
