"""Numba documentation: logistic_regression (the parallel=True example).

Gradient steps of logistic regression, each one whole-array expression:
`w -= np.dot(((1.0 / (1.0 + np.exp(-Y * np.dot(X, w))) - 1.0) * Y), X)`,
matrix-vector products with np.dot, a ufunc, broadcasting and an in-place
update of the weights, which are returned. Written afresh for pyxc from
the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "logistic_regression"


@pyxc.native
def logistic_regression(Y: f64[:], X: f64[:, :], w: f64[:], iterations: int) -> f64[:]:
    for i in range(iterations):
        w -= np.dot(((1.0 / (1.0 + np.exp(-Y * np.dot(X, w))) - 1.0) * Y), X)
    return w


def _problem(rng, n, d):
    X = rng.normal(size=(n, d))
    Y = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    return Y, X, 0.1 * rng.normal(size=d)


def CORPUS_INPUTS():
    rng = np.random.default_rng(46)
    return [
        (*_problem(rng, 0, 3), 2),           # no sample: the gradient is 0
        (*_problem(rng, 1, 1), 1),
        (*_problem(rng, 20, 4), 5),
        (*_problem(rng, 8, 2), 0),
        (np.ones(3), np.ones((3, 2)), np.ones(3), 1),   # X and w disagree: ValueError
    ]


def CORPUS_LARGE():
    return (*_problem(np.random.default_rng(47), 20_000, 10), 20)
