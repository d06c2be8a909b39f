// The array-kernel reference: the kernels of kernels.py as a good C++
// programmer writes them against the raw CPython buffer API.
//  - arguments by METH_FASTCALL, buffers by PyObject_GetBuffer with the
//    dtype, ndim and C-contiguity checked (no NumPy headers);
//  - each kernel loop in its own noinline function, outputs __restrict__
//    (so GCC may vectorize stores), called with the GIL released;
//  - built with the flags of pyxc's driver (-O3, no -march).
#include <Python.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace {

// ---------------------------------------------------------------- kernels

__attribute__((noinline)) double dot_kernel(const double* __restrict__ a, const double* __restrict__ b,
                                            Py_ssize_t n) {
  double s = 0.0;
  for (Py_ssize_t i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

__attribute__((noinline)) void matmul_kernel(const double* __restrict__ a, const double* __restrict__ b,
                                             double* __restrict__ out, Py_ssize_t n, Py_ssize_t p,
                                             Py_ssize_t m) {
  for (Py_ssize_t i = 0; i < n; ++i) {
    double* __restrict__ row = out + i * m;
    for (Py_ssize_t j = 0; j < m; ++j) row[j] = 0.0;
    for (Py_ssize_t k = 0; k < p; ++k) {
      const double aik = a[i * p + k];
      const double* __restrict__ brow = b + k * m;
      for (Py_ssize_t j = 0; j < m; ++j) row[j] += aik * brow[j];
    }
  }
}

__attribute__((noinline)) void stencil_kernel(const double* __restrict__ a, double* __restrict__ out,
                                              Py_ssize_t n, Py_ssize_t m) {
  for (Py_ssize_t i = 1; i < n - 1; ++i) {
    const double* up = a + (i - 1) * m;
    const double* mid = a + i * m;
    const double* down = a + (i + 1) * m;
    double* __restrict__ row = out + i * m;
    for (Py_ssize_t j = 1; j < m - 1; ++j) row[j] = 0.25 * (up[j] + down[j] + mid[j - 1] + mid[j + 1]);
  }
}

__attribute__((noinline)) double min_distance_kernel(const double* __restrict__ pts, Py_ssize_t n) {
  double best = std::numeric_limits<double>::infinity();
  for (Py_ssize_t i = 0; i < n; ++i) {
    const double xi = pts[3 * i], yi = pts[3 * i + 1], zi = pts[3 * i + 2];
    for (Py_ssize_t j = i + 1; j < n; ++j) {
      const double dx = pts[3 * j] - xi, dy = pts[3 * j + 1] - yi, dz = pts[3 * j + 2] - zi;
      const double d = dx * dx + dy * dy + dz * dz;
      if (d < best) best = d;
    }
  }
  return std::sqrt(best);
}

__attribute__((noinline)) void mandelbrot_kernel(int64_t* __restrict__ out, Py_ssize_t h, Py_ssize_t w,
                                                 double xmin, double xmax, double ymin, double ymax,
                                                 int64_t maxiter) {
  const double dx = (xmax - xmin) / static_cast<double>(w);
  const double dy = (ymax - ymin) / static_cast<double>(h);
  for (Py_ssize_t y = 0; y < h; ++y) {
    const double ci = ymin + static_cast<double>(y) * dy;
    for (Py_ssize_t x = 0; x < w; ++x) {
      const double cr = xmin + static_cast<double>(x) * dx;
      double zr = 0.0, zi = 0.0;
      int64_t n = 0;
      while (n < maxiter && zr * zr + zi * zi <= 4.0) {
        const double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        ++n;
      }
      out[y * w + x] = n;
    }
  }
}

__attribute__((noinline)) void recurrence_kernel(const int64_t* __restrict__ b, int64_t a, int64_t m,
                                                 int64_t* __restrict__ out, Py_ssize_t n) {
  if (n == 0) return;
  int64_t x = b[0] % m;
  out[0] = x;
  for (Py_ssize_t i = 1; i < n; ++i) {
    x = (x * a + b[i]) % m;
    out[i] = x;
  }
}

__attribute__((noinline)) void histogram_kernel(const double* __restrict__ values, Py_ssize_t n, double lo,
                                                double hi, int64_t* __restrict__ counts, Py_ssize_t nbins) {
  for (Py_ssize_t k = 0; k < nbins; ++k) counts[k] = 0;
  const double scale = static_cast<double>(nbins) / (hi - lo);
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_ssize_t k = static_cast<Py_ssize_t>((values[i] - lo) * scale);
    if (0 <= k && k < nbins) ++counts[k];
  }
}

// ------------------------------------------------------- buffer arguments

// A C-contiguous buffer of doubles ('d') or 64-bit ints ('l'/'q'),
// released when it goes out of scope.
class Buffer {
 public:
  Buffer(PyObject* object, char kind, int ndim, bool writable, const char* name) {
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(object, &view_, flags) != 0) return;
    acquired_ = true;
    const char* format = view_.format ? view_.format : "B";
    if (*format == '@' || *format == '=' || *format == '<') ++format;
    bool match = view_.itemsize == 8 && format[1] == '\0' &&
                 (kind == 'd' ? format[0] == 'd' : (format[0] == 'l' || format[0] == 'q'));
    if (!match) {
      PyErr_Format(PyExc_TypeError, "%s: expected a buffer of %s, got format '%s'", name,
                   kind == 'd' ? "float64" : "int64", view_.format ? view_.format : "B");
      return;
    }
    if (view_.ndim != ndim) {
      PyErr_Format(PyExc_ValueError, "%s: expected %d dimension(s), got %d", name, ndim, view_.ndim);
      return;
    }
    ok_ = true;
  }
  ~Buffer() {
    if (acquired_) PyBuffer_Release(&view_);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  bool ok() const { return ok_; }
  Py_ssize_t shape(int k) const { return view_.shape[k]; }
  template <class T>
  T* data() const {
    return static_cast<T*>(view_.buf);
  }

 private:
  Py_buffer view_{};
  bool acquired_ = false;
  bool ok_ = false;
};

bool check_nargs(const char* name, Py_ssize_t nargs, Py_ssize_t expected) {
  if (nargs == expected) return true;
  PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd arguments (%zd given)", name, expected, nargs);
  return false;
}

bool as_double(PyObject* object, double* out) {
  *out = PyFloat_AsDouble(object);
  return !(*out == -1.0 && PyErr_Occurred());
}

bool as_int64(PyObject* object, int64_t* out) {
  *out = PyLong_AsLongLong(object);
  return !(*out == -1 && PyErr_Occurred());
}

// --------------------------------------------------------------- wrappers

PyObject* dot(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("dot", nargs, 2)) return nullptr;
  Buffer a(args[0], 'd', 1, false, "a"), b(args[1], 'd', 1, false, "b");
  if (!a.ok() || !b.ok()) return nullptr;
  if (a.shape(0) != b.shape(0)) {
    PyErr_SetString(PyExc_ValueError, "dot: a and b differ in length");
    return nullptr;
  }
  double s;
  Py_BEGIN_ALLOW_THREADS s = dot_kernel(a.data<const double>(), b.data<const double>(), a.shape(0));
  Py_END_ALLOW_THREADS return PyFloat_FromDouble(s);
}

PyObject* matmul(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("matmul", nargs, 3)) return nullptr;
  Buffer a(args[0], 'd', 2, false, "a"), b(args[1], 'd', 2, false, "b"), out(args[2], 'd', 2, true, "out");
  if (!a.ok() || !b.ok() || !out.ok()) return nullptr;
  const Py_ssize_t n = a.shape(0), p = a.shape(1), m = b.shape(1);
  if (b.shape(0) != p || out.shape(0) != n || out.shape(1) != m) {
    PyErr_SetString(PyExc_ValueError, "matmul: shapes do not match");
    return nullptr;
  }
  Py_BEGIN_ALLOW_THREADS matmul_kernel(a.data<const double>(), b.data<const double>(), out.data<double>(), n,
                                       p, m);
  Py_END_ALLOW_THREADS Py_RETURN_NONE;
}

PyObject* stencil(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("stencil", nargs, 2)) return nullptr;
  Buffer a(args[0], 'd', 2, false, "a"), out(args[1], 'd', 2, true, "out");
  if (!a.ok() || !out.ok()) return nullptr;
  if (out.shape(0) != a.shape(0) || out.shape(1) != a.shape(1)) {
    PyErr_SetString(PyExc_ValueError, "stencil: shapes do not match");
    return nullptr;
  }
  Py_BEGIN_ALLOW_THREADS stencil_kernel(a.data<const double>(), out.data<double>(), a.shape(0), a.shape(1));
  Py_END_ALLOW_THREADS Py_RETURN_NONE;
}

PyObject* min_distance(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("min_distance", nargs, 1)) return nullptr;
  Buffer points(args[0], 'd', 2, false, "points");
  if (!points.ok()) return nullptr;
  if (points.shape(1) != 3) {
    PyErr_SetString(PyExc_ValueError, "min_distance: points must be n x 3");
    return nullptr;
  }
  double d;
  Py_BEGIN_ALLOW_THREADS d = min_distance_kernel(points.data<const double>(), points.shape(0));
  Py_END_ALLOW_THREADS return PyFloat_FromDouble(d);
}

PyObject* mandelbrot(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("mandelbrot", nargs, 6)) return nullptr;
  Buffer out(args[0], 'l', 2, true, "out");
  if (!out.ok()) return nullptr;
  double xmin, xmax, ymin, ymax;
  int64_t maxiter;
  if (!as_double(args[1], &xmin) || !as_double(args[2], &xmax) || !as_double(args[3], &ymin) ||
      !as_double(args[4], &ymax) || !as_int64(args[5], &maxiter))
    return nullptr;
  Py_BEGIN_ALLOW_THREADS mandelbrot_kernel(out.data<int64_t>(), out.shape(0), out.shape(1), xmin, xmax, ymin,
                                           ymax, maxiter);
  Py_END_ALLOW_THREADS Py_RETURN_NONE;
}

PyObject* recurrence(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("recurrence", nargs, 4)) return nullptr;
  Buffer b(args[0], 'l', 1, false, "b"), out(args[3], 'l', 1, true, "out");
  if (!b.ok() || !out.ok()) return nullptr;
  int64_t a, m;
  if (!as_int64(args[1], &a) || !as_int64(args[2], &m)) return nullptr;
  if (out.shape(0) != b.shape(0)) {
    PyErr_SetString(PyExc_ValueError, "recurrence: b and out differ in length");
    return nullptr;
  }
  Py_BEGIN_ALLOW_THREADS recurrence_kernel(b.data<const int64_t>(), a, m, out.data<int64_t>(), b.shape(0));
  Py_END_ALLOW_THREADS Py_RETURN_NONE;
}

PyObject* histogram(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (!check_nargs("histogram", nargs, 4)) return nullptr;
  Buffer values(args[0], 'd', 1, false, "values"), counts(args[3], 'l', 1, true, "counts");
  if (!values.ok() || !counts.ok()) return nullptr;
  double lo, hi;
  if (!as_double(args[1], &lo) || !as_double(args[2], &hi)) return nullptr;
  Py_BEGIN_ALLOW_THREADS histogram_kernel(values.data<const double>(), values.shape(0), lo, hi,
                                          counts.data<int64_t>(), counts.shape(0));
  Py_END_ALLOW_THREADS Py_RETURN_NONE;
}

template <PyObject* (*F)(PyObject*, PyObject* const*, Py_ssize_t)>
constexpr PyCFunction fastcall() {
  return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(F));
}

PyMethodDef methods[] = {
    {"dot", fastcall<dot>(), METH_FASTCALL, nullptr},
    {"matmul", fastcall<matmul>(), METH_FASTCALL, nullptr},
    {"stencil", fastcall<stencil>(), METH_FASTCALL, nullptr},
    {"min_distance", fastcall<min_distance>(), METH_FASTCALL, nullptr},
    {"mandelbrot", fastcall<mandelbrot>(), METH_FASTCALL, nullptr},
    {"recurrence", fastcall<recurrence>(), METH_FASTCALL, nullptr},
    {"histogram", fastcall<histogram>(), METH_FASTCALL, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module_def = {PyModuleDef_HEAD_INIT, "kernels_hand", nullptr, -1, methods,
                          nullptr, nullptr, nullptr, nullptr};

}  // namespace

PyMODINIT_FUNC PyInit_kernels_hand(void) { return PyModule_Create(&module_def); }
