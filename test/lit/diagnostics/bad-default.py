# Defaults must be constants of the parameter's type.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import u8

LIMIT = 3


@pyxc.native
# CHECK: :[[@LINE+3]]:16: error: the default value of parameter 'a' is float, but the parameter is declared int [bad-default]
# CHECK: :[[@LINE+2]]:30: error: the default value of parameter 'b' must be a constant number or True/False [bad-default]
# CHECK: :[[@LINE+1]]:45: error: the default value of parameter 'c' does not fit in u8 [bad-default]
def f(a: int = 0.5, b: int = LIMIT, c: u8 = 256, d: float = -1) -> None:
    pass
