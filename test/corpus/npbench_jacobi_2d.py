"""NPBench (PolyBench): jacobi_2d.

2-D five-point Jacobi stencil, TSTEPS - 1 double sweeps between two grids
by slice assignment on the interior:
`B[1:-1, 1:-1] = 0.2 * (A[1:-1, 1:-1] + A[1:-1, :-2] + A[1:-1, 2:] + A[2:, 1:-1] + A[:-2, 1:-1])`
and back. Works in place. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(TSTEPS: int, A: f64[:, :], B: f64[:, :]) -> None:
    for t in range(1, TSTEPS):
        B[1:-1, 1:-1] = 0.2 * (A[1:-1, 1:-1] + A[1:-1, :-2] + A[1:-1, 2:] + A[2:, 1:-1] + A[:-2, 1:-1])
        A[1:-1, 1:-1] = 0.2 * (B[1:-1, 1:-1] + B[1:-1, :-2] + B[1:-1, 2:] + B[2:, 1:-1] + B[:-2, 1:-1])


def CORPUS_INPUTS():
    rng = np.random.default_rng(56)
    return [
        (3, np.empty((0, 0)), np.empty((0, 0))),
        (3, np.ones((2, 2)), np.zeros((2, 2))),
        (1, rng.random((5, 5)), rng.random((5, 5))),
        (5, rng.random((10, 8)), rng.random((10, 8))),
        (2, -rng.random((4, 4)), np.zeros((4, 4))),
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(57)
    return (50, rng.random((400, 400)), rng.random((400, 400)))
