"""Arrays passed from one native function to another (reads and in-place
writes through the callee), and arrays created in native code with
pyxc.empty / pyxc.zeros (shape an int or a tuple, dtype a pyxc type or
the default f64) and returned to Python as NumPy arrays.
"""
import pyxc
from pyxc import f32, f64, i32, i64, u8

SMALL = (-10**6, 10**6)
SIZE = (0, 8)
PYXC_TEST_ARGS = {
    "helper_sum": {"a": SMALL},
    "sum_via_helper": {"a": SMALL},
    "helper_fill": {"a": SMALL, "v": SMALL},
    "fill_via_helper": {"a": SMALL, "v": SMALL},
    "helper_dot": {},
    "norm2_via_helper": {},
    "double_2d_via_helper": {"a": SMALL},
    "helper_double_2d": {"a": SMALL},
    # Negative sizes: ValueError("negative dimensions are not allowed") on both sides.
    "arange_i64": {"n": (-3, 8)},
    "zeros_f64": {"n": SIZE},
    "zeros_default_dtype": {"n": SIZE},
    "zeros_2d": {"n": (-2, 6), "m": (-2, 6)},
    "zeros_builtin_dtypes": {"n": (-1, 6)},
    "ones_u8": {"n": SIZE},
    "identity": {"n": SIZE},
    "empty_filled_f32": {"n": SIZE},
    "zeros_3d_i32": {"n": (0, 4), "m": (0, 4), "p": (0, 4)},
    "cumsum_new": {},
    "squares_new": {"a": SMALL},
    "outer": {},
    "col_means": {},
    "zeros_4d": {"n": (0, 3)},
    "returned_then_read": {"n": SIZE},
    "contiguous_to_strided": {},
    "use_returned": {"n": (-1, 8)},
    "iterate_new": {"n": SIZE},
    "returned_2d_from_helper": {"n": SIZE},
    "new_then_contiguous_helper": {"n": SIZE},
}


@pyxc.native
def helper_sum(a: i64[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_via_helper(a: i64[:]) -> int:
    return helper_sum(a) + 1


@pyxc.native
def helper_fill(a: i64[:], v: int) -> None:
    for i in range(len(a)):
        a[i] = v


@pyxc.native
def fill_via_helper(a: i64[:], v: int) -> int:
    helper_fill(a, v)
    return helper_sum(a)


@pyxc.native
def helper_dot(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i in range(len(a)):
        s += float(a[i]) * float(b[i])
    return s


@pyxc.native
def norm2_via_helper(a: f64[:]) -> float:
    return helper_dot(a, a)


@pyxc.native
def helper_double_2d(a: i64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] *= 2


@pyxc.native
def double_2d_via_helper(a: i64[:, :]) -> int:
    helper_double_2d(a)
    helper_double_2d(a)
    return a.size


@pyxc.native
def arange_i64(n: int) -> i64[:]:
    out = pyxc.empty(n, i64)
    for i in range(n):
        out[i] = i
    return out


@pyxc.native
def zeros_f64(n: int) -> f64[:]:
    return pyxc.zeros(n, f64)


@pyxc.native
def zeros_default_dtype(n: int) -> f64[:]:
    out = pyxc.zeros(n)
    if n > 0:
        out[n - 1] = 1.5
    return out


@pyxc.native
def zeros_2d(n: int, m: int) -> f64[:, :]:
    out = pyxc.zeros((n, m), pyxc.f64)
    for i in range(n):
        for j in range(m):
            out[i, j] = i - 0.5 * j
    return out


@pyxc.native
def ones_u8(n: int) -> u8[:]:
    out = pyxc.zeros(n, u8)
    for i in range(n):
        out[i] = 1
    return out


@pyxc.native
def identity(n: int) -> f64[:, :]:
    out = pyxc.zeros((n, n), f64)
    for i in range(n):
        out[i, i] = 1.0
    return out


@pyxc.native
def empty_filled_f32(n: int) -> f32[:]:
    out = pyxc.empty(n, f32)
    for i in range(n):
        out[i] = 0.1 * i
    return out


@pyxc.native
def zeros_3d_i32(n: int, m: int, p: int) -> i32[:, :, :]:
    out = pyxc.zeros((n, m, p), i32)
    for i in range(n):
        for j in range(m):
            for k in range(p):
                out[i, j, k] = i * 100 + j * 10 + k
    return out


@pyxc.native
def zeros_4d(n: int) -> i64[:, :, :, :]:
    out = pyxc.zeros((n, n + 1, 2, n), i64)
    for i in range(n):
        out[i, i, 1, i] = i + 1
    return out


@pyxc.native
def cumsum_new(a: f64[:]) -> f64[:]:
    out = pyxc.empty(a.shape[0], f64)
    s = 0.0
    for i in range(len(a)):
        s += float(a[i])
        out[i] = s
    return out


@pyxc.native
def squares_new(a: i64[:]) -> i64[:]:
    out = pyxc.empty(len(a), i64)
    for i in range(len(a)):
        out[i] = int(a[i]) * int(a[i])
    return out


@pyxc.native
def outer(a: f64[:], b: f64[:]) -> f64[:, :]:
    out = pyxc.empty((len(a), len(b)), f64)
    for i in range(len(a)):
        for j in range(len(b)):
            out[i, j] = a[i] * b[j]
    return out


@pyxc.native
def col_means(a: f64[:, :]) -> f64[:]:
    n, m = a.shape
    out = pyxc.zeros(m, f64)
    for i in range(n):
        for j in range(m):
            out[j] += a[i, j]
    for j in range(m):
        out[j] = float(out[j]) / n
    return out


@pyxc.native
def returned_then_read(n: int) -> float:
    # An array created natively, passed to another native function.
    b = pyxc.zeros(n, f64)
    for i in range(n):
        b[i] = 0.5 * i
    return helper_dot(b, b)


@pyxc.native
def zeros_builtin_dtypes(n: int) -> tuple[int, float]:
    # dtype given as the builtins int and float.
    ints = pyxc.zeros(n, int)
    floats = pyxc.empty((n, 2), float)
    s = 0
    t = 0.0
    for i in range(n):
        ints[i] = i * i
        floats[i, 0] = 0.25 * i
        floats[i, 1] = -1.0
        s += int(ints[i])
        t += float(floats[i, 0]) + float(floats[i, 1])
    return s, t


@pyxc.native
def contiguous_to_strided(a: f64[::1]) -> float:
    # A T[::1] view passed where the callee takes T[:].
    return helper_dot(a, a)


@pyxc.native
def contiguous_helper(a: f64[::1]) -> float:
    return a[len(a) - 1] if len(a) > 0 else -1.0


@pyxc.native
def new_then_contiguous_helper(n: int) -> float:
    # pyxc.zeros is C-contiguous: it can go to a T[::1] callee.
    b = pyxc.zeros(n)
    for i in range(n):
        b[i] = i * 1.5
    return contiguous_helper(b) + contiguous_to_strided(b)


@pyxc.native
def use_returned(n: int) -> int:
    # An array returned by another native function, used natively.
    b = arange_i64(n)
    s = 0
    for x in b:
        s += int(x)
    return s + len(b)


@pyxc.native
def iterate_new(n: int) -> float:
    s = 0.0
    for x in pyxc.zeros(n):
        s += x + 1.0
    return s


@pyxc.native
def returned_2d_from_helper(n: int) -> f64[:, :]:
    out = pyxc.zeros((n, 2), f64)
    v = arange_i64(n)
    for i in range(n):
        out[i, 0] = v[i]
        out[i, 1] = -v[i]
    return out
