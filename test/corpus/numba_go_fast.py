"""Numba documentation: go_fast (the "5 minute guide" example).

Adds the sum of np.tanh over the diagonal of a square matrix to every
element: a loop accumulating `np.tanh(a[i, i])`, then the broadcast
`a + trace` returning a new array. npbench has the same kernel as
go_fast. Written afresh for pyxc from the guide's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "go_fast"


@pyxc.native
def go_fast(a: f64[:, :]) -> f64[:, :]:
    trace = 0.0
    for i in range(a.shape[0]):
        trace += np.tanh(a[i, i])
    return a + trace


def CORPUS_INPUTS():
    rng = np.random.default_rng(35)
    return [
        (np.empty((0, 0)),),
        (np.array([[0.5]]),),
        (rng.normal(size=(10, 10)),),
        (-np.arange(9.0).reshape(3, 3),),
        (np.zeros((3, 2)),),                 # taller than wide: a[2, 2] is an IndexError
    ]


def CORPUS_LARGE():
    return (np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000),)
