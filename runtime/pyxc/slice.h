// Basic indexing that yields a view: `m[i]` (a row), `a[1:-1]`, `m[:, j]`,
// `a[::-2]`. No <Python.h>. The result is a non-owning ArrayView into the
// same memory; it keeps the storage pointer (native arrays) but never the
// source object, since the Python object is the whole array, not the view
// (to_py refuses a view of an argument for that reason).
#pragma once

#include <cstdint>
#include <type_traits>

#include "array.h"

namespace pyxc::rt {

// `start:stop:step` as written; an omitted bound has its flag false (an
// omitted step is 1).
struct SliceBounds {
  int64_t start = 0;
  int64_t stop = 0;
  int64_t step = 1;
  bool hasStart = false;
  bool hasStop = false;
};

// The elements a slice selects on an axis: start, step and count.
struct SliceRange {
  int64_t start = 0;
  int64_t step = 1;
  int64_t length = 0;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_zero_slice_step() {
  raise(Exc::ValueError, "slice step cannot be zero");
}

// Python's `slice(start, stop, step).indices(size)` and the resulting
// length: bounds clamp to the axis (never IndexError), negative ones count
// from the end, and a zero step is a ValueError.
inline SliceRange slice_indices(const SliceBounds& s, int64_t size) {
  if (s.step == 0) raise_zero_slice_step();
  const bool backwards = s.step < 0;
  // Where the bounds clamp: [0, size] forwards, [-1, size - 1] backwards.
  const int64_t lower = backwards ? -1 : 0;
  const int64_t upper = backwards ? size - 1 : size;
  auto clamp = [&](bool given, int64_t bound, int64_t omitted) {
    if (!given) return omitted;
    if (bound < 0) {
      bound += size;  // cannot overflow: bound < 0 <= size
      return bound < lower ? lower : bound;
    }
    return bound > upper ? upper : bound;
  };
  SliceRange r;
  r.step = s.step;
  r.start = clamp(s.hasStart, s.start, backwards ? upper : lower);
  const int64_t stop = clamp(s.hasStop, s.stop, backwards ? lower : upper);
  // Unsigned division: -step overflows for INT64_MIN; the distances are
  // at most size + 1, so they fit either way.
  if (!backwards) {
    r.length = r.start < stop ? static_cast<int64_t>(static_cast<uint64_t>(stop - r.start - 1) /
                                                     static_cast<uint64_t>(s.step)) + 1
                              : 0;
  } else {
    r.length = stop < r.start ? static_cast<int64_t>(static_cast<uint64_t>(r.start - stop - 1) /
                                                     (uint64_t{0} - static_cast<uint64_t>(s.step))) + 1
                              : 0;
  }
  return r;
}

// `view[index...]` where each index is an integer (drops its axis, checked
// as an element index would be) or a SliceBounds (keeps it); axes after the
// given indices are kept whole. Indices are applied from axis 0 on, so the
// first bad one raises, as NumPy does.
template <int OutN, bool OutContiguous, bool Bounds, bool Wrap, class T, int N, bool C, class... Index>
ArrayView<T, OutN, OutContiguous> subview(const ArrayView<T, N, C>& view, Index... index) {
  constexpr int integers = (0 + ... + (std::is_same_v<Index, SliceBounds> ? 0 : 1));
  static_assert(sizeof...(Index) <= N, "more indices than axes");
  static_assert(OutN == N - integers, "one axis per slice and per axis not indexed");
  ArrayView<T, OutN, OutContiguous> out;
  char* p = reinterpret_cast<char*>(view.data);
  int axis = 0;
  int kept = 0;
  auto apply = [&](auto i) {
    if constexpr (std::is_same_v<decltype(i), SliceBounds>) {
      const SliceRange r = slice_indices(i, view.shape[axis]);
      // An empty slice may start one past either end: it points nowhere.
      if (r.length > 0) p += r.start * view.strides[axis];
      out.shape[kept] = r.length;
      // With fewer than two elements the stride is never used; keeping the
      // axis's own avoids overflowing step * stride for huge steps.
      out.strides[kept] = r.length > 1 ? r.step * view.strides[axis] : view.strides[axis];
      ++kept;
    } else {
      p += array_index<Bounds, Wrap>(static_cast<int64_t>(i), view.shape[axis], axis) * view.strides[axis];
    }
    ++axis;
  };
  (apply(index), ...);
  for (; axis < N; ++axis, ++kept) {
    out.shape[kept] = view.shape[axis];
    out.strides[kept] = view.strides[axis];
  }
  out.data = reinterpret_cast<T*>(p);
  out.storage = view.storage;
  out.source = nullptr;
  return out;
}

template <int OutN, bool OutContiguous, bool Bounds, bool Wrap, class T, int N, bool C, class... Index>
ArrayView<T, OutN, OutContiguous> subview(const Array<T, N, C>& array, Index... index) {
  return subview<OutN, OutContiguous, Bounds, Wrap>(array.view(), index...);
}

}  // namespace pyxc::rt
