"""Pythran numpy-benchmarks: rosen.

The Rosenbrock function of a vector, sum of
100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, written with shifted slices
(`x[1:]`, `x[:-1]`), whole-array `**` and `np.sum`. Written afresh for
pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "rosen"


@pyxc.native
def rosen(x: f64[:]) -> f64:
    t0 = 100 * (x[1:] - x[:-1] ** 2) ** 2
    t1 = (1 - x[:-1]) ** 2
    return np.sum(t0 + t1)


def CORPUS_INPUTS():
    rng = np.random.default_rng(5)
    return [
        (np.empty(0),),
        (np.array([3.0]),),
        (np.ones(10),),                      # the minimum: 0
        (rng.uniform(-2, 2, 33),),
        (-rng.uniform(0, 5, 8),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(6).uniform(-2, 2, 1_000_000),)
