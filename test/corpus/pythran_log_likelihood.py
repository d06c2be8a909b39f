"""Pythran numpy-benchmarks: log_likelihood.

The log-likelihood of data under a normal distribution: the normal pdf of
every sample as whole-array expressions (`np.exp`, in-place `/=`,
`np.sqrt(2 * np.pi)`), then `np.log(pdfs).sum()`. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "log_likelihood"


@pyxc.native
def log_likelihood(data: f64[:], mean: f64, sigma: f64) -> f64:
    s = (data - mean) ** 2 / (2 * (sigma ** 2))
    pdfs = np.exp(- s)
    pdfs /= np.sqrt(2 * np.pi) * sigma
    return np.log(pdfs).sum()


def CORPUS_INPUTS():
    rng = np.random.default_rng(25)
    return [
        (np.empty(0), 0.0, 1.0),
        (np.array([0.5]), 0.5, 2.0),
        (rng.normal(3.0, 2.0, 50), 3.0, 2.0),
        (-rng.uniform(0, 4, 7), -1.0, 0.5),
        (np.array([1.0, 2.0]), 0.0, 0.0),    # sigma 0: NumPy's inf and nan, no exception
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(26).normal(3.0, 2.0, 1_000_000), 3.0, 2.0)
