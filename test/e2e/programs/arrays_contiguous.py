"""C-contiguous parameters `T[::1]` and `T[:, ::1]` (the harness passes
only C-contiguous arrays to them, fresh or at an offset inside a larger
buffer; the ValueError for other layouts is in test_arrays_binding.py),
mixed with strided parameters in one signature.
"""
import pyxc
from pyxc import f32, f64, i64, u8

SMALL = (-10**6, 10**6)
PYXC_TEST_ARGS = {
    "sum_c": {"a": SMALL},
    "scale_c2": {},
    "copy_c_to_strided": {"src": SMALL, "dst": SMALL},
    "matmul_c": {"a": {"shape": ("n", "p")}, "b": {"shape": ("p", "m")}, "out": {"shape": ("n", "m")}},
    "get_c2": {"i": (-6, 6), "j": (-6, 6)},
    "xor_c": {"key": (0, 255)},
    "f32_axpy_c": {"x": {"shape": ("n",)}, "y": {"shape": ("n",)}},
    "sum3_c": {"a": SMALL},
}


@pyxc.native
def sum_c(a: i64[::1]) -> int:
    s = 0
    for i in range(a.shape[0]):
        s += int(a[i])
    return s


@pyxc.native
def scale_c2(a: f64[:, ::1], k: float) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] *= k


@pyxc.native
def copy_c_to_strided(src: i64[::1], dst: i64[:]) -> None:
    for i in range(min(len(src), len(dst))):
        dst[i] = src[i]


@pyxc.native
def matmul_c(a: f64[:, ::1], b: f64[:, ::1], out: f64[:, ::1]) -> None:
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            acc = 0.0
            for k in range(a.shape[1]):
                acc += a[i, k] * b[k, j]
            out[i, j] = acc


@pyxc.native
def get_c2(a: f64[:, ::1], i: int, j: int) -> f64:
    return a[i, j]


@pyxc.native
def xor_c(a: u8[::1], key: u8) -> None:
    for i in range(len(a)):
        a[i] = a[i] ^ key


@pyxc.native
def f32_axpy_c(alpha: f32, x: f32[::1], y: f32[::1]) -> None:
    for i in range(len(x)):
        y[i] += alpha * x[i]


@pyxc.native
def sum3_c(a: i64[:, :, ::1]) -> int:
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += int(a[i, j, k]) * (k + 1)
    return s
