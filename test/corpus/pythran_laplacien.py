"""Pythran numpy-benchmarks: laplacien.

The absolute 5-point Laplacian of an image's interior from shifted slices
(`np.abs(4*image[1:-1, 1:-1] - image[0:-2, 1:-1] - ...)`), normalised in
place (`/=`) by `max(1., np.max(out)) + 1e-9`. Written afresh for pyxc
from the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "laplacien"


@pyxc.native
def laplacien(image: f64[:, :]) -> f64[:, :]:
    out_image = np.abs(4 * image[1:-1, 1:-1] - image[0:-2, 1:-1] - image[2:, 1:-1]
                       - image[1:-1, 0:-2] - image[1:-1, 2:])
    valmax = np.max(out_image)
    valmax = max(1., valmax) + 1.E-9
    out_image /= valmax
    return out_image


def CORPUS_INPUTS():
    rng = np.random.default_rng(13)
    return [
        (np.zeros((2, 2)),),                 # empty interior: np.max raises ValueError
        (np.zeros((3, 3)),),
        (rng.uniform(0, 255, (3, 4)),),
        (rng.uniform(0, 255, (11, 13)),),
        (-rng.uniform(0, 0.1, (6, 6)),),     # below 1: divided by 1 + 1e-9
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(14).uniform(0, 255, (1024, 1024)),)
