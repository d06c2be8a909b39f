# Lists in emitted C++: a comprehension-only body runs without the GIL (it is
# a loop); a list's truth value is its size; a list parameter converts
# through the List from_py overload that names the parameter.
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc
from pyxc import f64


@pyxc.native
def squares(n: int) -> list[f64]:
    return [k * 0.5 for k in range(n)]
# CHECK-LABEL: static PyObject* squares__vectorcall(
# CHECK: return pyxc::rt::call_nogil(


@pyxc.native
def nonempty(xs: list[f64]) -> bool:
    if xs and xs[0] > 0.0:
        return True
    return False
# CHECK-LABEL: static PyObject* nonempty__vectorcall(
# CHECK: pyxc::rt::List<double> xs_{};
# CHECK: pyxc::rt::from_py(bound[0], &xs_, "nonempty", "xs")
# CHECK: return pyxc::rt::call_nogil(


@pyxc.native
def plain(n: int) -> int:
    return n + 1
# CHECK-LABEL: static PyObject* plain__vectorcall(
# CHECK: No loop and no call
# CHECK-NEXT: return pyxc::rt::call_with_gil(
# The bodies come after every wrapper.
# CHECK-LABEL: static bool nonempty__impl(
# CHECK: if ((xs_.size() != 0) && (xs_.at<true, true>(int64_t{0}) > 0.0)) {
