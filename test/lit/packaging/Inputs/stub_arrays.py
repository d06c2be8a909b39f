import pyxc
from pyxc import f32, f64, i64

T = pyxc.fused("T", f32, f64)
N = pyxc.fused("N", i64, f64)


@pyxc.native
def total(values: f64[:], start: int) -> float:
    s = 0.0
    for i in range(start, values.shape[0]):
        s += values[i]
    return s


@pyxc.native
def scale(a: T[:], k: T) -> None:
    for i in range(len(a)):
        a[i] *= k


@pyxc.native
def twice(x: N) -> N:
    return x + x


@pyxc.native
def make(n: int) -> f64[:]:
    return pyxc.zeros(n, f64)
