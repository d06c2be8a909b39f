"""Fixed-width integer and f32 types: arithmetic checked against each type's
own range, NEP 50 weak literals, and f32 rounding (one operation per
expression, so CPython's double result rounded to f32 is the exact answer)."""
import pyxc
from pyxc import f32, i8, i16, i32, i64, u8, u16, u32, u64

PYXC_TEST_ARGS = {
    "u8_shift": {"count": (0, 7)},
}

# Around the largest f32 (3.4028234663852886e38): the last double below the
# midpoint to 2**128 rounds down to it, the midpoint itself to inf.
PYXC_TEST_CASES = {
    "f64_to_f32": [(3.4028235677973362e38,), (3.4028235677973366e38,), (-3.4028235677973366e38,),
                   (3.5e38,), (-1e39,)],
}


@pyxc.native
def i8_add(a: i8, b: i8) -> i8:
    return a + b


@pyxc.native
def i8_mul(a: i8, b: i8) -> i8:
    return a * b


@pyxc.native
def i16_sub(a: i16, b: i16) -> i16:
    return a - b


@pyxc.native
def i16_floordiv(a: i16, b: i16) -> i16:
    return a // b


@pyxc.native
def i32_mod(a: i32, b: i32) -> i32:
    return a % b


@pyxc.native
def i32_mul(a: i32, b: i32) -> i32:
    return a * b


@pyxc.native
def i32_negate(a: i32) -> i32:
    return -a


@pyxc.native
def i32_weak_literal(a: i32) -> i32:
    return a * 3 + 1


@pyxc.native
def u8_add(a: u8, b: u8) -> u8:
    return a + b


@pyxc.native
def u8_sub(a: u8, b: u8) -> u8:
    return a - b


@pyxc.native
def u8_shift(a: u8, count: i32) -> u8:
    return a << count


@pyxc.native
def u16_mul(a: u16, b: u16) -> u16:
    return a * b


@pyxc.native
def u32_bitwise(a: u32, b: u32) -> u32:
    return (a & b) | (a ^ b)


@pyxc.native
def u64_add(a: u64, b: u64) -> u64:
    return a + b


@pyxc.native
def u64_floordiv(a: u64, b: u64) -> u64:
    return a // b


@pyxc.native
def i8_to_int(a: i8, b: i64) -> int:
    return a + b


@pyxc.native
def signed_unsigned(a: i32, b: u32) -> int:
    return a + b


@pyxc.native
def f32_add(a: f32, b: f32) -> f32:
    return a + b


@pyxc.native
def f32_mul(a: f32, b: f32) -> f32:
    return a * b


@pyxc.native
def f32_div(a: f32, b: f32) -> f32:
    return a / b


@pyxc.native
def f32_to_f64(a: f32) -> float:
    return a


@pyxc.native
def f64_to_f32(a: float) -> f32:
    narrowed: f32 = a  # beyond f32's range: +-inf, as numpy.float32(a)
    return narrowed


@pyxc.native
def f32_huge_literal(a: f32) -> f32:
    huge: f32 = 1e300
    return huge if a > 0 else a


@pyxc.native
def i16_f32(a: i16, b: f32) -> f32:
    return a * b


@pyxc.native
def f32_weak_literal(a: f32) -> f32:
    return a * 0.25  # exact in f32, so NEP 50 keeps it f32 with no rounding change


@pyxc.native
def i8_abs(a: i8) -> i8:
    return abs(a)


@pyxc.native
def i16_min_max(a: i16, b: i16) -> i16:
    return max(a, b) - min(a, b)


@pyxc.native
def u32_floordiv_mod(a: u32, b: u32) -> u32:
    return a // b + a % b


@pyxc.native
def i8_truediv(a: i8, b: i8) -> float:
    return a / b
