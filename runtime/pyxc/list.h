// Typed lists of native code (`list[f64]`): Python's reference semantics
// (`b = a` names the same list; a list passed to another native function is
// the same list) as a reference-counted handle to a std::vector. No
// <Python.h>: lists live in native memory and run without the GIL
// (list_convert.h converts them at the boundary).
//
// Thread safety: the handle's count is atomic (std::shared_ptr), so handles
// may be copied and dropped on different threads (.aio jobs, prange
// chunks); the elements are not synchronised, like a Python list under
// free threading: two threads appending to one list at once is a data race.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "errors.h"

namespace pyxc::rt {

namespace detail {
// Python's repr of a value, for "x is not in list".
template <class T>
std::string list_value_repr(T value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "True" : "False";
  } else if constexpr (std::is_floating_point_v<T>) {
    double v = static_cast<double>(value);
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char digits[32];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v, std::chars_format::scientific);
    (void)ec;
    // Shortest round-trip digits d.ddddde±XX; Python writes them fixed when
    // -4 <= exponent < 16, else as scientific with at least 2 exponent digits.
    std::string s(digits, end);
    bool negative = s[0] == '-';
    if (negative) s.erase(0, 1);
    size_t e = s.find('e');
    int exponent = std::stoi(s.substr(e + 1));
    std::string mantissa;
    for (char c : s.substr(0, e))
      if (c != '.') mantissa += c;
    std::string out;
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        out = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + mantissa;
      } else if (static_cast<size_t>(exponent) + 1 >= mantissa.size()) {
        out = mantissa + std::string(static_cast<size_t>(exponent) + 1 - mantissa.size(), '0') + ".0";
      } else {
        out = mantissa.substr(0, static_cast<size_t>(exponent) + 1) + "." +
              mantissa.substr(static_cast<size_t>(exponent) + 1);
      }
    } else {
      out = mantissa.substr(0, 1);
      if (mantissa.size() > 1) out += "." + mantissa.substr(1);
      std::string exp = std::to_string(exponent < 0 ? -exponent : exponent);
      if (exp.size() < 2) exp = "0" + exp;
      out += std::string("e") + (exponent < 0 ? "-" : "+") + exp;
    }
    return negative ? "-" + out : out;
  } else {
    return std::to_string(value);
  }
}
}  // namespace detail

template <class T>
class List {
 public:
  // std::vector<bool> packs bits and has no element references: bools are
  // stored as bytes.
  using Slot = std::conditional_t<std::is_same_v<T, bool>, unsigned char, T>;
  using Vector = std::vector<Slot>;

  // A handle to no list: a local before its first assignment. Every use
  // follows an assignment (the checker's definite-assignment rules).
  List() = default;
  static List fresh() {
    List list;
    list.items_ = std::make_shared<Vector>();
    return list;
  }
  static List of(std::initializer_list<T> values) {
    List list = fresh();
    list.items_->assign(values.begin(), values.end());
    return list;
  }
  // `[value] * count` (a count below zero gives the empty list).
  static List repeated(T value, int64_t count) {
    List list = fresh();
    if (count > 0) list.items_->assign(static_cast<size_t>(count), static_cast<Slot>(value));
    return list;
  }
  // `list(range(...))`.
  static List range(int64_t start, int64_t stop, int64_t step);

  int64_t size() const { return static_cast<int64_t>(items_->size()); }
  Vector& items() const { return *items_; }
  bool same(const List& other) const { return items_ == other.items_; }

  // `xs[i]` with Python's index rules; Store: `xs[i] = v`, whose message differs.
  template <bool Bounds, bool Wrap, bool Store = false>
  [[gnu::always_inline]] Slot& at(int64_t index) const {
    Vector& v = *items_;
    int64_t i = index;
    if constexpr (Wrap) {
      if (i < 0) i += static_cast<int64_t>(v.size());
    }
    if constexpr (Bounds) {
      if (static_cast<uint64_t>(i) >= v.size()) [[unlikely]]
        raise(Exc::IndexError, Store ? "list assignment index out of range" : "list index out of range");
    }
    return v[static_cast<size_t>(i)];
  }

  void append(T value) const { items_->push_back(static_cast<Slot>(value)); }
  T pop() const {
    if (items_->empty()) raise(Exc::IndexError, "pop from empty list");
    T value = static_cast<T>(items_->back());
    items_->pop_back();
    return value;
  }
  T pop(int64_t index) const {
    Vector& v = *items_;
    if (v.empty()) raise(Exc::IndexError, "pop from empty list");
    int64_t i = index < 0 ? index + static_cast<int64_t>(v.size()) : index;
    if (i < 0 || i >= static_cast<int64_t>(v.size())) raise(Exc::IndexError, "pop index out of range");
    T value = static_cast<T>(v[static_cast<size_t>(i)]);
    v.erase(v.begin() + i);
    return value;
  }
  // Python clamps the position: insert(-100, x) inserts at the front.
  void insert(int64_t index, T value) const {
    Vector& v = *items_;
    int64_t n = static_cast<int64_t>(v.size());
    int64_t i = index < 0 ? std::max<int64_t>(index + n, 0) : std::min(index, n);
    v.insert(v.begin() + i, static_cast<Slot>(value));
  }
  // `xs.extend(xs)` doubles the list: the source's size is read first.
  void extend(const List& other) const {
    Vector& v = *items_;
    const Vector& source = *other.items_;
    size_t count = source.size();
    v.reserve(v.size() + count);
    for (size_t i = 0; i < count; ++i) v.push_back(source[i]);
  }
  void clear() const { items_->clear(); }
  void reverse() const { std::reverse(items_->begin(), items_->end()); }
  // ==, as Python compares numbers, in the type U both sides convert to
  // (so a NaN is never found: CPython would find the very same float
  // object by identity; docs/semantics.md).
  template <class U>
  bool contains(U value) const {
    for (Slot item : *items_)
      if (static_cast<U>(static_cast<T>(item)) == value) return true;
    return false;
  }
  template <class U>
  int64_t count(U value) const {
    int64_t n = 0;
    for (Slot item : *items_) n += static_cast<U>(static_cast<T>(item)) == value;
    return n;
  }
  template <class U>
  int64_t index(U value) const {
    const Vector& v = *items_;
    for (size_t i = 0; i < v.size(); ++i)
      if (static_cast<U>(static_cast<T>(v[i])) == value) return static_cast<int64_t>(i);
    raise(Exc::ValueError, detail::list_value_repr(value) + " is not in list");
  }
  List copy() const {
    List out = fresh();
    *out.items_ = *items_;
    return out;
  }
  // Python's sort is stable and compares with `<` only; see sort_slots.
  void sort(bool reverse) const;
  List sorted(bool reverse) const {
    List copy = fresh();
    *copy.items_ = *items_;
    copy.sort(reverse);
    return copy;
  }
  // `xs[start:stop]` (step 1; bounds clamp as Python's slice.indices).
  List slice(int64_t start, int64_t stop, bool hasStart, bool hasStop) const {
    int64_t n = size();
    auto clamp = [n](int64_t i) { return i < 0 ? std::max<int64_t>(i + n, 0) : std::min(i, n); };
    int64_t from = hasStart ? clamp(start) : 0, to = hasStop ? clamp(stop) : n;
    List out = fresh();
    if (to > from) out.items_->assign(items_->begin() + from, items_->begin() + to);
    return out;
  }
  List concat(const List& other) const {
    List out = fresh();
    out.items_->reserve(items_->size() + other.items_->size());
    out.items_->insert(out.items_->end(), items_->begin(), items_->end());
    out.items_->insert(out.items_->end(), other.items_->begin(), other.items_->end());
    return out;
  }

 private:
  std::shared_ptr<Vector> items_;
};

template <class T>
List<T> List<T>::range(int64_t start, int64_t stop, int64_t step) {
  if (step == 0) raise(Exc::ValueError, "range() arg 3 must not be zero");
  List list = fresh();
  if (step > 0)
    for (int64_t i = start; i < stop; i = stop - i > step ? i + step : stop) list.items_->push_back(static_cast<Slot>(i));
  else
    for (int64_t i = start; i > stop; i = i - stop > -step ? i + step : stop) list.items_->push_back(static_cast<Slot>(i));
  return list;
}

// Sorting with `<` alone, stable, as CPython's list.sort. For a strict weak
// order (numbers without NaN) every stable sort gives Timsort's result. A
// NaN is not ordered by `<` at all, so CPython's result with NaNs depends on
// Timsort's exact comparisons: pyxc sorts the other elements around them
// and leaves each NaN at its index (docs/semantics.md, "Lists").
template <class T>
void List<T>::sort(bool reverse) const {
  Vector& v = *items_;
  auto less = [](Slot a, Slot b) { return static_cast<T>(a) < static_cast<T>(b); };
  auto greater = [](Slot a, Slot b) { return static_cast<T>(b) < static_cast<T>(a); };
  if constexpr (std::is_floating_point_v<T>) {
    bool anyNan = false;
    for (Slot x : v) anyNan = anyNan || std::isnan(x);
    if (anyNan) {
      std::vector<size_t> positions;
      Vector numbers;
      for (size_t i = 0; i < v.size(); ++i)
        if (!std::isnan(v[i])) {
          positions.push_back(i);
          numbers.push_back(v[i]);
        }
      if (reverse) std::stable_sort(numbers.begin(), numbers.end(), greater);
      else std::stable_sort(numbers.begin(), numbers.end(), less);
      for (size_t k = 0; k < positions.size(); ++k) v[positions[k]] = numbers[k];
      return;
    }
  }
  // reverse=True keeps equal elements in their original order, as CPython.
  if (reverse) std::stable_sort(v.begin(), v.end(), greater);
  else std::stable_sort(v.begin(), v.end(), less);
}

// sum(), min(), max() of a list, with Python's order of operations: sum
// adds left to right from 0 (CPython 3.11; 3.12 compensates float sums),
// min/max keep the first of equal items and compare as `item < best`.
template <class T>
T list_min(const List<T>& xs, const char* name) {
  const auto& v = xs.items();
  if (v.empty()) raise(Exc::ValueError, std::string(name) + "() arg is an empty sequence");
  T best = static_cast<T>(v[0]);
  for (size_t i = 1; i < v.size(); ++i)
    if (static_cast<T>(v[i]) < best) best = static_cast<T>(v[i]);
  return best;
}
template <class T>
T list_max(const List<T>& xs, const char* name) {
  const auto& v = xs.items();
  if (v.empty()) raise(Exc::ValueError, std::string(name) + "() arg is an empty sequence");
  T best = static_cast<T>(v[0]);
  for (size_t i = 1; i < v.size(); ++i)
    if (static_cast<T>(v[i]) > best) best = static_cast<T>(v[i]);
  return best;
}

// An empty min()/max() (of a generator expression or list).
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_empty_sequence(const char* name) {
  raise(Exc::ValueError, std::string(name) + "() arg is an empty sequence");
}

}  // namespace pyxc::rt
