"""Locals typed by inference: int widened to float by a later assignment
(`s = 0` then `s += 0.5`), bool widened to int, annotated locals, and the
int/float join across branches."""
import pyxc
from pyxc import f64, i32

PYXC_TEST_ARGS = {
    "harmonic": {"n": (0, 2000)},
    "average_of_range": {"n": (-3, 1000)},
    "count_true": {"n": (0, 500)},
}


@pyxc.native
def harmonic(n: int) -> float:
    s = 0
    for i in range(1, n + 1):
        s += 1 / i
    return s


@pyxc.native
def widened_by_branch(a: int, x: float) -> float:
    value = a
    if a > 10:
        value = x
    return value


@pyxc.native
def count_true(n: int) -> int:
    count = False
    for i in range(n):
        count += i % 3 == 0
    return count


@pyxc.native
def annotated_local(a: int) -> float:
    total: f64 = 0
    total += a
    return total / 2


@pyxc.native
def annotated_narrow(a: i32) -> i32:
    acc: i32 = 1
    acc *= a
    return acc


@pyxc.native
def average_of_range(n: int) -> float:
    total = 0
    count = 0
    for i in range(n):
        total += i
        count += 1
    if count == 0:
        return 0.0
    return total / count


@pyxc.native
def reassigned_parameter(x: float, n: int) -> float:
    y = n
    y = y * x
    return y


@pyxc.native
def int_then_product(a: int, b: int) -> int:
    p = 1
    p = p * a
    p = p * b
    return p
