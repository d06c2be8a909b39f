"""1-D arrays of f64 and i64: element reads and writes, negative indices,
IndexError past either end, `+=` and the other augmented operators on
elements, a.shape[0] / a.ndim / a.size / len(a), `for x in a`.

Under plain CPython an element is a NumPy scalar (wrapping int64, inf on
/0.0). Element values are bounded so int arithmetic on them cannot leave
int64, and a division by an element first converts it with float(), which
makes it a Python float on both sides.
"""
import pyxc
from pyxc import f64, i64

SMALL = (-10**6, 10**6)
# int(a[i]) products may leave int64 before a later zero brings them back.
PYXC_TEST_MAY_OVERFLOW = {"products"}
PYXC_TEST_ARGS = {
    "total": {"a": SMALL},
    "get": {"i": (-12, 12)},
    "get_i64": {"i": (-12, 12)},
    "put": {"i": (-12, 12)},
    "put_i64": {"i": (-12, 12), "a": SMALL},
    "add_at": {"i": (-12, 12), "a": SMALL, "v": SMALL},
    "augmented_ops": {"a": SMALL, "i": (-3, 3), "v": (1, 50)},
    "float_augmented": {"i": (-3, 3)},
    "count_above": {"a": SMALL, "t": SMALL},
    "sum_iter": {"a": SMALL},
    "last_minus_first": {"a": SMALL},
    "reverse_in_place": {"a": SMALL},
    "swap_ends": {},
    "mean": {},
    "reciprocals": {},
    "argmax": {},
    "fill_iota": {"start": SMALL},
    "products": {},
    "shape_info": {},
    "sum_while": {"a": SMALL},
    "wrap_twice": {"i": (-25, 25)},
    "get_u64_index": {"i": [0, 1, 2, 5, 2**31, 2**63 - 1, 2**63, 2**64 - 1]},
    "get_i8_index": {"i": (-128, 127)},
    "feed_forward": {"a": SMALL},
    "first_negative": {"a": (-3, 20)},
    "int_div_elements": {"a": (-1000, 1000), "b": [-50, -7, -1, 1, 2, 3, 49]},
    "float_div_elements": {"a": (-1e6, 1e6), "b": [0.5, -0.5, 3.0, -7.25, 1e-300, 1e300, -2.0]},
    "aug_order": {"a": SMALL, "i": (-4, 4), "z": [0, 1, 3]},
    "store_order": {"a": SMALL, "i": (-4, 4), "z": [0, 1, 3]},
}
PYXC_TEST_CASES = {
    "get": [([1.0, 2.0, 3.0], -3), ([1.0, 2.0, 3.0], 3), ([1.0, 2.0, 3.0], -4), ([], 0), ([], -1)],
    "put": [([0.0] * 10, 10, 1.0), ([0.0] * 10, -10, 1.0), ([0.0] * 10, -11, 1.0)],
    "get_i64": [([1, 2, 3], -2**63), ([1, 2, 3], 2**63 - 1), ([1, 2, 3], -2**62), ([], -2**63)],
    "products": [([2**32, 2**31], ), ([3037000500, 3037000500], ), ([-2**63, -1], )],
}


@pyxc.native
def total(a: i64[:]) -> int:
    s = 0
    for i in range(a.shape[0]):
        s += int(a[i])
    return s


@pyxc.native
def get(a: f64[:], i: int) -> f64:
    return a[i]


@pyxc.native
def get_i64(a: pyxc.i64[:], i: int) -> int:
    return int(a[i])


@pyxc.native
def put(a: f64[:], i: int, v: float) -> None:
    a[i] = v


@pyxc.native
def put_i64(a: i64[:], i: int, v: int) -> int:
    a[i] = v
    return int(a[i])


@pyxc.native
def add_at(a: i64[:], i: int, v: int) -> None:
    a[i] += v
    a[i] -= 1


@pyxc.native
def augmented_ops(a: i64[:], i: int, v: int) -> None:
    # Every augmented operator on an element; bounds keep each result in
    # int64 and the divisor positive.
    a[i] += v
    a[i] *= 3
    a[i] -= v
    a[i] //= v
    a[i] %= 1000
    a[i] |= 5
    a[i] &= 1023
    a[i] ^= v
    a[i] <<= 2
    a[i] >>= 1


@pyxc.native
def float_augmented(a: f64[:], i: int, v: float) -> None:
    a[i] += v
    a[i] *= v
    a[i] -= 1.5
    a[i] /= 2.0


@pyxc.native
def count_above(a: i64[:], t: int) -> int:
    n = 0
    for x in a:
        if x > t:
            n += 1
    return n


@pyxc.native
def sum_iter(a: i64[:]) -> int:
    s = 0
    for x in a:
        s += int(x)
    return s


@pyxc.native
def last_minus_first(a: i64[:]) -> int:
    # a[-1]: negative index; IndexError on an empty array.
    return int(a[-1]) - int(a[0])


@pyxc.native
def reverse_in_place(a: i64[:]) -> None:
    i = 0
    j = len(a) - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1


@pyxc.native
def swap_ends(a: f64[:]) -> None:
    t = a[0]
    a[0] = a[-1]
    a[-1] = t


@pyxc.native
def mean(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    # ZeroDivisionError for an empty array on both sides (Python floats).
    return s / len(a)


@pyxc.native
def reciprocals(a: f64[:]) -> None:
    # float(a[i]) / ...: a zero element raises ZeroDivisionError after the
    # earlier elements were written, on both sides.
    for i in range(len(a)):
        a[i] = 1.0 / float(a[i])


@pyxc.native
def argmax(a: f64[:]) -> int:
    best = 0
    for i in range(1, a.shape[0]):
        if a[i] > a[best]:
            best = i
    return best


@pyxc.native
def fill_iota(a: i64[:], start: int) -> None:
    for i in range(a.size):
        a[i] = start + i


@pyxc.native
def products(a: i64[:]) -> int:
    # int(...) makes Python ints under CPython: the product may leave int64,
    # and then the compiled side must raise OverflowError.
    p = 1
    for i in range(len(a)):
        p *= int(a[i])
    return p


@pyxc.native
def shape_info(a: f64[:]) -> tuple[int, int, int, int]:
    return a.shape[0], a.ndim, a.size, len(a)


@pyxc.native
def sum_while(a: i64[:]) -> int:
    s = 0
    i = len(a) - 1
    while i >= 0:
        s += int(a[i])
        i -= 1
    return s


@pyxc.native
def wrap_twice(a: f64[:], i: int) -> f64:
    # a[i] then a[i - n]: both wrap once or raise.
    n = len(a)
    return a[i] + a[i - n]


@pyxc.native
def get_u64_index(a: f64[:], i: pyxc.u64) -> float:
    # A u64 index above 2**63 must not wrap around as a negative index.
    return a[i]


@pyxc.native
def get_i8_index(a: f64[:], i: pyxc.i8) -> float:
    return a[i]


@pyxc.native
def feed_forward(a: i64[:]) -> None:
    # `for x in a` reads each element when it gets there, so it sees the
    # writes of the earlier iterations (as NumPy's iterator does).
    i = 0
    for x in a:
        if i + 1 < len(a):
            a[i + 1] += x
        i += 1


@pyxc.native
def aug_order(a: i64[:], i: int, z: int) -> None:
    # a[i] is read (IndexError) before the right side runs (ZeroDivisionError).
    a[i] += 10 // z


@pyxc.native
def store_order(a: i64[:], i: int, z: int) -> None:
    # A plain store evaluates the right side first.
    a[i] = 10 // z


@pyxc.native
def first_negative(a: i64[:]) -> int:
    k = -1
    i = 0
    for x in a:
        if x < 0:
            k = i
            break
        i += 1
    return k


@pyxc.native
def int_div_elements(a: i64[:], b: i64[:], q: i64[:], r: i64[:]) -> float:
    # Floor division and modulo of int64 elements (nonzero divisors: NumPy
    # would give 0 with a warning where pyxc raises).
    t = 0.0
    for i in range(len(a)):
        q[i] = a[i] // b[i]
        r[i] = a[i] % b[i]
        t += a[i] / b[i]
    return t


@pyxc.native
def float_div_elements(a: f64[:], b: f64[:], out: f64[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] // b[i] + a[i] % b[i]
