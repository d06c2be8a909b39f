"""Pythran numpy-benchmarks: specialconvolve.

A 3x3 box filter minus nine times the centre, as two separable passes of
shifted slices (rows, then columns) over an integer image:
`rowconvol[:, 1:-1] + rowconvol[:, :-2] + rowconvol[:, 2:] - 9*a[1:-1, 1:-1]`.
Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import i64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "specialconvolve"


@pyxc.native
def specialconvolve(a: i64[:, :]) -> i64[:, :]:
    rowconvol = a[1:-1, :] + a[:-2, :] + a[2:, :]
    colconvol = rowconvol[:, 1:-1] + rowconvol[:, :-2] + rowconvol[:, 2:] - 9 * a[1:-1, 1:-1]
    return colconvol


def CORPUS_INPUTS():
    rng = np.random.default_rng(23)
    return [
        (np.zeros((0, 0), np.int64),),
        (np.ones((2, 2), np.int64),),
        (np.ones((3, 3), np.int64),),
        (rng.integers(-100, 100, (8, 11)),),
        (rng.integers(0, 10**6, (5, 4)),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(24).integers(0, 256, (1000, 1000)),)
