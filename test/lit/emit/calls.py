# Calls between native functions are direct C++ calls in any order
# (forward declarations), with keywords resolved and defaults substituted,
# arguments evaluated left to right.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc


@pyxc.native
def caller(x: int) -> float:
    return scale(x) + scale(x, factor=0.5) + scale(offset=2, value=x)
# CHECK-LABEL: function bodies
# CHECK-LABEL: static double caller__impl(int64_t x_) {
# CHECK-NEXT: const double [[FIRST:pyxc_t[0-9]+]] = scale__impl(x_, 2.0, int64_t{-1});
# CHECK-NEXT: const double [[SECOND:pyxc_t[0-9]+]] = [[FIRST]] + scale__impl(x_, 0.5, int64_t{-1});
# CHECK-NEXT: return [[SECOND]] + scale__impl(x_, 2.0, int64_t{2});


@pyxc.native
def scale(value: int, factor: float = 2.0, offset: int = -1) -> float:
    return value * factor + offset


@pyxc.native
def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)
# fact calls itself: it takes a recursion budget, one less per level.
# CHECK-LABEL: static int64_t fact__impl(int64_t n_, int64_t pyxc_budget) {
# CHECK-NEXT: if (pyxc_budget <= 0) {{\[\[unlikely\]\]}} pyxc::rt::raise_recursion_error();
# CHECK-NEXT: return (n_ <= int64_t{1}) ? int64_t{1} : pyxc::rt::mul(n_, fact__impl(pyxc::rt::sub(n_, int64_t{1}), pyxc_budget - 1));


@pyxc.native
def nested(a: int, b: int) -> int:
    return fact(fact(a) + fact(b))
# Both arguments of `+` call: the first is bound before the second runs.
# CHECK-LABEL: static int64_t nested__impl(int64_t a_, int64_t b_) {
# CHECK-NEXT: const int64_t [[A:pyxc_t[0-9]+]] = fact__impl(a_, pyxc::rt::kDefaultRecursionLimit);
# CHECK-NEXT: return fact__impl(pyxc::rt::add([[A]], fact__impl(b_, pyxc::rt::kDefaultRecursionLimit)), pyxc::rt::kDefaultRecursionLimit);


@pyxc.native
def effects_only(a: int) -> None:
    fact(a)
# CHECK-LABEL: static void effects_only__impl(int64_t a_) {
# CHECK-NEXT: fact__impl(a_, pyxc::rt::kDefaultRecursionLimit);
