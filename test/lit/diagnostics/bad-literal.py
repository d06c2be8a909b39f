# Integer literals must fit in int64 (pyxc's int), and a literal stored into
# a fixed-width int must fit that type.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import u8


@pyxc.native
def f() -> int:
    smallest = -9223372036854775808  # fits
    # CHECK: :[[@LINE+1]]:12: error: integer literal 9223372036854775808 does not fit in a 64-bit int [bad-literal]
    return 9223372036854775808


@pyxc.native
def g(x: u8) -> bool:
    # CHECK: :[[@LINE+1]]:13: error: integer literal 256 does not fit in u8 [bad-literal]
    y: u8 = 256
    return x < 300  # fine: compared exactly, 300 is not made a u8
