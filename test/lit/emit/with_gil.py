# `with pyxc.gil():` re-acquires the GIL for its block only: the wrapper runs
# the body with the GIL released (call_nogil), the block is a C++ scope whose
# RAII GilBlock takes the GIL (also on prange workers), Python calls
# (py_global / py_object / py_call) appear only inside it, and their results
# convert to the typed locals; the code before and after the block has none.
# An object parameter is held by the wrapper (ObjectArg) and passed as a
# borrowed ObjectRef.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
from typing import Callable

import pyxc
from pyxc import f64, i64


def weight(i):
    return i * 0.5


@pyxc.native
def weighted(n: i64, cb: Callable[[f64], f64]) -> f64:
    total = 0.0
    for i in range(n):
        x = i * 2.0
        with pyxc.gil():
            w: f64 = weight(i)
            y: f64 = cb(x, scale=3)
        total += w * y + x
    return total


@pyxc.native
def parallel(n: i64) -> f64:
    total = 0.0
    for i in pyxc.prange(n):
        with pyxc.gil():
            print("step", i)
            w: f64 = float(weight(i))
        total += w
    return total
# CHECK: static PyObject* pyxc_module_object = nullptr;

# The wrapper converts with the GIL, holds the object argument, and runs
# the body without the GIL (directly and in .aio).
# CHECK-LABEL: static PyObject* weighted__vectorcall(
# CHECK: pyxc::rt::ObjectArg cb_;
# CHECK-NEXT: if (!pyxc::rt::from_py(bound[1], &cb_, "weighted", "cb")) return nullptr;
# CHECK: return pyxc::rt::submit_aio([n_, cb_ = std::move(cb_)]() __attribute__((noinline)) { return weighted__impl(n_, cb_.ref()); });
# CHECK: return pyxc::rt::call_nogil([&]() __attribute__((noinline)) { return weighted__impl(n_, cb_.ref()); });

# CHECK-LABEL: PyMODINIT_FUNC PyInit_with_gil(void) {
# CHECK: pyxc_module_object = pyxc::rt::init_module(
# CHECK-NEXT: Py_XINCREF(pyxc_module_object);
# CHECK-NEXT: return pyxc_module_object;

# CHECK-LABEL: function bodies
# CHECK-LABEL: static double weighted__impl(int64_t n_, pyxc::rt::ObjectRef cb_) {
# CHECK-NOT: py_
# CHECK-NOT: GilBlock
# CHECK: x_ = static_cast<double>(i_) * 2.0;
# CHECK-NEXT: {
# CHECK-NEXT: const pyxc::rt::GilBlock [[G:pyxc_t[0-9]+]];  // with pyxc.gil(): held to the end of this block
# CHECK-NEXT: w_ = pyxc::rt::py_convert<double>(pyxc::rt::py_call(pyxc::rt::CallItems<2>{pyxc::rt::py_global(pyxc_module_object, "weight"), pyxc::rt::py_value(i_)}), "weight()");
# CHECK-NEXT: y_ = pyxc::rt::py_convert<double>(pyxc::rt::py_call_kw(pyxc::rt::CallItems<3>{pyxc::rt::py_object(cb_), pyxc::rt::py_value(x_), pyxc::rt::py_value(int64_t{3})}, pyxc::rt::py_kwnames({"scale"})), "cb()");
# CHECK-NEXT: }
# CHECK-NEXT: total_ = total_ + ((w_ * y_) + x_);
# CHECK-NOT: py_
# CHECK-NOT: GilBlock
# CHECK: return total_;
# CHECK-NEXT: }

# CHECK-LABEL: static double parallel__impl(int64_t n_) {
# CHECK-NOT: GilBlock
# CHECK: auto [[BODY:pyxc_t[0-9]+]] = [&](
# CHECK-NOT: py_
# CHECK: i_ = pyxc::rt::range_at(int64_t{0}, int64_t{1}, {{pyxc_t[0-9]+}});
# CHECK-NEXT: {
# CHECK-NEXT: const pyxc::rt::GilBlock {{pyxc_t[0-9]+}};
# CHECK-NEXT: pyxc::rt::py_call(pyxc::rt::CallItems<3>{pyxc::rt::py_global(pyxc_module_object, "print"), pyxc::rt::py_str("step"), pyxc::rt::py_value(i_)});
# CHECK-NEXT: w_ = pyxc::rt::py_float(pyxc::rt::py_call(pyxc::rt::CallItems<2>{pyxc::rt::py_global(pyxc_module_object, "weight"), pyxc::rt::py_value(i_)}));
# CHECK-NEXT: }
# CHECK-NEXT: total_ = total_ + w_;
# CHECK-NOT: py_
# CHECK-NOT: GilBlock
# CHECK: pyxc::rt::parallel_for(
# CHECK: return total_;
