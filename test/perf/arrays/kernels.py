"""The array kernels as a pyxc user writes them: SPEC §1's subset only
(range loops, indexing, `a.shape[k]`, `math` functions, scalars).

Checks are off (Cython's directive names) so the comparison with the
hand-written C++ reference, Cython 3 and Numba is like with like; the
benchmark builds a second copy of this file with the directives removed
(`@pyxc.native` alone) to measure what the default checks cost. The same
source, run by plain CPython on NumPy arrays, is the "x faster than
CPython" contender, and it is what Numba compiles too.

Outputs go into preallocated arrays passed in, so every tool does the same
work; dot and min_distance return a scalar. `::1` (C-contiguous) is used
wherever the reference assumes contiguity, which is every parameter here.
"""
import math

import pyxc
from pyxc import f64, i64


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def dot(a: f64[::1], b: f64[::1]) -> f64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def matmul(a: f64[:, ::1], b: f64[:, ::1], out: f64[:, ::1]) -> None:
    # i-k-j: the inner loop walks rows of b and out contiguously.
    n = a.shape[0]
    p = a.shape[1]
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            out[i, j] = 0.0
        for k in range(p):
            aik = a[i, k]
            for j in range(m):
                out[i, j] += aik * b[k, j]


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def stencil(a: f64[:, ::1], out: f64[:, ::1]) -> None:
    # 5-point average of the interior; the border of out is left as it is.
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def min_distance(points: f64[:, ::1]) -> f64:
    n = points.shape[0]
    best = math.inf
    for i in range(n):
        xi = points[i, 0]
        yi = points[i, 1]
        zi = points[i, 2]
        for j in range(i + 1, n):
            dx = points[j, 0] - xi
            dy = points[j, 1] - yi
            dz = points[j, 2] - zi
            d = dx * dx + dy * dy + dz * dz
            if d < best:
                best = d
    return math.sqrt(best)


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def mandelbrot(out: i64[:, ::1], xmin: f64, xmax: f64, ymin: f64, ymax: f64, maxiter: i64) -> None:
    h = out.shape[0]
    w = out.shape[1]
    dx = (xmax - xmin) / w
    dy = (ymax - ymin) / h
    for y in range(h):
        ci = ymin + y * dy
        for x in range(w):
            cr = xmin + x * dx
            zr = 0.0
            zi = 0.0
            n = 0
            while n < maxiter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n += 1
            out[y, x] = n


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def recurrence(b: i64[::1], a: i64, m: i64, out: i64[::1]) -> None:
    # out[i] = (out[i-1] * a + b[i]) % m: each step needs the previous one,
    # so it cannot be vectorized. With 0 <= a, b[i] < m < 2**31 nothing
    # overflows i64 and C's % equals Python's.
    x = b[0] % m
    out[0] = x
    for i in range(1, b.shape[0]):
        x = (x * a + b[i]) % m
        out[i] = x


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def histogram(values: f64[::1], lo: f64, hi: f64, counts: i64[::1]) -> None:
    nbins = counts.shape[0]
    for k in range(nbins):
        counts[k] = 0
    scale = nbins / (hi - lo)
    for i in range(values.shape[0]):
        k = int((values[i] - lo) * scale)
        if 0 <= k < nbins:
            counts[k] += 1
