"""Fused element types: pyxc.floating, pyxc.integer, pyxc.numeric and
pyxc.fused("T", ...) as array element types, one specialization per
member chosen from the buffer format; scalar parameters with the same
fused name take the type the arrays chose. The harness draws the member
per call and gives every parameter with that fused name the same one.
(The TypeError for a dtype outside the set is in test_arrays_binding.py.)
"""
import pyxc
from pyxc import f32, f64, i32, i64

T = pyxc.fused("T", f32, f64)
I = pyxc.fused("I", i32, i64)

PYXC_TEST_ARGS = {
    "total_floating": {},
    "scale_floating": {},
    "add_integer": {"a": (0, 50), "v": (0, 50)},
    "sum_integer": {},
    "count_nonzero_numeric": {},
    "max_as_float_numeric": {},
    "axpy_t": {"x": {"shape": ("n",)}, "y": {"shape": ("n",)}},
    "dot_t": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}},
    "fill_i": {"v": (-1000, 1000)},
    "sum2_floating": {},
    "index_integer": {"i": (-10, 10)},
    "copy_t": {"src": {"shape": ("n",)}, "dst": {"shape": ("n",)}},
    "first_t": {},
    "accumulate_in_t": {"a": (-1e3, 1e3)},
    "fused_callee": {"a": (-1e3, 1e3)},
    "last_floating": {},
}


@pyxc.native
def total_floating(a: pyxc.floating[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += float(a[i])
    return s


@pyxc.native
def scale_floating(a: pyxc.floating[:], k: pyxc.floating) -> None:
    for i in range(len(a)):
        a[i] = a[i] * k


@pyxc.native
def add_integer(a: pyxc.integer[:], v: pyxc.integer) -> None:
    for i in range(len(a)):
        a[i] = a[i] + v


@pyxc.native
def sum_integer(a: pyxc.integer[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def count_nonzero_numeric(a: pyxc.numeric[:]) -> int:
    c = 0
    for x in a:
        if x != 0:
            c += 1
    return c


@pyxc.native
def max_as_float_numeric(a: pyxc.numeric[:]) -> float:
    best = -1e308
    for x in a:
        v = float(x)
        if v > best:
            best = v
    return best


@pyxc.native
def axpy_t(alpha: T, x: T[:], y: T[:]) -> None:
    for i in range(len(x)):
        y[i] = alpha * x[i] + y[i]


@pyxc.native
def dot_t(a: T[:], b: T[:]) -> float:
    s = 0.0
    for i in range(len(a)):
        s += float(a[i]) * float(b[i])
    return s


@pyxc.native
def fill_i(a: I[:], v: I) -> None:
    for i in range(len(a)):
        a[i] = v


@pyxc.native
def sum2_floating(a: pyxc.floating[:, :]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += float(a[i, j])
    return s


@pyxc.native
def index_integer(a: pyxc.integer[:], i: int) -> int:
    return int(a[i])


@pyxc.native
def copy_t(src: T[:], dst: T[:]) -> None:
    for i in range(len(src)):
        dst[i] = src[i]


@pyxc.native
def first_t(a: T[:]) -> T:
    # A fused return type: the element of the chosen member.
    return a[0]


@pyxc.native
def last_floating(a: pyxc.floating[:, :]) -> pyxc.floating:
    return a[-1, -1]



@pyxc.native
def accumulate_in_t(a: T[:]) -> float:
    # A local annotated with the fused name: f32 arithmetic in the f32
    # specialization (under CPython, 0.0 + float32 is a float32 too).
    acc: T = 0.0
    for x in a:
        acc += x
    return float(acc)


@pyxc.native
def fused_callee(a: T[:]) -> float:
    # A native call picks the callee's specialization at compile time.
    return accumulate_in_t(a) + 1.0
