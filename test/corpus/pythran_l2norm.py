"""Pythran numpy-benchmarks: l2norm.

The Euclidean norm of every row of a matrix,
`np.sqrt(np.sum(np.abs(x) ** 2, 1))`: a ufunc, a power and a reduction
along axis 1. Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "l2norm"


@pyxc.native
def l2norm(x: f64[:, :]) -> f64[:]:
    return np.sqrt(np.sum(np.abs(x) ** 2, 1))


def CORPUS_INPUTS():
    rng = np.random.default_rng(15)
    return [
        (np.empty((0, 3)),),
        (np.empty((3, 0)),),
        (np.array([[-3.0, 4.0]]),),
        (rng.normal(size=(10, 7)),),
        (np.zeros((2, 2)),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(16).normal(size=(1000, 1000)),)
