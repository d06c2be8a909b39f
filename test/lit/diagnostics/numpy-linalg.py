# np.dot / `@` forms native code refuses: `@` of numbers, arrays of three
# dimensions, out=, and the NumPy products not compiled yet, each naming
# what to write instead.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import numpy as np
import pyxc
from pyxc import f64


@pyxc.native
def f(x: float, a: f64[:], m: f64[:, :], t: f64[:, :, :]) -> float:
    # CHECK: :[[@LINE+1]]:9: error: unsupported operand type(s) for @: 'float' and 'float'; '@' needs arrays (1-D or 2-D) [type-mismatch]
    s = x @ x
    # CHECK: :[[@LINE+1]]:10: error: '@' needs arrays (1-D or 2-D), not float; multiply numbers with '*' [type-mismatch]
    s += a @ x
    # CHECK: :[[@LINE+1]]:11: error: '@' of a 3-D array (f64[:, :, :]) is not supported in native code: only 1-D and 2-D arrays; apply np.dot to 2-D slices (a[i] @ b[i]) or write the loops [unsupported-construct]
    s += (t @ m)[0, 0, 0]
    # CHECK: :[[@LINE+1]]:10: error: np.dot() needs arrays (1-D or 2-D), not float; multiply numbers with '*' [type-mismatch]
    s += np.dot(x, a)
    # CHECK: :[[@LINE+1]]:27: error: np.dot(out=...) is not supported in native code; assign the result (c = np.dot(a, b)) [unsupported-construct]
    s += np.dot(a, a, out=a)
    # CHECK: :[[@LINE+1]]:10: error: np.outer() is not supported in native code yet; use np.dot(a, b) or a @ b (1-D and 2-D arrays), or write the loop [unsupported-construct]
    s += np.outer(a, a)[0, 0]
    # CHECK: :[[@LINE+1]]:10: error: np.vdot() is not supported in native code yet; use np.dot(a, b) or a @ b (1-D and 2-D arrays), or write the loop [unsupported-construct]
    s += np.vdot(a, a)
    return s
