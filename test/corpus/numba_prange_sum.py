"""Numba documentation: prange_test (the automatic parallelization page).

A parallel reduction: `s += A[i]` over `prange(A.shape[0])`, with `s`
starting as the int 0 and widened to a float by the sum. Written afresh
for pyxc from the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64, prange

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "prange_test"


@pyxc.native
def prange_test(A: f64[:]) -> f64:
    s = 0
    for i in prange(A.shape[0]):
        s += A[i]
    return s


def CORPUS_INPUTS():
    return [
        (np.empty(0),),
        (np.array([-1.5]),),
        (np.arange(100.0),),                 # integers: any summation order is exact
        (np.full(7, 0.5),),
    ]


def CORPUS_LARGE():
    return (np.arange(300_000, dtype=np.float64),)
