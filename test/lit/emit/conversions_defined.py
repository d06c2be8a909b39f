# Bitwise operators on bools and narrowing float conversions are spelled so
# that clang++ -Wall -Wextra -Werror accepts them and no value makes them
# undefined behaviour.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import math
import pyxc
from pyxc import f32, i8, i32


@pyxc.native
def special(x: float, y: float) -> tuple[bool, bool, bool]:
    return math.isnan(x) | math.isinf(y), math.isnan(x) & math.isinf(y), math.isnan(x) ^ math.isinf(y)
# Python's `&` and `|` evaluate both operands, so the operator stays bitwise;
# through int, clang does not take it for a mistyped `||` / `&&`.
# CHECK-LABEL: function bodies
# CHECK-LABEL: static std::tuple<bool, bool, bool> special__impl(
# CHECK: static_cast<bool>(static_cast<int>(pyxc::rt::math::isnan(x_)) | static_cast<int>(pyxc::rt::math::isinf(y_)))
# CHECK-SAME: static_cast<bool>(static_cast<int>(pyxc::rt::math::isnan(x_)) & static_cast<int>(pyxc::rt::math::isinf(y_)))
# CHECK-SAME: static_cast<bool>(static_cast<int>(pyxc::rt::math::isnan(x_)) ^ static_cast<int>(pyxc::rt::math::isinf(y_)))


@pyxc.native
def narrow(x: float, out: f32[:]) -> f32:
    y: f32 = x
    out[0] = x
    z: f32 = 1e300
    w: f32 = 0.1
    return y + z + w + i8(3)
# f64 -> f32 rounds in the runtime (±inf beyond f32's range, as NumPy):
# a cast of such a value is undefined behaviour. Literals in range and
# ints (which always fit) are plain casts.
# CHECK-LABEL: static float narrow__impl(
# CHECK: y_ = pyxc::rt::to_f32(x_);
# CHECK: out_.at<true, true>(int64_t{0}) = pyxc::rt::to_f32(pyxc_t{{[0-9]+}});
# CHECK: z_ = pyxc::rt::to_f32(1e+300);
# CHECK: w_ = static_cast<float>(0.1);
# CHECK: return ((y_ + z_) + w_) + static_cast<float>(int8_t{3});


@pyxc.native(overflowcheck=False)
def truncate(x: float) -> i32:
    return i32(x)
# No exception without overflow checks, but a defined result for NaN and
# out-of-range values.
# CHECK-LABEL: static int32_t truncate__impl(
# CHECK: return pyxc::rt::float_to_int_saturating<int32_t>(x_);
