"""Pythran numpy-benchmarks: diffusion.

Explicit 2-D heat diffusion for `iterNum` steps: the interior of a
scratch grid gets `u + mu * (discrete Laplacian of u)` by slice assignment
(`tempU[1:-1, 1:-1] = ...`), then the grid is copied back (`u[:, :] =
tempU[:, :]`) and the scratch zeroed. Works in place. Written afresh for
pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "diffusion"


@pyxc.native
def diffusion(u: f64[:, :], tempU: f64[:, :], iterNum: int) -> None:
    mu = .1
    for n in range(iterNum):
        tempU[1:-1, 1:-1] = u[1:-1, 1:-1] + mu * (
            u[2:, 1:-1] - 2 * u[1:-1, 1:-1] + u[0:-2, 1:-1]
            + u[1:-1, 2:] - 2 * u[1:-1, 1:-1] + u[1:-1, 0:-2])
        u[:, :] = tempU[:, :]
        tempU[:, :] = 0.0


def CORPUS_INPUTS():
    rng = np.random.default_rng(29)
    return [
        (np.zeros((0, 0)), np.zeros((0, 0)), 2),
        (np.ones((2, 2)), np.zeros((2, 2)), 1),      # no interior: everything becomes 0
        (rng.random((5, 5)), np.zeros((5, 5)), 0),
        (rng.random((9, 7)), np.zeros((9, 7)), 3),
        (-rng.random((6, 6)), rng.random((6, 6)), 1),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(30).random((512, 512)), np.zeros((512, 512)), 10)
