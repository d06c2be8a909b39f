"""Pythran numpy-benchmarks: hyantes.

Hyantes' potential smoothing on a sphere: for every cell of a
range_x x range_y grid starting at (xmin, ymin) with `step`, the sum over
all towns `k` (rows of t: latitude, longitude, value; `for k in t`) of
`k[2] / (1 + d)` where d is the great-circle distance (6368 km times
math.acos of the spherical cosine law) and below `range_`. Written afresh
for pyxc from the benchmark's description.
"""
import math

import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "hyantes"


@pyxc.native
def hyantes(xmin: f64, ymin: f64, xmax: f64, ymax: f64, step: f64, range_: f64,
            range_x: int, range_y: int, t: f64[:, :]) -> f64[:, :]:
    pt = np.zeros((range_x, range_y))
    for i in range(range_x):
        for j in range(range_y):
            xi = xmin + step * i
            yj = ymin + step * j
            for k in t:
                tmp = 6368. * math.acos(math.cos(xi) * math.cos(k[0]) * math.cos(yj - k[1])
                                        + math.sin(xi) * math.sin(k[0]))
                if tmp < range_:
                    pt[i, j] += k[2] / (1 + tmp)
    return pt


def _towns(rng, n):
    return np.column_stack([rng.uniform(0.6, 0.9, n), rng.uniform(-0.1, 0.2, n), rng.uniform(0, 1000, n)])


def CORPUS_INPUTS():
    rng = np.random.default_rng(31)
    return [
        (0.6, -0.1, 0.9, 0.2, 0.013, 300.0, 0, 5, _towns(rng, 4)),
        (0.6, -0.1, 0.9, 0.2, 0.013, 300.0, 3, 4, np.empty((0, 3))),
        (0.6, -0.1, 0.9, 0.2, 0.0131, 300.0, 1, 1, _towns(rng, 1)),
        (0.6, -0.1, 0.9, 0.2, 0.0313, 500.0, 6, 7, _towns(rng, 9)),
        (0.6, -0.1, 0.9, 0.2, 0.0313, -1.0, 3, 3, _towns(rng, 5)),   # nothing in range
    ]


def CORPUS_LARGE():
    return (0.6, -0.1, 0.9, 0.2, 0.0062, 300.0, 40, 40, _towns(np.random.default_rng(32), 40))
