"""`with pyxc.gil():` blocks (docs/semantics.md, "Calling Python"): module-level
Python helpers, builtins, methods of module-level objects and attributes of
imported modules called from native loops; results converted to typed
locals and by float()/int()/bool(); Python exceptions raised inside a block
leave the native function with their type and message. Side effects go to a
module-level list whose length the functions return, so the harness compares
them too."""
import math
import operator

import pyxc
from pyxc import f64, gil, i64

PYXC_TEST_ARGS = {
    "sum_of_helper": {"n": (0, 40)},
    "appended": {"n": (0, 30)},
    "builtin_calls": {"n": (0, 30)},
    "method_calls": {"n": (0, 20)},
    "truthiness": {"n": (0, 20)},
}

events = []


def scale(x, factor=2):
    return x * factor


def record(*items):
    events.append(items)
    return len(events)


def checked_sqrt(x):
    if x < 0:
        raise ValueError(f"negative input {x!r}")
    return math.sqrt(x)


def as_text(n):
    return str(n)


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, value):
        self.total += value
        return self.total


counter = Counter()


@pyxc.native
def sum_of_helper(n: i64) -> i64:
    total = 0
    for i in range(n):
        with pyxc.gil():
            v: i64 = scale(i)
            w: i64 = scale(i, factor=3)
        total += v + w
    return total


@pyxc.native
def appended(n: i64) -> i64:
    before = 0
    after = 0
    with gil():
        before = int(record("start", n))
    for i in range(n):
        with gil():
            record(i, i * 0.5, (i, i + 1))
    with gil():
        after = int(len(events))
    return after - before


@pyxc.native
def sqrt_or_raise(x: f64) -> f64:
    with pyxc.gil():
        r: f64 = checked_sqrt(x)
    return r * 2.0


@pyxc.native
def builtin_calls(n: i64) -> i64:
    acc = 0
    for i in range(n):
        with pyxc.gil():
            acc += int(abs(-i)) + int(len(as_text(i))) + int(operator.mul(i, 2))
    return acc


@pyxc.native
def method_calls(n: i64) -> i64:
    last = 0
    for i in range(n):
        with pyxc.gil():
            last = int(counter.add(i))
    return last % 1000003


@pyxc.native
def truthiness(n: i64) -> i64:
    hits = 0
    for i in range(n):
        with pyxc.gil():
            if bool(operator.eq(as_text(i), "7")) or bool(i % 3):
                hits += 1
    return hits


@pyxc.native
def float_of_text(x: f64) -> f64:
    with pyxc.gil():
        y = float(as_text(x))
    return y
