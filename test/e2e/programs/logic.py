"""Booleans: and/or/not with short-circuit (the skipped operand would
raise), `and`/`or` returning an operand, chained comparisons, and bool
parameters and results; `&` `|` `^` on bools, which evaluate both sides."""
import math

import pyxc

# a // b overflows for (-2**63, -1) although the comparison's result fits.
PYXC_TEST_MAY_OVERFLOW = {"guarded_division"}
PYXC_TEST_ARGS = {
    "first_positive_ratio": {"n": (-5, 5)},
}


@pyxc.native
def explode(x: int) -> bool:
    raise RuntimeError("the short-circuited operand was evaluated")


@pyxc.native
def guarded_division(a: int, b: int) -> bool:
    return b != 0 and a // b > 1


@pyxc.native
def or_guard(a: int, b: int) -> bool:
    return b == 0 or a % b == 0


@pyxc.native
def never_evaluated(flag: bool) -> bool:
    return (flag or not flag) or explode(1)


@pyxc.native
def evaluated_when_needed(flag: bool) -> bool:
    return flag and explode(2)


@pyxc.native
def and_value(a: int, b: int) -> int:
    return a and b


@pyxc.native
def or_value(a: int, b: int) -> int:
    return a or b


@pyxc.native
def or_float(a: float, b: float) -> float:
    return a or b


@pyxc.native
def not_int(a: int) -> bool:
    return not a


@pyxc.native
def not_float(x: float) -> bool:
    return not x


@pyxc.native
def in_range(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


@pyxc.native
def chain_four(a: float, b: float, c: float, d: float) -> bool:
    return a < b <= c != d


@pyxc.native
def chain_evaluates_middle_once(a: int, b: int) -> bool:
    return 0 < first_positive_ratio(a) < b


@pyxc.native
def first_positive_ratio(n: int) -> int:
    if n == 0:
        raise ValueError("n must not be zero")
    return 100 // n


@pyxc.native
def bool_ops(p: bool, q: bool) -> bool:
    return (p & q) | (p ^ q)


@pyxc.native
def bool_ops_of_calls(x: float, y: float) -> bool:
    # Calls on both sides: clang once rejected such C++ under -Werror
    # (-Wbitwise-instead-of-logical), see test_clang_corpus.py.
    return (math.isnan(x) | math.isinf(y)) ^ (math.isfinite(x) & (y > 0.0))


@pyxc.native
def bool_ops_evaluate_both(flag: bool) -> bool:
    # Unlike `and` / `or`, the right side runs whatever the left one is.
    return (flag & explode(3)) | (flag | explode(4))


@pyxc.native
def mixed_truthiness(a: int, x: float, p: bool) -> int:
    count = 0
    if a:
        count += 1
    if x:
        count += 2
    if p:
        count += 4
    if not (a or x):
        count += 8
    return count


@pyxc.native
def bool_equality(p: bool, a: int) -> bool:
    return p == a
