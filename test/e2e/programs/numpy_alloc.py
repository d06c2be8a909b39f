"""NumPy's array constructors in native code (docs/semantics.md, "NumPy
allocation"): np.zeros/empty/ones/full with shapes given as ints, tuples or
`a.shape`, dtype= spellings, the *_like forms, np.copy and a.copy(),
np.arange (int and float, negative steps, step 0) and np.linspace, with
NumPy's values, dtypes and errors (negative dimensions, negative num)."""
import numpy as np

import pyxc
from pyxc import f64, i32, i64

PYXC_TEST_ARGS = {
    "filled_sum": {"n": (-2, 8), "m": (0, 5), "v": (-100.0, 100.0)},
    "int_dtypes": {"n": (-1, 8), "v": (-1000, 1000)},
    "like_forms": {"x": {"shape": ("n", "m")}, "_dims": {"n": (0, 5), "m": (0, 5)}},
    "copies": {"x": {"shape": ("n",)}, "_dims": {"n": (1, 8)}},
    "int_range": {"a": (-20, 20), "b": (-20, 20), "s": [-7, -3, -1, 0, 1, 2, 5]},
    "int_stop": {"n": (-3, 20)},
    "float_range": {"a": (-5.0, 5.0), "b": (-5.0, 5.0), "s": [-0.7, -0.1, 0.0, 0.25, 0.3, 1.5]},
    "spaced": {"a": (-10.0, 10.0), "b": (-10.0, 10.0), "n": (-2, 12), "e": [True, False]},
}
PYXC_TEST_CASES = {
    "float_range": [(0.0, 1.0, 0.1), (1.0, 0.0, -0.3), (0.0, 1e6, 0.1)],
    "spaced": [(0.0, 1.0, 50, True), (2.0, 2.0, 1, True), (1.0, 0.0, 0, False)],
}


@pyxc.native
def filled_sum(n: int, m: int, v: float) -> f64[:, ::1]:
    a = np.zeros((n, m))
    b = np.ones((n, m), dtype=np.float64)
    c = np.full((n, m), v)
    d = np.empty(a.shape)
    for i in range(n):
        for j in range(m):
            d[i, j] = a[i, j] + b[i, j] * 2.0 + c[i, j] * (i - j)
    return d


@pyxc.native
def int_dtypes(n: int, v: int) -> i64:
    a = np.zeros(n, dtype=np.int32)
    b = np.full(n, v)                 # int64, from the fill value
    c = np.ones(n, np.int64)
    d = np.full(n, True)              # bool
    total = 0
    for i in range(n):
        a[i] = i
        total += a[i] * b[i] + c[i] + int(d[i])
    return total


@pyxc.native
def like_forms(x: f64[:, :]) -> f64[:, ::1]:
    y = np.zeros_like(x)
    z = np.ones_like(x)
    w = np.full_like(x, 0.5)
    e = np.empty_like(x, dtype=np.int64)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            e[i, j] = i * j
            y[i, j] = x[i, j] * z[i, j] - w[i, j] + e[i, j]
    return y


@pyxc.native
def copies(x: f64[:]) -> f64[:, ::1]:
    a = np.copy(x)
    b = x.copy()
    a[0] = -1.0                       # neither copy shares x's memory
    b[b.shape[0] - 1] = -2.0
    out = np.empty((3, x.shape[0]))
    for i in range(x.shape[0]):
        out[0, i] = x[i]
        out[1, i] = a[i]
        out[2, i] = b[i]
    return out


@pyxc.native
def int_range(a: int, b: int, s: int) -> i64[:]:
    return np.arange(a, b, s)


@pyxc.native
def int_stop(n: int) -> i64[:]:
    r = np.arange(n)
    for i in range(r.shape[0]):
        r[i] = r[i] * r[i]
    return r


@pyxc.native
def float_range(a: float, b: float, s: float) -> f64[:]:
    return np.arange(a, b, s)


@pyxc.native
def spaced(a: float, b: float, n: int, e: bool) -> f64[:]:
    return np.linspace(a, b, n, endpoint=e)
