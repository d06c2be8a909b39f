# Checks the value-range analysis proves dead are not emitted; the ones
# that can fire stay (docs/semantics.md, "Checks the compiler proves
# unnecessary").
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc
from pyxc import i8


@pyxc.native
def spin(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
    return acc
# CHECK-LABEL: function bodies
# CHECK-LABEL: static int64_t spin__impl(
# acc is in [0, 1000002]: `acc * 31` cannot overflow, the sum is never
# negative, so `%` is C++'s (unsigned); `+ i` (i up to INT64_MAX - 1) stays checked.
# CHECK: acc_ = pyxc::rt::mod_nonneg(pyxc::rt::add(pyxc::rt::mul_wrap(acc_, int64_t{31}), i_), int64_t{1000003});


@pyxc.native
def spin_from(start: int, stop: int) -> int:
    acc = 0
    for i in range(start, stop):
        acc = (acc * 31 + i) % 1000003
    return acc
# CHECK-LABEL: static int64_t spin_from__impl(
# i may be negative: Python's floor modulo stays.
# CHECK: acc_ = pyxc::rt::mod(pyxc::rt::add(pyxc::rt::mul_wrap(acc_, int64_t{31}), i_), int64_t{1000003});


@pyxc.native
def unbounded(x: int, y: int) -> int:
    return x * 31 + y % 7 + -x
# CHECK-LABEL: static int64_t unbounded__impl(
# CHECK-NOT: _wrap
# CHECK: pyxc::rt::mul(x_, int64_t{31})
# CHECK-NEXT: pyxc::rt::mod(y_, int64_t{7})
# CHECK-NEXT: pyxc::rt::neg(x_)
# CHECK-NOT: _wrap


@pyxc.native
def bounded(x: int, n: int) -> int:
    low = x & 0xFFFF
    r = x % -5
    t = 0
    for k in range(10, -1, -1):
        t += low // 3 + low % 10 + k * k
    return t + -r + min(low, 9) * max(n % 4, 1) + len((1, 2))
# CHECK-LABEL: static int64_t bounded__impl(
# CHECK: low_ = x_ & int64_t{65535};
# CHECK: r_ = pyxc::rt::mod(x_, int64_t{-5});
# t grows on every iteration: widened, its `+=` stays checked; the
# operands are bounded, so their own arithmetic is not.
# CHECK: const int64_t [[Q:pyxc_t[0-9]+]] = pyxc::rt::floordiv_nonneg(low_, int64_t{3});
# CHECK-NEXT: const int64_t [[S:pyxc_t[0-9]+]] = pyxc::rt::add_wrap([[Q]], pyxc::rt::mod_nonneg(low_, int64_t{10}));
# CHECK-NEXT: t_ = pyxc::rt::add(t_, pyxc::rt::add_wrap([[S]], pyxc::rt::mul_wrap(k_, k_)));
# CHECK: pyxc::rt::neg_wrap(r_)
# CHECK: pyxc::rt::mul_wrap(pyxc::rt::min(low_, int64_t{9}), pyxc::rt::max(pyxc::rt::mod(n_, int64_t{4}), int64_t{1}))


@pyxc.native
def narrow(a: i8, b: i8) -> i8:
    return (a % 16) * (b % 8) + (a % 16) * 9
# CHECK-LABEL: static int8_t narrow__impl(
# [0, 15] * [0, 7] fits an i8, [0, 15] * 9 does not.
# CHECK: pyxc::rt::mul_wrap(
# CHECK: pyxc::rt::mul(pyxc::rt::mod(a_, int8_t{16}), int8_t{9})


@pyxc.native
def parallel(n: int) -> int:
    total = 0
    for i in pyxc.prange(n):
        total += i % 7 * 2
    return total
# CHECK-LABEL: static int64_t parallel__impl(
# prange bodies keep every check (their reductions are not modelled).
# CHECK-NOT: _wrap
# CHECK: total_ = pyxc::rt::add(total_, pyxc::rt::mul(pyxc::rt::mod(i_, int64_t{7}), int64_t{2}));
# CHECK-NOT: _wrap


@pyxc.native(cdivision=True)
def c_division(x: int) -> int:
    return (x & 1023) % 10 + x % 10
# CHECK-LABEL: static int64_t c_division__impl(
# CHECK: pyxc::rt::add(pyxc::rt::mod_c((x_ & int64_t{1023}), int64_t{10}), pyxc::rt::mod_c(x_, int64_t{10}))
