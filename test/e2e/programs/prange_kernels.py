"""prange loops compared with CPython running the same code serially:
elementwise kernels, per-row inner loops (row_norms from the SPEC), int
sum/product/difference reductions, min/max reductions (exactly the serial
answer, ties and NaN included), float sums of values whose partial sums
are exact, start/stop/step ranges with negative steps, num_threads, nested
prange, and exceptions raised inside the loop (the serial loop's first).
Shapes are exact: an IndexError in the middle of a parallel loop may leave
later iterations' writes, which the buffer comparison would flag.
"""
import math

import pyxc
from pyxc import f64, i64, prange

SMALL = (-10**6, 10**6)
QUARTERS = [-2.0, -1.25, -0.5, 0.0, 0.25, 1.0, 3.75, 8.0]
PYXC_TEST_ARGS = {
    "row_norms": {"m": {"shape": ("n", "k")}, "out": {"shape": ("n",)}, "_exact_shapes": True},
    "scale_into": {"a": {"shape": ("n",)}, "out": {"shape": ("n",)}, "_exact_shapes": True},
    "int_sum": {"a": SMALL},
    "int_stats": {"a": SMALL},
    "quarter_sum": {"a": {"elements": QUARTERS}},
    "float_extremes": {},
    "stepped_sum": {"start": (-50, 50), "stop": (-50, 50), "step": [-7, -3, -1, 1, 2, 5]},
    "threads_capped": {"n": (0, 300), "k": [-1, 0, 1, 2, 3, 64]},
    "nested_table": {"out": {"elements": [0], "shape": ("n", "m")}, "_exact_shapes": True},
    "raises_on_seven": {"a": {"elements": (0, 9)}},
    "divides": {"a": {"elements": (-3, 3)}},
    "product_mod": {"a": {"elements": (1, 3)}},
    "prefix_private": {"a": SMALL, "out": SMALL, "_exact_shapes": True},
    "fib": {"n": (0, 15)},
    "local_array_then_serial": {"n": (1, 300)},
    "fib_table": {"out": {"elements": [0]}, "_exact_shapes": True},
}


@pyxc.native(boundscheck=False, wraparound=False)
def row_norms(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in prange(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j] * m[i, j]
        out[i] = math.sqrt(acc)


@pyxc.native
def scale_into(a: f64[:], out: f64[:]) -> None:
    factor = 2.5
    for i in prange(a.shape[0]):
        out[i] = a[i] * factor + 1.0


@pyxc.native
def int_sum(a: i64[:]) -> int:
    s = 0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@pyxc.native
def int_stats(a: i64[:]) -> tuple[int, int, int, int]:
    lo = 10**9
    hi = -10**9
    down = 1000
    count = 0
    for i in prange(len(a)):
        v = a[i]
        lo = min(lo, v)
        hi = max(hi, v)
        down -= v % 7
        if v > 0:
            count += 1
    return lo, hi, down, count


@pyxc.native
def quarter_sum(a: f64[:]) -> float:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * 0.5
    return s


@pyxc.native
def float_extremes(a: f64[:]) -> tuple[float, float]:
    lo = math.inf
    hi = -math.inf
    for i in prange(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return lo, hi


@pyxc.native
def stepped_sum(start: int, stop: int, step: int) -> int:
    s = 0
    for i in prange(start, stop, step):
        s += i * i - 3 * i
    return s


@pyxc.native
def threads_capped(n: int, k: int) -> int:
    s = 0
    for i in prange(n, num_threads=k):
        s += i % 13
    return s


@pyxc.native
def nested_table(out: i64[:, :]) -> int:
    total = 0
    for i in prange(out.shape[0]):
        row = 0
        for j in prange(out.shape[1]):
            row += i * 10 + j
            out[i, j] = i * j
        total += row
    return total


@pyxc.native
def raises_on_seven(a: i64[:]) -> int:
    s = 0
    for i in prange(a.shape[0]):
        if a[i] == 7:
            raise ValueError("found a seven")
        s += a[i]
    return s


@pyxc.native
def divides(a: i64[:]) -> int:
    s = 0
    for i in prange(a.shape[0]):
        s += 60 // int(a[i])
    return s


@pyxc.native
def product_mod(a: i64[:]) -> int:
    p = 1
    for i in prange(a.shape[0]):
        if i < 30:
            p *= a[i]
    return p


@pyxc.native
def prefix_private(a: i64[:], out: i64[:]) -> None:
    for i in prange(a.shape[0]):
        acc = 0
        for j in range(i + 1):
            acc += a[j] % 1000
        out[i] = acc


@pyxc.native
def local_array_then_serial(n: int) -> int:
    # A shared local array written by element; i reused by a later loop.
    tmp = pyxc.zeros(n, i64)
    for i in prange(n):
        tmp[i] = i * i - 7
    s = 0
    for i in range(n):
        s = s * 3 % 1000003 + tmp[i]
    return s


@pyxc.native
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@pyxc.native
def fib_table(out: i64[:]) -> None:
    # Recursive native calls (with their recursion budget) on worker threads.
    for i in prange(out.shape[0]):
        out[i] = fib(i % 12)
