# np.dot / np.matmul / `@` in emitted C++: one call of the runtime's
# np::dot with the result's element type (NumPy's result_type), and a body
# that is only a linear algebra call still runs without the GIL (the call
# loops over whole arrays).
# RUN: %pyxc emit %s | %FileCheck %s
# CHECK-LABEL: static PyObject* matmul__vectorcall(
# CHECK: return pyxc::rt::call_nogil(
# CHECK-LABEL: static PyObject* dot__vectorcall(
# CHECK: return pyxc::rt::call_nogil(
# CHECK-LABEL: matmul__impl({{.*}}) {
# CHECK: return pyxc::rt::np::dot<double>(a_, b_, true);
# CHECK-LABEL: dot__impl({{.*}}) {
# CHECK: return pyxc::rt::np::dot<double>(a_, b_, false);
# CHECK-LABEL: narrow__impl({{.*}}) {
# CHECK: pyxc::rt::np::dot<double>(a_, b_, true)
# CHECK-LABEL: single__impl({{.*}}) {
# CHECK: return pyxc::rt::np::dot<float>(a_, b_, true);
import numpy as np
import pyxc
from pyxc import f32, f64, i32, i64


@pyxc.native
def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, ::1]:
    return a @ b


@pyxc.native
def dot(a: i64[:], b: f64[:]) -> float:
    return np.dot(a, b)


@pyxc.native
def narrow(a: i32[:], b: f32[:, :]) -> f64[:]:
    return np.matmul(a, b)


@pyxc.native
def single(a: f32[:], b: f32[:]) -> f32:
    return a @ b
