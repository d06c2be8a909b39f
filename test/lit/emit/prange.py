# prange: the body becomes a chunk lambda run by pyxc::rt::parallel_for;
# privates are declared inside it, shared locals copied in, reductions start
# from per-chunk partials (`-=` sums its chunk) and are folded in chunk
# order after the loop; inner range loops keep their unchecked copy.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import math

import pyxc
from pyxc import f64, prange


@pyxc.native
def row_norms(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in prange(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j] * m[i, j]
        out[i] = math.sqrt(acc)
# CHECK-LABEL: function bodies
# CHECK-LABEL: static void row_norms__impl(
# CHECK: const uint64_t [[TRIPS:pyxc_t[0-9]+]] = pyxc::rt::range_length(int64_t{0}, [[STOP:pyxc_t[0-9]+]], int64_t{1});
# CHECK-NEXT: const pyxc::rt::ParallelPlan [[PLAN:pyxc_t[0-9]+]] = pyxc::rt::parallel_plan([[TRIPS]], 0);
# CHECK-NEXT: auto [[BODY:pyxc_t[0-9]+]] = [&]({{\[\[maybe_unused\]\]}} uint64_t [[CHUNK:pyxc_t[0-9]+]], uint64_t [[BEGIN:pyxc_t[0-9]+]], uint64_t [[END:pyxc_t[0-9]+]]) {
# CHECK-NEXT: const auto [[M:pyxc_t[0-9]+]] = m_;
# CHECK-NEXT: const auto [[OUT:pyxc_t[0-9]+]] = out_;
# CHECK-NEXT: {
# CHECK-NEXT: auto m_ = [[M]];
# CHECK-NEXT: auto out_ = [[OUT]];
# CHECK-NEXT: {{\[\[maybe_unused\]\]}} double acc_{};
# CHECK-NEXT: {{\[\[maybe_unused\]\]}} int64_t j_{};
# CHECK-NEXT: {{\[\[maybe_unused\]\]}} int64_t i_{};
# CHECK-NEXT: for (uint64_t [[K:pyxc_t[0-9]+]] = [[BEGIN]]; [[K]] < [[END]]; ++[[K]]) {
# CHECK-NEXT: i_ = pyxc::rt::range_at(int64_t{0}, int64_t{1}, [[K]]);
# CHECK-NEXT: acc_ = 0.0;
# CHECK: pyxc::rt::parallel_for([[PLAN]], [[BODY]]);


@pyxc.native
def checked_inner(m: f64[:, :]) -> float:
    s = 0.0
    for i in prange(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j]
    return s
# The inner loop is still versioned: one test, then the unchecked copy.
# CHECK-LABEL: static double checked_inner__impl(
# CHECK: pyxc::rt::reduction_partials<double>([[PLAN:pyxc_t[0-9]+]].chunks, double{0});
# CHECK: double s_ = [[PARTIALS:pyxc_t[0-9]+_partials]][[[CHUNK:pyxc_t[0-9]+]]];
# CHECK: if ({{.*}} <= m_.dim(1))) {
# CHECK: s_ = s_ + m_.at{{.*}}<
# CHECK: } else {
# CHECK: s_ = s_ + m_.at<true, true>(i_, j_);
# CHECK: [[PARTIALS]][[[CHUNK]]] = s_;
# CHECK: for (uint64_t [[C:pyxc_t[0-9]+]] = 0; [[C]] < [[PLAN]].chunks; ++[[C]]) {
# CHECK-NEXT: s_ = s_ + [[PARTIALS]][[[C]]];


@pyxc.native
def reductions(n: int, k: int) -> tuple[int, int, int, int]:
    d = 100
    p = 1
    lo = n
    hi = n
    for i in prange(1, n, num_threads=k):
        d -= i
        p *= 2
        lo = min(lo, i)
        hi = max(hi, i)
    return d, p, lo, hi
# CHECK-LABEL: reductions__impl(
# CHECK: const int64_t [[THREADS:pyxc_t[0-9]+]] = pyxc::rt::checked_num_threads(k_);
# CHECK: pyxc::rt::parallel_plan({{pyxc_t[0-9]+}}, [[THREADS]]);
# CHECK: reduction_partials<int64_t>({{.*}}, int64_t{0});
# CHECK: reduction_partials<int64_t>({{.*}}, int64_t{1});
# CHECK: reduction_partials<int64_t>({{.*}}, pyxc::rt::min_identity<int64_t>());
# CHECK: reduction_partials<int64_t>({{.*}}, pyxc::rt::max_identity<int64_t>());
# A chunk sums what it subtracts; the fold subtracts each chunk's sum.
# CHECK: d_ = pyxc::rt::add(d_, i_);
# CHECK: p_ = pyxc::rt::mul(p_, int64_t{2});
# CHECK: lo_ = pyxc::rt::min(lo_, i_);
# CHECK: hi_ = pyxc::rt::max(hi_, i_);
# CHECK: d_ = pyxc::rt::sub(d_, [[D:pyxc_t[0-9]+_partials]][{{pyxc_t[0-9]+}}]);
# CHECK: p_ = pyxc::rt::mul(p_, {{pyxc_t[0-9]+_partials}}[{{pyxc_t[0-9]+}}]);
# CHECK: lo_ = pyxc::rt::min(lo_, {{pyxc_t[0-9]+_partials}}[{{pyxc_t[0-9]+}}]);
# CHECK: hi_ = pyxc::rt::max(hi_, {{pyxc_t[0-9]+_partials}}[{{pyxc_t[0-9]+}}]);


@pyxc.native(fastmath=True)
def fast_dot(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * b[i]
    return s
# A lambda does not inherit the function's fast-math attribute: it gets its own.
# CHECK-LABEL: fast_dot__impl(
# CHECK: = [&]({{\[\[maybe_unused\]\]}} uint64_t {{pyxc_t[0-9]+}}, uint64_t {{pyxc_t[0-9]+}}, uint64_t {{pyxc_t[0-9]+}}) PYXC_FAST_MATH {
