"""Pythran numpy-benchmarks: hasting.

The right-hand side of the Hastings-Powell three-species food-chain ODE:
y' for prey, predator and top predator with Holling type II responses,
stored element by element into `np.empty((3,))`. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "hasting"


@pyxc.native
def hasting(y: f64[:], t: f64, a1: f64, a2: f64, b1: f64, b2: f64, d1: f64, d2: f64) -> f64[:]:
    yprime = np.empty((3,))
    yprime[0] = y[0] * (1. - y[0]) - a1 * y[0] * y[1] / (1. + b1 * y[0])
    yprime[1] = a1 * y[0] * y[1] / (1. + b1 * y[0]) - a2 * y[1] * y[2] / (1. + b2 * y[1]) - d1 * y[1]
    yprime[2] = a2 * y[1] * y[2] / (1. + b2 * y[1]) - d2 * y[2]
    return yprime


PARAMS = (0.0, 5.0, 0.1, 3.0, 2.0, 0.4, 0.01)


def CORPUS_INPUTS():
    return [
        (np.array([0.75, 0.15, 10.0]), *PARAMS),
        (np.zeros(3), *PARAMS),
        (np.array([-0.1, -2.0, 3.5]), *PARAMS),
        (np.array([1.0, 1.0]), *PARAMS),               # too short: IndexError
        (np.array([0.5, 0.5, 0.5, 9.0]), 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    ]


def CORPUS_LARGE():
    return (np.array([0.75, 0.15, 10.0]), *PARAMS)
