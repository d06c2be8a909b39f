"""Computer Language Benchmarks Game: n-body.

The Jovian planets' orbits by symplectic Euler steps: offset the Sun's
momentum, advance `steps` times (every pair of bodies: distance cubed
through `** (-1.5)`, velocity updates both ways; then positions), and
return the energy. The benchmark's Python program keeps bodies as lists
of ([x, y, z], [vx, vy, vz], mass) unpacked in its loops; a NumPy user
keeps them in arrays, and the loops unpack rows as tuples
(`x1, y1, z1 = pos[i]`). Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc
from pyxc import f64

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "nbody"

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


@pyxc.native
def offset_momentum(vel: f64[:, :], mass: f64[:]) -> None:
    px = py = pz = 0.0
    for i in range(len(mass)):
        vx, vy, vz = vel[i]
        px -= vx * mass[i]
        py -= vy * mass[i]
        pz -= vz * mass[i]
    vel[0, 0] = px / mass[0]
    vel[0, 1] = py / mass[0]
    vel[0, 2] = pz / mass[0]


@pyxc.native
def advance(dt: f64, pos: f64[:, :], vel: f64[:, :], mass: f64[:]) -> None:
    n = len(mass)
    for i in range(n):
        x1, y1, z1 = pos[i]
        for j in range(i + 1, n):
            x2, y2, z2 = pos[j]
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = mass[i] * mag
            b2m = mass[j] * mag
            vel[i, 0] -= dx * b2m
            vel[i, 1] -= dy * b2m
            vel[i, 2] -= dz * b2m
            vel[j, 0] += dx * b1m
            vel[j, 1] += dy * b1m
            vel[j, 2] += dz * b1m
    for i in range(n):
        vx, vy, vz = vel[i]
        pos[i, 0] += dt * vx
        pos[i, 1] += dt * vy
        pos[i, 2] += dt * vz


@pyxc.native
def energy(pos: f64[:, :], vel: f64[:, :], mass: f64[:]) -> f64:
    e = 0.0
    n = len(mass)
    for i in range(n):
        vx, vy, vz = vel[i]
        e += 0.5 * mass[i] * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= (mass[i] * mass[j]) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e


@pyxc.native
def nbody(steps: int, pos: f64[:, :], vel: f64[:, :], mass: f64[:]) -> f64:
    offset_momentum(vel, mass)
    for _ in range(steps):
        advance(0.01, pos, vel, mass)
    return energy(pos, vel, mass)


def _system():
    pos = np.array([
        [0.0, 0.0, 0.0],
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01]])
    vel = np.array([
        [0.0, 0.0, 0.0],
        [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
        [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
        [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
        [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05]]) * DAYS_PER_YEAR
    mass = np.array([1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
                     4.36624404809247896e-05, 5.15138902046611451e-05]) * SOLAR_MASS
    return pos, vel, mass


def CORPUS_INPUTS():
    pos, vel, mass = _system()
    return [
        (0, *_system()),
        (10, *_system()),
        (1, pos[:1].copy(), vel[:1].copy(), mass[:1].copy()),   # the Sun alone
        (3, pos[:2].copy(), -vel[:2].copy(), mass[:2].copy()),
        (1, np.empty((0, 3)), np.empty((0, 3)), np.empty(0)),   # no body: mass[0] is an IndexError
    ]


def CORPUS_LARGE():
    return (500, *_system())
