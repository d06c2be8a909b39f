"""NumPy's linear algebra in native code (docs/semantics.md, "NumPy linear
algebra"): np.dot, np.matmul and `a @ b` on 1-D and 2-D arrays of every
layout, with NumPy's result dtypes (int64 wraps, int with float is float64,
float32 stays float32, int32 with float32 is float64), its ValueError texts
for shapes that do not align (the harness gives one array its own side
lengths in some calls), and empty arrays.

Float sums run in a different order than NumPy's BLAS, so the exact tests
use small integers (and halves) stored as floats, whose products and sums
are exact in any order; `close_to_loop` checks random floats against a
plain loop with a tolerance."""
from __future__ import annotations

import numpy as np

import pyxc
from pyxc import f32, f64, i32, i64

EXACT = [-4.0, -2.0, -1.0, -0.5, 0.0, 1.0, 1.5, 3.0]
SMALL_INTS = (-1000, 1000)

PYXC_TEST_ARGS = {
    "vec_dot": {"a": {"elements": EXACT, "shape": ("k",)}, "b": {"elements": EXACT, "shape": ("k",)}},
    "vec_matmul": {"a": {"elements": EXACT, "shape": ("k",)}, "b": {"elements": EXACT, "shape": ("k",)}},
    "mat_vec": {"m": {"elements": EXACT, "shape": ("n", "k")}, "v": {"elements": EXACT, "shape": ("k",)}},
    "vec_mat": {"v": {"elements": EXACT, "shape": ("k",)}, "m": {"elements": EXACT, "shape": ("k", "n")}},
    "mat_mat": {"a": {"elements": EXACT, "shape": ("n", "k")}, "b": {"elements": EXACT, "shape": ("k", "m")}},
    "np_matmul": {"a": {"elements": EXACT, "shape": ("n", "k")}, "b": {"elements": EXACT, "shape": ("k", "m")}},
    "np_matmul_vec": {"a": {"elements": EXACT, "shape": ("n", "k")}, "b": {"elements": EXACT, "shape": ("k",)}},
    "int_dot": {"a": {"elements": SMALL_INTS, "shape": ("k",)}, "b": {"elements": SMALL_INTS, "shape": ("k",)}},
    "int_mat": {"a": {"elements": SMALL_INTS, "shape": ("n", "k")}, "b": {"elements": SMALL_INTS, "shape": ("k", "m")}},
    "mixed_dot": {"a": {"elements": SMALL_INTS, "shape": ("k",)}, "b": {"elements": EXACT, "shape": ("k",)}},
    "f32_mat": {"a": {"elements": EXACT, "shape": ("n", "k")}, "b": {"elements": EXACT, "shape": ("k", "m")}},
    "i32_f32_mat": {"a": {"elements": (-100, 100), "shape": ("n", "k")},
                    "b": {"elements": EXACT, "shape": ("k", "m")}},
    "i32_dot": {"a": {"elements": (-100, 100), "shape": ("k",)}, "b": {"elements": (-100, 100), "shape": ("k",)}},
    "wrapping": {"v": (-(2**62), 2**62), "n": (0, 6)},
    "rows_dot": {"m": {"elements": EXACT, "shape": ("n", "k")}, "v": {"elements": EXACT, "shape": ("k",)}},
    "chained": {"a": {"elements": EXACT, "shape": ("n", "k")}, "b": {"elements": EXACT, "shape": ("k", "n")},
                "v": {"elements": EXACT, "shape": ("n",)}},
    "bool_dot": {"a": {"shape": ("k",)}, "b": {"shape": ("k",)}},
    "close_to_loop": {"a": {"elements": (-1.0, 1.0), "shape": ("n", "k")},
                      "b": {"elements": (-1.0, 1.0), "shape": ("k", "m")},
                      "_dims": {"n": (0, 12), "k": (0, 40), "m": (0, 12)}},
    "square_power": {"n": (0, 7), "p": (0, 5)},
}


@pyxc.native
def vec_dot(a: f64[:], b: f64[:]) -> f64:
    return np.dot(a, b)


@pyxc.native
def vec_matmul(a: f64[:], b: f64[:]) -> f64:
    return a @ b


@pyxc.native
def mat_vec(m: f64[:, :], v: f64[:]) -> f64[:]:
    return np.dot(m, v)


@pyxc.native
def vec_mat(v: f64[:], m: f64[:, :]) -> f64[:]:
    return v @ m


@pyxc.native
def mat_mat(a: f64[:, :], b: f64[:, :]) -> f64[:, ::1]:
    return a @ b


@pyxc.native
def np_matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, ::1]:
    return np.matmul(a, b)


@pyxc.native
def np_matmul_vec(a: f64[:, :], b: f64[:]) -> f64[:]:
    return np.matmul(a, b)


@pyxc.native
def int_dot(a: i64[:], b: i64[:]) -> int:
    return np.dot(a, b)


@pyxc.native
def int_mat(a: i64[:, :], b: i64[:, :]) -> i64[:, ::1]:
    return np.dot(a, b)


@pyxc.native
def mixed_dot(a: i64[:], b: f64[:]) -> float:
    return np.dot(a, b) + a @ b


@pyxc.native
def f32_mat(a: f32[:, :], b: f32[:, :]) -> f32[:, ::1]:
    return a @ b


@pyxc.native
def i32_f32_mat(a: i32[:, :], b: f32[:, :]) -> f64[:, ::1]:
    return a @ b


@pyxc.native
def i32_dot(a: i32[:], b: i32[:]) -> i32:
    return np.dot(a, b)


@pyxc.native
def wrapping(v: int, n: int) -> int:
    # int64 products and sums wrap modulo 2**64, as NumPy's do.
    a = np.full(n, v)
    b = np.full(n, 3 * (v // 4) + 1)
    return np.dot(a, b)


@pyxc.native
def rows_dot(m: f64[:, :], v: f64[:]) -> f64[:]:
    out = np.zeros(m.shape[0])
    for i in range(m.shape[0]):
        out[i] = np.dot(m[i], v) + m[i] @ v
    return out


@pyxc.native
def chained(a: f64[:, :], b: f64[:, :], v: f64[:]) -> f64[:]:
    c = a @ b
    left = c @ v
    right = np.dot(a, np.dot(b, v))
    for i in range(left.shape[0]):
        left[i] -= right[i]
    return left


@pyxc.native
def bool_dot(a: bool[:], b: bool[:]) -> bool:
    return np.dot(a, b)


@pyxc.native
def close_to_loop(a: f64[:, :], b: f64[:, :]) -> bool:
    # Random floats: the sums' order differs from a loop's (and BLAS's), so
    # the result agrees to a tolerance only.
    c = a @ b
    if c.shape[0] != a.shape[0] or c.shape[1] != b.shape[1]:
        return False
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            if abs(c[i, j] - s) > 1e-12 * (a.shape[1] + 1):
                return False
    return True


@pyxc.native
def square_power(n: int, p: int) -> i64[:, ::1]:
    m = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        for j in range(n):
            m[i, j] = (i + 2 * j) % 5 - 2
    r = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        r[i, i] = 1
    for _ in range(p):
        r = r @ m
    return r
