"""Functions test_aio.py calls through `.aio` (and the differential harness
checks directly): scalars with keywords and defaults, arrays written in
place and returned, a fused function, exceptions from the body, and a
CPU-bound loop for the concurrency tests."""
import pyxc
from pyxc import f64, u8

PYXC_TEST_ARGS = {
    "spin": {"n": (0, 3000)},
    "ramp": {"n": (0, 40)},
    "byte_sum": {"rounds": (0, 5)},
}


@pyxc.native
def add(a: int, b: int) -> int:
    return a + b


@pyxc.native
def weighted(a: int, b: int = 3, *, c: float = 0.5) -> float:
    return a + b * c


@pyxc.native
def spin(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
    return acc


@pyxc.native
def scale_into(a: f64[:], k: float) -> None:
    for i in range(a.shape[0]):
        a[i] = a[i] * k


@pyxc.native
def ramp(n: int) -> f64[:]:
    out = pyxc.empty(n, f64)
    for i in range(n):
        out[i] = 0.5 * i
    return out


@pyxc.native
def byte_sum(b: u8[:], rounds: int) -> int:
    s = 0
    for r in range(rounds):
        for x in b:
            s = (s + int(x) + r) % 1000003
    return s


@pyxc.native
def total(a: pyxc.floating[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)  # as compiled: CPython would sum NumPy float32 scalars in float32
    return s


@pyxc.native
def checked_div(a: int, b: int) -> int:
    return a // b


@pyxc.native
def positive(x: int) -> int:
    if x < 0:
        raise ValueError("x must not be negative")
    return x
