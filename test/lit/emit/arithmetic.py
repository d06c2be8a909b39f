# One table maps (operator, operand type, directives) to C++: checked
# runtime calls for ints, plain IEEE operators for floats, Python's division.
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc
from pyxc import i8, f32


@pyxc.native
def ints(a: int, b: int) -> int:
    return -a + b * a - a // b % b ** 2 + (a << 2) + (b >> 1) + (a & b | a ^ ~b)
# CHECK-LABEL: function bodies
# CHECK-LABEL: static int64_t ints__impl(
# Operands that can only overflow are not reordered; `//`, `**` and shifts
# can raise other errors, so what Python evaluates first is bound first.
# CHECK: const int64_t [[NEG_MUL:pyxc_t[0-9]+]] = pyxc::rt::add(pyxc::rt::neg(a_), pyxc::rt::mul(b_, a_));
# CHECK-NEXT: const int64_t [[DIV:pyxc_t[0-9]+]] = pyxc::rt::floordiv(a_, b_);
# CHECK-NEXT: const int64_t [[SUB:pyxc_t[0-9]+]] = pyxc::rt::sub([[NEG_MUL]], pyxc::rt::mod([[DIV]], pyxc::rt::ipow(b_, int64_t{2})));
# CHECK-NEXT: const int64_t [[SHL:pyxc_t[0-9]+]] = pyxc::rt::add([[SUB]], pyxc::rt::lshift(a_, int64_t{2}));
# CHECK-NEXT: return pyxc::rt::add(pyxc::rt::add([[SHL]], pyxc::rt::rshift(b_, int64_t{1})), ((a_ & b_) | (a_ ^ (~b_))));


@pyxc.native
def floats(x: float, n: int) -> float:
    return x * n + x / n - x // 2.0 + x % 3.0 + x ** 0.5 - -x
# CHECK-LABEL: static double floats__impl(
# CHECK: const double [[T1:pyxc_t[0-9]+]] = (x_ * static_cast<double>(n_)) + pyxc::rt::truediv(x_, static_cast<double>(n_));
# CHECK-NEXT: const double [[T2:pyxc_t[0-9]+]] = [[T1]] - pyxc::rt::floordiv(x_, 2.0);
# CHECK-NEXT: const double [[T3:pyxc_t[0-9]+]] = [[T2]] + pyxc::rt::mod(x_, 3.0);
# CHECK-NEXT: return ([[T3]] + pyxc::rt::fpow(x_, 0.5)) - (-x_);


@pyxc.native
def true_division(a: int, b: int) -> float:
    return a / b
# CHECK-LABEL: static double true_division__impl(
# CHECK: return pyxc::rt::truediv(a_, b_);


@pyxc.native(overflowcheck=False, cdivision=True)
def fast(a: int, b: int) -> int:
    return -a + b * a - a // b % b ** 2 + (a << 1)
# CHECK-LABEL: static int64_t fast__impl(
# CHECK: pyxc::rt::sub_wrap(pyxc::rt::add_wrap(pyxc::rt::neg_wrap(a_), pyxc::rt::mul_wrap(b_, a_)), pyxc::rt::mod_c(pyxc::rt::floordiv_c(a_, b_), pyxc::rt::ipow_wrap(b_, int64_t{2})));
# CHECK-NEXT: return pyxc::rt::add_wrap(pyxc_t{{[0-9]+}}, pyxc::rt::lshift_wrap(a_, int64_t{1}));


@pyxc.native
def small(a: i8, b: i8, x: f32) -> f32:
    c = (a & b) + 1
    return x * 0.1 + c
# C++ promotes i8 operands to int: the result is cast back. Literals are weak.
# CHECK-LABEL: static float small__impl(
# CHECK: c_ = pyxc::rt::add(static_cast<int8_t>(a_ & b_), int8_t{1});
# CHECK: return (x_ * static_cast<float>(0.1)) + static_cast<float>(c_);
