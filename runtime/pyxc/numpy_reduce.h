// NumPy's reductions in native code (np.sum/prod/min/max/mean/argmin/argmax
// and the array methods), with NumPy's answers: float sums use NumPy's
// pairwise summation in the same blocks NumPy's ufunc loop sees, int sums
// and products wrap like int64, min/max propagate NaN, argmin/argmax give the
// first occurrence (or the first NaN). See docs/semantics.md, "NumPy reductions".
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "array.h"
#include "errors.h"
#include "numpy_alloc.h"

namespace pyxc::rt::np {

namespace detail {

// NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src): n < 8
// adds in order from -0.0; up to 128 uses 8 accumulators; above, splits at
// a multiple of 8 and recurses.
template <class F>
F pairwise(const char* p, int64_t n, int64_t stride) {
  auto at = [&](int64_t i) { return static_cast<F>(*reinterpret_cast<const F*>(p + i * stride)); };
  if (n < 8) {
    F res = -F(0);
    for (int64_t i = 0; i < n; ++i) res += at(i);
    return res;
  }
  if (n <= 128) {
    F r[8];
    for (int k = 0; k < 8; ++k) r[k] = at(k);
    int64_t i = 8;
    for (; i + 8 <= n; i += 8)
      for (int k = 0; k < 8; ++k) r[k] += at(i + k);
    F res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += at(i);
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise<F>(p, n2, stride) + pairwise<F>(p + n2 * stride, n - n2, stride);
}

// Whether the view's elements are one C-ordered run (NumPy then hands its
// loop the whole array at once).
template <class T, int N, bool C>
bool c_contiguous(const ArrayView<T, N, C>& v) {
  int64_t expect = static_cast<int64_t>(sizeof(T));
  for (int k = N - 1; k >= 0; --k) {
    if (v.shape[k] != 1 && v.strides[k] != expect) return false;
    expect *= v.shape[k];
  }
  return true;
}

// Calls f(element) for each element in C order.
template <int K, class T, int N, bool C, class Fn>
void for_each_axis(const ArrayView<T, N, C>& v, const char* p, Fn& f) {
  for (int64_t i = 0; i < v.shape[K]; ++i) {
    if constexpr (K == N - 1) f(*reinterpret_cast<const T*>(p + i * v.strides[K]));
    else for_each_axis<K + 1>(v, p + i * v.strides[K], f);
  }
}
template <class T, int N, bool C, class Fn>
void for_each(const ArrayView<T, N, C>& v, Fn f) {
  if (v.size() == 0) return;
  for_each_axis<0>(v, reinterpret_cast<const char*>(v.data), f);
}

// NumPy's buffered reduction: elements (cast to F) in C order, in chunks of
// its buffer size 8192, each chunk summed pairwise into the running total.
template <class F, class T, int N, bool C>
F buffered_sum(const ArrayView<T, N, C>& v) {
  constexpr int64_t kBuffer = 8192;
  std::vector<F> buffer;
  buffer.reserve(static_cast<size_t>(v.size() < kBuffer ? v.size() : kBuffer));
  F total = F(0);
  for_each(v, [&](T x) {
    buffer.push_back(static_cast<F>(x));
    if (static_cast<int64_t>(buffer.size()) == kBuffer) {
      total += pairwise<F>(reinterpret_cast<const char*>(buffer.data()), kBuffer, sizeof(F));
      buffer.clear();
    }
  });
  if (!buffer.empty())
    total += pairwise<F>(reinterpret_cast<const char*>(buffer.data()), static_cast<int64_t>(buffer.size()), sizeof(F));
  return total;
}

// NumPy's iterator visits an array with the axis of the smallest stride
// innermost. `flipped[k]` says whether axis k of the result runs backwards
// (never, today); `swapped` whether the axes were exchanged (2-D).
template <class T, int N, bool C>
ArrayView<T, N, false> memory_order(const ArrayView<T, N, C>& v, bool (&flipped)[N], bool& swapped) {
  ArrayView<T, N, false> w = v;
  swapped = false;
  // NumPy's reductions keep a reversed axis reversed (measured on 2.4):
  // nothing is flipped, only the axes ordered by the size of their stride.
  for (bool& f : flipped) f = false;
  if constexpr (N == 2) {
    auto effective = [&](int k) { return w.shape[k] > 1 ? (w.strides[k] < 0 ? -w.strides[k] : w.strides[k]) : INT64_MAX; };
    if (effective(0) < effective(1) || (w.shape[0] > 1 && w.shape[1] <= 1)) {
      std::swap(w.shape[0], w.shape[1]);
      std::swap(w.strides[0], w.strides[1]);
      std::swap(flipped[0], flipped[1]);
      swapped = true;
    }
  }
  return w;
}

template <class T>
constexpr bool is_float_v = std::is_floating_point_v<T>;

[[noreturn]] inline void no_identity(const char* op) {
  raise(Exc::ValueError, std::string("zero-size array to reduction operation ") + op + " which has no identity");
}

// One 1-D lane of a 2-D view (a row for axis=1, a column for axis=0).
template <class T, int N, bool C>
ArrayView<T, 1, false> lane(const ArrayView<T, N, C>& v, int axis, int64_t i) {
  ArrayView<T, 1, false> out;
  const int other = 1 - axis;
  out.data = reinterpret_cast<T*>(reinterpret_cast<char*>(v.data) + i * v.strides[other]);
  out.shape[0] = v.shape[axis];
  out.strides[0] = v.strides[axis];
  out.source = v.source;
  out.storage = v.storage;
  return out;
}

}  // namespace detail

// np.sum(a) / a.sum(): R is NumPy's result dtype (int64 for small ints and
// bools, uint64 for unsigned, the float dtype itself for floats).
template <class R, class V>
R sum(const V& from) {
  const auto& v = detail::view_of(from);
  using T = std::remove_cv_t<std::remove_reference_t<decltype(*v.data)>>;
  if constexpr (detail::is_float_v<T>) {
    constexpr int N = sizeof(v.shape) / sizeof(v.shape[0]);
    if constexpr (N == 1) {
      return R(0) + detail::pairwise<R>(reinterpret_cast<const char*>(v.data), v.size(), v.strides[0]);
    } else {
      bool flipped[N];
      bool swapped = false;
      const auto w = detail::memory_order(v, flipped, swapped);
      if (detail::c_contiguous(w))
        return R(0) + detail::pairwise<R>(reinterpret_cast<const char*>(w.data), w.size(), sizeof(T));
      // Contiguous rows: NumPy's loop sums each row pairwise, in row order.
      if (N == 2 && w.strides[N - 1] == static_cast<int64_t>(sizeof(T))) {
        R total = R(0);
        for (int64_t i = 0; i < w.shape[0]; ++i)
          total += detail::pairwise<R>(reinterpret_cast<const char*>(w.data) + i * w.strides[0], w.shape[N - 1],
                                       sizeof(T));
        return total;
      }
      return detail::buffered_sum<R>(w);
    }
  } else {
    using U = std::make_unsigned_t<R>;  // wraps like NumPy's int64
    U total = 0;
    detail::for_each(v, [&](T x) { total += static_cast<U>(static_cast<R>(x)); });
    return static_cast<R>(total);
  }
}

// np.prod(a): in order; ints wrap.
template <class R, class V>
R prod(const V& from) {
  const auto& v = detail::view_of(from);
  using T = std::remove_cv_t<std::remove_reference_t<decltype(*v.data)>>;
  if constexpr (detail::is_float_v<T>) {
    constexpr int N = sizeof(v.shape) / sizeof(v.shape[0]);
    bool flipped[N];
    bool swapped = false;
    R total = R(1);
    detail::for_each(N == 1 ? ArrayView<T, N, false>(v) : detail::memory_order(v, flipped, swapped),
                     [&](T x) { total *= static_cast<R>(x); });
    return total;
  } else {
    using U = std::make_unsigned_t<R>;
    U total = 1;
    detail::for_each(v, [&](T x) { total *= static_cast<U>(static_cast<R>(x)); });
    return static_cast<R>(total);
  }
}

// np.mean(a): floats sum in their own dtype; ints and bools as float64
// through NumPy's cast buffer. Empty: nan (NumPy also warns).
template <class R, class V>
R mean(const V& from) {
  const auto& v = detail::view_of(from);
  using T = std::remove_cv_t<std::remove_reference_t<decltype(*v.data)>>;
  const int64_t n = v.size();
  R total;
  if constexpr (detail::is_float_v<T>) total = sum<R>(v);
  else total = detail::buffered_sum<R>(v);
  return total / static_cast<R>(n);
}

// np.min/np.max: NaN propagates; empty raises NumPy's ValueError.
template <bool Max, class V>
auto extreme(const V& from) {
  const auto& v = detail::view_of(from);
  using T = std::remove_cv_t<std::remove_reference_t<decltype(*v.data)>>;
  if (v.size() == 0) detail::no_identity(Max ? "maximum" : "minimum");
  bool first = true, nan = false;
  T best{};
  detail::for_each(v, [&](T x) {
    if constexpr (detail::is_float_v<T>) {
      if (nan) return;
      if (std::isnan(x)) { nan = true; best = x; return; }
    }
    // NumPy's loop keeps `best` only when strictly better, so of equal
    // values (0.0 and -0.0) the later wins.
    if (first || !(Max ? best > x : best < x)) best = x;
    first = false;
  });
  return best;
}
template <class V> auto amin(const V& v) { return extreme<false>(v); }
template <class V> auto amax(const V& v) { return extreme<true>(v); }

// np.argmin/np.argmax: the flat C-order index of the first extreme (or of
// the first NaN).
template <bool Max, class V>
int64_t arg_extreme(const V& from) {
  const auto& v = detail::view_of(from);
  using T = std::remove_cv_t<std::remove_reference_t<decltype(*v.data)>>;
  if (v.size() == 0) raise(Exc::ValueError, std::string("attempt to get ") + (Max ? "argmax" : "argmin") +
                                                " of an empty sequence");
  int64_t i = 0, at = 0;
  bool nan = false;
  T best{};
  detail::for_each(v, [&](T x) {
    if constexpr (detail::is_float_v<T>) {
      if (!nan && std::isnan(x)) { nan = true; at = i; }
    }
    if (!nan && (i == 0 || (Max ? x > best : x < best))) { best = x; at = i; }
    ++i;
  });
  return at;
}
template <class V> int64_t argmin(const V& v) { return arg_extreme<false>(v); }
template <class V> int64_t argmax(const V& v) { return arg_extreme<true>(v); }

// axis=0/1 of a 2-D array: a new 1-D array, one reduction per lane.
// Sums along axis 0 accumulate row by row, as NumPy's outer loop does.
enum class Op { Sum, Prod, Mean, Min, Max, ArgMin, ArgMax };
template <Op O, class R, class V>
Array<R, 1, true> along(const V& from, int axis) {
  const auto& v = detail::view_of(from);
  // The lane functions below see the element type.
  const int other = 1 - axis;
  const int64_t n = v.shape[other];
  auto out = Array<R, 1, true>::allocate({n}, false);
  R* data = out.view().data;
  if constexpr (O == Op::Sum || O == Op::Mean || O == Op::Prod) {
    // Sums and products in NumPy's memory order: along the inner axis one
    // lane at a time (pairwise for float sums), along the outer axis lane
    // by lane into the whole result.
    bool flipped[2];
    bool swapped = false;
    const auto w = detail::memory_order(v, flipped, swapped);
    const int waxis = swapped ? 1 - axis : axis;
    const bool keptFlipped = flipped[1 - waxis];
    auto slot = [&](int64_t j) -> R& { return data[keptFlipped ? n - 1 - j : j]; };
    if (waxis == 1) {
      for (int64_t j = 0; j < n; ++j) {
        auto l = detail::lane(w, 1, j);
        if constexpr (O == Op::Sum) slot(j) = sum<R>(l);
        else if constexpr (O == Op::Prod) slot(j) = prod<R>(l);
        else slot(j) = mean<R>(l);
      }
      return out;
    }
    for (int64_t j = 0; j < n; ++j) data[j] = O == Op::Prod ? R(1) : R(0);
    for (int64_t i = 0; i < w.shape[0]; ++i)
      for (int64_t j = 0; j < n; ++j) {
        const R x = static_cast<R>(w(i, j));
        if constexpr (std::is_integral_v<R>) {
          using U = std::make_unsigned_t<R>;
          slot(j) = static_cast<R>(O == Op::Prod ? static_cast<U>(slot(j)) * static_cast<U>(x)
                                                 : static_cast<U>(slot(j)) + static_cast<U>(x));
        } else if constexpr (O == Op::Prod) {
          slot(j) *= x;
        } else {
          slot(j) += x;
        }
      }
    if constexpr (O == Op::Mean)
      for (int64_t j = 0; j < n; ++j) data[j] /= static_cast<R>(w.shape[0]);
    return out;
  }
  // NumPy raises for an empty reduced axis even when the result is empty.
  if constexpr (O == Op::Min || O == Op::Max) {
    if (v.shape[axis] == 0) detail::no_identity(O == Op::Max ? "maximum" : "minimum");
  } else {
    if (v.shape[axis] == 0)
      raise(Exc::ValueError, std::string("attempt to get ") + (O == Op::ArgMax ? "argmax" : "argmin") +
                                 " of an empty sequence");
  }
  for (int64_t j = 0; j < n; ++j) {
    auto l = detail::lane(v, axis, j);
    if constexpr (O == Op::Sum) data[j] = sum<R>(l);
    else if constexpr (O == Op::Prod) data[j] = prod<R>(l);
    else if constexpr (O == Op::Mean) data[j] = mean<R>(l);
    else if constexpr (O == Op::Min) data[j] = amin(l);
    else if constexpr (O == Op::Max) data[j] = amax(l);
    else if constexpr (O == Op::ArgMin) data[j] = argmin(l);
    else data[j] = argmax(l);
  }
  return out;
}

}  // namespace pyxc::rt::np
