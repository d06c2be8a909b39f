"""Numba documentation: the nested-prange example of the automatic
parallelization page (`test(x)`).

`a = np.sin(x)`, `b = np.cos(a * a)` as whole-array expressions, then a
double loop of `prange`s accumulating `b[i] + b[j + 1]` into one scalar
reduction. Written afresh for pyxc from the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64, prange

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "test"


@pyxc.native
def test(x: f64[:]) -> f64:
    n = x.shape[0]
    a = np.sin(x)
    b = np.cos(a * a)
    acc = 0
    for i in prange(n - 2):
        for j in prange(n - 1):
            acc += b[i] + b[j + 1]
    return acc


def CORPUS_INPUTS():
    return [
        (np.empty(0),),
        (np.array([0.5]),),
        (np.zeros(16),),                      # every term 2.0: exact in any order
        (np.full(5, -np.pi / 2),),
    ]


def CORPUS_LARGE():
    return (np.arange(400, dtype=np.float64),)
