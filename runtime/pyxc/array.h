// Array views and arrays created in native code. No <Python.h>: everything
// here runs without the GIL. buffer.h turns Python buffers into views and
// arrays back into Python objects.
//
// Strides are in bytes, as the buffer protocol gives them, so any exporter's
// layout works (NumPy views like a[::3], a.T, Fortran order). A contiguous
// view (T[::1], T[:, ::1]) is C-contiguous as a whole: its last axis is
// addressed as a plain `T*`, which is what lets the C++ compiler vectorize.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <tuple>
#include <utility>

#include "errors.h"

namespace pyxc::rt {

// The memory of an array made by pyxc.empty/zeros in native code. Reference
// counted with an atomic counter, so arrays can be copied and dropped
// without the GIL; a Python object that exposes it holds one reference.
struct ArrayStorage {
  std::atomic<int64_t> refs{1};
  void* data = nullptr;

  static ArrayStorage* allocate(size_t bytes, bool zeroed) {
    // 64-byte alignment: whole cache lines and aligned vector loads.
    size_t rounded = (bytes + 63) / 64 * 64;
    void* memory = std::aligned_alloc(64, rounded == 0 ? 64 : rounded);
    if (!memory) throw std::bad_alloc();
    if (zeroed) std::memset(memory, 0, rounded == 0 ? 64 : rounded);
    auto* storage = new ArrayStorage;
    storage->data = memory;
    return storage;
  }
  void retain() { refs.fetch_add(1, std::memory_order_relaxed); }
  void release() {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy();
  }

 private:
  // Out of line: inlined into a function that copies arrays (a tuple of
  // arrays, a swap), GCC 12 reports a false -Wuse-after-free on the copies'
  // later retain/release of other storages.
  [[gnu::noinline]] void destroy() {
    std::free(data);
    delete this;
  }

 public:
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_index_error(int64_t index, int axis, int64_t size) {
  raise(Exc::IndexError, "index " + std::to_string(index) + " is out of bounds for axis " + std::to_string(axis) +
                             " with size " + std::to_string(size));
}

// Python's indexing: negative indices count from the end (Wrap), and an index
// outside the axis raises IndexError (Bounds). With both off it is the index.
template <bool Bounds, bool Wrap>
inline int64_t array_index(int64_t index, int64_t size, int axis) {
  int64_t i = index;
  if constexpr (Wrap) {
    if (i < 0) i += size;
  }
  if constexpr (Bounds) {
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(size)) [[unlikely]] raise_index_error(index, axis, size);
  }
  return i;
}

// A non-owning view: what a native function receives. Trivially copyable,
// so it travels in registers and the optimizer can keep its fields there.
// `source` (a borrowed Python object the buffer came from) and `storage`
// (native memory) say where the elements live, so that returning a view
// hands Python the right object.
template <class T, int N, bool Contiguous>
struct ArrayView {
  static_assert(N >= 1, "arrays have at least one axis");
  T* data = nullptr;
  int64_t shape[N] = {};
  int64_t strides[N] = {};  // bytes
  void* source = nullptr;   // PyObject*, borrowed for the duration of the call
  ArrayStorage* storage = nullptr;

  // Element at the given (already normalised) indices.
  template <class... I>
  [[gnu::always_inline]] T& operator()(I... index) const {
    static_assert(sizeof...(I) == N, "one index per axis");
    const int64_t idx[N] = {static_cast<int64_t>(index)...};
    if constexpr (Contiguous) {
      char* row = reinterpret_cast<char*>(data);
      for (int k = 0; k < N - 1; ++k) row += idx[k] * strides[k];
      return reinterpret_cast<T*>(row)[idx[N - 1]];
    } else {
      char* p = reinterpret_cast<char*>(data);
      for (int k = 0; k < N; ++k) p += idx[k] * strides[k];
      return *reinterpret_cast<T*>(p);
    }
  }

  // Element with Python's index rules (see array_index).
  template <bool Bounds, bool Wrap, class... I>
  [[gnu::always_inline]] T& at(I... index) const {
    return atMasked<Bounds ? ~0u : 0u, Wrap ? ~0u : 0u>(index...);
  }
  // The same, per axis: bit k of each mask turns that check on for axis k
  // (an axis whose index a loop already proved in range needs neither).
  template <unsigned BoundsMask, unsigned WrapMask, class... I>
  [[gnu::always_inline]] T& atMasked(I... index) const {
    static_assert(sizeof...(I) == N, "one index per axis");
    return atAxes<BoundsMask, WrapMask>(std::make_integer_sequence<int, N>{}, static_cast<int64_t>(index)...);
  }

  int64_t dim(int axis) const { return shape[axis]; }
  int64_t size() const {
    int64_t n = 1;
    for (int k = 0; k < N; ++k) n *= shape[k];
    return n;
  }

  template <int K = N>
  auto shapeTuple() const {
    return shapeTupleOf(std::make_integer_sequence<int, K>{});
  }

  // A contiguous view is also a strided one.
  operator ArrayView<T, N, false>() const
    requires Contiguous
  {
    ArrayView<T, N, false> out;
    out.data = data;
    for (int k = 0; k < N; ++k) {
      out.shape[k] = shape[k];
      out.strides[k] = strides[k];
    }
    out.source = source;
    out.storage = storage;
    return out;
  }

 private:
  // A braced list runs its elements in order: axis 0 is checked first, so
  // the IndexError names the axis NumPy names.
  template <unsigned BoundsMask, unsigned WrapMask, int... K, class... I>
  [[gnu::always_inline]] T& atAxes(std::integer_sequence<int, K...>, I... index) const {
    const int64_t checked[N] = {
        array_index<((BoundsMask >> K) & 1u) != 0, ((WrapMask >> K) & 1u) != 0>(index, shape[K], K)...};
    return (*this)(checked[K]...);
  }
  template <int... K>
  auto shapeTupleOf(std::integer_sequence<int, K...>) const {
    return std::make_tuple(shape[K]...);
  }
};

// An owning array: a local variable or a returned value. Holds a reference
// to native storage when it has one; a view of a Python buffer stays valid
// for the whole call because the caller's argument owns the buffer.
template <class T, int N, bool Contiguous>
class Array {
 public:
  using View = ArrayView<T, N, Contiguous>;

  Array() = default;
  Array(const View& view) : view_(view) { retain(); }  // NOLINT: views convert implicitly
  Array(const Array& other) : view_(other.view_) { retain(); }
  Array(Array&& other) noexcept : view_(other.view_) { other.view_.storage = nullptr; }
  // A contiguous array is also a strided one.
  template <bool C>
    requires(!Contiguous && C)
  Array(const Array<T, N, C>& other) : Array(static_cast<View>(other.view())) {}
  Array& operator=(Array other) noexcept {
    std::swap(view_, other.view_);
    return *this;
  }
  ~Array() {
    if (view_.storage) view_.storage->release();
  }

  // C-contiguous storage for `shape` (pyxc.empty / pyxc.zeros).
  static Array allocate(const int64_t (&shape)[N], bool zeroed) {
    static_assert(Contiguous, "new arrays are C-contiguous");
    View v;
    int64_t count = 1;
    for (int k = 0; k < N; ++k) {
      if (shape[k] < 0) raise(Exc::ValueError, "negative dimensions are not allowed");
      if (shape[k] != 0 && count > INT64_MAX / static_cast<int64_t>(sizeof(T)) / shape[k])
        raise(Exc::ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum "
                               "possible size.");
      count *= shape[k];
      v.shape[k] = shape[k];
    }
    int64_t stride = sizeof(T);
    for (int k = N - 1; k >= 0; --k) {
      v.strides[k] = stride;
      stride *= v.shape[k] > 0 ? v.shape[k] : 1;
    }
    v.storage = ArrayStorage::allocate(static_cast<size_t>(count) * sizeof(T), zeroed);
    v.data = static_cast<T*>(v.storage->data);
    Array out;
    out.view_ = v;  // adopts the storage's first reference
    return out;
  }

  const View& view() const { return view_; }
  operator View() const { return view_; }  // NOLINT: passing a local array to a native function
  template <class... I>
  [[gnu::always_inline]] T& operator()(I... index) const {
    return view_(index...);
  }
  template <bool Bounds, bool Wrap, class... I>
  [[gnu::always_inline]] T& at(I... index) const {
    return view_.template at<Bounds, Wrap>(index...);
  }
  template <unsigned BoundsMask, unsigned WrapMask, class... I>
  [[gnu::always_inline]] T& atMasked(I... index) const {
    return view_.template atMasked<BoundsMask, WrapMask>(index...);
  }
  int64_t dim(int axis) const { return view_.shape[axis]; }
  int64_t size() const { return view_.size(); }
  auto shapeTuple() const { return view_.shapeTuple(); }

 private:
  void retain() {
    if (view_.storage) view_.storage->retain();
  }
  View view_;
};

// A contiguous array or view seen as a strided view (passing `f64[::1]`
// where `f64[:]` is declared); non-owning, like every view.
template <class T, int N, bool C>
ArrayView<T, N, false> as_strided(const ArrayView<T, N, C>& view) {
  return view;
}
template <class T, int N, bool C>
ArrayView<T, N, false> as_strided(const Array<T, N, C>& array) {
  return array.view();
}

}  // namespace pyxc::rt
