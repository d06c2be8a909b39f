# Arrays: parameters arrive as buffer views held for the whole call, element
# access carries the function's index checks as template flags, and only
# arrays the body writes refuse read-only buffers.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc
from pyxc import f64, i64


@pyxc.native
def dot(a: f64[:], b: f64[:]) -> f64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s
# CHECK-LABEL: static PyObject* dot__vectorcall(
# CHECK: pyxc::rt::BufferArg<double, 1, false> a_;
# CHECK-NEXT: if (!a_.acquire(bound[0], false, "dot", "a")) return nullptr;
# CHECK: if (!b_.acquire(bound[1], false, "dot", "b")) return nullptr;
# CHECK: return pyxc::rt::call_nogil([&]() __attribute__((noinline)) { return dot__impl(a_.view(), b_.view()); });


@pyxc.native(boundscheck=False, wraparound=False)
def row_sums(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in range(m.shape[0]):
        out[i] = 0.0
        for j in range(m.shape[1]):
            out[i] += m[i, j]
# CHECK-LABEL: static PyObject* row_sums__vectorcall(
# CHECK: if (!m_.acquire(bound[0], false, "row_sums", "m")) return nullptr;
# CHECK: if (!out_.acquire(bound[1], true, "row_sums", "out")) return nullptr;


@pyxc.native
def fill(out: i64[:], n: int) -> None:
    helper(out, n)


@pyxc.native
def helper(x: i64[:], n: int) -> None:
    x[-1] = n
# A write through a callee counts.
# CHECK-LABEL: static PyObject* fill__vectorcall(
# CHECK: if (!out_.acquire(bound[0], true, "fill", "out")) return nullptr;


@pyxc.native
def ramp(n: int) -> f64[:]:
    r = pyxc.zeros(n, f64)
    for i in range(n):
        r[i] = i
    return r


@pyxc.native
def count(a: i64[:]) -> int:
    total = 0
    for v in a:
        total += v
    return total + len(a) + a.ndim + a.size

# CHECK-LABEL: function bodies
# CHECK-LABEL: static double dot__impl(pyxc::rt::ArrayView<double, 1, false> a_, pyxc::rt::ArrayView<double, 1, false> b_)
# Two checked reads may raise IndexError with different messages: Python's order.
# CHECK: const double [[A:pyxc_t[0-9]+]] = a_.at<true, true>(i_);
# CHECK-NEXT: s_ = s_ + ([[A]] * b_.at<true, true>(i_));
# CHECK-LABEL: static void row_sums__impl(
# CHECK: out_.at<false, false>(i_) = pyxc_t{{[0-9]+}};
# The element is read (and its index checked) before the right side runs.
# CHECK: double& [[REF:pyxc_t[0-9]+]] = out_.at<false, false>(i_);
# CHECK-NEXT: [[REF]] = [[REF]] + m_.at<false, false>(i_, j_);
# CHECK-LABEL: static pyxc::rt::Array<double, 1, false> ramp__impl(
# CHECK: r_ = pyxc::rt::Array<double, 1, true>::allocate({n_}, true);
# CHECK: r_.at<true, true>(i_) = static_cast<double>(pyxc_t{{[0-9]+}});
# CHECK: return pyxc::rt::as_strided(r_);
# CHECK-LABEL: static int64_t count__impl(
# CHECK: const auto [[ARR:pyxc_t[0-9]+]] = a_;
# CHECK-NEXT: for (int64_t [[K:pyxc_t[0-9]+]] = 0; [[K]] < [[ARR]].dim(0); ++[[K]]) {
# CHECK-NEXT: v_ = [[ARR]]([[K]]);
# CHECK: a_.dim(0)
# CHECK-SAME: int64_t{1}
# CHECK-SAME: a_.size()


@pyxc.native(fastmath=True)
def fast_sum(a: f64[::1]) -> f64:
    s = 0.0
    for x in a:
        s += x
    return s
# fastmath=True lets GCC reassociate (and so vectorize) the reduction.
# CHECK-LABEL: PYXC_FAST_MATH static double fast_sum__impl(


@pyxc.native(overflowcheck=False)
def bucket(x: f64, scale: f64) -> int:
    return int(x * scale)
# overflowcheck=False: int() of a float truncates without a check; NaN and
# out-of-range values saturate instead of being a cast's undefined behaviour.
# CHECK-LABEL: static int64_t bucket__impl(
# CHECK: return pyxc::rt::float_to_int_saturating<int64_t>((x_ * scale_));


@pyxc.native
def copy_prefix(src: f64[:], dst: f64[:], n: int) -> None:
    for i in range(n):
        dst[i] = src[i]
# An innermost range loop whose accesses are indexed by the loop variable
# runs unchecked when one test before it proves the range inside the axes;
# otherwise the checked copy runs, and raises at the first bad index.
# CHECK-LABEL: static void copy_prefix__impl(
# CHECK: const int64_t [[STOP:pyxc_t[0-9]+]] = n_;
# CHECK-NEXT: if (int64_t{0} >= [[STOP]] || (int64_t{0} >= 0 && [[STOP]] <= dst_.dim(0) && [[STOP]] <= src_.dim(0))) {
# CHECK: const double [[V:pyxc_t[0-9]+]] = src_.atMasked<0u, 0u>(i_);
# CHECK-NEXT: dst_.atMasked<0u, 0u>(i_) = [[V]];
# CHECK: } else {
# CHECK: const double [[W:pyxc_t[0-9]+]] = src_.at<true, true>(i_);
# CHECK-NEXT: dst_.at<true, true>(i_) = [[W]];
