"""Integer arithmetic: every operator on int (int64) with Python's floor
semantics, ZeroDivisionError, and OverflowError where CPython's int would
grow past int64."""
import pyxc

PYXC_TEST_ARGS = {
    "power": {"exponent": (-3, 70)},
    "power_mod_free": {"base": (-8, 8), "exponent": (0, 20)},
    "shift_left": {"count": (-2, 70)},
    "shift_right": {"count": (-2, 70)},
    "checksum": {"n": (0, 2000)},
}
PYXC_TEST_CASES = {
    "floordiv": [(-7, 2), (7, -2), (-7, -2), (-2**63, -1), (5, 0), (0, 0)],
    "mod": [(-7, 2), (7, -2), (-7, -2), (-2**63, -1), (5, 0)],
    "power": [(2, 62), (2, 63), (-2, 63), (0, -1), (2, -1), (1, -5), (-1, -3)],
}
# Intermediate results of these can leave int64 while CPython's final
# result fits (e.g. q * b in divmod_parts for a = -2**63).
PYXC_TEST_MAY_OVERFLOW = {"mixed_polynomial", "divmod_parts", "augmented"}


@pyxc.native
def add(a: int, b: int) -> int:
    return a + b


@pyxc.native
def sub(a: int, b: int) -> int:
    return a - b


@pyxc.native
def mul(a: int, b: int) -> int:
    return a * b


@pyxc.native
def floordiv(a: int, b: int) -> int:
    return a // b


@pyxc.native
def mod(a: int, b: int) -> int:
    return a % b


@pyxc.native
def truediv(a: int, b: int) -> float:
    return a / b


@pyxc.native
def negate(a: int) -> int:
    return -a


@pyxc.native
def unary_plus_invert(a: int) -> int:
    return +(~a)


@pyxc.native
def power(base: int, exponent: int) -> int:
    return base ** exponent


@pyxc.native
def power_mod_free(base: int, exponent: int) -> int:
    result = 1
    e = exponent
    b = base
    while e > 0:
        if e % 2 == 1:
            result *= b
        e //= 2
        if e > 0:
            b *= b
    return result - base ** exponent


@pyxc.native
def shift_left(a: int, count: int) -> int:
    return a << count


@pyxc.native
def shift_right(a: int, count: int) -> int:
    return a >> count


@pyxc.native
def bitwise(a: int, b: int) -> int:
    return (a & b) ^ (a | ~b)


@pyxc.native
def bit_mix(a: int, b: int, c: int) -> int:
    return (a & 0xFF) | ((b ^ c) & -256)


@pyxc.native
def divmod_parts(a: int, b: int) -> int:
    q = a // b
    r = a % b
    return q * b + r - a


@pyxc.native
def augmented(a: int, b: int) -> int:
    x = a
    x += b
    x -= 3
    x *= 2
    x //= 5
    x %= 1000003
    x <<= 2
    x >>= 1
    x &= 0xFFFF
    x |= 1
    x ^= 0x55
    return x


@pyxc.native
def mixed_polynomial(x: int, y: int) -> int:
    return 3 * x * x - 2 * x * y + y * y - 7


@pyxc.native
def int_float_mix(a: int, x: float) -> float:
    return a * x + a / 3 - x // 2 + a % 7


@pyxc.native
def bool_arith(p: bool, q: bool) -> int:
    return p + q * 2 - (not p) + (-q) + (~p)


@pyxc.native
def checksum(n: int) -> int:
    h = 1469598103934665603 % 1000000007
    for i in range(n):
        h = (h * 31 + i * i) % 1000000007
        h ^= i << 3
    return h


@pyxc.native
def int_truediv_precision(a: int, b: int) -> float:
    # CPython divides big ints exactly-rounded, not via two doubles.
    return a / b


@pyxc.native
def int64_min_literal(d: int) -> int:
    # The one literal whose digits overflow an i64 until negated (a
    # fuzz-regressions case: the emitter could not spell it).
    low = -9223372036854775808
    return low // d + -9223372036854775808 % d
