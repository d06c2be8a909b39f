"""Pythran numpy-benchmarks: grayscott.

Gray-Scott reaction-diffusion: `counts` explicit time steps on two
concentration grids U and V with a one-cell border, the Laplacians built
from shifted slices of the padded arrays, updates written in place
through the interior views `u = U[1:-1, 1:-1]` (`u += ...`). The benchmark
seeds U and V with random noise itself; here the initial grids are
arguments (random noise cannot be compared across implementations).
Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "grayscott"


@pyxc.native
def grayscott(counts: int, Du: f64, Dv: f64, F: f64, k: f64, U: f64[:, :], V: f64[:, :]) -> f64[:, :]:
    u = U[1:-1, 1:-1]
    v = V[1:-1, 1:-1]
    for i in range(counts):
        Lu = (U[0:-2, 1:-1] + U[1:-1, 0:-2] - 4 * U[1:-1, 1:-1] + U[1:-1, 2:] + U[2:, 1:-1])
        Lv = (V[0:-2, 1:-1] + V[1:-1, 0:-2] - 4 * V[1:-1, 1:-1] + V[1:-1, 2:] + V[2:, 1:-1])
        uvv = u * v * v
        u += Du * Lu - uvv + F * (1 - u)
        v += Dv * Lv + uvv - (F + k) * v
    return V


def _grids(rng, n):
    U = np.zeros((n + 2, n + 2))
    V = np.zeros((n + 2, n + 2))
    U[1:-1, 1:-1] = 1.0
    r = n // 4
    U[n // 2 - r:n // 2 + r, n // 2 - r:n // 2 + r] = 0.50
    V[n // 2 - r:n // 2 + r, n // 2 - r:n // 2 + r] = 0.25
    U[1:-1, 1:-1] += 0.15 * rng.random((n, n))
    V[1:-1, 1:-1] += 0.15 * rng.random((n, n))
    return U, V


def CORPUS_INPUTS():
    rng = np.random.default_rng(7)
    return [
        (3, 0.16, 0.08, 0.035, 0.065, *_grids(rng, 0)),   # border only
        (0, 0.16, 0.08, 0.035, 0.065, *_grids(rng, 4)),   # no step
        (1, 0.16, 0.08, 0.035, 0.065, *_grids(rng, 1)),
        (5, 0.16, 0.08, 0.035, 0.065, *_grids(rng, 8)),
        (2, -0.5, 0.0, 0.0, -1.0, *_grids(rng, 5)),
    ]


def CORPUS_LARGE():
    return (40, 0.16, 0.08, 0.035, 0.065, *_grids(np.random.default_rng(8), 128))
