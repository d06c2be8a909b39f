"""2-D, 3-D and 4-D arrays: `a[i, j]` reads and writes with every index
given, negative indices on each axis, IndexError naming the axis,
`n, m = a.shape`, a.shape[k], a.ndim, a.size, len(a) (= shape[0]), `+=` on
elements, and every layout the harness draws (C, Fortran, transposed,
reversed, strided, offset).
"""
import pyxc
from pyxc import f64, i32, i64

SMALL = (-10**6, 10**6)
PYXC_TEST_ARGS = {
    "get2": {"i": (-6, 6), "j": (-6, 6)},
    "put2": {"i": (-6, 6), "j": (-6, 6)},
    "add2": {"i": (-6, 6), "j": (-6, 6), "a": SMALL, "v": SMALL},
    "get3": {"i": (-5, 5), "j": (-5, 5), "k": (-5, 5)},
    "put4": {"i": (-4, 4), "j": (-4, 4), "k": (-4, 4), "l": (-4, 4)},
    "get4": {"i": (-4, 4), "j": (-4, 4), "k": (-4, 4), "l": (-4, 4)},
    "sum2": {"a": SMALL},
    "sum3": {"a": SMALL},
    "sum4": {"a": SMALL},
    "trace": {},
    "transpose_into": {"a": {"shape": ("n", "m")}, "out": {"shape": ("m", "n")}},
    "index_pattern3": {},
    "index_pattern4": {},
    "row_sums": {"a": {"shape": ("n", "m")}, "out": {"shape": ("n",)}},
    "col_max": {"a": {"shape": ("n", "m")}, "out": {"shape": ("m",)}},
    "shapes2": {},
    "shapes3": {},
    "shapes4": {},
    "scale_rows": {"a": {"shape": ("n", "m")}, "k": {"shape": ("n",)}},
    "corner_sum": {"a": SMALL},
    "flip_lr": {"a": SMALL},
    "last_axis": {},
    "count_equal": {"a": (-2, 2), "b": (-2, 2)},
}
PYXC_TEST_CASES = {
    "get2": [([[1.0, 2.0], [3.0, 4.0]], -1, -2), ([[1.0, 2.0], [3.0, 4.0]], 0, 2),
             ([[1.0, 2.0], [3.0, 4.0]], -3, 0), ([[1.0, 2.0], [3.0, 4.0]], 0, -3)],
}


@pyxc.native
def get2(a: f64[:, :], i: int, j: int) -> float:
    return a[i, j]


@pyxc.native
def put2(a: f64[:, :], i: int, j: int, v: float) -> None:
    a[i, j] = v


@pyxc.native
def add2(a: i64[:, :], i: int, j: int, v: int) -> None:
    a[i, j] += v


@pyxc.native
def get3(a: i32[:, :, :], i: int, j: int, k: int) -> int:
    return int(a[i, j, k])


@pyxc.native
def get4(a: f64[:, :, :, :], i: int, j: int, k: int, l: int) -> float:
    return a[i, j, k, l]


@pyxc.native
def put4(a: i64[:, :, :, :], i: int, j: int, k: int, l: int, v: int) -> None:
    a[i, j, k, l] = v


@pyxc.native
def sum2(a: i64[:, :]) -> int:
    s = 0
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            s += int(a[i, j])
    return s


@pyxc.native
def sum3(a: i64[:, :, :]) -> int:
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += int(a[i, j, k])
    return s


@pyxc.native
def sum4(a: i32[:, :, :, :]) -> int:
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                for l in range(a.shape[3]):
                    s += int(a[i, j, k, l]) * (i + 2 * j + 3 * k + 4 * l + 1)
    return s


@pyxc.native
def trace(a: f64[:, :]) -> float:
    s = 0.0
    for i in range(min(a.shape[0], a.shape[1])):
        s += float(a[i, i])
    return s


@pyxc.native
def transpose_into(a: f64[:, :], out: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[j, i] = a[i, j]


@pyxc.native
def index_pattern3(a: i64[:, :, :]) -> None:
    n, m, p = a.shape
    for i in range(n):
        for j in range(m):
            for k in range(p):
                a[i, j, k] = 100 * i + 10 * j + k


@pyxc.native
def index_pattern4(a: i64[:, :, :, :]) -> int:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                for l in range(a.shape[3]):
                    a[i, j, k, l] = 1000 * i + 100 * j + 10 * k + l
    return a.size


@pyxc.native
def row_sums(a: f64[:, :], out: f64[:]) -> None:
    for i in range(a.shape[0]):
        acc = 0.0
        for j in range(a.shape[1]):
            acc += float(a[i, j])
        out[i] = acc


@pyxc.native
def col_max(a: f64[:, :], out: f64[:]) -> None:
    for j in range(a.shape[1]):
        best = -1e308
        for i in range(a.shape[0]):
            best = max(best, float(a[i, j]))
        out[j] = best


@pyxc.native
def shapes2(a: i64[:, :]) -> tuple[int, int, int, int, int]:
    n, m = a.shape
    return n, m, a.ndim, a.size, len(a)


@pyxc.native
def shapes3(a: f64[:, :, :]) -> tuple[int, int, int, int, int]:
    return a.shape[0], a.shape[1], a.shape[2], a.ndim, len(a)


@pyxc.native
def shapes4(a: f64[:, :, :, :]) -> tuple[int, int, int]:
    n, m, p, q = a.shape
    return n * 1000 + m * 100 + p * 10 + q, a.ndim, a.size


@pyxc.native
def scale_rows(a: f64[:, :], k: f64[:]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] *= k[i]


@pyxc.native
def corner_sum(a: i64[:, :]) -> int:
    # Negative indices on both axes; IndexError when an axis is empty.
    return int(a[0, 0]) + int(a[-1, -1]) + int(a[0, -1]) + int(a[-1, 0])


@pyxc.native
def flip_lr(a: i64[:, :]) -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m // 2):
            t = a[i, j]
            a[i, j] = a[i, m - 1 - j]
            a[i, m - 1 - j] = t


@pyxc.native
def count_equal(a: i64[:, :], b: i64[:, :]) -> int:
    c = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j] == b[i, j]:
                c += 1
    return c


@pyxc.native
def last_axis(a: f64[:, :, :]) -> tuple[int, int]:
    # A negative constant axis: a.shape[-1] is the last one.
    return a.shape[-1], a.shape[-3]
