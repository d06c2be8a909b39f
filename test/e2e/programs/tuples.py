"""Tuple assignment, swaps and rotations, tuple returns of mixed types, and
unpacking the tuple returned by another native function."""
import pyxc
from pyxc import f64, i64

# q * 7 may leave int64 although CPython's final sum fits.
PYXC_TEST_MAY_OVERFLOW = {"unpack_call"}
PYXC_TEST_ARGS = {
    "fib_pair": {"n": (0, 90)},
    "gcd_steps": {"a": (-10**9, 10**9), "b": (-10**9, 10**9)},
}


@pyxc.native
def swap(a: int, b: int) -> tuple[i64, i64]:
    a, b = b, a
    return a, b


@pyxc.native
def rotate(a: float, b: float, c: float) -> tuple[f64, f64, f64]:
    a, b, c = b, c, a
    return a, b, c


@pyxc.native
def divmod_floor(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


@pyxc.native
def fib_pair(n: int) -> tuple[int, int]:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


@pyxc.native
def mean_and_count(a: float, b: float, c: float) -> tuple[float, int]:
    total = a + b + c
    return total / 3.0, 3


@pyxc.native
def unpack_call(a: int, b: int) -> int:
    q, r = divmod_floor(a, b)
    return q * 7 + r


@pyxc.native
def gcd_steps(a: int, b: int) -> tuple[int, int]:
    steps = 0
    while b != 0:
        a, b = b, a % b
        steps += 1
    return a, steps


@pyxc.native
def min_max_pair(a: float, b: float) -> tuple[f64, f64]:
    lo, hi = a, b
    if b < a:
        lo, hi = hi, lo
    return lo, hi


@pyxc.native
def flags(a: int) -> tuple[bool, bool, int]:
    return a > 0, a % 2 == 0, a
