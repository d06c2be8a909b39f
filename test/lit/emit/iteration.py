# enumerate/zip/reversed loops lower to one index loop over the shortest
# length: each part is evaluated once before the loop, each target is read
# at the index, and no iterator, tuple or allocation exists at run time
# (docs/semantics.md "Tuples").
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc
from pyxc import f64, i64


@pyxc.native
def weighted(a: f64[:], b: i64[:]) -> float:
    s = 0.0
    for i, (x, y) in enumerate(zip(a, reversed(b)), 1):
        s += i * x - y
    return s
# CHECK-LABEL: function bodies
# CHECK-LABEL: static double weighted__impl(
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: const auto [[A:pyxc_t[0-9]+]] = a_;
# CHECK-NEXT: const uint64_t [[NA:pyxc_t[0-9]+]] = static_cast<uint64_t>([[A]].dim(0));
# CHECK-NEXT: const auto [[B:pyxc_t[0-9]+]] = b_;
# CHECK-NEXT: const uint64_t [[NB:pyxc_t[0-9]+]] = static_cast<uint64_t>([[B]].dim(0));
# zip stops at the shortest.
# CHECK-NEXT: const uint64_t [[N:pyxc_t[0-9]+]] = std::min({[[NA]], [[NB]]});
# CHECK-NEXT: for (uint64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < [[N]]; ++[[K]]) {
# The counter starts at 1; the element of reversed(b) is read from the end.
# CHECK-NEXT: i_ = pyxc::rt::add(int64_t{1}, static_cast<int64_t>([[K]]));
# CHECK-NEXT: x_ = [[A]](static_cast<int64_t>([[K]]));
# CHECK-NEXT: y_ = [[B]](static_cast<int64_t>(([[NB]] - 1 - [[K]])));
# CHECK-NEXT: s_ =
# CHECK-NEXT: }
# CHECK-NOT: for (
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: return s_;


@pyxc.native
def down(n: int) -> int:
    t = 0
    for k, j in zip(range(n, 0, -2), range(n)):
        t += k * j
    return t
# Ranges with any step: their lengths up front, each element computed.
# CHECK-LABEL: static int64_t down__impl(int64_t n_) {
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: const int64_t [[START:pyxc_t[0-9]+]] = n_;
# CHECK-NEXT: const uint64_t [[N1:pyxc_t[0-9]+]] = pyxc::rt::range_length([[START]], int64_t{0}, int64_t{-2});
# CHECK-NEXT: const int64_t [[STOP:pyxc_t[0-9]+]] = n_;
# CHECK-NEXT: const uint64_t [[N2:pyxc_t[0-9]+]] = pyxc::rt::range_length(int64_t{0}, [[STOP]], int64_t{1});
# CHECK-NEXT: const uint64_t [[N:pyxc_t[0-9]+]] = std::min({[[N1]], [[N2]]});
# CHECK-NEXT: for (uint64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < [[N]]; ++[[K]]) {
# CHECK-NEXT: k_ = pyxc::rt::range_at([[START]], int64_t{-2}, [[K]]);
# CHECK-NEXT: j_ = static_cast<int64_t>([[K]]);
# CHECK-NEXT: t_ =
# CHECK-NEXT: }
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: return t_;


@pyxc.native
def rows(m: f64[:, :]) -> float:
    s = 0.0
    for r, (x, y) in enumerate(m):
        s += r * x - y
    return s
# A row unpacked in the target: a view of the row and a length check (no copy).
# CHECK-LABEL: static double rows__impl(
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: for (uint64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < {{pyxc_t[0-9]+}}; ++[[K]]) {
# CHECK-NEXT: r_ = static_cast<int64_t>([[K]]);
# CHECK-NEXT: const auto& [[ROW:pyxc_t[0-9]+]] = pyxc::rt::subview<1, false, false, false>({{pyxc_t[0-9]+}}, static_cast<int64_t>([[K]]));
# CHECK-NEXT: pyxc::rt::check_unpack([[ROW]].dim(0), 2);
# CHECK-NEXT: x_ = [[ROW]](int64_t{0});
# CHECK-NEXT: y_ = [[ROW]](int64_t{1});
# CHECK-NOT: {{std::tuple|std::vector|std::make|new |malloc}}
# CHECK: return s_;
