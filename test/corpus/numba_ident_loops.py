"""Numba documentation: ident_loops (the performance tips, "loop fusion").

cos(x)^2 + sin(x)^2 element by element in an explicit loop over
`len(x)`, into `np.empty_like(x)`. Written afresh for pyxc from the
documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "ident_loops"


@pyxc.native
def ident_loops(x: f64[:]) -> f64[:]:
    r = np.empty_like(x)
    n = len(x)
    for i in range(n):
        r[i] = np.cos(x[i]) ** 2 + np.sin(x[i]) ** 2
    return r


def CORPUS_INPUTS():
    rng = np.random.default_rng(43)
    return [
        (np.empty(0),),
        (np.array([0.0]),),
        (rng.uniform(-10, 10, 31),),
        (np.array([np.inf, -np.inf, np.nan, -0.0]),),
    ]


def CORPUS_LARGE():
    return (np.arange(40_000, dtype=np.float64),)
