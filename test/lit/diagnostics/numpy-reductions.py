# NumPy reductions outside what native code compiles: each message names
# the supported forms (the whole array, or axis=0/1 of a 2-D array).
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import numpy as np
import pyxc
from pyxc import f64


@pyxc.native
def f(a: f64[:, :, :], m: f64[:, :], k: int, x: float) -> float:
    # CHECK: :[[@LINE+1]]:24: error: np.sum(axis=...) of a 3-D array is not supported in native code; supported: np.sum/prod/min/max/mean/argmin/argmax(a) and a.sum()/... over the whole array, or with axis=0/1 of a 2-D array [unsupported-construct]
    s = np.sum(a, axis=0)[0, 0]
    s = 0.0
    # CHECK: :[[@LINE+1]]:29: error: np.sum(keepdims=...) is not supported in native code; supported: {{.*}} [unsupported-construct]
    s += np.sum(m, keepdims=True)[0, 0]
    # CHECK: :[[@LINE+1]]:28: error: .max(out=...) is not supported in native code; supported: {{.*}} [unsupported-construct]
    s += m.max(axis=0, out=m[0])[0]
    # CHECK: :[[@LINE+1]]:27: error: np.mean(dtype=...) is not supported in native code; supported: {{.*}} [unsupported-construct]
    s += np.mean(m, dtype=np.float32)
    # CHECK: :[[@LINE+1]]:26: error: np.min(where=...) is not supported in native code; supported: {{.*}} [unsupported-construct]
    s += np.min(m, where=m > 0)
    # CHECK: :[[@LINE+1]]:29: error: np.prod(initial=...) is not supported in native code; supported: {{.*}} [unsupported-construct]
    s += np.prod(m, initial=2.0)
    # CHECK: :[[@LINE+1]]:21: error: .sum() needs a constant axis in native code (axis=None, 0 or 1); supported: {{.*}} [unsupported-construct]
    s += m.sum(axis=k)[0]
    # CHECK: :[[@LINE+1]]:25: error: axis 2 is out of bounds for array of dimension 2 [bad-call]
    s += np.max(m, axis=2)[0]
    # CHECK: :[[@LINE+1]]:10: error: np.std() is not supported in native code yet; the reductions compiled are {{.*}} [unsupported-construct]
    s += np.std(m)
    # CHECK: :[[@LINE+1]]:17: error: np.sum() in native code takes an array, not float; for numbers use the builtin sum() [type-mismatch]
    s += np.sum(x)
    return s
