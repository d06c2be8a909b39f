"""Native functions with `with pyxc.gil():` blocks for test_with_gil.py: a
plain Python helper called from a native loop, from a prange body and
through a callback parameter; exceptions raised inside a block; results of
the wrong type. Without pyxc the same module runs as plain Python."""
import threading
from typing import Callable

import pyxc
from pyxc import f64, i64, prange

calls_by_thread = {}
calls_lock = threading.Lock()


def weight(i):
    """A plain Python helper: Python ints of any size, a dict, a lock."""
    with calls_lock:
        name = threading.current_thread().name
        calls_by_thread[name] = calls_by_thread.get(name, 0) + 1
    return (i * i) % 97 + 0.5


def check_positive(x):
    if x <= 0:
        raise ValueError(f"expected a positive number, got {x!r}")
    return x * 10


class HelperFailed(Exception):
    pass


def fail_at(i, bad):
    if i == bad:
        raise HelperFailed(f"helper failed at {i}")
    return i


@pyxc.native
def weighted_sum(n: i64) -> f64:
    total = 0.0
    for i in range(n):
        with pyxc.gil():
            w: f64 = weight(i)
        total += w * 2.0
    return total


@pyxc.native
def parallel_weighted_sum(n: i64) -> f64:
    total = 0.0
    for i in prange(n):
        with pyxc.gil():
            w: f64 = weight(i)
        total += w
    return total


@pyxc.native
def apply_callback(cb: Callable[[f64], f64], n: i64) -> f64:
    total = 0.0
    for i in range(n):
        x = i * 0.5
        with pyxc.gil():
            y: f64 = cb(x)
        total += y
    return total


@pyxc.native
def positive_times_ten(x: f64) -> f64:
    with pyxc.gil():
        r: f64 = check_positive(x)
    return r + 1.0


@pyxc.native
def loop_until_failure(n: i64, bad: i64) -> i64:
    total = 0
    for i in range(n):
        with pyxc.gil():
            v: i64 = fail_at(i, bad)
        total += v
    return total


@pyxc.native
def parallel_until_failure(n: i64, bad: i64) -> i64:
    total = 0
    for i in prange(n):
        with pyxc.gil():
            v: i64 = fail_at(i, bad)
        total += v
    return total


@pyxc.native
def callback_as_int(cb: object, x: i64) -> i64:
    with pyxc.gil():
        r: i64 = cb(x)
    return r + 1


def triple(i):
    return i * 3


@pyxc.native
def first_over(n: i64, limit: i64) -> i64:
    for i in range(n):
        with pyxc.gil():
            v: i64 = triple(i)
            if v > limit:
                return v  # leaves the block: the GIL is given back
    return -1


@pyxc.native
def break_out(n: i64, limit: i64) -> i64:
    last = 0
    for i in range(n):
        with pyxc.gil():
            last = int(triple(i))
            if last > limit:
                break
    return last
