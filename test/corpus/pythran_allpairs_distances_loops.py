"""Pythran numpy-benchmarks: allpairs_distances_loops.

The loop variant of allpairs_distances: squared Euclidean distances
between the rows of X and the rows of Y accumulated element by element
(`result[i, j] += (X[i, k] - Y[j, k]) ** 2`) into
`np.zeros((m, n), X.dtype)`. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "dists"


@pyxc.native
def dists(X: f64[:, :], Y: f64[:, :]) -> f64[:, :]:
    result = np.zeros((X.shape[0], Y.shape[0]), X.dtype)
    for i in range(X.shape[0]):
        for j in range(Y.shape[0]):
            for k in range(X.shape[1]):
                result[i, j] += (X[i, k] - Y[j, k]) ** 2
    return result


def CORPUS_INPUTS():
    rng = np.random.default_rng(19)
    return [
        (np.empty((0, 3)), rng.normal(size=(4, 3))),
        (rng.normal(size=(1, 3)), rng.normal(size=(1, 3))),
        (rng.normal(size=(6, 4)), rng.normal(size=(5, 4))),
        (-np.ones((2, 2)), np.zeros((3, 2))),
        (rng.normal(size=(2, 4)), rng.normal(size=(2, 3))),   # Y too narrow: IndexError
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(20)
    return (rng.normal(size=(80, 16)), rng.normal(size=(80, 16)))
