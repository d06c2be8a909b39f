"""NPBench (PolyBench): gemm.

General matrix multiply into C in place: `C[:] = alpha * A @ B + beta * C`,
one whole-array expression with the `@` operator. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(alpha: f64, beta: f64, C: f64[:, :], A: f64[:, :], B: f64[:, :]) -> None:
    C[:] = alpha * A @ B + beta * C


def _mats(rng, n, k, m):
    return rng.random((n, m)), rng.random((n, k)), rng.random((k, m))


def CORPUS_INPUTS():
    rng = np.random.default_rng(70)
    return [
        (1.5, 1.2, *_mats(rng, 0, 3, 2)),
        (1.5, 1.2, *_mats(rng, 3, 0, 2)),    # inner size 0: C becomes beta * C
        (1.5, 1.2, *_mats(rng, 1, 1, 1)),
        (1.5, 1.2, *_mats(rng, 7, 5, 6)),
        (-1.0, 0.0, *_mats(rng, 4, 4, 4)),
        (1.0, 1.0, np.zeros((2, 2)), np.ones((2, 3)), np.ones((2, 2))),   # shapes disagree: ValueError
    ]


def CORPUS_LARGE():
    return (1.5, 1.2, *_mats(np.random.default_rng(71), 200, 220, 240))
