"""Pythran numpy-benchmarks: wdist.

Weighted Euclidean distances between the columns of A and the columns of
B, column weights W: two loops over column pairs, the inner part the
whole-column expression `(A[:, ii] - B[:, jj]) / W[:, ii]` and
`np.sqrt((wdiff ** 2).sum())`, into `np.zeros((m, n))`. Written afresh for
pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "wdist"


@pyxc.native
def wdist(A: f64[:, :], B: f64[:, :], W: f64[:, :]) -> f64[:, :]:
    k, m = A.shape
    _, n = B.shape
    D = np.zeros((m, n))
    for ii in range(m):
        for jj in range(n):
            wdiff = (A[:, ii] - B[:, jj]) / W[:, ii]
            D[ii, jj] = np.sqrt((wdiff ** 2).sum())
    return D


def CORPUS_INPUTS():
    rng = np.random.default_rng(27)
    return [
        (np.empty((0, 2)), np.empty((0, 3)), np.empty((0, 2))),
        (np.empty((4, 0)), rng.normal(size=(4, 3)), np.empty((4, 0))),
        (rng.normal(size=(3, 1)), rng.normal(size=(3, 1)), rng.uniform(0.5, 2, (3, 1))),
        (rng.normal(size=(5, 4)), rng.normal(size=(5, 6)), rng.uniform(0.5, 2, (5, 4))),
        (-np.ones((2, 2)), np.ones((2, 2)), -np.ones((2, 2))),
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(28)
    return (rng.normal(size=(64, 100)), rng.normal(size=(64, 100)), rng.uniform(0.5, 2, (64, 100)))
