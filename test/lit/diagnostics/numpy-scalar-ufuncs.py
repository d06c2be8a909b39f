# NumPy's ufunc spellings on scalars (np.sqrt(x), x a float) name the math
# or builtin function native code compiles; on arrays they stay "not yet".
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import numpy as np
import pyxc
from pyxc import f64


@pyxc.native
def f(x: float, n: int, a: f64[:]) -> float:
    # CHECK: :[[@LINE+1]]:9: error: np.sqrt() of a scalar is not supported in native code; write math.sqrt(...) [unsupported-construct]
    s = np.sqrt(x)
    # CHECK: :[[@LINE+1]]:10: error: np.exp() of a scalar is not supported in native code; write math.exp(...) [unsupported-construct]
    s += np.exp(n)
    # CHECK: :[[@LINE+1]]:10: error: np.arctan2() of a scalar is not supported in native code; write math.atan2(...) [unsupported-construct]
    s += np.arctan2(x, 1.0)
    # CHECK: :[[@LINE+1]]:10: error: np.maximum() of a scalar is not supported in native code; write max(...) [unsupported-construct]
    s += np.maximum(x, 0.0)
    # CHECK: :[[@LINE+1]]:10: error: np.abs() of a scalar is not supported in native code; write abs(...) [unsupported-construct]
    s += np.abs(x)
    # CHECK: :[[@LINE+1]]:10: error: np.sqrt() is not supported in native code yet [unsupported-construct]
    s += np.sqrt(a)[0]
    return s
