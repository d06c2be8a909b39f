"""NPBench (PolyBench): syrk.

Symmetric rank-k update of the lower triangle of C in place, row by row:
`C[i, :i + 1] *= beta`, then for every k the row slice gets
`alpha * A[i, k] * A[:i + 1, k]` added (a scalar times a column slice).
Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(alpha: f64, beta: f64, C: f64[:, :], A: f64[:, :]) -> None:
    for i in range(A.shape[0]):
        C[i, :i + 1] *= beta
        for k in range(A.shape[1]):
            C[i, :i + 1] += alpha * A[i, k] * A[:i + 1, k]


def CORPUS_INPUTS():
    rng = np.random.default_rng(78)
    return [
        (1.5, 1.2, np.empty((0, 0)), np.empty((0, 4))),
        (1.5, 1.2, rng.random((3, 3)), np.empty((3, 0))),
        (1.5, 1.2, rng.random((1, 1)), rng.random((1, 1))),
        (1.5, 1.2, rng.random((8, 8)), rng.random((8, 5))),
        (-2.0, 0.0, rng.random((4, 4)), -rng.random((4, 3))),
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(79)
    return (1.5, 1.2, rng.random((160, 160)), rng.random((160, 140)))
