"""Functions test_no_leaks.py calls a million times: scalars, keywords,
every kind of array argument, arrays created natively, fused dispatch, and
calls that raise (in the body or while converting arguments)."""
import pyxc
from pyxc import f64, i64, u8


@pyxc.native
def add(a: int, b: float) -> float:
    return a + b


@pyxc.native
def weighted(a: int, b: int = 3, *, c: float = 0.5, flag: bool = False) -> float:
    return a + b * c if flag else a - b * c


@pyxc.native
def divmod_floor(a: int, b: int) -> tuple[int, float]:
    return a // b, a / b


@pyxc.native
def total(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += x
    return s


@pyxc.native
def bump_bytes(a: u8[:]) -> None:
    for i in range(len(a)):
        a[i] = (int(a[i]) + 1) % 256


@pyxc.native
def at(a: i64[:], i: int) -> int:
    return a[i]


@pyxc.native
def grid_total(m: f64[:, :]) -> float:
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j]
    return s


@pyxc.native
def same(a: f64[:]) -> f64[:]:
    return a


@pyxc.native
def ramp(n: int) -> f64[:]:
    out = pyxc.empty(n, f64)
    for i in range(n):
        out[i] = 0.5 * i
    return out


@pyxc.native
def fused_total(a: pyxc.floating[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    return s


@pyxc.native
def checked(x: int) -> int:
    if x < 0:
        raise ValueError("negative input")
    return x * 2
