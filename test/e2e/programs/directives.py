"""Decorator directives: overflowcheck=False makes int arithmetic wrap
(hashes, LCGs) instead of raising OverflowError; checks that stay on under
other directives."""
import pyxc
from pyxc import i32

PYXC_TEST_WRAPS = {"lcg_step", "fnv_step", "mix_bits", "wrapping_i32"}
PYXC_TEST_ARGS = {
    "mix_bits": {"shift": (0, 63)},
}


@pyxc.native(overflowcheck=False)
def lcg_step(state: int, increment: int) -> int:
    return state * 6364136223846793005 + increment


@pyxc.native(overflowcheck=False)
def fnv_step(h: int, byte: int) -> int:
    return (h ^ byte) * 1099511628211


@pyxc.native(overflowcheck=False)
def mix_bits(x: int, shift: int) -> int:
    # Fully parenthesized: precedence.py tests the grouping itself.
    return (x << shift) ^ (((x * 31) - (x | 7)) & (x + 1))


@pyxc.native(overflowcheck=False)
def wrapping_i32(a: i32, b: i32) -> i32:
    return a * b + a - b


@pyxc.native(overflowcheck=False)
def division_still_checked(a: int, b: int) -> int:
    return a // b + a % b


@pyxc.native(boundscheck=False, wraparound=False)
def checked_overflow_without_array_checks(a: int, b: int) -> int:
    return a * b
