"""Subject of test_arrays_binding.py (call-time checks, other buffer
exporters, read-only buffers, returned arrays, buffer release); also run by
the differential harness like every program."""
import pyxc
from pyxc import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64

SMALL = (-10**6, 10**6)
PYXC_TEST_ARGS = {
    "read_sum": {},
    "write_first": {"v": (-1e6, 1e6)},
    "c_sum": {},
    "sum_2d": {},
    "c_sum_2d": {},
    "u8_sum": {},
    "u8_fill": {"v": (0, 255)},
    "i64_sum": {"a": SMALL},
    "index": {"i": (-12, 12)},
    "make": {"n": (0, 8)},
    "make_2d": {"n": (0, 5), "m": (0, 5)},
    "sum_4d": {},
    "read_only_2d": {},
    "add_into": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "f32_sum": {},
    # NumPy scalars wrap and give inf where pyxc raises: the differential
    # run keeps to inputs where both agree; the binding tests check the
    # native semantics on the others.
    "first_plus_one": {"a": SMALL},
    "first_over": {"d": [1.0, -2.0, 0.5]},
    "double_first_u8": {"a": (0, 127)},
    "write_via_local": {},
    "scale_and_return": {"k": (-4.0, 4.0)},
    "i8_sum": {}, "i16_sum": {}, "i32_sum": {}, "u16_sum": {}, "u32_sum": {}, "u64_sum": {"a": (0, 2**59)},
}


@pyxc.native
def read_sum(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    return s


@pyxc.native
def write_first(a: f64[:], v: float) -> None:
    if len(a) > 0:
        a[0] = v


@pyxc.native
def c_sum(a: f64[::1]) -> float:
    s = 0.0
    for i in range(len(a)):
        s += float(a[i])
    return s


@pyxc.native
def sum_2d(a: f64[:, :]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += float(a[i, j]) * (i + 1) * (j + 2)
    return s


@pyxc.native
def c_sum_2d(a: f64[:, ::1]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += float(a[i, j]) * (i + 1) * (j + 2)
    return s


@pyxc.native
def u8_sum(a: u8[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def u8_fill(a: u8[:], v: u8) -> None:
    for i in range(len(a)):
        a[i] = v


@pyxc.native
def i64_sum(a: i64[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def index(a: f64[:], i: int) -> float:
    return a[i]


@pyxc.native
def make(n: int) -> f64[:]:
    out = pyxc.empty(n, f64)
    for i in range(n):
        out[i] = 0.5 * i
    return out


@pyxc.native
def make_2d(n: int, m: int) -> i32[:, :]:
    out = pyxc.zeros((n, m), i32)
    for i in range(n):
        for j in range(m):
            out[i, j] = 10 * i + j
    return out


@pyxc.native
def sum_4d(a: f64[:, :, :, :]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                for l in range(a.shape[3]):
                    s += float(a[i, j, k, l]) * (1 + i + 2 * j + 3 * k + 4 * l)
    return s


@pyxc.native
def read_only_2d(a: i64[:, :]) -> int:
    return a.size


@pyxc.native
def add_into(a: f64[:], b: f64[:], out: f64[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] + b[i]


@pyxc.native
def f32_sum(a: f32[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    return s


@pyxc.native
def i8_sum(a: i8[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def i16_sum(a: i16[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def i32_sum(a: i32[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def u16_sum(a: u16[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def u32_sum(a: u32[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def u64_sum(a: u64[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def first_plus_one(a: i64[:]) -> int:
    return a[0] + 1


@pyxc.native
def first_over(a: f64[:], d: float) -> float:
    return a[0] / d


@pyxc.native
def double_first_u8(a: u8[:]) -> None:
    a[0] = a[0] * 2


@pyxc.native
def write_via_local(a: f64[:]) -> None:
    b = a
    if len(b) > 0:
        b[0] = 1.0


@pyxc.native
def scale_and_return(a: f64[:], k: float) -> f64[:]:
    for i in range(len(a)):
        a[i] *= k
    return a
