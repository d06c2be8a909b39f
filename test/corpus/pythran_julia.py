"""Pythran numpy-benchmarks: julia.

Escape-time counts of the Julia set of c = cr + ci*j on an N x N grid:
a scalar helper iterating z -> z^2 + c on (zr, zi) with a tuple
assignment until |z| reaches `lim` or `cutoff` iterations, called for
every pixel of `np.empty((N, N), np.uint32)` while two `enumerate` loops
walk `np.linspace(-bound, bound, N)`. Written afresh for pyxc from the
benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "julia"


@pyxc.native
def kernel(zr: f64, zi: f64, cr: f64, ci: f64, lim: f64, cutoff: f64) -> int:
    count = 0
    while ((zr * zr + zi * zi) < (lim * lim)) and count < cutoff:
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        count += 1
    return count


@pyxc.native
def julia(cr: f64, ci: f64, N: int, bound: f64 = 1.5, lim: f64 = 1000., cutoff: f64 = 1e6):
    julia = np.empty((N, N), np.uint32)
    grid_x = np.linspace(-bound, bound, N)
    for i, x in enumerate(grid_x):
        for j, y in enumerate(grid_x):
            julia[i, j] = kernel(x, y, cr, ci, lim, cutoff)
    return julia


def CORPUS_INPUTS():
    return [
        (-0.9, 0.1, 0, 1.5, 1000.0, 50.0),
        (-0.9, 0.1, 1, 1.5, 1000.0, 50.0),
        (-0.9, 0.1, 12, 1.5, 1000.0, 60.0),
        (0.0, 0.0, 7, 2.0, 2.0, 30.0),
        (0.3, -0.5, 5, 1.0, 10.0, 0.0),          # cutoff 0: every count 0
        (-0.9, 0.1, -1, 1.5, 1000.0, 50.0),      # negative size: ValueError
    ]


def CORPUS_LARGE():
    return (-0.9, 0.1, 40, 1.5, 1000.0, 200.0)
