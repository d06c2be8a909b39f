import pyxc
from pyxc import f32, f64, i32, u8


@pyxc.native
def scale(x: f32, n: i32 = 2, *, flag: bool = False) -> tuple[f64, int]:
    return x * n, n


@pyxc.native
def posonly(a: u8, b: float, /, c: int) -> None:
    pass


def not_native(x):
    return x


@pyxc.native
def method_like(self: int, /) -> int:
    return self + 1
