# @pyxc.native takes Cython's directive names with True/False values.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


# CHECK: :[[@LINE+2]]:14: error: unknown directive 'boundcheck'; @pyxc.native accepts boundscheck, wraparound, cdivision, overflowcheck and fastmath [bad-directive]
# CHECK: :[[@LINE+1]]:42: error: directive 'cdivision' must be True or False [bad-directive]
@pyxc.native(boundcheck=False, cdivision=1)
def f(x: int) -> int:
    return x
