"""Native functions with prange loops for test_prange.py."""
import pyxc
from pyxc import i64, prange


@pyxc.native
def spin(n: int, k: int) -> int:
    """CPU-bound: about n * 400 multiply-modulo steps, on up to k threads."""
    s = 0
    for i in prange(n, num_threads=k):
        x = i
        for j in range(400):
            x = (x * 1103515245 + 12345) % 2147483648
        s += x % 7
    return s


@pyxc.native
def spin_default(n: int) -> int:
    s = 0
    for i in prange(n):
        x = i
        for j in range(400):
            x = (x * 1103515245 + 12345) % 2147483648
        s += x % 7
    return s


@pyxc.native
def raise_at(n: int, bad: int) -> int:
    s = 0
    for i in prange(n):
        if i % 1000 == bad % 1000 and i >= bad:
            raise ValueError("bad iteration")
        s += i
    return s


@pyxc.native
def index_past(a: i64[:], extra: int) -> int:
    s = 0
    for i in prange(len(a) + extra):
        s += a[i]
    return s
