"""Every numeric element type: i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 as
`T[:]`, reads, writes, stores of ints that do not fit the element type
(OverflowError on both sides: NumPy 2 rejects an out-of-range Python int),
accumulation in the element type where the bounds keep it exact, f32
rounding on store.
"""
import pyxc
from pyxc import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64

PYXC_TEST_ARGS = {
    "sum_i8": {"a": (-100, 100)},
    "sum_u8": {"a": (0, 255)},
    "sum_i16": {"a": (-30000, 30000)},
    "sum_u16": {"a": (0, 65535)},
    "sum_i32": {"a": (-2**31, 2**31 - 1)},
    "sum_u32": {"a": (0, 2**32 - 1)},
    "sum_u64": {"a": (0, 2**59)},
    "same_type_i8": {"a": (-10, 10), "v": (-10, 10)},
    "same_type_u16": {"a": (0, 1000), "v": (0, 1000)},
    "store_i8": {"i": (-3, 3)},
    "store_u8": {"i": (-3, 3)},
    "store_i16": {"i": (-3, 3)},
    "store_u16": {"i": (-3, 3)},
    "store_i32": {"i": (-3, 3)},
    "store_u32": {"i": (-3, 3)},
    "store_u64": {"i": (-3, 3), "v": (-5, 2**63 - 1)},
    "store_f32": {"i": (-3, 3)},
    "scale_f32": {},
    "sum_f32_in_f32": {"a": (-1e6, 1e6)},
    "sum_f32_as_float": {},
    "copy_widen": {"a": (-2**31, 2**31 - 1)},
    "u64_max": {},
    "i8_negate": {"a": (-127, 127)},
    "u8_to_u16": {},
    "join_i16_f32": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "join_i32_f32": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "join_u8_i8": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "join_i32_i64": {"a": {"shape": ("n",)}, "b": {"elements": (-2**40, 2**40), "shape": ("n",)},
                     "out": {"shape": ("n",)}},
    "u8_against_wide_literals": {},
}
PYXC_TEST_CASES = {
    "store_i8": [([0], 0, 127), ([0], 0, 128), ([0], 0, -128), ([0], 0, -129)],
    "store_u8": [([0], 0, 255), ([0], 0, 256), ([0], 0, -1)],
    "store_u32": [([0], 0, 2**32 - 1), ([0], 0, 2**32)],
}


@pyxc.native
def sum_i8(a: i8[:]) -> int:
    s = 0
    for i in range(len(a)):
        s += int(a[i])
    return s


@pyxc.native
def sum_u8(a: u8[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_i16(a: i16[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_u16(a: u16[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_i32(a: i32[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_u32(a: u32[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def sum_u64(a: u64[:]) -> u64:
    # At most 9 elements below 2**59: the u64 sum cannot wrap on either side.
    s: u64 = 0
    for x in a:
        s += x
    return s


@pyxc.native
def same_type_i8(a: i8[:], v: i8) -> None:
    # i8 + i8 stays i8 on both sides; bounds keep it in range.
    for i in range(len(a)):
        a[i] = a[i] + v


@pyxc.native
def same_type_u16(a: u16[:], v: u16) -> None:
    for i in range(len(a)):
        a[i] += v


@pyxc.native
def store_i8(a: i8[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_u8(a: u8[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_i16(a: i16[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_u16(a: u16[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_i32(a: i32[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_u32(a: u32[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_u64(a: u64[:], i: int, v: int) -> None:
    a[i] = v


@pyxc.native
def store_f32(a: f32[:], i: int, v: float) -> None:
    # A double stored into f32 rounds to nearest (inf when too large).
    a[i] = v


@pyxc.native
def scale_f32(a: f32[:], k: f32) -> None:
    for i in range(a.shape[0]):
        a[i] = a[i] * k


@pyxc.native
def sum_f32_in_f32(a: f32[:]) -> f32:
    s: f32 = 0.0
    for x in a:
        s += x
    return s


@pyxc.native
def sum_f32_as_float(a: f32[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    return s


@pyxc.native
def copy_widen(a: i32[:], out: i64[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i]


@pyxc.native
def u64_max(a: u64[:]) -> u64:
    best: u64 = 0
    for x in a:
        if x > best:
            best = x
    return best


@pyxc.native
def i8_negate(a: i8[:]) -> None:
    for i in range(len(a)):
        a[i] = -a[i]


@pyxc.native
def u8_to_u16(a: u8[:], out: u16[:]) -> None:
    for i in range(len(a)):
        out[i] = int(a[i]) * 256 + int(a[i])


# Element types join as NumPy joins array scalars (docs/semantics.md):
# an int of at most 16 bits with f32 gives f32, a wider one f64; u8 with
# i8 gives i16; i32 with i64 gives i64.
@pyxc.native
def join_i16_f32(a: i16[:], b: f32[:], out: f32[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] + b[i]


@pyxc.native
def join_i32_f32(a: i32[:], b: f32[:], out: f64[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] * b[i]


@pyxc.native
def join_u8_i8(a: u8[:], b: i8[:], out: i16[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] + b[i]


@pyxc.native
def join_i32_i64(a: i32[:], b: i64[:], out: i64[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] - b[i]


@pyxc.native
def u8_against_wide_literals(a: u8[:]) -> tuple[int, int, int]:
    # Literals a u8 cannot hold compare exactly (NumPy 2 does too).
    above = 0
    equal = 0
    below = 0
    for x in a:
        if x > -1:
            above += 1
        if x == 256:
            equal += 1
        if x < 300:
            below += 1
    return above, equal, below
