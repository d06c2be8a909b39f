# Every statement of a body is preceded by `#line N "file.py"`; wrappers and
# PyInit come before the bodies and carry none.
# RUN: %pyxc emit %s | %FileCheck %s
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s --check-prefix=NOLINES
import pyxc


@pyxc.native
def f(x: int) -> int:
    if x > 0:
        x = 1
    elif x < -5:
        x = 2
    else:
        x = 3
    return x
# CHECK-NOT: #line
# CHECK-LABEL: function bodies
# CHECK-NEXT: #pragma GCC diagnostic ignored "-Wtautological-compare"
# CHECK-NEXT: #pragma GCC diagnostic ignored "-Wtype-limits"
# CHECK-NEXT: #line 9 "{{.*}}line_directives.py"
# CHECK-NEXT: static int64_t f__impl(int64_t x_) {
# CHECK-NEXT: #line 10 "{{.*}}line_directives.py"
# CHECK-NEXT: if (x_ > int64_t{0}) {
# CHECK-NEXT: #line 11 "{{.*}}line_directives.py"
# CHECK-NEXT: x_ = int64_t{1};
# CHECK-NEXT: } else
# CHECK-NEXT: #line 12 "{{.*}}line_directives.py"
# CHECK-NEXT: if (x_ < int64_t{-5}) {
# CHECK-NEXT: #line 13 "{{.*}}line_directives.py"
# CHECK-NEXT: x_ = int64_t{2};
# CHECK-NEXT: } else {
# CHECK-NEXT: #line 15 "{{.*}}line_directives.py"
# CHECK-NEXT: x_ = int64_t{3};
# CHECK-NEXT: }
# CHECK-NEXT: #line 16 "{{.*}}line_directives.py"
# CHECK-NEXT: return x_;
# CHECK-NEXT: }

# NOLINES-NOT: #line
