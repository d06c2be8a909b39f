"""Integer checks the value-range analysis drops (docs/semantics.md, "Checks
the compiler proves unnecessary") next to the ones it must keep: each
function has inputs at the int64 (or i8) edges where a kept check fires, and
negative dividends where `%` and `//` keep Python's floor fixup."""
import pyxc
from pyxc import i8

PYXC_TEST_ARGS = {
    "spin": {"n": (-5, 3000)},
    "spin_from": {"start": (-3000, 3000), "stop": (-3000, 3000)},
    "spin_near_max": {"k": (0, 40)},
    "countdown": {"n": (-(2**62), 2**62)},
    "down_by_one": {"n": (-5, 300)},
    "late_store": {"n": (0, 50)},
}
PYXC_TEST_CASES = {
    "spin_near_max": [(0,), (1,), (2,), (3,), (40,)],
    "mod_then_add": [(-1, 2**63 - 31000062), (1000002, 2**63 - 31000062), (1000002, 2**63 - 31000063)],
    "abs_times_two": [(-(2**63),), (2**62,), (-(2**62) + 1,), (2**62 - 1,)],
    "i8_products": [(15, 7), (-1, -1), (-128, 127), (127, -128)],
    "negations": [(-(2**63),), (-(2**63) + 1,), (2**63 - 1,), (-3001,)],
}
# Their kept checks fire on intermediates whose final result CPython still
# fits (a removed check would show as a wrapped, different value).
PYXC_TEST_MAY_OVERFLOW = {"spin_near_max", "i8_products"}


@pyxc.native
def spin(n: int) -> int:
    # acc in [0, 1000002]: `acc * 31` cannot overflow, `acc * 31 + i` is
    # non-negative, so the `%` is C++'s; only `+ i` keeps its check.
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
    return acc


@pyxc.native
def spin_from(start: int, stop: int) -> int:
    # i may be negative: the `%` keeps its floor fixup.
    acc = 0
    for i in range(start, stop):
        acc = (acc * 31 + i) % 1000003
    return acc


@pyxc.native
def spin_near_max(k: int) -> int:
    # i near INT64_MAX: `acc * 31 + i` overflows, and must raise.
    acc = 0
    for i in range(9223372036854775807 - k, 9223372036854775807):
        acc = (acc * 31 + i) % 1000003
    return acc


@pyxc.native
def mod_then_add(x: int, y: int) -> int:
    r = x % 1000003
    return r * 31 + y


@pyxc.native
def floor_parts(x: int) -> int:
    # A negative dividend: Python's floor results, not C++'s truncation.
    return x % 7 * 10 + x // 7 % 10 + (x % -7) * 100


@pyxc.native
def masked_parts(x: int) -> int:
    y = x & 0xFFFF
    return y % 7 + y // 7 * 3 - (x & 255) * 1000


@pyxc.native
def negations(x: int) -> int:
    r = x % -5
    q = x // 1
    # -r is in [0, 4]: unchecked; -q overflows for q = INT64_MIN.
    return -r * 1000 + (-q)


@pyxc.native
def clamp_mix(x: int, y: int) -> int:
    a = min(max(x, -1000), 1000)
    b = abs(a)
    return a * b * 1000 + y % 13 - max(y & 7, 3)


@pyxc.native
def abs_times_two(x: int) -> int:
    return abs(x) * 2


@pyxc.native
def shifts_and_bits(x: int) -> int:
    h = x >> 60
    low = (x & 0xFF) | 0x100
    return h * low * 1000 + (x >> 70) + ((x & 0xF0) ^ 0x0F) * 7


@pyxc.native
def countdown(n: int) -> int:
    # steps grows in a while loop: widened, its `* 1000000` stays checked.
    k = n % 1000
    steps = 0
    while k > 0:
        k = k // 2
        steps += 1
    return steps * 1000000 + k + (n // 3) * 2


@pyxc.native
def down_by_one(n: int) -> int:
    t = 0
    for i in range(n % 100, -1, -1):
        t = (t + i * i) % 65521
    for j in range(n, 2 * n, 3):
        t = (t * 7 + j) % 65521
    return t


@pyxc.native
def late_store(n: int) -> int:
    d = 0
    prev = 0
    for i in range(1, n):
        if i > 1:
            d = (d + prev * 2) % 1000
        prev = i % 100
    return d * prev - prev


@pyxc.native
def i8_products(a: i8, b: i8) -> i8:
    # [0, 15] * [0, 7] fits an i8; `* 9` does not, and raises for a % 16 > 14.
    return (a % 16) * (b % 8) + (a % 16) * 9 - 100
