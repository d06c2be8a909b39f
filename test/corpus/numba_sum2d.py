"""Numba documentation: sum2d (the @jit signatures example).

Sums a 2-D array with two nested loops over `M, N = arr.shape` into a
float accumulator. Written afresh for pyxc from the documentation's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "sum2d"


@pyxc.native
def sum2d(arr: f64[:, :]) -> f64:
    M, N = arr.shape
    result = 0.0
    for i in range(M):
        for j in range(N):
            result += arr[i, j]
    return result


def CORPUS_INPUTS():
    rng = np.random.default_rng(36)
    return [
        (np.empty((0, 4)),),
        (np.array([[-2.5]]),),
        (rng.normal(size=(13, 7)),),
        (np.asfortranarray(rng.normal(size=(4, 6))),),
        (np.array([[np.inf, -np.inf]]),),   # nan
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(37).normal(size=(400, 400)),)
