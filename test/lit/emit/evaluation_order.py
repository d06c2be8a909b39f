# Python evaluates operands left to right; C++ does not promise that for
# function arguments. Effectful operands that must run first go to
# statement-level temporaries, or, where they run conditionally (and/or,
# if-else, while tests, later links of a chain), into a lambda.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc


@pyxc.native
def g(a: int) -> int:
    if a == 1:
        raise ValueError("one")
    return a


@pyxc.native
def statement_level(x: int) -> int:
    y = g(x) * g(x + 1)
    return y
# CHECK-LABEL: function bodies
# CHECK-LABEL: statement_level__impl(
# CHECK: const int64_t [[L:pyxc_t[0-9]+]] = g__impl(x_);
# CHECK-NEXT: y_ = pyxc::rt::mul([[L]], g__impl(pyxc::rt::add(x_, int64_t{1})));


@pyxc.native
def overflow_only(a: int, b: int) -> int:
    return a * b + b * a
# Both sides can only raise the same OverflowError: any order is Python's.
# CHECK-LABEL: overflow_only__impl(
# CHECK-NEXT: return pyxc::rt::add(pyxc::rt::mul(a_, b_), pyxc::rt::mul(b_, a_));


@pyxc.native
def conditional(x: int, p: bool) -> int:
    while x > g(2) + g(3):
        x -= 1
    if p:
        x = 0
    elif g(4) * g(5) > x:
        x = 1
    return g(x) + g(2) if p else x
# CHECK-LABEL: conditional__impl(
# CHECK: while (x_ > [&]() -> int64_t { const int64_t [[W:pyxc_t[0-9]+]] = g__impl(int64_t{2}); return pyxc::rt::add([[W]], g__impl(int64_t{3})); }()) {
# An elif whose test needs a temporary nests instead of chaining.
# CHECK: } else {
# CHECK-NEXT: const int64_t [[E:pyxc_t[0-9]+]] = g__impl(int64_t{4});
# CHECK-NEXT: if (pyxc::rt::mul([[E]], g__impl(int64_t{5})) > x_) {
# CHECK: return p_ ? [&]() -> int64_t { const int64_t [[R:pyxc_t[0-9]+]] = g__impl(x_); return pyxc::rt::add([[R]], g__impl(int64_t{2})); }() : x_;


@pyxc.native
def tuple_elements(a: int, b: int) -> tuple[int, int]:
    return g(a), g(b)
# Braced initialisation is sequenced left to right already.
# CHECK-LABEL: tuple_elements__impl(
# CHECK-NEXT: return std::tuple<int64_t, int64_t>{g__impl(a_), g__impl(b_)};
