"""Range loops indexing arrays with the loop variable in the ways a loop
optimizer (hoisting the bounds checks out of the loop) can get wrong: the
loop variable reassigned in the body, offsets and multiples of it,
negative ranges (wraparound), negative steps down to -1, steps past the
end, a second array shorter than the first, the variable on another axis,
a stop taken from a parameter. Every out-of-range index must still raise
IndexError at the same iteration, with the writes before it done.
"""
import pyxc
from pyxc import f64, i64

SMALL = (-10**6, 10**6)
# range() bounds where `start + k * step` and `stop - 1` overflow int64
# arithmetic inside a hoisted check if it is done carelessly.
RANGE_ENDS = [-2**63, -2**63 + 1, -2**62, -7, -6, -5, -1, 0, 1, 4, 5, 6, 9, 2**62, 2**63 - 1]
STEPS = [1, 2, 3, -1, -2, -3, 2**62, -2**63, 2**63 - 1]
PYXC_TEST_ARGS = {
    "reassigned_loop_variable": {"a": SMALL},
    "incremented_loop_variable": {"a": SMALL},
    "incremented_loop_store": {"a": SMALL},
    "offset_index": {"a": SMALL, "k": (-12, 12)},
    "doubled_index": {"a": SMALL},
    "negative_range": {"a": SMALL, "n": (-12, 12)},
    "down_to_minus_one": {"a": SMALL},
    "step_past_end": {"a": SMALL, "extra": (0, 6), "step": (1, 4)},
    "two_arrays": {"a": {"elements": SMALL, "shape": ("n",)}, "b": {"elements": SMALL, "shape": ("m",)},
                   "_dims": {"n": (0, 8), "m": (0, 8)}},
    "loop_on_other_axis": {"a": SMALL, "row": (-4, 4)},
    "stop_from_parameter": {"a": SMALL, "n": (-3, 12)},
    "mirror": {"a": SMALL},
    "after_loop_index": {"a": SMALL},
    "nested_triangle": {"a": SMALL},
    "neighbour_sum": {"a": SMALL, "out": SMALL},
    "strided_stop_from_other": {"a": {"elements": SMALL, "shape": ("n",)}, "b": {"elements": SMALL, "shape": ("m",)},
                                "_dims": {"n": (0, 8), "m": (0, 8)}},
    "while_index": {"a": SMALL, "k": (-3, 3)},
    "float_counter": {},
    "tuple_reassigned": {"a": SMALL},
    "inner_loop_reuses_variable": {"a": SMALL},
    "conditional_jump": {"a": (-5, 5)},
    "copy_of_loop_variable": {"a": SMALL},
    "array_rebound": {"a": {"elements": SMALL, "shape": ("n",)}, "b": {"elements": SMALL, "shape": ("m",)},
                      "_dims": {"n": (0, 8), "m": (0, 8)}},
    "minus_equals": {"a": SMALL},
    "ranged": {"a": SMALL, "start": RANGE_ENDS, "stop": RANGE_ENDS, "step": STEPS},
    "ranged_write": {"a": SMALL, "start": RANGE_ENDS, "stop": RANGE_ENDS, "step": STEPS},
    "diagonal": {"a": SMALL},
}


@pyxc.native
def reassigned_loop_variable(a: i64[:]) -> int:
    # The for target is reassigned in the body: i * 2 leaves the axis
    # halfway through; the range alone does not bound the index.
    s = 0
    for i in range(len(a)):
        i = i * 2
        s += int(a[i])
        a[i] = 7
    return s


@pyxc.native
def incremented_loop_variable(a: i64[:]) -> int:
    # (The first loop-check hoisting missed `i += 1` and read past the end.)
    s = 0
    for i in range(len(a)):
        i += 1
        s += int(a[i])
    return s


@pyxc.native
def incremented_loop_store(a: i64[:]) -> None:
    # Writes a[1] .. a[n - 1], then IndexError at a[n] (a sentinel sits
    # there in the harness's offset and strided layouts).
    for i in range(len(a)):
        i += 1
        a[i] = 99


@pyxc.native
def offset_index(a: i64[:], k: int) -> int:
    s = 0
    for i in range(len(a)):
        s += int(a[i + k])
        a[i] = i
    return s


@pyxc.native
def doubled_index(a: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        s += int(a[2 * i - len(a)])
    return s


@pyxc.native
def negative_range(a: i64[:], n: int) -> int:
    # i runs over -n .. -1: every index wraps (or is out of range below -len).
    s = 0
    for i in range(-n, 0):
        s += int(a[i]) * (i - 1)
        a[i] += 1
    return s


@pyxc.native
def down_to_minus_one(a: i64[:]) -> int:
    # The last iteration reads a[-1]: the last element again.
    s = 0
    for i in range(len(a) - 1, -2, -1):
        s = s * 3 + int(a[i])
    return s


@pyxc.native
def step_past_end(a: i64[:], extra: int, step: int) -> int:
    s = 0
    for i in range(0, len(a) + extra, step):
        s += int(a[i])
        a[i] = -1
    return s


@pyxc.native
def two_arrays(a: i64[:], b: i64[:]) -> int:
    # b may be shorter (or longer) than a.
    s = 0
    for i in range(len(a)):
        s += int(a[i]) - int(b[i])
        b[i] = a[i]
    return s


@pyxc.native
def loop_on_other_axis(a: i64[:, :], row: int) -> int:
    # i goes over shape[0] but indexes axis 1.
    s = 0
    for i in range(a.shape[0]):
        s += int(a[row, i])
        a[i, 0] = i
    return s


@pyxc.native
def stop_from_parameter(a: f64[:], n: int) -> float:
    s = 0.0
    for i in range(n):
        s += float(a[i])
        a[i] = -0.0
    return s


@pyxc.native
def mirror(a: i64[:]) -> None:
    n = len(a)
    for i in range(n):
        a[n - 1 - i] = a[i] + a[n - 1 - i]


@pyxc.native
def after_loop_index(a: i64[:]) -> int:
    # The loop variable keeps its last value after the loop.
    i = 0
    for i in range(len(a)):
        a[i] += 1
    return int(a[i])


@pyxc.native
def nested_triangle(a: i64[:, :]) -> int:
    s = 0
    for i in range(a.shape[0]):
        for j in range(i + 1):
            s += int(a[i, j]) * (j + 1)
    return s


@pyxc.native
def neighbour_sum(a: i64[:], out: i64[:]) -> None:
    # a[i - 1] at i = 0 is a[-1] (wraps); a[i + 1] at the end is out of range.
    for i in range(len(a)):
        out[i] = a[i - 1] + a[i] + a[i + 1]


@pyxc.native
def strided_stop_from_other(a: i64[:], b: i64[:]) -> int:
    s = 0
    for i in range(0, len(b), 2):
        s += int(a[i])
    return s


@pyxc.native
def while_index(a: i64[:], k: int) -> int:
    s = 0
    i = k
    while i < len(a):
        s += int(a[i])
        i += 1
    return s


@pyxc.native
def float_counter(a: f64[:]) -> float:
    # A float accumulator indexed by an int counter that walks back past 0.
    s = 0.0
    j = len(a)
    for i in range(len(a)):
        j -= 2
        s += float(a[j])
    return s


@pyxc.native
def tuple_reassigned(a: i64[:]) -> int:
    s = 0
    j = 0
    for i in range(len(a)):
        i, j = i + 1, j + 1
        s += int(a[i])
    return s


@pyxc.native
def inner_loop_reuses_variable(a: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        for i in range(len(a) + 1):
            s += 1
        s += int(a[i])
    return s


@pyxc.native
def conditional_jump(a: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        if a[i] > 0:
            i = i + 3
        s += int(a[i])
    return s


@pyxc.native
def copy_of_loop_variable(a: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        j = i
        j += 1
        s += int(a[j])
    return s


@pyxc.native
def array_rebound(a: i64[:], b: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        s += int(a[i])
        a = b
    return s


@pyxc.native
def minus_equals(a: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        i -= len(a) + 1
        s += int(a[i])
    return s


@pyxc.native
def ranged(a: i64[:], start: int, stop: int, step: int) -> int:
    s = 0
    for i in range(start, stop, step):
        s += int(a[i])
        if s > 10**15:
            break
    return s


@pyxc.native
def ranged_write(a: i64[:], start: int, stop: int, step: int) -> None:
    n = 0
    for i in range(start, stop, step):
        a[i] = 5
        n += 1
        if n > 20:
            break


@pyxc.native
def diagonal(a: i64[:, :]) -> int:
    # The loop variable on both axes; shape[1] may be the smaller one.
    s = 0
    for i in range(a.shape[0]):
        s += int(a[i, i])
    return s
