# Comparisons convert to check's operand types; chains evaluate each middle
# operand once and stop at the first false; and/or return an operand.
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc


@pyxc.native
def g(a: int) -> int:
    return a


@pyxc.native
def pure_chain(a: int, b: int, c: float) -> bool:
    return a <= b < c != a
# CHECK-LABEL: function bodies
# CHECK-LABEL: static bool pure_chain__impl(
# CHECK: return (a_ <= b_) && (static_cast<double>(b_) < c_) && (c_ != static_cast<double>(a_));


@pyxc.native
def call_chain(a: int, c: int) -> bool:
    return a < g(a) < c
# CHECK-LABEL: static bool call_chain__impl(
# CHECK: return [&]() -> bool { const int64_t pyxc_t1 = g__impl(a_); if (!(a_ < pyxc_t1)) return false; return (pyxc_t1 < c_); }();


@pyxc.native
def values(a: int, b: int) -> int:
    return a and b or g(a) and a
# CHECK-LABEL: static int64_t values__impl(
# CHECK: (a_ != 0) ? b_ : a_


@pyxc.native
def conditions(a: int, p: bool, q: bool) -> int:
    if p and not q or a > 3:
        return 1
    while not p:
        p = True
    return a if p else -a
# CHECK-LABEL: static int64_t conditions__impl(
# CHECK: if ((p_ && (!q_)) || (a_ > int64_t{3})) {
# CHECK: while (!p_) {
# CHECK: return p_ ? a_ : pyxc::rt::neg(a_);


@pyxc.native
def effectful_left(a: int, b: float) -> float:
    return g(a) or b
# The left operand runs once, into a temporary.
# CHECK-LABEL: static double effectful_left__impl(
# CHECK: const double pyxc_t1 = static_cast<double>(g__impl(a_));
# CHECK-NEXT: return (pyxc_t1 != 0) ? pyxc_t1 : b_;
