"""Numba documentation: do_sum (the performance tips, "fastmath").

Sums the square roots of an array's elements with `for x in A` and a
strict-order float accumulator (the fastmath=False half of the example).
Negative elements give NumPy's nan. Written afresh for pyxc from the
documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "do_sum"


@pyxc.native
def do_sum(A: f64[:]) -> f64:
    acc = 0.
    for x in A:
        acc += np.sqrt(x)
    return acc


def CORPUS_INPUTS():
    rng = np.random.default_rng(44)
    return [
        (np.empty(0),),
        (np.array([4.0]),),
        (rng.uniform(0, 100, 50),),
        (np.array([1.0, -1.0, 4.0]),),       # np.sqrt(-1.0) is nan (with a warning), not an error
        (np.zeros(3),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(45).uniform(0, 100, 150_000),)
