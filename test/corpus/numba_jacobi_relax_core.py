"""Numba documentation: jacobi_relax_core (the CUDA and performance
examples' Jacobi relaxation).

One Jacobi sweep over the interior of a grid: each new value is the mean
of its four neighbours, stored into Anew, and the largest absolute change
is returned (`error = max(error, abs(...))`). Written afresh for pyxc from
the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "jacobi_relax_core"


@pyxc.native
def jacobi_relax_core(A: f64[:, :], Anew: f64[:, :]) -> f64:
    error = 0.0
    n = A.shape[0]
    m = A.shape[1]
    for j in range(1, n - 1):
        for i in range(1, m - 1):
            Anew[j, i] = 0.25 * (A[j, i + 1] + A[j, i - 1] + A[j - 1, i] + A[j + 1, i])
            error = max(error, abs(Anew[j, i] - A[j, i]))
    return error


def CORPUS_INPUTS():
    rng = np.random.default_rng(40)
    return [
        (np.zeros((0, 0)), np.zeros((0, 0))),
        (np.ones((2, 2)), np.zeros((2, 2))),
        (rng.random((3, 3)), np.zeros((3, 3))),
        (rng.random((12, 9)), np.zeros((12, 9))),
        (-rng.random((6, 6)), np.zeros((5, 5))),   # Anew too small: IndexError
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(41).random((200, 200)), np.zeros((200, 200)))
