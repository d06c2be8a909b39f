# NumPy reductions in emitted C++: a body whose only work is a reduction
# still releases the GIL (it reads every element), and each form lowers to
# runtime/pyxc/numpy_reduce.h with NumPy's result dtype.
# RUN: %pyxc emit %s | %FileCheck %s
import numpy as np
import pyxc
from pyxc import f64, i32


@pyxc.native
def total(a: i32[:]) -> int:
    return np.sum(a)


@pyxc.native
def rows(m: f64[:, :]) -> f64[:]:
    return m.mean(axis=1)
# CHECK-LABEL: static PyObject* total__vectorcall(
# CHECK: return pyxc::rt::call_nogil(
# CHECK-LABEL: static PyObject* rows__vectorcall(
# CHECK: return pyxc::rt::call_nogil(
# CHECK-LABEL: static int64_t total__impl(
# CHECK: return pyxc::rt::np::sum<int64_t>(a_);
# CHECK-LABEL: rows__impl(
# CHECK: pyxc::rt::np::along<pyxc::rt::np::Op::Mean, double>({{.*}}, 1)
