"""Pythran numpy-benchmarks: harris.

The Harris corner response of a grey image: finite differences dx, dy
from shifted slices (`(I[1:, :] - I[:m-1, :])[:, 1:]`), their products,
trace and determinant, `det - k * tr * tr`, all whole-array expressions.
Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "harris"


@pyxc.native
def harris(I: f64[:, :]) -> f64[:, :]:
    m, n = I.shape
    dx = (I[1:, :] - I[:m - 1, :])[:, 1:]
    dy = (I[:, 1:] - I[:, :n - 1])[1:, :]
    A = dx * dx
    B = dy * dy
    C = dx * dy
    tr = A + B
    det = A * B - C * C
    k = 0.05
    return det - k * tr * tr


def CORPUS_INPUTS():
    rng = np.random.default_rng(9)
    return [
        (np.empty((0, 0)),),
        (np.ones((1, 1)),),
        (rng.uniform(0, 255, (2, 3)),),
        (rng.uniform(0, 255, (12, 9)),),
        (-rng.uniform(0, 1, (5, 5)),),
        (np.zeros((4, 6)),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(10).uniform(0, 255, (1024, 1024)),)
