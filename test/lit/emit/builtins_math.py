# Builtins and math functions go through the runtime where Python's
# semantics differ from C++ (int() of nan, round half even, domain errors).
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import math
import pyxc
from pyxc import f32, i32


@pyxc.native
def conversions(x: float, n: int, k: i32) -> tuple[int, float, bool, int, int, float, i32]:
    return int(x), float(n), bool(x), round(x), round(n), round(x, 2), i32(n)
# CHECK-LABEL: function bodies
# CHECK-LABEL: conversions__impl(
# CHECK: pyxc::rt::float_to_int<int64_t>(x_)
# CHECK-SAME: static_cast<double>(n_)
# CHECK-SAME: (x_ != 0)
# CHECK-SAME: pyxc::rt::round_half_even(x_)
# CHECK-SAME: , n_,
# CHECK-SAME: pyxc::rt::round_ndigits(x_, int64_t{2})
# CHECK-SAME: pyxc::rt::int_cast<int32_t>(n_)


@pyxc.native
def extremes(a: int, b: int, x: float) -> tuple[int, float, int, float]:
    return min(a, b, 0), max(x, a), abs(a), abs(x)
# CHECK-LABEL: extremes__impl(
# CHECK: pyxc::rt::min(a_, b_, int64_t{0})
# CHECK-SAME: pyxc::rt::max(x_, static_cast<double>(a_))
# CHECK-SAME: pyxc::rt::abs(a_)
# CHECK-SAME: pyxc::rt::abs(x_)


@pyxc.native
def mathy(x: float, n: int, y: f32) -> float:
    return math.sqrt(x) + math.log(x, 2) + math.floor(x) + math.ceil(n) + math.atan2(y, x) + math.pi + math.inf
# Integer arguments become doubles except for floor/ceil, whose int
# overloads skip the float round trip.
# CHECK-LABEL: mathy__impl(
# Domain errors must surface in Python's order: earlier terms go first.
# CHECK: const double [[A:pyxc_t[0-9]+]] = pyxc::rt::math::sqrt(x_);
# CHECK-NEXT: const double [[B:pyxc_t[0-9]+]] = [[A]] + pyxc::rt::math::log(x_, 2.0);
# CHECK-NEXT: const double [[C:pyxc_t[0-9]+]] = [[B]] + static_cast<double>(pyxc::rt::math::floor(x_));
# CHECK-NEXT: return ((([[C]] + static_cast<double>(pyxc::rt::math::ceil(n_))) + pyxc::rt::math::atan2(static_cast<double>(y_), x_)) + pyxc::rt::math::pi) + pyxc::rt::math::inf;


@pyxc.native
def predicates(x: float) -> bool:
    return math.isnan(x) or math.isinf(x) or not math.isfinite(x)
# CHECK-LABEL: predicates__impl(
# CHECK: return pyxc::rt::math::isnan(x_) || pyxc::rt::math::isinf(x_) || (!pyxc::rt::math::isfinite(x_));
