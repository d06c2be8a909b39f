# NumPy constructors in emitted C++: each is one runtime call that makes a
# C-contiguous array, and a body that allocates runs without the GIL.
# RUN: %pyxc emit %s | %FileCheck %s
import numpy as np
import pyxc
from pyxc import f64


@pyxc.native
def grid(n: int, m: int) -> f64[:, ::1]:
    return np.full((n, m), 0.5)
# CHECK-LABEL: static PyObject* grid__vectorcall(
# CHECK: return pyxc::rt::call_nogil(


@pyxc.native
def duplicate(x: f64[:]) -> f64[::1]:
    return x.copy()
# CHECK-LABEL: static PyObject* duplicate__vectorcall(
# CHECK: return pyxc::rt::call_nogil(


@pyxc.native
def steps(n: int) -> f64[::1]:
    return np.linspace(0.0, 1.0, n)
# CHECK-LABEL: static PyObject* steps__vectorcall(
# CHECK: return pyxc::rt::call_nogil(
# CHECK-LABEL: static pyxc::rt::Array<double, 2, true> grid__impl(
# CHECK: pyxc::rt::np::filled(pyxc::rt::np::allocate<pyxc::rt::Array<double, 2, true>>(false, n_, m_), 0.5)
# CHECK-LABEL: duplicate__impl(
# CHECK: pyxc::rt::np::copy<pyxc::rt::Array<double, 1, true>>(x_)
# CHECK-LABEL: steps__impl(
# CHECK: pyxc::rt::np::linspace(0.0, 1.0, n_, true)
