"""NPBench (PolyBench): seidel_2d.

Gauss-Seidel 9-point smoothing in place: for every interior row, the row
slice first gets the sum of its eight neighbours' slices
(`A[i, 1:-1] += (A[i - 1, :-2] + ...)`), then a sequential sweep along the
row adds the already-updated left neighbour and divides by 9. Written
afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(TSTEPS: int, N: int, A: f64[:, :]) -> None:
    for t in range(0, TSTEPS - 1):
        for i in range(1, N - 1):
            A[i, 1:-1] += (A[i - 1, :-2] + A[i - 1, 1:-1] + A[i - 1, 2:] + A[i, 2:]
                           + A[i + 1, :-2] + A[i + 1, 1:-1] + A[i + 1, 2:])
            for j in range(1, N - 1):
                A[i, j] += A[i, j - 1]
                A[i, j] /= 9.0


def CORPUS_INPUTS():
    rng = np.random.default_rng(60)
    return [
        (3, 0, np.empty((0, 0))),
        (3, 2, np.ones((2, 2))),
        (1, 5, rng.random((5, 5))),
        (4, 9, rng.random((9, 9))),
        (3, 4, -rng.random((4, 4))),
    ]


def CORPUS_LARGE():
    return (10, 100, np.random.default_rng(61).random((100, 100)))
