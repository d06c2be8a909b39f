"""Numba documentation: ident_np (the performance tips, "loop fusion").

The identity cos(x)^2 + sin(x)^2 as one whole-array expression of ufuncs
and powers, the form Numba's documentation contrasts with ident_loops.
Written afresh for pyxc from the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "ident_np"


@pyxc.native
def ident_np(x: f64[:]) -> f64[:]:
    return np.cos(x) ** 2 + np.sin(x) ** 2


def CORPUS_INPUTS():
    rng = np.random.default_rng(42)
    return [
        (np.empty(0),),
        (np.array([0.0]),),
        (rng.uniform(-10, 10, 31),),
        (np.array([np.inf, -np.inf, np.nan, -0.0]),),
    ]


def CORPUS_LARGE():
    return (np.arange(1_000_000, dtype=np.float64),)
