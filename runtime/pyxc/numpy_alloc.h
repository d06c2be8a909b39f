// NumPy's array constructors in native code (np.zeros/empty/ones/full,
// *_like, np.copy/.copy(), np.arange, np.linspace), with NumPy's values and
// errors. The result is always a new C-contiguous pyxc::rt::Array.
#pragma once

#include <cmath>
#include <cstdint>
#include <tuple>
#include <type_traits>

#include "array.h"
#include "errors.h"

namespace pyxc::rt::np {

// Shape from separate dims or from a tuple value (`np.zeros(a.shape)`).
template <class A, class... D>
A allocate(bool zeroed, D... dims) {
  return A::allocate({static_cast<int64_t>(dims)...}, zeroed);
}
template <class A, class... D>
A allocate_shape(const std::tuple<D...>& shape, bool zeroed) {
  return std::apply([&](auto... dims) { return allocate<A>(zeroed, dims...); }, shape);
}

template <class A, class V>
A filled(A array, V value) {
  auto* data = array.view().data;
  const int64_t n = array.size();
  using T = std::remove_reference_t<decltype(*data)>;
  const T v = static_cast<T>(value);
  for (int64_t i = 0; i < n; ++i) data[i] = v;
  return array;
}

namespace detail {
template <class T, int N, bool C>
const ArrayView<T, N, C>& view_of(const ArrayView<T, N, C>& view) {
  return view;
}
template <class T, int N, bool C>
const ArrayView<T, N, C>& view_of(const Array<T, N, C>& array) {
  return array.view();
}

template <int K, class T, int N, bool C>
void copy_axis(T* out, const ArrayView<T, N, C>& from, const char* in, int64_t& next) {
  if constexpr (K == N - 1) {
    for (int64_t i = 0; i < from.shape[K]; ++i) out[next++] = *reinterpret_cast<const T*>(in + i * from.strides[K]);
  } else {
    for (int64_t i = 0; i < from.shape[K]; ++i) copy_axis<K + 1>(out, from, in + i * from.strides[K], next);
  }
}

template <class A, class T, int N, bool C>
A like_view(const ArrayView<T, N, C>& view, bool zeroed) {
  int64_t shape[N];
  for (int k = 0; k < N; ++k) shape[k] = view.shape[k];
  return A::allocate(shape, zeroed);
}
}  // namespace detail

// A new C-contiguous array with `from`'s shape (the element type of A).
template <class A, class V>
A like(const V& from, bool zeroed) {
  return detail::like_view<A>(detail::view_of(from), zeroed);
}

// np.copy(a) / a.copy(): C order, element by element (any strides).
template <class A, class V>
A copy(const V& from) {
  const auto& view = detail::view_of(from);
  A out = detail::like_view<A>(view, false);
  if (out.size() == 0) return out;
  int64_t next = 0;
  detail::copy_axis<0>(out.view().data, view, reinterpret_cast<const char*>(view.data), next);
  return out;
}

// np.arange: NumPy's length ceil((stop - start) / step) and its fill, which
// repeats the first difference: a[i] = start + i * ((start + step) - start).
template <class T>
Array<T, 1, true> arange(T start, T stop, T step) {
  if constexpr (std::is_integral_v<T>) {
    if (step == 0) raise(Exc::ZeroDivisionError, "division by zero");
    // Exact in 128 bits: (stop - start) cannot overflow there.
    __int128 delta = static_cast<__int128>(stop) - start;
    __int128 len = delta / step + ((delta % step != 0) && ((delta < 0) == (step < 0)) ? 1 : 0);
    int64_t n = len > 0 ? static_cast<int64_t>(len) : 0;
    auto out = Array<T, 1, true>::allocate({n}, false);
    T* data = out.view().data;
    for (int64_t i = 0; i < n; ++i) data[i] = static_cast<T>(start + static_cast<__int128>(i) * step);
    return out;
  } else {
    if (step == 0) raise(Exc::ZeroDivisionError, "float division by zero");
    double len = std::ceil((static_cast<double>(stop) - start) / step);
    if (std::isnan(len)) raise(Exc::ValueError, "arange: cannot compute length");
    if (len > 9.2e18) raise(Exc::ValueError, "Maximum allowed size exceeded");
    int64_t n = len > 0 ? static_cast<int64_t>(len) : 0;
    auto out = Array<T, 1, true>::allocate({n}, false);
    T* data = out.view().data;
    const T delta = static_cast<T>((start + step) - start);
    if (n > 0) data[0] = start;
    if (n > 1) data[1] = static_cast<T>(start + step);
    for (int64_t i = 2; i < n; ++i) data[i] = static_cast<T>(start + static_cast<T>(i) * delta);
    return out;
  }
}

// np.linspace (float64): step = (stop - start) / div, a[i] = i * step + start,
// the last element exactly `stop` when endpoint and num > 1.
inline Array<double, 1, true> linspace(double start, double stop, int64_t num, bool endpoint) {
  if (num < 0) raise(Exc::ValueError, "Number of samples, " + std::to_string(num) + ", must be non-negative.");
  auto out = Array<double, 1, true>::allocate({num}, false);
  double* data = out.view().data;
  const int64_t div = endpoint ? num - 1 : num;
  const double delta = stop - start;
  if (div > 0) {
    const double step = delta / static_cast<double>(div);
    if (step == 0) {
      for (int64_t i = 0; i < num; ++i) data[i] = (static_cast<double>(i) / static_cast<double>(div)) * delta + start;
    } else {
      for (int64_t i = 0; i < num; ++i) data[i] = static_cast<double>(i) * step + start;
    }
  } else {
    // div == 0: NumPy's step is NaN (delta * nan); only a[0] = start is kept.
    for (int64_t i = 0; i < num; ++i) data[i] = static_cast<double>(i) * delta + start;
  }
  if (endpoint && num > 1) data[num - 1] = stop;
  return out;
}

}  // namespace pyxc::rt::np
