"""Numba documentation: bubblesort (the examples section).

Sorts a 1-D array in place: for every end position from N down to 2, one
pass swapping adjacent out-of-order elements through a temporary.
Written afresh for pyxc from the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "bubblesort"


@pyxc.native
def bubblesort(X: f64[:]) -> None:
    N = len(X)
    for end in range(N, 1, -1):
        for i in range(end - 1):
            cur = X[i]
            if cur > X[i + 1]:
                tmp = X[i]
                X[i] = X[i + 1]
                X[i + 1] = tmp


def CORPUS_INPUTS():
    rng = np.random.default_rng(38)
    return [
        (np.empty(0),),
        (np.array([1.0]),),
        (np.arange(10.0)[::-1].copy(),),
        (rng.integers(-5, 5, 30).astype(np.float64),),     # duplicates
        (rng.normal(size=25)[::2],),                          # a strided view
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(39).normal(size=600),)
