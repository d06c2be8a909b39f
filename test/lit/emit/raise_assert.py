# raise and assert map to the runtime's C++ exceptions with CPython's types.
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc


@pyxc.native
def check(x: int, y: float) -> float:
    assert x > 0, "x must be \"positive\" \\ ??"
    assert y
    if x > 100:
        raise ValueError("too big")
    elif x == 50:
        raise OverflowError
    if y < 0:
        raise ZeroDivisionError("négatif")
    return y
# CHECK-LABEL: function bodies
# CHECK-LABEL: static double check__impl(int64_t x_, double y_) {
# CHECK-NEXT: if (!(x_ > int64_t{0})) pyxc::rt::raise_assertion("x must be \"positive\" \\ \?\?");
# CHECK-NEXT: if (!(y_ != 0)) pyxc::rt::raise_assertion();
# CHECK-NEXT: if (x_ > int64_t{100}) {
# CHECK-NEXT: pyxc::rt::raise(pyxc::rt::Exc::ValueError, "too big");
# CHECK-NEXT: } else
# CHECK-NEXT: if (x_ == int64_t{50}) {
# CHECK-NEXT: pyxc::rt::raise(pyxc::rt::Exc::OverflowError, "");
# CHECK: pyxc::rt::raise(pyxc::rt::Exc::ZeroDivisionError, "n\303\251gatif");
