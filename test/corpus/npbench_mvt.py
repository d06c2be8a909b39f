"""NPBench (PolyBench): mvt.

Two matrix-vector products accumulated in place: `x1 += A @ y_1` and
`x2 += y_2 @ A`. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(x1: f64[:], x2: f64[:], y_1: f64[:], y_2: f64[:], A: f64[:, :]) -> None:
    x1 += A @ y_1
    x2 += y_2 @ A


def _vectors(rng, n):
    return rng.random(n), rng.random(n), rng.random(n), rng.random(n), rng.random((n, n))


def CORPUS_INPUTS():
    rng = np.random.default_rng(76)
    return [
        _vectors(rng, 0),
        _vectors(rng, 1),
        _vectors(rng, 9),
        (np.zeros(3), np.zeros(3), -np.ones(3), np.ones(3), -np.eye(3)),
        (np.zeros(2), np.zeros(3), np.ones(3), np.ones(3), np.ones((3, 3))),   # x1 too short: ValueError
    ]


def CORPUS_LARGE():
    return _vectors(np.random.default_rng(77), 1000)
