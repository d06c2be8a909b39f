"""Operator precedence and associativity without parentheses: each
function mixes operators of neighbouring precedence levels, so a parser or
emitter that groups them differently from Python gives a different answer."""
import pyxc

# Moderate magnitudes: an OverflowError would hide a wrong grouping.
MODERATE = (-2**20, 2**20)
PYXC_TEST_ARGS = {
    name: {parameter: MODERATE for parameter in "abc"}
    for name in ("xor_and", "or_xor", "and_or_xor", "and_vs_shift", "arith_chain", "comparison_vs_bitwise",
                 "ternary_vs_or", "invert_and_negate")
}
PYXC_TEST_ARGS["invert_and_negate"] = {"a": MODERATE, "b": MODERATE}
PYXC_TEST_ARGS.update({
    "shift_vs_arith": {"a": MODERATE, "b": MODERATE, "c": (0, 8)},
    "power_associativity": {"a": (-3, 3), "b": (0, 3), "c": (0, 3)},
    "unary_minus_power": {"a": (-50, 50), "b": (0, 5)},
})


@pyxc.native
def xor_and(a: int, b: int, c: int) -> int:
    return a ^ b & c


@pyxc.native
def or_xor(a: int, b: int, c: int) -> int:
    return a | b ^ c


@pyxc.native
def and_or_xor(a: int, b: int, c: int) -> int:
    return a & b | c ^ a & c


@pyxc.native
def shift_vs_arith(a: int, b: int, c: int) -> int:
    return (a & 0xFFFF) + b % 1000 << c >> 1


@pyxc.native
def and_vs_shift(a: int, b: int, c: int) -> int:
    return a & b >> 3 | c << 2 & 255


@pyxc.native
def arith_chain(a: int, b: int, c: int) -> int:
    return a - b - c + a * b % 7 // 3 - -c


@pyxc.native
def power_associativity(a: int, b: int, c: int) -> int:
    return a ** b ** c


@pyxc.native
def unary_minus_power(a: int, b: int) -> int:
    return -a ** b + (-a) ** b


@pyxc.native
def float_mixed(x: float, y: float, z: float) -> float:
    return x - y / z * x + y % 3.0 // 2.0 - -x ** 2.0


@pyxc.native
def not_and_or(p: bool, q: bool, r: bool) -> bool:
    return not p and q or not r and p


@pyxc.native
def comparison_vs_bitwise(a: int, b: int, c: int) -> bool:
    return a & 1 == b & 1 != c | 0


@pyxc.native
def ternary_vs_or(a: int, b: int, c: int) -> int:
    return a if b or c else b if a and c else c


@pyxc.native
def invert_and_negate(a: int, b: int) -> int:
    return ~a & -b | ~-a ^ -~b
