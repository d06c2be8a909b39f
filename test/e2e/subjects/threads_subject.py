"""Functions that test_thread_safety.py calls from many Python threads at
once and checks against these same defs run by CPython."""
import pyxc
from pyxc import f32, f64, i64

T = pyxc.fused("T", f32, f64)


@pyxc.native
def poly(x: float, n: int) -> float:
    s = 0.0
    for i in range(n):
        s = s * x + i
    return s


@pyxc.native
def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


@pyxc.native
def weighted(a: int, b: int = 3, c: float = 0.5) -> float:
    return a + b * c


@pyxc.native
def dot(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


@pyxc.native
def scale_into(src: f64[:], dst: f64[:], k: float) -> None:
    for i in range(len(src)):
        dst[i] = src[i] * k


@pyxc.native
def histogram(values: i64[:], bins: i64[:]) -> int:
    # Writes only its own output array; reads a shared input.
    outside = 0
    for v in values:
        if 0 <= v < len(bins):
            bins[v] += 1
        else:
            outside += 1
    return outside


@pyxc.native
def total(a: T[:]) -> f64:
    s = 0.0
    for x in a:
        s += float(x)
    return s


@pyxc.native
def checked_div(a: int, b: int) -> int:
    if b == 0:
        raise ValueError("b must not be zero")
    return a // b


@pyxc.native
def element(a: f64[:], i: int) -> float:
    return a[i]  # IndexError from native code for an index out of range
