// `with pyxc.gil():` as pyxc emits it: Python calls inside the GilBlock's C++
// block hold the GIL (its constructor takes it, its destructor at the closing
// brace gives it back) and are accepted, also in a nested block and after a
// nested block closes; the same call slipped after the block is flagged.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <pyxc/runtime.h>

static PyObject* pyxc_module_object = nullptr;
static double logged__impl(double x_, pyxc::rt::ObjectRef cb_);

static PyObject* logged__vectorcall(PyObject*, PyObject* const* args, size_t, PyObject*) {
  double x_ = 3;
  pyxc::rt::ObjectArg cb_;
  if (!pyxc::rt::from_py(args[0], &cb_, "logged", "cb")) return nullptr;
  return pyxc::rt::call_nogil([&]() { return logged__impl(x_, cb_.ref()); });
}

#line 7 "pkg/logged.py"
static double logged__impl(double x_, pyxc::rt::ObjectRef cb_) {
  double y_ = 0;
#line 8 "pkg/logged.py"
  {
    const pyxc::rt::GilBlock pyxc_t1;
#line 9 "pkg/logged.py"
    y_ = pyxc::rt::py_convert<double>(pyxc::rt::py_call(pyxc::rt::CallItems<2>{pyxc::rt::py_object(cb_), pyxc::rt::py_value(x_)}), "cb()");
#line 10 "pkg/logged.py"
    {
      const pyxc::rt::GilBlock pyxc_t2;
      pyxc::rt::py_call(pyxc::rt::CallItems<2>{pyxc::rt::py_global(pyxc_module_object, "print"), pyxc::rt::py_value(y_)});
    }
#line 12 "pkg/logged.py"
    pyxc::rt::py_call(pyxc::rt::CallItems<1>{pyxc::rt::py_global(pyxc_module_object, "flush")});
  }
#line 13 "pkg/logged.py"
  PyObject* leaked = PyFloat_FromDouble(y_);
  // CHECK: pkg/logged.py:13: error: call to the CPython API 'PyFloat_FromDouble' without the GIL (C++: {{.*}}with_gil_block.cpp:[[@LINE-1]]:22)
#line 14 "pkg/logged.py"
  return leaked != nullptr ? y_ : 0.0;
  // CHECK-NEXT: pkg/logged.py:14: error: use of Python object value 'leaked' of type 'PyObject *' without the GIL
  // CHECK-NOT: error
}
