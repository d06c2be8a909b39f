"""NPBench (PolyBench): cholesky.

In-place Cholesky factorisation of a symmetric positive-definite matrix,
row by row: `A[i, j] -= np.dot(A[i, :j], A[j, :j])`, `A[i, j] /= A[j, j]`,
the diagonal from `np.sqrt` of what remains. Only the lower triangle is
meaningful afterwards. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(A: f64[:, :]) -> None:
    A[0, 0] = np.sqrt(A[0, 0])
    for i in range(1, A.shape[0]):
        for j in range(i):
            A[i, j] -= np.dot(A[i, :j], A[j, :j])
            A[i, j] /= A[j, j]
        A[i, i] -= np.dot(A[i, :i], A[i, :i])
        A[i, i] = np.sqrt(A[i, i])


def _spd(rng, n):
    m = rng.normal(size=(n, n))
    return m @ m.T + n * np.eye(n)


def CORPUS_INPUTS():
    rng = np.random.default_rng(50)
    return [
        (np.empty((0, 0)),),                 # A[0, 0]: IndexError
        (np.array([[4.0]]),),
        (_spd(rng, 2),),
        (_spd(rng, 9),),
        (-np.eye(3),),                       # not positive definite: NumPy's nan
    ]


def CORPUS_LARGE():
    return (_spd(np.random.default_rng(51), 160),)
