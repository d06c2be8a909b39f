"""NumPy reductions in native code (docs/semantics.md, "NumPy reductions"):
np.sum/prod/min/max/amin/amax/mean/argmin/argmax and the array methods,
over the whole array (1-D and 2-D, every layout) and along axis 0/1 of a
2-D array, with NumPy's result dtypes, its pairwise float sums (1-D inputs
of any values: the order matches bit for bit), NaN propagation, int
wrapping, and its ValueErrors on empty arrays."""
import math

import numpy as np

import pyxc
from pyxc import f32, f64, i32, i64

EXACT = [0.5, -1.25, 3.0, -7.0, 1024.0, 0.0, 2.0**-10]
# min/max of a mix of 0.0 and -0.0 may give the other zero than NumPy's SIMD
# loop (docs/semantics.md): their inputs hold no -0.0.
UNSIGNED_ZERO = [0.0, 1.5, -2.5, 3.0, 1e300, -1e-300, math.inf, -math.inf, math.nan]
PYXC_TEST_ARGS = {
    "sums1": {"a": {"shape": ("n",)}, "_dims": {"n": (0, 300)}},
    "sums_f32": {"a": {"shape": ("n",)}, "_dims": {"n": (0, 300)}},
    "ints1": {"a": {"shape": ("n",)}, "_dims": {"n": (0, 40)}},
    "int_wrap": {"a": {"shape": ("n",), "elements": [2**62, -2**63, 2**63 - 1, 3, -1]}, "_dims": {"n": (0, 9)}},
    "extremes1": {"a": {"shape": ("n",), "elements": UNSIGNED_ZERO}, "_dims": {"n": (0, 20)}},
    "int_extremes": {"a": {"shape": ("n",)}, "_dims": {"n": (0, 20)}},
    "whole2": {"a": {"shape": ("n", "m"), "elements": EXACT}, "_dims": {"n": (0, 6), "m": (0, 6)}},
    "whole2_any": {"a": {"shape": ("n", "m"), "elements": UNSIGNED_ZERO}, "_dims": {"n": (0, 5), "m": (0, 5)}},
    "along": {"a": {"shape": ("n", "m"), "elements": EXACT}, "_dims": {"n": (0, 6), "m": (0, 6)}},
    "along_ints": {"a": {"shape": ("n", "m"), "elements": (-1000, 1000)}, "_dims": {"n": (0, 5), "m": (0, 5)}},
    "along_extremes": {"a": {"shape": ("n", "m"), "elements": UNSIGNED_ZERO}, "_dims": {"n": (0, 5), "m": (0, 5)}},
    "bools": {"n": (0, 20)},
    "in_loop": {"n": (0, 50)},
}


@pyxc.native
def sums1(a: f64[:]) -> tuple[f64, f64, f64, f64, f64]:
    return np.sum(a), a.sum(), np.prod(a), np.mean(a), a.mean()


@pyxc.native
def sums_f32(a: f32[:]) -> tuple[f32, f32, f32]:
    return np.sum(a), a.mean(), a.prod()


@pyxc.native
def ints1(a: i32[:]) -> tuple[i64, i64, f64, i64]:
    return np.sum(a), a.prod(), np.mean(a), a.sum(axis=0)


@pyxc.native
def int_wrap(a: i64[:]) -> tuple[i64, i64]:
    return np.sum(a), np.prod(a)


@pyxc.native
def extremes1(a: f64[:]) -> tuple[f64, f64, f64, f64, i64, i64]:
    return np.min(a), a.max(), np.amin(a), np.amax(a), np.argmin(a), a.argmax()


@pyxc.native
def int_extremes(a: i64[:]) -> tuple[i64, i64, i64, i64]:
    return a.min(), np.max(a), a.argmin(), np.argmax(a)


@pyxc.native
def whole2(a: f64[:, :]) -> tuple[f64, f64, f64, f64]:
    return np.sum(a), a.sum(axis=None), np.mean(a), a.prod()


@pyxc.native
def whole2_any(a: f64[:, :]) -> tuple[f64, f64, i64, i64]:
    return np.min(a), a.max(), np.argmin(a), a.argmax()


@pyxc.native
def along(a: f64[:, :]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.sum(a, axis=0), a.sum(axis=1), np.mean(a, 0), a.mean(axis=-1), np.prod(a, axis=0), a.prod(1)


@pyxc.native
def along_ints(a: i32[:, :]) -> tuple[i64[:], i64[:], f64[:], f64[:], i32[:], i32[:]]:
    return np.sum(a, axis=0), a.sum(axis=1), np.mean(a, axis=0), a.mean(axis=1), a.min(axis=0), np.max(a, axis=1)


@pyxc.native
def along_extremes(a: f64[:, :]) -> tuple[f64[:], f64[:], i64[:], i64[:]]:
    return np.min(a, axis=1), a.max(axis=0), np.argmin(a, axis=0), a.argmax(axis=1)


@pyxc.native
def bools(n: int) -> tuple[i64, f64, bool, bool]:
    b = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        b[i] = i % 3 == 0
    return np.sum(b), np.mean(b), np.max(b), b.min()


@pyxc.native
def in_loop(n: int) -> f64:
    # A reduction of a fresh array inside a loop nest (the kernels' shape).
    total = 0.0
    for i in range(n):
        row = np.linspace(0.0, 1.0, i + 1)
        total += row.sum() - np.max(row) + row.argmax()
    return total
