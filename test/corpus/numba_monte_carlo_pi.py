"""Numba documentation: monte_carlo_pi (the front-page example).

Estimates pi from `nsamples` points drawn with `random.random()`, counting
those inside the unit quarter circle, `4.0 * acc / nsamples`. Needs the
`random` module in native code (a later issue). Only inputs whose answer
does not depend on the random stream are compared: a compiled generator
and CPython's need not produce the same numbers. Written afresh for pyxc
from the documentation's description.
"""
import random

import pyxc

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "monte_carlo_pi"


@pyxc.native
def monte_carlo_pi(nsamples: int) -> float:
    acc = 0
    for i in range(nsamples):
        x = random.random()
        y = random.random()
        if (x ** 2 + y ** 2) < 1.0:
            acc += 1
    return 4.0 * acc / nsamples


def CORPUS_INPUTS():
    return [
        (0,),                                # ZeroDivisionError
        (-1,),                               # no sample: -0.0
        (-1000,),
    ]


def CORPUS_LARGE():
    return (200_000,)
