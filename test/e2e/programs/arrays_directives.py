"""Array code under Cython's directives. With boundscheck=False and
wraparound=False an out-of-range index is undefined, so every index here
stays in range (loops over a.shape); the checks that remain are compared.
overflowcheck=False makes int64 element arithmetic wrap, which is what
NumPy's int64 scalars do under CPython too (with a RuntimeWarning), so
those results are compared exactly. fastmath=True only runs exact
operations on finite inputs (no reassociation can change them).
"""
import pyxc
from pyxc import f64, i64, u8

SMALL = (-10**6, 10**6)
FINITE = (-1e6, 1e6)
PYXC_TEST_ARGS = {
    "sum_unchecked": {"a": SMALL},
    "dot_unchecked": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}},
    "wrap_mul": {},
    "wrap_u8": {},
    "cdiv_elements": {"a": (0, 1000), "b": (1, 50)},
    "fast_scale": {"a": FINITE},
    "stencil_unchecked": {"a": {"shape": ("n", "m")}, "out": {"shape": ("n", "m")}},
    "matmul_unchecked": {"a": {"shape": ("n", "p")}, "b": {"shape": ("p", "m")}, "out": {"shape": ("n", "m")}},
    "still_zero_division": {"d": [0.0, 2.0]},
    "prefix_unchecked": {"a": SMALL},
}


@pyxc.native(boundscheck=False, wraparound=False)
def sum_unchecked(a: i64[:]) -> int:
    s = 0
    for i in range(a.shape[0]):
        s += int(a[i])
    return s


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False, fastmath=False)
def dot_unchecked(a: f64[:], b: f64[:]) -> f64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@pyxc.native(overflowcheck=False)
def wrap_mul(a: i64[:]) -> None:
    # i64 * literal stays i64 on both sides and wraps modulo 2**64.
    for i in range(len(a)):
        a[i] = a[i] * 6364136223846793005 + 1442695040888963407


@pyxc.native(overflowcheck=False)
def wrap_u8(a: u8[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] * 3 + 7


@pyxc.native(cdivision=True)
def cdiv_elements(a: i64[:], b: i64[:]) -> None:
    # Non-negative operands: C and Python division agree.
    for i in range(len(a)):
        a[i] = int(a[i]) // int(b[i]) + int(a[i]) % int(b[i])


@pyxc.native(fastmath=True)
def fast_scale(a: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] * 2.0


@pyxc.native(boundscheck=False, wraparound=False)
def stencil_unchecked(a: f64[:, :], out: f64[:, :]) -> None:
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def matmul_unchecked(a: f64[:, :], b: f64[:, :], out: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            out[i, j] = 0.0
            for k in range(a.shape[1]):
                out[i, j] += a[i, k] * b[k, j]


@pyxc.native(boundscheck=False, wraparound=False)
def still_zero_division(a: f64[:], d: float) -> None:
    # Only cdivision=True removes the ZeroDivisionError check.
    for i in range(len(a)):
        a[i] = float(a[i]) / d


@pyxc.native(boundscheck=False)
def prefix_unchecked(a: i64[:]) -> None:
    for i in range(1, len(a)):
        a[i] += a[i - 1]
