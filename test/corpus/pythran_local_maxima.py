"""Pythran numpy-benchmarks: local_maxima.

Marks every element of an N-dimensional array that is >= all neighbours
in a window the size of the array, neighbours wrapping around the borders
(the `wrap` mode function, passed as a default argument): `np.ndindex`
over positions and offsets, a neighbour index built as a tuple from a
generator over `zip(pos, offset, wsize)`, and `result[pos] &= ...` on
`np.ones(data.shape, bool)`. Written afresh for pyxc from the benchmark's
description; it needs np.ndindex, tuple-valued generators and functions
as values, which no planned issue covers.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "local_maxima"


@pyxc.native
def wrap(pos: int, offset: int, bound: int) -> int:
    return (pos + offset) % bound


@pyxc.native
def local_maxima(data: f64[:, :], mode=wrap):
    wsize = data.shape
    result = np.ones(data.shape, bool)
    for pos in np.ndindex(data.shape):
        myval = data[pos]
        for offset in np.ndindex(wsize):
            neighbor_idx = tuple(mode(p, o - w // 2, w) for (p, o, w) in zip(pos, offset, wsize))
            result[pos] &= (data[neighbor_idx] <= myval)
    return result


def CORPUS_INPUTS():
    rng = np.random.default_rng(33)
    return [
        (np.empty((0, 0)),),
        (np.array([[1.5]]),),
        (rng.normal(size=(4, 5)),),
        (np.zeros((3, 3)),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(34).normal(size=(12, 12)),)
