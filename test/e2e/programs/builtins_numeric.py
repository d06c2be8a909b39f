"""Numeric builtins: sum of arrays and ranges (with start), min/max of an
array (with default=), divmod, pow with 2 and 3 arguments, round, and
float() of constant strings, compared with CPython."""
import pyxc
from pyxc import f64, i64


@pyxc.native
def sum_float(a: f64[:]) -> float:
    return sum(a)


@pyxc.native
def sum_float_start(a: f64[:], s: float) -> float:
    return sum(a, s)


@pyxc.native
def sum_int(a: i64[:], s: int) -> int:
    return sum(a) + sum(a, start=s)


@pyxc.native
def sum_range(a: int, b: int, c: int, s: int) -> int:
    return sum(range(a, b, c), s)


@pyxc.native
def sum_range1(n: int) -> int:
    return sum(range(n)) + sum(range(-n, n))


@pyxc.native
def min_float(a: f64[:]) -> float:
    return min(a)


@pyxc.native
def max_int(a: i64[:]) -> int:
    return max(a)


@pyxc.native
def min_default(a: f64[:], d: float) -> float:
    return min(a, default=d) + max(a, default=d)


@pyxc.native
def divmod_int(a: int, b: int) -> tuple[int, int]:
    return divmod(a, b)


@pyxc.native
def divmod_float(x: float, y: float) -> tuple[float, float]:
    q, r = divmod(x, y)
    return q, r


@pyxc.native
def pow_int(a: int, b: int) -> int:
    return pow(a, b)


@pyxc.native
def pow_float(x: float, y: float) -> float:
    return pow(x, y)


@pyxc.native
def pow_mod(a: int, b: int, m: int) -> int:
    return pow(a, b, m)


@pyxc.native
def round2(x: float, n: int) -> float:
    return round(x, n)


@pyxc.native
def float_strings(k: int) -> float:
    if k == 0:
        return float("inf")
    if k == 1:
        return float(" -Infinity ")
    if k == 2:
        return float("nan")
    if k == 3:
        return float("1_000.25")
    return float("-1e-3")


@pyxc.native
def conversions(x: float) -> int:
    return int(x) + int(bool(x)) + int(float(int(x)))


PYXC_TEST_ARGS = {
    "sum_int": {"a": {"elements": (-10**15, 10**15)}, "s": (-10**15, 10**15)},
    "max_int": {"a": {"elements": (-10**15, 10**15)}},
    # CPython iterates the range: keep every drawn range short.
    "sum_range": {"a": (-10**6, 10**6), "b": (-10**6, 10**6), "c": [-7, -1, 1, 2, 3, 1000, 2**62]},
    "sum_range1": {"n": (0, 10**6)},
    "pow_int": {"b": (-2, 70)},
    "pow_mod": {"b": (-5, 10**6)},
    "round2": {"n": (-320, 330)},
    "float_strings": {"k": (0, 4)},
}

PYXC_TEST_CASES = {
    "sum_range": [(2**62, 2**62 + 4, 1, 0), (-2**63, -2**63 + 3, 1, 0), (2**62, -2**62, -2**61, 5),
                  (2**63 - 3, 2**63 - 1, 1, -2**63), (0, 10, 0, 0)],
    "divmod_int": [(-7, 2), (7, -2), (1, 0), (-2**63, -1)],
    "divmod_float": [(-7.5, 2.0), (1.0, 0.0), (-0.0, 1.0), (5.0, -0.0), (1e308, 1e-308)],
    "pow_mod": [(3, -1, 7), (2, -1, 4), (2, 10, -7), (5, 3, 0), (0, 0, 1), (-3, 3, 7), (2**62, 2**62, 2**63 - 1)],
    "round2": [(2.675, 2), (0.125, 2), (-2.5, 0), (1e300, -300)],
}
