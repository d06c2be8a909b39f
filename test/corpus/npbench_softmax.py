"""NPBench: softmax.

Numerically stable softmax along the last axis of a 4-D tensor (batch,
heads, rows, columns as in attention): `np.max(x, axis=-1, keepdims=True)`,
`np.exp(x - tmp_max)`, `np.sum(..., axis=-1, keepdims=True)` and a
broadcast division. NPBench uses float32; float64 here, so a last-bit
difference of exp stays inside the comparison's tolerance. Written
afresh for pyxc from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "softmax"


@pyxc.native
def softmax(x: f64[:, :, :, :]) -> f64[:, :, :, :]:
    tmp_max = np.max(x, axis=-1, keepdims=True)
    tmp_out = np.exp(x - tmp_max)
    tmp_sum = np.sum(tmp_out, axis=-1, keepdims=True)
    return tmp_out / tmp_sum


def CORPUS_INPUTS():
    rng = np.random.default_rng(66)
    return [
        (np.empty((0, 2, 3, 3)),),
        (np.zeros((1, 1, 1, 1)),),
        (rng.normal(size=(2, 3, 4, 4)),),
        (-rng.uniform(0, 800, (1, 2, 3, 5)),),   # exp underflows without the max shift
        (np.empty((1, 1, 2, 0)),),               # max over an empty axis: ValueError
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(67).normal(size=(16, 8, 64, 64)),)
