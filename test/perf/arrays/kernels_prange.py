"""The parallel versions of kernels.py's loop kernels: the same bodies with
the outer loop a `prange` and the thread count a parameter, so
run_prange.py measures 1 to N threads in one process. The kernels that
cannot be parallel are left out: recurrence (each step needs the previous
one) and histogram (iterations scatter into shared bins, a race).

dot and min_distance are reductions (`s += ...`, `best = min(best, d)`);
the float sum is added in a different order than the serial loop, so it
agrees within rounding. mandelbrot_rows computes a band of rows of the
full image, what one multiprocessing worker is given.
"""
import math

import pyxc
from pyxc import f64, i64, prange


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def dot(a: f64[::1], b: f64[::1], num_threads: i64) -> f64:
    s = 0.0
    for i in prange(a.shape[0], num_threads=num_threads):
        s += a[i] * b[i]
    return s


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def matmul(a: f64[:, ::1], b: f64[:, ::1], out: f64[:, ::1], num_threads: i64) -> None:
    n = a.shape[0]
    p = a.shape[1]
    m = b.shape[1]
    for i in prange(n, num_threads=num_threads):
        for j in range(m):
            out[i, j] = 0.0
        for k in range(p):
            aik = a[i, k]
            for j in range(m):
                out[i, j] += aik * b[k, j]


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def stencil(a: f64[:, ::1], out: f64[:, ::1], num_threads: i64) -> None:
    for i in prange(1, a.shape[0] - 1, num_threads=num_threads):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def min_distance(points: f64[:, ::1], num_threads: i64) -> f64:
    n = points.shape[0]
    best = math.inf
    for i in prange(n, num_threads=num_threads):
        xi = points[i, 0]
        yi = points[i, 1]
        zi = points[i, 2]
        for j in range(i + 1, n):
            dx = points[j, 0] - xi
            dy = points[j, 1] - yi
            dz = points[j, 2] - zi
            best = min(best, dx * dx + dy * dy + dz * dz)
    return math.sqrt(best)


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def mandelbrot(out: i64[:, ::1], xmin: f64, xmax: f64, ymin: f64, ymax: f64, maxiter: i64,
               num_threads: i64) -> None:
    mandelbrot_rows(out, 0, out.shape[0], xmin, xmax, ymin, ymax, maxiter, num_threads)


@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False)
def mandelbrot_rows(out: i64[:, ::1], first_row: i64, height: i64, xmin: f64, xmax: f64, ymin: f64,
                    ymax: f64, maxiter: i64, num_threads: i64) -> None:
    # out holds rows first_row .. first_row + out.shape[0] of a height-row image.
    w = out.shape[1]
    dx = (xmax - xmin) / w
    dy = (ymax - ymin) / height
    for y in prange(out.shape[0], num_threads=num_threads):
        ci = ymin + (first_row + y) * dy
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
