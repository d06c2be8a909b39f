"""Pythran numpy-benchmarks: allpairs_distances.

Squared Euclidean distances between every row of X and every row of Y:
two loops over the rows, the inner difference a whole-row expression
`np.sum((X[i, :] - Y[j, :]) ** 2)` stored into `np.zeros((m, n), X.dtype)`.
Written afresh for pyxc from the benchmark's description.
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
            result[i, j] = np.sum((X[i, :] - Y[j, :]) ** 2)
    return result


def CORPUS_INPUTS():
    rng = np.random.default_rng(17)
    return [
        (np.empty((0, 3)), rng.normal(size=(4, 3))),
        (rng.normal(size=(1, 3)), rng.normal(size=(1, 3))),
        (rng.normal(size=(6, 4)), rng.normal(size=(5, 4))),
        (-np.ones((2, 2)), np.zeros((3, 2))),
        (rng.normal(size=(2, 3)), rng.normal(size=(2, 4))),   # columns differ: ValueError
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(18)
    return (rng.normal(size=(80, 16)), rng.normal(size=(80, 16)))
