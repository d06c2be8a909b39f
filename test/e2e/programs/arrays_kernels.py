"""Numeric kernels as users write them: dot product, naive matmul, 2-D
5-point stencil, histogram, integer and float prefix sums, mandelbrot
escape counts, minimum pairwise distance, saxpy, 1-D convolution,
insertion sort in place, a running maximum, matrix-vector product.
Default checks (bounds, wraparound, overflow) stay on.
"""
import math

import pyxc
from pyxc import f64, i64

SMALL = (-10**6, 10**6)
PYXC_TEST_ARGS = {
    "dot": {"a": {"shape": ("n",)}, "b": {"shape": ("n",)}},
    "matmul": {"a": {"shape": ("n", "p")}, "b": {"shape": ("p", "m")}, "out": {"shape": ("n", "m")}},
    "matvec": {"a": {"shape": ("n", "m")}, "x": {"shape": ("m",)}, "out": {"shape": ("n",)}},
    "stencil": {"a": {"shape": ("n", "m")}, "out": {"shape": ("n", "m")}, "_dims": {"n": (0, 6), "m": (0, 6)}},
    "histogram": {"values": (-1.0, 11.0), "counts": {"elements": (0, 10), "shape": ("bins",)},
                  "lo": [0.0], "hi": [10.0], "_dims": {"bins": (1, 6), "d0": (0, 12)}},
    "prefix_sum_int": {"a": SMALL, "out": SMALL},
    "prefix_sum_float": {},
    "mandelbrot": {"out": {"elements": [0], "shape": ("h", "w")}, "maxiter": (0, 40),
                   "xmin": (-2.5, 0.0), "xmax": (0.0, 1.5), "ymin": (-1.5, 0.0), "ymax": (0.0, 1.5),
                   "_dims": {"h": (0, 6), "w": (0, 6)}},
    "min_distance": {"points": {"elements": (-1e3, 1e3), "shape": ("n", 3)}, "_dims": {"n": (0, 7)}},
    "saxpy": {"x": {"shape": ("n",)}, "y": {"shape": ("n",)}},
    "convolve": {"signal": {"elements": (-100.0, 100.0), "shape": ("n",)},
                 "kernel": {"elements": (-10.0, 10.0), "shape": ("k",)},
                 "out": {"shape": ("n",)}, "_dims": {"n": (0, 10), "k": (1, 4)}},
    "insertion_sort": {"a": SMALL},
    "running_max": {"a": {"shape": ("n",)}, "out": {"shape": ("n",)}},
    "horner": {"coeffs": (-100.0, 100.0), "x": (-3.0, 3.0)},
    "count_primes_sieve": {"flags": {"elements": [0], "shape": ("n",)}, "_dims": {"n": (0, 60)}},
}


@pyxc.native
def dot(a: f64[:], b: f64[:]) -> f64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@pyxc.native
def matmul(a: f64[:, :], b: f64[:, :], out: f64[:, :]) -> None:
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


@pyxc.native
def matvec(a: f64[:, :], x: f64[:], out: f64[:]) -> None:
    for i in range(a.shape[0]):
        acc = 0.0
        for j in range(a.shape[1]):
            acc += float(a[i, j]) * float(x[j])
        out[i] = acc


@pyxc.native
def stencil(a: f64[:, :], out: f64[:, :]) -> None:
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


@pyxc.native
def histogram(values: f64[:], counts: i64[:], lo: float, hi: float) -> int:
    # Values outside [lo, hi) are counted and returned, not binned.
    nbins = counts.shape[0]
    width = (hi - lo) / nbins
    outside = 0
    for v in values:
        x = float(v)
        if x < lo or x >= hi:
            outside += 1
        else:
            b = int((x - lo) / width)
            if b >= nbins:
                b = nbins - 1
            counts[b] += 1
    return outside


@pyxc.native
def prefix_sum_int(a: i64[:], out: i64[:]) -> int:
    s = 0
    for i in range(len(a)):
        s += int(a[i])
        out[i] = s
    return s


@pyxc.native
def prefix_sum_float(a: f64[:]) -> None:
    # In place: a[i] becomes a[0] + ... + a[i].
    for i in range(1, len(a)):
        a[i] += a[i - 1]


@pyxc.native
def mandelbrot(out: i64[:, :], xmin: f64, xmax: f64, ymin: f64, ymax: f64, maxiter: i64) -> int:
    h = out.shape[0]
    w = out.shape[1]
    total = 0
    for y in range(h):
        ci = ymin + y * (ymax - ymin) / h
        for x in range(w):
            cr = xmin + x * (xmax - xmin) / w
            zr = 0.0
            zi = 0.0
            n = 0
            while n < maxiter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            out[y, x] = n
            total += n
    return total


@pyxc.native
def min_distance(points: f64[:, :]) -> f64:
    n = points.shape[0]
    best = math.inf
    for i in range(n):
        for j in range(i + 1, n):
            dx = points[j, 0] - points[i, 0]
            dy = points[j, 1] - points[i, 1]
            dz = points[j, 2] - points[i, 2]
            d = float(dx * dx + dy * dy + dz * dz)
            if d < best:
                best = d
    return math.sqrt(best)


@pyxc.native
def saxpy(alpha: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] = alpha * x[i] + y[i]


@pyxc.native
def convolve(signal: f64[:], kernel: f64[:], out: f64[:]) -> None:
    # "same" size, zero padding, kernel centred at k // 2.
    n = len(signal)
    k = len(kernel)
    half = k // 2
    for i in range(n):
        acc = 0.0
        for j in range(k):
            src = i + j - half
            if 0 <= src < n:
                acc += float(signal[src]) * float(kernel[j])
        out[i] = acc


@pyxc.native
def insertion_sort(a: i64[:]) -> int:
    moves = 0
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
            moves += 1
        a[j + 1] = key
    return moves


@pyxc.native
def running_max(a: f64[:], out: f64[:]) -> None:
    best = -math.inf
    for i in range(len(a)):
        x = float(a[i])
        if x > best or math.isnan(x):
            best = x
        out[i] = best


@pyxc.native
def horner(coeffs: f64[:], x: float) -> float:
    acc = 0.0
    for c in coeffs:
        acc = acc * x + float(c)
    return acc


@pyxc.native
def count_primes_sieve(flags: i64[:]) -> int:
    # flags arrive zeroed; 1 marks a composite.
    n = len(flags)
    count = 0
    for i in range(2, n):
        if flags[i] == 0:
            count += 1
            j = i * i
            while j < n:
                flags[j] = 1
                j += i
    return count
