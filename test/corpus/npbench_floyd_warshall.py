"""NPBench (PolyBench): floyd_warshall.

All-pairs shortest paths in place on a distance matrix: for every
intermediate vertex k and every row i, the row becomes
`np.minimum(path[i, :], path[i, k] + path[k, :])`, a ufunc of a row view
and a broadcast scalar-plus-row. Written afresh for pyxc from the
benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import i32

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "kernel"


@pyxc.native
def kernel(path: i32[:, :]) -> None:
    for k in range(path.shape[0]):
        for i in range(path.shape[0]):
            path[i, :] = np.minimum(path[i, :], path[i, k] + path[k, :])


def _graph(rng, n):
    path = rng.integers(1, 100, (n, n)).astype(np.int32)
    path[rng.random((n, n)) < 0.5] = 999
    np.fill_diagonal(path, 0)
    return path


def CORPUS_INPUTS():
    rng = np.random.default_rng(68)
    return [
        (np.empty((0, 0), np.int32),),
        (np.zeros((1, 1), np.int32),),
        (_graph(rng, 4),),
        (_graph(rng, 11),),
        (-np.ones((3, 3), np.int32),),       # negative cycles: values keep falling
    ]


def CORPUS_LARGE():
    return (_graph(np.random.default_rng(69), 100),)
