"""Functions whose argument conversion test_argument_conversion.py checks
(docs/semantics.md, "Argument conversion")."""
import pyxc
from pyxc import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64


@pyxc.native
def take_int(x: int) -> int:
    return x


@pyxc.native
def take_i8(x: i8) -> i8:
    return x


@pyxc.native
def take_i16(x: i16) -> i16:
    return x


@pyxc.native
def take_i32(x: i32) -> i32:
    return x


@pyxc.native
def take_i64(x: i64) -> i64:
    return x


@pyxc.native
def take_u8(x: u8) -> u8:
    return x


@pyxc.native
def take_u16(x: u16) -> u16:
    return x


@pyxc.native
def take_u32(x: u32) -> u32:
    return x


@pyxc.native
def take_u64(x: u64) -> u64:
    return x


@pyxc.native
def take_float(x: float) -> float:
    return x


@pyxc.native
def take_f64(x: f64) -> f64:
    return x


@pyxc.native
def take_f32(x: f32) -> f32:
    return x


@pyxc.native
def take_bool(x: bool) -> bool:
    return x


@pyxc.native
def mixed(a: i8, b: u16 = 7, *, c: f32 = 0.5, d: bool = False) -> float:
    """Keyword arguments and defaults go through the same conversions."""
    return (a + b) * c if d else (a - b) * c


@pyxc.native
def fused_twice(x: pyxc.floating) -> pyxc.floating:
    # The result type shows which specialization the call picked.
    return x * 2.0


@pyxc.native
def take_pair(t: tuple[f64, i64]) -> tuple[f64, i64]:
    """A tuple parameter: a tuple or list of its length, each item
    converted as a parameter of the element's type."""
    return t


@pyxc.native
def take_nested(t: tuple[bool, tuple[u8, f32]]) -> tuple[bool, tuple[u8, f32]]:
    return t


@pyxc.native
def fused_with_pair(x: pyxc.floating, t: tuple[int, int]) -> pyxc.floating:
    return x * (t[0] - t[1])
