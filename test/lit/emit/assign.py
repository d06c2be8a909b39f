# Assignments: tuple swap evaluates the right side first, unpacking a call,
# chained targets, augmented assignment, possibly-unbound locals.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc
from pyxc import i32


@pyxc.native
def pair(a: int) -> tuple[int, float]:
    return a, a / 2
# CHECK-LABEL: function bodies
# CHECK-LABEL: static std::tuple<int64_t, double> pair__impl(int64_t a_) {
# CHECK: return std::tuple<int64_t, double>{a_, pyxc::rt::truediv(a_, int64_t{2})};


@pyxc.native
def swap(a: int, b: int) -> tuple[int, int]:
    a, b = b, a
    return a, b
# CHECK-LABEL: swap__impl(
# CHECK: const int64_t [[B:pyxc_t[0-9]+]] = b_;
# CHECK-NEXT: const int64_t [[A:pyxc_t[0-9]+]] = a_;
# CHECK-NEXT: a_ = [[B]];
# CHECK-NEXT: b_ = [[A]];


@pyxc.native
def unpack(n: int) -> float:
    x, y = pair(n)
    u = v = x + 1
    s = 0
    s += y
    return s + u + v
# CHECK-LABEL: unpack__impl(
# `s` holds an int and a float: a float local.
# CHECK: double s_{};
# CHECK: const std::tuple<int64_t, double> [[T:pyxc_t[0-9]+]] = pair__impl(n_);
# CHECK-NEXT: x_ = std::get<0>([[T]]);
# CHECK-NEXT: y_ = std::get<1>([[T]]);
# CHECK-NEXT: const int64_t [[U:pyxc_t[0-9]+]] = pyxc::rt::add(x_, int64_t{1});
# CHECK-NEXT: u_ = [[U]];
# CHECK-NEXT: v_ = [[U]];
# CHECK-NEXT: s_ = 0.0;
# CHECK-NEXT: s_ = s_ + y_;


@pyxc.native
def narrow(a: i32) -> i32:
    c: i32 = 0
    c += a * 2
    return c
# CHECK-LABEL: narrow__impl(
# CHECK: int32_t c_{};
# CHECK: c_ = int32_t{0};
# CHECK-NEXT: c_ = pyxc::rt::add(c_, pyxc::rt::mul(a_, int32_t{2}));


@pyxc.native
def maybe(flag: bool) -> int:
    if flag:
        x = 1
    unused = 2
    return x
# Only locals read where they may be unassigned get a flag; locals never
# read are [[maybe_unused]].
# CHECK-LABEL: maybe__impl(
# CHECK: int64_t x_{};
# CHECK-NEXT: bool x__bound = false;
# CHECK-NEXT: {{\[\[maybe_unused\]\]}} int64_t unused_{};
# CHECK-NOT: unused__bound
# CHECK: x_ = int64_t{1};
# CHECK-NEXT: x__bound = true;
# CHECK: return x__bound ? x_ : (pyxc::rt::raise_unbound_local("x"), x_);
