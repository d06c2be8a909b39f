"""Pythran numpy-benchmarks: pairwise.

Euclidean distance matrix of M points in N dimensions with three explicit
loops (the "pairwise distances" kernel of the Numba/Cython/Pythran
comparisons): `M, N = X.shape`, `np.empty((M, M))`, a scalar accumulator
and `np.sqrt` of a scalar. Written afresh for pyxc from that description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "pairwise"


@pyxc.native
def pairwise(X: f64[:, :]) -> f64[:, :]:
    M, N = X.shape
    D = np.empty((M, M))
    for i in range(M):
        for j in range(M):
            d = 0.0
            for k in range(N):
                tmp = X[i, k] - X[j, k]
                d += tmp * tmp
            D[i, j] = np.sqrt(d)
    return D


def CORPUS_INPUTS():
    rng = np.random.default_rng(3)
    return [
        (np.empty((0, 3)),),
        (np.empty((4, 0)),),                 # zero dimensions: all distances 0
        (rng.normal(size=(1, 3)),),
        (rng.normal(size=(9, 3)),),
        (-rng.uniform(0, 100, size=(6, 5)),),
        (np.zeros((3, 2)),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(4).normal(size=(160, 3)),)
