"""NPBench (PolyBench): heat_3d.

3-D heat equation, TSTEPS - 1 double sweeps between two cubes: the
interior gets the sum of the three second differences (each `0.125 *
(A[2:, 1:-1, 1:-1] - 2.0 * A[1:-1, 1:-1, 1:-1] + A[:-2, 1:-1, 1:-1])` and
the same along the other axes) plus the old value, by slice assignment.
Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(TSTEPS: int, A: f64[:, :, :], B: f64[:, :, :]) -> None:
    for t in range(1, TSTEPS):
        B[1:-1, 1:-1, 1:-1] = (
            0.125 * (A[2:, 1:-1, 1:-1] - 2.0 * A[1:-1, 1:-1, 1:-1] + A[:-2, 1:-1, 1:-1])
            + 0.125 * (A[1:-1, 2:, 1:-1] - 2.0 * A[1:-1, 1:-1, 1:-1] + A[1:-1, :-2, 1:-1])
            + 0.125 * (A[1:-1, 1:-1, 2:] - 2.0 * A[1:-1, 1:-1, 1:-1] + A[1:-1, 1:-1, 0:-2])
            + A[1:-1, 1:-1, 1:-1])
        A[1:-1, 1:-1, 1:-1] = (
            0.125 * (B[2:, 1:-1, 1:-1] - 2.0 * B[1:-1, 1:-1, 1:-1] + B[:-2, 1:-1, 1:-1])
            + 0.125 * (B[1:-1, 2:, 1:-1] - 2.0 * B[1:-1, 1:-1, 1:-1] + B[1:-1, :-2, 1:-1])
            + 0.125 * (B[1:-1, 1:-1, 2:] - 2.0 * B[1:-1, 1:-1, 1:-1] + B[1:-1, 1:-1, 0:-2])
            + B[1:-1, 1:-1, 1:-1])


def CORPUS_INPUTS():
    rng = np.random.default_rng(58)
    return [
        (3, np.empty((0, 0, 0)), np.empty((0, 0, 0))),
        (3, np.ones((2, 2, 2)), np.zeros((2, 2, 2))),
        (1, rng.random((4, 4, 4)), rng.random((4, 4, 4))),
        (4, rng.random((6, 5, 7)), rng.random((6, 5, 7))),
        (2, -rng.random((3, 3, 3)), np.zeros((3, 3, 3))),
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(59)
    return (20, rng.random((60, 60, 60)), rng.random((60, 60, 60)))
