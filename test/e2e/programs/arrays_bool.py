"""bool arrays (`bool[:]`, `bool[:, :]`): reads, writes, counting, logic
between arrays, bool elements in int arithmetic, and a sieve over a bool
array. `bool[:]` cannot be evaluated by plain Python (the builtin type is
not subscriptable), so this module postpones its annotations.
"""
from __future__ import annotations

import pyxc
from pyxc import f64

PYXC_TEST_ARGS = {
    "count_true": {},
    "invert": {},
    "and_into": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "mask_positive": {"a": {"shape": ("n",)}, "mask": {"shape": ("n",)}},
    "any_all": {},
    "sieve": {"composite": {"elements": [False], "shape": ("n",)}, "_dims": {"n": (0, 60)}},
    "get_flag": {"i": (-10, 10)},
    "set_flag": {"i": (-10, 10)},
    "count_2d": {},
    "xor_rows": {},
    "bools_as_ints": {},
    "new_mask": {"a": {"shape": ("n",)}},
}


@pyxc.native
def count_true(a: bool[:]) -> int:
    n = 0
    for x in a:
        if x:
            n += 1
    return n


@pyxc.native
def invert(a: bool[:]) -> None:
    for i in range(len(a)):
        a[i] = not a[i]


@pyxc.native
def and_into(a: bool[:], b: bool[:], out: bool[:]) -> None:
    for i in range(len(a)):
        out[i] = a[i] and b[i]


@pyxc.native
def mask_positive(a: f64[:], mask: bool[:]) -> int:
    n = 0
    for i in range(len(a)):
        mask[i] = a[i] > 0.0
        if mask[i]:
            n += 1
    return n


@pyxc.native
def any_all(a: bool[:]) -> tuple[bool, bool]:
    some = False
    every = True
    for x in a:
        if x:
            some = True
        else:
            every = False
    return some, every


@pyxc.native
def sieve(composite: bool[:]) -> int:
    n = len(composite)
    count = 0
    for i in range(2, n):
        if not composite[i]:
            count += 1
            for j in range(i * i, n, i):
                composite[j] = True
    return count


@pyxc.native
def get_flag(a: bool[:], i: int) -> bool:
    return bool(a[i])


@pyxc.native
def set_flag(a: bool[:], i: int, v: bool) -> None:
    a[i] = v


@pyxc.native
def count_2d(a: bool[:, :]) -> int:
    n = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j]:
                n += 1
    return n


@pyxc.native
def xor_rows(a: bool[:, :]) -> None:
    # Row i becomes row i XOR row i - 1 (bool ^ bool stays bool).
    for i in range(1, a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = a[i, j] ^ a[i - 1, j]


@pyxc.native
def bools_as_ints(a: bool[:]) -> int:
    # A bool in arithmetic is an int (weights 1, 2, 3, ...).
    s = 0
    for i in range(len(a)):
        s += int(a[i]) * (i + 1)
    return s


@pyxc.native
def new_mask(a: f64[:]) -> bool[:]:
    out = pyxc.zeros(len(a), bool)
    for i in range(len(a)):
        out[i] = a[i] != a[i]  # nan
    return out
