"""NPBench (PolyBench): lu.

In-place LU decomposition without pivoting (Doolittle): for each row,
first the multipliers left of the diagonal, `A[i, j] -= A[i, :j] @ A[:j, j]`
then `/= A[j, j]`, then the row of U, `A[i, j] -= A[i, :i] @ A[:i, j]`,
with the `@` operator on row and column slices. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(A: f64[:, :]) -> None:
    for i in range(A.shape[0]):
        for j in range(i):
            A[i, j] -= A[i, :j] @ A[:j, j]
            A[i, j] /= A[j, j]
        for j in range(i, A.shape[0]):
            A[i, j] -= A[i, :i] @ A[:i, j]


def _dominant(rng, n):
    return rng.uniform(-1, 1, (n, n)) + n * np.eye(n)


def CORPUS_INPUTS():
    rng = np.random.default_rng(52)
    return [
        (np.empty((0, 0)),),
        (np.array([[-3.0]]),),
        (_dominant(rng, 2),),
        (_dominant(rng, 10),),
        (-_dominant(rng, 4),),
        (np.triu(np.ones((3, 3))),),
    ]


def CORPUS_LARGE():
    return (_dominant(np.random.default_rng(53), 120),)
