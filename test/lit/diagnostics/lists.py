# Lists: what stays outside the subset names the supported spelling.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import f64


@pyxc.native
def nested(n: int) -> None:
    # CHECK: :[[@LINE+1]]:11: error: a list of lists is not supported in native code: use a 2-D array (pyxc.zeros((n, m), f64)) [unsupported-type]
    xs = [[1.0], [2.0]]


@pyxc.native
def bad_annotation(xs: list[list[f64]]) -> None:
    # CHECK: :[[@LINE-1]]:24: error: a list of lists is not supported in native code: use a 2-D array (pyxc.zeros((n, m), f64)) [unsupported-type]
    pass


@pyxc.native
def bare_generator(n: int) -> None:
    # CHECK: :[[@LINE+1]]:9: error: a generator expression is only supported as the argument of sum(), min(), max(), any() or all() in native code; build a list with [...] instead [unsupported-construct]
    g = (i for i in range(n))


@pyxc.native
def store_float(n: int) -> None:
    xs: list[int] = []
    # CHECK: :[[@LINE+1]]:15: error: cannot store a value of type float into list[int] [incompatible-assignment]
    xs.append(0.5)


@pyxc.native
def dict_comp(n: int) -> None:
    # CHECK: :[[@LINE+1]]:9: error: a dict comprehension is not supported in native code [unsupported-construct]
    d = {i: i for i in range(n)}


@pyxc.native
def enumerate_list(xs: list[f64]) -> float:
    s = 0.0
    # CHECK: :[[@LINE+1]]:27: error: enumerate/zip/reversed of a list is not supported in native code yet; loop over range(len(...)) and index the list [bad-loop]
    for i, x in enumerate(xs):
        s += i * x
    return s
