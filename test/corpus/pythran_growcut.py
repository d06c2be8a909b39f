"""Pythran numpy-benchmarks: growcut.

One step of the GrowCut cellular-automaton segmentation: every pixel is
attacked by the neighbours of a square window (clamped at the borders by
two small helper functions); an attack's strength is the neighbour's
strength scaled by colour similarity `1 - |c1 - c2| / sqrt(3)`; the
strongest attacker's label wins. Four nested loops over an RGB image
and a (label, strength) state, written into `state_next`; returns how
many cells changed. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "growcut"


@pyxc.native
def window_floor(idx: int, radius: int) -> int:
    if radius > idx:
        return 0
    else:
        return idx - radius


@pyxc.native
def window_ceil(idx: int, ceil: int, radius: int) -> int:
    if idx + radius > ceil:
        return ceil
    else:
        return idx + radius


@pyxc.native
def growcut(image: f64[:, :, :], state: f64[:, :, :], state_next: f64[:, :, :], window_radius: int) -> int:
    changes = 0
    sqrt_3 = np.sqrt(3.0)
    height = image.shape[0]
    width = image.shape[1]
    for j in range(width):
        for i in range(height):
            winning_colony = state[i, j, 0]
            defense_strength = state[i, j, 1]
            for jj in range(window_floor(j, window_radius), window_ceil(j + 1, width, window_radius)):
                for ii in range(window_floor(i, window_radius), window_ceil(i + 1, height, window_radius)):
                    if ii == i and jj == j:
                        continue
                    d = image[i, j, 0] - image[ii, jj, 0]
                    s = d * d
                    for k in range(1, 3):
                        d = image[i, j, k] - image[ii, jj, k]
                        s += d * d
                    gval = 1.0 - np.sqrt(s) / sqrt_3
                    attack_strength = gval * state[ii, jj, 1]
                    if attack_strength > defense_strength:
                        defense_strength = attack_strength
                        winning_colony = state[ii, jj, 0]
                        changes += 1
            state_next[i, j, 0] = winning_colony
            state_next[i, j, 1] = defense_strength
    return changes


def _scene(rng, h, w):
    image = rng.random((h, w, 3))
    state = np.zeros((h, w, 2))
    state[..., 0] = rng.integers(0, 3, (h, w))
    state[..., 1] = rng.random((h, w)) * (state[..., 0] > 0)
    return image, state, np.zeros((h, w, 2))


def CORPUS_INPUTS():
    rng = np.random.default_rng(11)
    return [
        (*_scene(rng, 0, 0), 1),
        (*_scene(rng, 1, 1), 1),
        (*_scene(rng, 6, 5), 1),
        (*_scene(rng, 7, 7), 2),
        (*_scene(rng, 4, 4), 0),             # radius 0: no neighbour
        (np.zeros((3, 3, 3)), np.ones((3, 3, 2)), np.zeros((3, 3, 2)), 1),
    ]


def CORPUS_LARGE():
    return (*_scene(np.random.default_rng(12), 50, 50), 1)
