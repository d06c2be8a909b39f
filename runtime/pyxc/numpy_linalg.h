// np.dot / np.matmul / `a @ b` on 1-D and 2-D arrays in native code, with
// NumPy's shape errors and dtypes. R is the result element type (NumPy's
// result_type of the operands, chosen by the checker): operands are
// converted to R element by element. Integer results wrap modulo 2**bits as
// NumPy's do (the sums run in the unsigned type of R's width); bool results
// are "any a[k] and b[k]".
//
// Float sums are in a fixed order that differs from BLAS's (docs/semantics.md,
// "NumPy linear algebra"): results can differ from NumPy in the last bits.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

#include "array.h"
#include "errors.h"

namespace pyxc::rt::np {

namespace linalg_detail {

// The type sums of R run in: unsigned for ints (wrapping is defined there).
template <class R, bool Integral = std::is_integral_v<R>>
struct AccOf {
  using type = R;
};
template <class R>
struct AccOf<R, true> {
  using type = std::make_unsigned_t<R>;
};
template <>
struct AccOf<bool, true> {
  using type = uint64_t;
};
template <class R>
using Acc = typename AccOf<R>::type;

template <class R>
R finish(Acc<R> v) {
  if constexpr (std::is_same_v<R, bool>) return v != 0;
  else return static_cast<R>(v);
}

template <class R, class T>
Acc<R> widen(T v) {
  if constexpr (std::is_same_v<R, bool>) return static_cast<Acc<R>>(v != 0);
  else if constexpr (std::is_integral_v<R>) return static_cast<Acc<R>>(static_cast<R>(v));
  else return static_cast<R>(v);
}

template <class V>
struct Ndim;
template <class T, int N, bool C>
struct Ndim<ArrayView<T, N, C>> {
  static constexpr int value = N;
};

template <class T, int N, bool C>
const ArrayView<T, N, C>& view_of(const ArrayView<T, N, C>& view) {
  return view;
}
template <class T, int N, bool C>
const ArrayView<T, N, C>& view_of(const Array<T, N, C>& array) {
  return array.view();
}

inline std::string shape_text(const int64_t* shape, int n) {
  std::string s = "(";
  for (int k = 0; k < n; ++k) {
    if (k) s.push_back(',');
    s.append(std::to_string(shape[k]));
  }
  return s + (n == 1 ? ",)" : ")");
}

// NumPy's texts: np.dot names both shapes; matmul its gufunc signature.
[[noreturn, gnu::cold]] inline void not_aligned(bool matmul, const int64_t* as, int an, const int64_t* bs, int bn) {
  const int ak = an - 1, bk = bn == 1 ? 0 : bn - 2;
  if (matmul)
    raise(Exc::ValueError,
          "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
          "(n?,k),(k,m?)->(n?,m?) (size " + std::to_string(bs[bk]) + " is different from " + std::to_string(as[ak]) + ")");
  raise(Exc::ValueError, "shapes " + shape_text(as, an) + " and " + shape_text(bs, bn) + " not aligned: " +
                             std::to_string(as[ak]) + " (dim " + std::to_string(ak) + ") != " + std::to_string(bs[bk]) +
                             " (dim " + std::to_string(bk) + ")");
}

// The elements of a 1-D or 2-D view, converted to R, in a new C-ordered
// buffer (or the view's own memory when it already is one of R).
template <class R>
struct Packed {
  const R* data = nullptr;
  Array<R, 1, true> owned;
};
template <class R, class T, int N, bool C>
Packed<R> pack(const ArrayView<T, N, C>& v) {
  Packed<R> out;
  bool contiguous = v.strides[N - 1] == static_cast<int64_t>(sizeof(T));
  if constexpr (N == 2) contiguous = contiguous && (v.shape[0] <= 1 || v.strides[0] == v.shape[1] * static_cast<int64_t>(sizeof(T)));
  if constexpr (std::is_same_v<R, T>) {
    if (contiguous) {
      out.data = v.data;
      return out;
    }
  }
  int64_t n = 1;
  for (int k = 0; k < N; ++k) n *= v.shape[k];
  out.owned = Array<R, 1, true>::allocate({n}, false);
  R* dst = out.owned.view().data;
  const char* base = reinterpret_cast<const char*>(v.data);
  const int64_t rows = N == 2 ? v.shape[0] : 1, cols = v.shape[N - 1];
  for (int64_t i = 0; i < rows; ++i) {
    const char* row = base + (N == 2 ? i * v.strides[0] : 0);
    for (int64_t j = 0; j < cols; ++j)
      *dst++ = static_cast<R>(*reinterpret_cast<const T*>(row + j * v.strides[N - 1]));
  }
  out.data = out.owned.view().data;
  return out;
}

// Sum of a[k] * b[k]: four accumulators so the loop vectorises and the
// adds overlap (the order is fixed, so results are deterministic).
template <class R>
R dot_contiguous(const R* a, const R* b, int64_t n) {
  using A = Acc<R>;
  A s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int64_t k = 0;
  for (; k + 4 <= n; k += 4) {
    s0 += widen<R>(a[k]) * widen<R>(b[k]);
    s1 += widen<R>(a[k + 1]) * widen<R>(b[k + 1]);
    s2 += widen<R>(a[k + 2]) * widen<R>(b[k + 2]);
    s3 += widen<R>(a[k + 3]) * widen<R>(b[k + 3]);
  }
  for (; k < n; ++k) s0 += widen<R>(a[k]) * widen<R>(b[k]);
  if constexpr (std::is_same_v<R, bool>) return (s0 | s1 | s2 | s3) != 0;
  else return finish<R>((s0 + s1) + (s2 + s3));
}

// out[i, :] = sum over k of a[i, k] * b[k, :], in i-k-j order: the inner
// loop runs along contiguous rows of b and out, which the compiler
// vectorises; a block of k keeps b's rows in cache.
template <class R>
void matmul_contiguous(const R* a, const R* b, R* out, int64_t n, int64_t kdim, int64_t m) {
  using A = Acc<R>;
  if constexpr (std::is_same_v<R, bool>) {
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < m; ++j) {
        bool any = false;
        for (int64_t k = 0; k < kdim && !any; ++k) any = a[i * kdim + k] && b[k * m + j];
        out[i * m + j] = any;
      }
  } else {
    // Integer sums wrap: accumulate in the unsigned type, in place.
    A* acc = reinterpret_cast<A*>(out);
    if (n * m > 0) std::memset(acc, 0, static_cast<size_t>(n * m) * sizeof(A));
    constexpr int64_t kBlock = 256;
    for (int64_t k0 = 0; k0 < kdim; k0 += kBlock) {
      const int64_t k1 = k0 + kBlock < kdim ? k0 + kBlock : kdim;
      for (int64_t i = 0; i < n; ++i) {
        A* __restrict orow = acc + i * m;
        for (int64_t k = k0; k < k1; ++k) {
          const A aik = widen<R>(a[i * kdim + k]);
          const R* __restrict brow = b + k * m;
          for (int64_t j = 0; j < m; ++j) orow[j] += aik * widen<R>(brow[j]);
        }
      }
    }
  }
}

}  // namespace linalg_detail

// np.dot / np.matmul / `@`: 1-D.1-D is a scalar, 2-D.1-D and 1-D.2-D a new
// 1-D array, 2-D.2-D a new 2-D C-contiguous array. `matmul` picks the
// error text.
template <class R, class X, class Y>
auto dot(const X& x, const Y& y, bool matmul) {
  using namespace linalg_detail;
  const auto& a = view_of(x);
  const auto& b = view_of(y);
  constexpr int an = Ndim<std::remove_cv_t<std::remove_reference_t<decltype(a)>>>::value;
  constexpr int bn = Ndim<std::remove_cv_t<std::remove_reference_t<decltype(b)>>>::value;
  const int64_t ak = a.shape[an - 1];
  const int64_t bk = b.shape[bn == 1 ? 0 : bn - 2];
  if (ak != bk) not_aligned(matmul, a.shape, an, b.shape, bn);
  Packed<R> pa = pack<R>(a);
  Packed<R> pb = pack<R>(b);
  if constexpr (an == 1 && bn == 1) {
    return dot_contiguous<R>(pa.data, pb.data, ak);
  } else if constexpr (an == 2 && bn == 1) {
    const int64_t n = a.shape[0];
    auto out = Array<R, 1, true>::allocate({n}, false);
    R* o = out.view().data;
    for (int64_t i = 0; i < n; ++i) o[i] = dot_contiguous<R>(pa.data + i * ak, pb.data, ak);
    return out;
  } else if constexpr (an == 1 && bn == 2) {
    const int64_t m = b.shape[1];
    auto out = Array<R, 1, true>::allocate({m}, false);
    matmul_contiguous<R>(pa.data, pb.data, out.view().data, 1, ak, m);
    return out;
  } else {
    static_assert(an == 2 && bn == 2, "np.dot in native code takes 1-D and 2-D arrays");
    const int64_t n = a.shape[0], m = b.shape[1];
    auto out = Array<R, 2, true>::allocate({n, m}, false);
    matmul_contiguous<R>(pa.data, pb.data, out.view().data, n, ak, m);
    return out;
  }
}

}  // namespace pyxc::rt::np
