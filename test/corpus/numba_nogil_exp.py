"""Numba documentation: inner_func_nb (the multi-threading example,
@jit(nogil=True)).

Fills `result[i] = math.exp(2.1 * a[i] + 3.2 * b[i])` in a loop over
`len(result)`, the kernel the example splits into chunks run by several
threads. math.exp overflows with CPython's OverflowError. Written afresh
for pyxc from the documentation's description.
"""
import math

import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "inner_func_nb"


@pyxc.native
def inner_func_nb(result: f64[:], a: f64[:], b: f64[:]) -> None:
    for i in range(len(result)):
        result[i] = math.exp(2.1 * a[i] + 3.2 * b[i])


def CORPUS_INPUTS():
    rng = np.random.default_rng(48)
    return [
        (np.empty(0), np.empty(0), np.empty(0)),
        (np.zeros(1), np.zeros(1), np.zeros(1)),
        (np.zeros(20), rng.normal(size=20), rng.normal(size=20)),
        (np.zeros(3), np.array([1.0, 400.0, 2.0]), np.zeros(3)),   # OverflowError at i = 1
        (np.zeros(4), np.ones(3), np.ones(4)),                      # a too short: IndexError
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(49)
    return (np.zeros(100_000), rng.normal(size=100_000), rng.normal(size=100_000))
