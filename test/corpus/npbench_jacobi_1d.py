"""NPBench (PolyBench): jacobi_1d.

1-D three-point Jacobi stencil, TSTEPS - 1 double sweeps between two
arrays by slice assignment: `B[1:-1] = 0.33333 * (A[:-2] + A[1:-1] + A[2:])`
then the same from B back into A. Works in place. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(TSTEPS: int, A: f64[:], B: f64[:]) -> None:
    for t in range(1, TSTEPS):
        B[1:-1] = 0.33333 * (A[:-2] + A[1:-1] + A[2:])
        A[1:-1] = 0.33333 * (B[:-2] + B[1:-1] + B[2:])


def CORPUS_INPUTS():
    rng = np.random.default_rng(54)
    return [
        (3, np.empty(0), np.empty(0)),
        (3, np.ones(2), np.zeros(2)),        # no interior
        (1, rng.random(8), rng.random(8)),   # no step
        (6, rng.random(20), rng.random(20)),
        (2, -rng.random(5), np.zeros(5)),
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(55)
    return (100, rng.random(100_000), rng.random(100_000))
