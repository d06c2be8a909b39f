# Native code cannot call Python functions.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


def helper(x):
    return x * 2


@pyxc.native
def f(x: int) -> int:
    # CHECK: :[[@LINE+2]]:12: error: calling the Python function 'helper' from native code needs the GIL: wrap the call in 'with pyxc.gil():', or decorate 'helper' with @pyxc.native [python-call]
    # CHECK: :6:5: note: 'helper' is defined here without @pyxc.native
    return helper(x)
