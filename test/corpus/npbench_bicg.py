"""NPBench (PolyBench): bicg.

The two products of the BiCG sub-kernel, `A @ p` and `r @ A`, returned as
a tuple of two new vectors. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(A: f64[:, :], p: f64[:], r: f64[:]):
    return r @ A, A @ p


def CORPUS_INPUTS():
    rng = np.random.default_rng(74)
    return [
        (np.empty((0, 3)), rng.random(3), np.empty(0)),
        (rng.random((1, 1)), rng.random(1), rng.random(1)),
        (rng.random((8, 5)), rng.random(5), rng.random(8)),
        (-rng.random((3, 3)), np.zeros(3), np.ones(3)),
        (rng.random((3, 2)), rng.random(2), rng.random(2)),   # r too short: ValueError
    ]


def CORPUS_LARGE():
    rng = np.random.default_rng(75)
    return (rng.random((2000, 1800)), rng.random(1800), rng.random(2000))
