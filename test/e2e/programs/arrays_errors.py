"""Exceptions raised from array code, and what was written before them:
IndexError past the end of a loop that writes, on the second axis, with a
negative index below -n; OverflowError when an element store does not fit;
ZeroDivisionError from float(a[i]) / 0.0; raise and assert with messages
after partial in-place updates. The harness compares the arrays after the
exception too.
"""
import pyxc
from pyxc import f64, i8, i64, u8

SMALL = (-10**6, 10**6)
PYXC_TEST_ARGS = {
    "write_one_too_many": {"a": SMALL},
    "write_column_past_end": {"a": SMALL, "extra": (0, 2)},
    "negative_walk": {"a": SMALL, "steps": (0, 12)},
    "store_sums_i8": {"a": (-100, 100)},
    "store_doubled_u8": {"a": (0, 255)},
    "divide_all": {"d": [0.0, -0.0, 1.0, 2.0, -4.0]},
    "reject_negative": {"a": (-3, 20)},
    "assert_sorted": {"a": (0, 4)},
    "copy_until_mismatch": {"src": {"elements": SMALL, "shape": ("n",)}, "dst": {"elements": SMALL, "shape": ("m",)},
                            "_dims": {"n": (0, 7), "m": (0, 7)}},
    "gather": {"a": SMALL, "idx": {"elements": (-12, 12), "shape": ("k",)}, "out": {"elements": [0], "shape": ("k",)}},
    "floor_div_elements": {"a": (-20, 20), "b": (-3, 3)},
}


@pyxc.native
def write_one_too_many(a: i64[:]) -> None:
    # Writes every element, then raises IndexError at index len(a).
    for i in range(len(a) + 1):
        a[i] = i * 2


@pyxc.native
def write_column_past_end(a: f64[:, :], extra: int) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1] + extra):
            a[i, j] = 1.0 * (i + j)


@pyxc.native
def negative_walk(a: i64[:], steps: int) -> int:
    # a[-1], a[-2], ...: IndexError once -k < -len(a).
    s = 0
    for k in range(1, steps + 1):
        s += int(a[-k])
        a[-k] = k
    return s


@pyxc.native
def store_sums_i8(a: i8[:]) -> None:
    # int(...) + int(...) is a Python int under CPython; storing a value
    # outside i8 raises OverflowError on both sides (NumPy 2 refuses an
    # out-of-range Python int), after the earlier stores.
    for i in range(1, len(a)):
        a[i] = int(a[i]) + int(a[i - 1])


@pyxc.native
def store_doubled_u8(a: u8[:]) -> None:
    for i in range(len(a)):
        a[i] = int(a[i]) * 2


@pyxc.native
def divide_all(a: f64[:], d: float) -> None:
    for i in range(len(a)):
        a[i] = float(a[i]) / d


@pyxc.native
def reject_negative(a: i64[:]) -> int:
    total = 0
    for i in range(len(a)):
        if a[i] < 0:
            raise ValueError("negative element")
        total += int(a[i])
        a[i] = total
    return total


@pyxc.native
def assert_sorted(a: i64[:]) -> int:
    for i in range(1, len(a)):
        assert a[i - 1] <= a[i], "not sorted"
    return len(a)


@pyxc.native
def copy_until_mismatch(src: i64[:], dst: i64[:]) -> int:
    # IndexError when dst is shorter than src, after the copies so far.
    for i in range(len(src)):
        dst[i] = src[i]
    return len(src)


@pyxc.native
def gather(a: f64[:], idx: i64[:], out: f64[:]) -> None:
    for k in range(len(idx)):
        out[k] = a[idx[k]]


@pyxc.native
def floor_div_elements(a: i64[:], b: i64[:]) -> None:
    # int(b[i]) == 0 raises ZeroDivisionError on both sides (Python ints).
    for i in range(len(a)):
        a[i] = int(a[i]) // int(b[i])
