"""NPBench (PolyBench): atax.

A^T (A x) computed as `(A @ x) @ A`: a matrix-vector product, then a
vector-matrix product, returning a new vector. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(A: f64[:, :], x: f64[:]) -> f64[:]:
    return (A @ x) @ A


def CORPUS_INPUTS():
    rng = np.random.default_rng(72)
    return [
        (np.empty((0, 3)), rng.random(3)),
        (np.empty((3, 0)), np.empty(0)),
        (rng.random((1, 1)), rng.random(1)),
        (rng.random((9, 6)), rng.random(6)),
        (-rng.random((4, 4)), np.zeros(4)),
        (rng.random((3, 2)), rng.random(3)),  # x too long: ValueError
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(73)
    return (rng.random((1000, 1200)), rng.random(1200))
