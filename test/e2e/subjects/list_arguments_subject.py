"""Subject of test_list_arguments.py: list[T] parameters and returns."""
import pyxc
from pyxc import f64, i32, i64

@pyxc.native
def total(xs: list[i64]) -> int:
    s = 0
    for x in xs:
        s += x
    xs.append(99)  # the caller's list is not changed: copied in
    return s

@pyxc.native
def small(xs: list[i32]) -> int:
    return len(xs)

@pyxc.native
def halves(xs: list[f64]) -> list[f64]:
    return [x / 2 for x in xs]

@pyxc.native
def flags(n: int) -> list[bool]:
    return [k % 2 == 0 for k in range(n)]
