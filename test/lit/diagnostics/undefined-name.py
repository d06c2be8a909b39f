# Names that are neither locals nor module-level names.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(x: float) -> float:
    # CHECK: :[[@LINE+1]]:12: error: name 'math' is not defined; add 'import math' [undefined-name]
    return math.sqrt(x) + g(x)
    # CHECK: :[[@LINE-1]]:27: error: name 'g' is not defined [undefined-name]
