"""Pythran numpy-benchmarks: arc_distance.

Great-circle (haversine) distance between two lists of points given as
angles theta/phi, one distance per pair, in whole-array NumPy style:
np.sin, np.cos, np.sqrt, np.arctan2 and `**` over 1-D arrays, with the
result allocated by the expression. The same kernel is npbench's
arc_distance. Written afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "arc_distance"


@pyxc.native
def arc_distance(theta_1: f64[:], phi_1: f64[:], theta_2: f64[:], phi_2: f64[:]) -> f64[:]:
    temp = (np.sin((theta_2 - theta_1) / 2) ** 2
            + np.cos(theta_1) * np.cos(theta_2) * np.sin((phi_2 - phi_1) / 2) ** 2)
    distance_matrix = 2 * np.arctan2(np.sqrt(temp), np.sqrt(1 - temp))
    return distance_matrix


def _points(rng, n):
    return tuple(rng.uniform(-np.pi, np.pi, n) for _ in range(4))


def CORPUS_INPUTS():
    rng = np.random.default_rng(1)
    return [
        _points(rng, 0),                                  # empty
        _points(rng, 1),
        _points(rng, 17),
        tuple(np.zeros(5) for _ in range(4)),             # identical points: distance 0
        (-np.ones(3), np.ones(3), np.ones(3), -np.ones(3)),
        (np.zeros(3), np.zeros(3), np.zeros(4), np.zeros(3)),  # lengths differ: ValueError
    ]


def CORPUS_LARGE():
    return _points(np.random.default_rng(2), 200_000)
