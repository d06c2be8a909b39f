"""NPBench (PolyBench): nussinov.

Nussinov's RNA folding by dynamic programming: an upper-triangular int32
table filled from the last row up, each cell the max over skipping either
end, pairing the two ends (a helper `match` giving 1 for complementary
bases, b1 + b2 == 3) and every split point k. `np.zeros((N, N), np.int32)`
and the builtin max. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import i32

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "kernel"


@pyxc.native
def match(b1: int, b2: int) -> int:
    if b1 + b2 == 3:
        return 1
    else:
        return 0


@pyxc.native
def kernel(N: int, seq: i32[:]):
    table = np.zeros((N, N), np.int32)
    for i in range(N - 1, -1, -1):
        for j in range(i + 1, N):
            if j - 1 >= 0:
                table[i, j] = max(table[i, j], table[i, j - 1])
            if i + 1 < N:
                table[i, j] = max(table[i, j], table[i + 1, j])
            if j - 1 >= 0 and i + 1 < N:
                if i < j - 1:
                    table[i, j] = max(table[i, j], table[i + 1, j - 1] + match(seq[i], seq[j]))
                else:
                    table[i, j] = max(table[i, j], table[i + 1, j - 1])
            for k in range(i + 1, j):
                table[i, j] = max(table[i, j], table[i, k] + table[k + 1, j])
    return table


def CORPUS_INPUTS():
    rng = np.random.default_rng(80)
    return [
        (0, np.empty(0, np.int32)),
        (1, np.array([2], np.int32)),
        (2, np.array([0, 3], np.int32)),
        (12, rng.integers(0, 4, 12).astype(np.int32)),
        (5, np.array([1, 2, 1, 2, 1], np.int32)),
    ]


def CORPUS_LARGE():
    return (70, np.random.default_rng(81).integers(0, 4, 70).astype(np.int32))
