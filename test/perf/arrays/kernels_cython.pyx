# cython: language_level=3
# The array kernels of kernels.py in Cython 3: typed memoryviews (`::1`
# where kernels.py says `::1`), checks off with the same directive names,
# loops run without the GIL like pyxc's.
cimport cython
from libc.math cimport sqrt, INFINITY
from libc.stdint cimport int64_t


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def dot(const double[::1] a, const double[::1] b):
    cdef double s = 0.0
    cdef Py_ssize_t i
    with nogil:
        for i in range(a.shape[0]):
            s += a[i] * b[i]
    return s


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def matmul(const double[:, ::1] a, const double[:, ::1] b, double[:, ::1] out):
    cdef Py_ssize_t n = a.shape[0], p = a.shape[1], m = b.shape[1]
    cdef Py_ssize_t i, j, k
    cdef double aik
    with nogil:
        for i in range(n):
            for j in range(m):
                out[i, j] = 0.0
            for k in range(p):
                aik = a[i, k]
                for j in range(m):
                    out[i, j] += aik * b[k, j]


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def stencil(const double[:, ::1] a, double[:, ::1] out):
    cdef Py_ssize_t i, j
    with nogil:
        for i in range(1, a.shape[0] - 1):
            for j in range(1, a.shape[1] - 1):
                out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def min_distance(const double[:, ::1] points):
    cdef Py_ssize_t n = points.shape[0]
    cdef Py_ssize_t i, j
    cdef double best = INFINITY
    cdef double xi, yi, zi, dx, dy, dz, d
    with nogil:
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
    return sqrt(best)


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def mandelbrot(int64_t[:, ::1] out, double xmin, double xmax, double ymin, double ymax, int64_t maxiter):
    cdef Py_ssize_t h = out.shape[0], w = out.shape[1]
    cdef Py_ssize_t x, y
    cdef double dx = (xmax - xmin) / w
    cdef double dy = (ymax - ymin) / h
    cdef double ci, cr, zr, zi, t
    cdef int64_t n
    with nogil:
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


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def recurrence(const int64_t[::1] b, int64_t a, int64_t m, int64_t[::1] out):
    cdef Py_ssize_t i
    cdef int64_t x
    with nogil:
        x = b[0] % m
        out[0] = x
        for i in range(1, b.shape[0]):
            x = (x * a + b[i]) % m
            out[i] = x


@cython.boundscheck(False)
@cython.wraparound(False)
@cython.cdivision(True)
def histogram(const double[::1] values, double lo, double hi, int64_t[::1] counts):
    cdef Py_ssize_t nbins = counts.shape[0]
    cdef Py_ssize_t i, k
    cdef double scale
    with nogil:
        for k in range(nbins):
            counts[k] = 0
        scale = nbins / (hi - lo)
        for i in range(values.shape[0]):
            k = <Py_ssize_t>((values[i] - lo) * scale)
            if 0 <= k < nbins:
                counts[k] += 1
