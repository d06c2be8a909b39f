"""NPBench (PolyBench): trisolv.

Forward substitution for a lower-triangular system L x = b, one row at a
time: `x[i] = (b[i] - L[i, :i] @ x[:i]) / L[i, i]`. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(L: f64[:, :], x: f64[:], b: f64[:]) -> None:
    for i in range(x.shape[0]):
        x[i] = (b[i] - L[i, :i] @ x[:i]) / L[i, i]


def _system(rng, n):
    return np.tril(rng.uniform(-1, 1, (n, n))) + 2 * np.eye(n), np.zeros(n), rng.normal(size=n)


def CORPUS_INPUTS():
    rng = np.random.default_rng(62)
    return [
        _system(rng, 0),
        _system(rng, 1),
        _system(rng, 12),
        (-np.eye(3), np.zeros(3), np.ones(3)),
        (np.eye(2), np.zeros(3), np.ones(3)),      # L too small: IndexError
    ]


def CORPUS_LARGE():
    return _system(np.random.default_rng(63), 1500)
