"""Pythran numpy-benchmarks: smoothing.

Exponential smoothing of a series, s[i] = alpha*x[i] + (1-alpha)*s[i-1],
starting from a copy of the input (`x.copy()`) and looping from the second
element. Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "smoothing"


@pyxc.native
def smoothing(x: f64[:], alpha: f64) -> f64[:]:
    s = x.copy()
    for i in range(1, len(x)):
        s[i] = alpha * x[i] + (1 - alpha) * s[i - 1]
    return s


def CORPUS_INPUTS():
    rng = np.random.default_rng(21)
    return [
        (np.empty(0), 0.1),
        (np.array([2.5]), 0.3),
        (rng.normal(size=40), 0.1),
        (rng.normal(size=9), 0.0),
        (-rng.uniform(0, 9, 12), -0.5),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(22).normal(size=100_000), 0.1)
