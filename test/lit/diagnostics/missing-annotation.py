# Every parameter of a native function needs a type.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
# CHECK: :[[@LINE+1]]:15: error: parameter 'y' of native function 'f' needs a type annotation, e.g. 'y: float' [missing-annotation]
def f(x: int, y) -> int:
    return x


def plain(y):  # not native: never checked
    return y
