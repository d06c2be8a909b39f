// Lazy elementwise array expressions (NumPy broadcasting) evaluated in one
// fused loop. No <Python.h>: runs without the GIL.
//
// `a * b + 1.0` is emitted as
//   ex::evaluate<double, 1>(ex::zip<op::Add, double, double>(
//       ex::zip<op::Mul, double, double>(ex::leaf(a), ex::leaf(b)), ex::scalar<double>(1.0)))
// Nodes hold their operands by value (views and scalars are small), compute
// their broadcast shape once (`prepare`, which raises NumPy's ValueError),
// and hand out a `cursor` per row of the result: a few pointers held in
// registers, so the inner loop over contiguous data is plain `p[j]` and
// vectorizes. Every node works in its compute type C (the NumPy promotion
// of its operands, chosen by the checker) and yields R.
//
// The "array-like" interface (for reductions, dot, ...): after
// `e.prepare()`, `E::ndim`, `e.shape(k)`, `ex::for_each(e, f)` (C order),
// `ex::at(e, idx)` (one element by multi-index) and `ex::flat(e, i)`.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "array.h"
#include "errors.h"
#include "numpy_ops.h"

namespace pyxc::rt::ex {

template <int N>
std::string shape_text(const int64_t* shape) {
  std::string s = "(";
  for (int k = 0; k < N; ++k) s += std::to_string(shape[k]) + (N == 1 || k + 1 < N ? "," : "");
  return s + ")";  // NumPy's spelling: (3,) (2,3) ()
}

// ---- leaves ----
template <class T, int N>
struct Leaf {
  using value_type = T;
  static constexpr int ndim = N;
  const char* base;
  int64_t shp[N];
  int64_t str[N];  // bytes; 0 on a broadcast (size-1) axis

  template <bool C>
  explicit Leaf(const ArrayView<T, N, C>& v) : base(reinterpret_cast<const char*>(v.data)) {
    for (int k = 0; k < N; ++k) {
      shp[k] = v.shape[k];
      str[k] = v.shape[k] == 1 ? 0 : v.strides[k];
    }
  }
  void prepare() {}
  int64_t shape(int k) const { return shp[k]; }
  bool unit() const { return str[N - 1] == static_cast<int64_t>(sizeof(T)); }
  // The memory the leaf reads: [lo, hi).
  void extent(const char*& lo, const char*& hi) const {
    lo = base;
    hi = base + sizeof(T);
    for (int k = 0; k < N; ++k) {
      if (shp[k] == 0) { hi = lo; return; }
      int64_t d = (shp[k] - 1) * str[k];
      if (d < 0) lo += d; else hi += d;
    }
  }
  struct Cursor {
    const char* p;
    int64_t inner;
    template <bool Unit>
    [[gnu::always_inline]] T get(int64_t j) const {
      if constexpr (Unit) return reinterpret_cast<const T*>(p)[j];
      else return *reinterpret_cast<const T*>(p + j * inner);
    }
  };
  // `idx` holds the R-1 outer indices of the result.
  template <int R>
  [[gnu::always_inline]] Cursor cursor(const int64_t* idx) const {
    const char* p = base;
    for (int k = 0; k < N - 1; ++k) p += idx[k + R - N] * str[k];
    return Cursor{p, str[N - 1]};
  }
};

template <class T>
struct ScalarLeaf {
  using value_type = T;
  static constexpr int ndim = 0;
  T v;
  void prepare() {}
  int64_t shape(int) const { return 1; }
  bool unit() const { return true; }
  void extent(const char*& lo, const char*& hi) const { lo = hi = nullptr; }
  struct Cursor {
    T v;
    template <bool Unit>
    [[gnu::always_inline]] T get(int64_t) const { return v; }
  };
  template <int R>
  Cursor cursor(const int64_t*) const { return Cursor{v}; }
};

template <class T, int N, bool C>
Leaf<T, N> leaf(const ArrayView<T, N, C>& v) { return Leaf<T, N>(v); }
template <class T, int N, bool C>
Leaf<T, N> leaf(const Array<T, N, C>& a) { return Leaf<T, N>(a.view()); }
template <class T>
ScalarLeaf<T> scalar(T v) { return ScalarLeaf<T>{v}; }

// A Python int combined with an integer array: NumPy (NEP 50) raises when
// it does not fit the array's dtype.
template <class T, class V>
ScalarLeaf<T> weak_int(V v) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    bool fits = std::is_signed_v<T> ? (static_cast<int64_t>(v) >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
                                       static_cast<int64_t>(v) <= static_cast<int64_t>(std::numeric_limits<T>::max()))
                                    : (static_cast<int64_t>(v) >= 0 &&
                                       static_cast<uint64_t>(v) <= static_cast<uint64_t>(std::numeric_limits<T>::max()));
    if (!fits) [[unlikely]]
      raise(Exc::OverflowError, "Python integer " + std::to_string(static_cast<int64_t>(v)) + " out of bounds for " +
                                    np::dtype_name<T>());
  }
  return ScalarLeaf<T>{static_cast<T>(v)};
}

// ---- interior nodes ----
template <int A, int B>
inline constexpr int max_ndim = A > B ? A : B;

// Broadcasts child shapes (right-aligned) into `out` (N axes); false on a mismatch.
template <int N, class E>
void broadcast_into(int64_t* out, const E& e, bool& ok) {
  for (int k = 0; k < E::ndim; ++k) {
    int r = k + N - E::ndim;
    int64_t d = e.shape(k);
    if (out[r] == 1) out[r] = d;
    else if (d != 1 && d != out[r]) ok = false;
  }
}

template <class E>
std::string node_shape_text(const E& e) {
  int64_t s[E::ndim > 0 ? E::ndim : 1];
  for (int k = 0; k < E::ndim; ++k) s[k] = e.shape(k);
  return shape_text<E::ndim>(s);
}

// Widens [lo, hi) by what `e` reads (first: start from e's extent).
template <class E>
void merge_extent(const E& e, const char*& lo, const char*& hi, bool first) {
  const char *l, *h;
  e.extent(l, h);
  if (first) { lo = l; hi = h; return; }
  if (l == h) return;
  if (lo == hi) { lo = l; hi = h; return; }
  if (l < lo) lo = l;
  if (h > hi) hi = h;
}

template <class F, class C, class R, class X>
struct Map {
  using value_type = R;
  static constexpr int ndim = X::ndim;
  X x;
  void prepare() { x.prepare(); }
  int64_t shape(int k) const { return x.shape(k); }
  bool unit() const { return x.unit(); }
  void extent(const char*& lo, const char*& hi) const { x.extent(lo, hi); }
  struct Cursor {
    typename X::Cursor x;
    template <bool Unit>
    [[gnu::always_inline]] R get(int64_t j) const {
      return static_cast<R>(F::apply(static_cast<C>(x.template get<Unit>(j))));
    }
  };
  template <int N>
  [[gnu::always_inline]] Cursor cursor(const int64_t* idx) const { return Cursor{x.template cursor<N>(idx)}; }
};

template <class F, class C, class R, class X, class Y>
struct Zip {
  using value_type = R;
  static constexpr int ndim = max_ndim<X::ndim, Y::ndim>;
  X x;
  Y y;
  int64_t shp[ndim > 0 ? ndim : 1];
  void prepare() {
    x.prepare();
    y.prepare();
    for (int k = 0; k < ndim; ++k) shp[k] = 1;
    bool ok = true;
    broadcast_into<ndim>(shp, x, ok);
    broadcast_into<ndim>(shp, y, ok);
    if (!ok) [[unlikely]]
      raise(Exc::ValueError,
            "operands could not be broadcast together with shapes " + node_shape_text(x) + " " + node_shape_text(y) + " ");
  }
  int64_t shape(int k) const { return shp[k]; }
  bool unit() const { return (X::ndim == 0 || x.unit()) && (Y::ndim == 0 || y.unit()); }
  void extent(const char*& lo, const char*& hi) const {
    merge_extent(x, lo, hi, true);
    merge_extent(y, lo, hi, false);
  }
  struct Cursor {
    typename X::Cursor x;
    typename Y::Cursor y;
    template <bool Unit>
    [[gnu::always_inline]] R get(int64_t j) const {
      return static_cast<R>(F::apply(static_cast<C>(x.template get<Unit>(j)), static_cast<C>(y.template get<Unit>(j))));
    }
  };
  template <int N>
  [[gnu::always_inline]] Cursor cursor(const int64_t* idx) const {
    return Cursor{x.template cursor<N>(idx), y.template cursor<N>(idx)};
  }
};

template <class F, class C, class R, class X>
Map<F, C, R, X> map(X x) { return Map<F, C, R, X>{x}; }
template <class F, class C, class R, class X, class Y>
Zip<F, C, R, X, Y> zip(X x, Y y) { return Zip<F, C, R, X, Y>{x, y, {}}; }

// np.where(cond, x, y): cond is truth-tested; x and y are converted to C.
template <class C, class Q, class X, class Y>
struct Where {
  using value_type = C;
  static constexpr int ndim = max_ndim<Q::ndim, max_ndim<X::ndim, Y::ndim>>;
  Q q;
  X x;
  Y y;
  int64_t shp[ndim > 0 ? ndim : 1];
  void prepare() {
    q.prepare();
    x.prepare();
    y.prepare();
    for (int k = 0; k < ndim; ++k) shp[k] = 1;
    bool ok = true;
    broadcast_into<ndim>(shp, q, ok);
    broadcast_into<ndim>(shp, x, ok);
    broadcast_into<ndim>(shp, y, ok);
    if (!ok) [[unlikely]]
      raise(Exc::ValueError, "operands could not be broadcast together with shapes " + node_shape_text(q) + " " +
                                 node_shape_text(x) + " " + node_shape_text(y) + " ");
  }
  int64_t shape(int k) const { return shp[k]; }
  bool unit() const { return (Q::ndim == 0 || q.unit()) && (X::ndim == 0 || x.unit()) && (Y::ndim == 0 || y.unit()); }
  void extent(const char*& lo, const char*& hi) const {
    merge_extent(q, lo, hi, true);
    merge_extent(x, lo, hi, false);
    merge_extent(y, lo, hi, false);
  }
  struct Cursor {
    typename Q::Cursor q;
    typename X::Cursor x;
    typename Y::Cursor y;
    template <bool Unit>
    [[gnu::always_inline]] C get(int64_t j) const {
      C a = static_cast<C>(x.template get<Unit>(j));
      C b = static_cast<C>(y.template get<Unit>(j));
      return np::truth(q.template get<Unit>(j)) ? a : b;
    }
  };
  template <int N>
  [[gnu::always_inline]] Cursor cursor(const int64_t* idx) const {
    return Cursor{q.template cursor<N>(idx), x.template cursor<N>(idx), y.template cursor<N>(idx)};
  }
};
template <class C, class Q, class X, class Y>
Where<C, Q, X, Y> where(Q q, X x, Y y) { return Where<C, Q, X, Y>{q, x, y, {}}; }

// ---- evaluation ----
// The one fused loop: `out` (R axes, byte strides) = e, broadcast.
template <class T, int R, class E>
void run(char* out, const int64_t* outStrides, const int64_t* shape, const E& e) {
  static_assert(E::ndim <= R, "the checker keeps the expression within the target's axes");
  for (int k = 0; k < R; ++k)
    if (shape[k] == 0) return;
  const int64_t n = shape[R - 1];
  int64_t idx[R > 1 ? R - 1 : 1] = {};
  const bool unit = (E::ndim == 0 || e.unit()) && outStrides[R - 1] == static_cast<int64_t>(sizeof(T));
  for (;;) {
    char* row = out;
    for (int k = 0; k + 1 < R; ++k) row += idx[k] * outStrides[k];
    const auto c = e.template cursor<R>(idx);
    if (unit) {
      T* o = reinterpret_cast<T*>(row);
      for (int64_t j = 0; j < n; ++j) o[j] = static_cast<T>(c.template get<true>(j));
    } else {
      const int64_t os = outStrides[R - 1];
      for (int64_t j = 0; j < n; ++j) *reinterpret_cast<T*>(row + j * os) = static_cast<T>(c.template get<false>(j));
    }
    int k = R - 2;
    while (k >= 0 && ++idx[k] == shape[k]) idx[k--] = 0;
    if (k < 0) break;
  }
}

// A new C-contiguous array holding `e` (`c = a * b + 1.0`).
template <class T, int R, class E>
Array<T, R, true> evaluate(E e) {
  e.prepare();
  int64_t shape[R];
  for (int k = 0; k < R; ++k) shape[k] = k < R - E::ndim ? 1 : e.shape(k - (R - E::ndim));
  auto out = Array<T, R, true>::allocate(shape, false);
  run<T, R>(reinterpret_cast<char*>(out.view().data), out.view().strides, shape, e);
  return out;
}

// Does every leaf of e read exactly the element being written (`a += b`
// with a the target), or nothing the target holds? Then no copy is needed.
template <class E, class T, int R, bool Cg>
bool same_elements(const E& e, const ArrayView<T, R, Cg>& target) {
  if constexpr (requires { e.q; }) {
    return same_elements(e.q, target) && same_elements(e.x, target) && same_elements(e.y, target);
  } else if constexpr (requires { e.y; }) {
    return same_elements(e.x, target) && same_elements(e.y, target);
  } else if constexpr (requires { e.x; }) {
    return same_elements(e.x, target);
  } else if constexpr (E::ndim == 0) {
    return true;
  } else {
    const char *lo, *hi, *tlo, *thi;
    e.extent(lo, hi);
    Leaf<T, R>(target).extent(tlo, thi);
    if (lo == hi || tlo == thi || hi <= tlo || thi <= lo) return true;  // disjoint
    if (E::ndim != R || e.base != reinterpret_cast<const char*>(target.data)) return false;
    for (int k = 0; k < R; ++k)
      if (e.shp[k] != target.shape[k] || (e.shp[k] != 1 && e.str[k] != target.strides[k])) return false;
    return true;
  }
}

// `target[...] = e` and `target op= e`: e broadcasts to the target's shape.
// When e reads memory the target writes (other than element-for-element
// the same), it is evaluated into a temporary first, as NumPy does.
template <class T, int R, bool Cg, class E>
void assign(const ArrayView<T, R, Cg>& target, E e) {
  e.prepare();
  bool ok = true;
  for (int k = 0; k < E::ndim; ++k) {
    int64_t d = e.shape(k);
    if (d != 1 && d != target.shape[k + R - E::ndim]) ok = false;
  }
  if (!ok) [[unlikely]]
    raise(Exc::ValueError, "could not broadcast input array from shape " + node_shape_text(e) + " into shape " +
                               shape_text<R>(target.shape));
  if constexpr (E::ndim > 0) {
    const char *lo, *hi;
    e.extent(lo, hi);
    Leaf<T, R> whole(target);
    const char *tlo, *thi;
    whole.extent(tlo, thi);
    bool overlap = lo != hi && tlo != thi && lo < thi && tlo < hi;
    if (overlap && !same_elements(e, target)) {
      auto copy = evaluate<typename E::value_type, E::ndim>(e);
      auto l = leaf(copy);
      run<T, R>(reinterpret_cast<char*>(target.data), target.strides, target.shape, l);
      return;
    }
  }
  run<T, R>(reinterpret_cast<char*>(target.data), target.strides, target.shape, e);
}

// ---- the array-like interface for consumers (reductions) ----
template <class E, class F>
void for_each(E& e, F&& f) {
  constexpr int R = E::ndim;
  int64_t shape[R];
  for (int k = 0; k < R; ++k) {
    shape[k] = e.shape(k);
    if (shape[k] == 0) return;
  }
  int64_t idx[R > 1 ? R - 1 : 1] = {};
  for (;;) {
    const auto c = e.template cursor<R>(idx);
    for (int64_t j = 0; j < shape[R - 1]; ++j) f(c.template get<false>(j));
    int k = R - 2;
    while (k >= 0 && ++idx[k] == shape[k]) idx[k--] = 0;
    if (k < 0) break;
  }
}
template <class E>
typename E::value_type at(const E& e, const int64_t* idx) {
  return e.template cursor<E::ndim>(idx).template get<false>(idx[E::ndim - 1]);
}

}  // namespace pyxc::rt::ex
