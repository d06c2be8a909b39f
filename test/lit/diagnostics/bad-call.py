# Calls to native functions are bound like CPython binds them, with its messages.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import math
import pyxc


@pyxc.native
def g(a: int, b: int = 0) -> int:
    return a + b


@pyxc.native
def f() -> None:
    # CHECK: :[[@LINE+1]]:5: error: g() missing 1 required positional argument: 'a' [bad-call]
    g()
    # CHECK: :[[@LINE+1]]:5: error: g() takes from 1 to 2 positional arguments but 3 were given [bad-call]
    g(1, 2, 3)
    # CHECK: :[[@LINE+1]]:10: error: g() got an unexpected keyword argument 'c' [bad-call]
    g(1, c=2)
    # CHECK: :[[@LINE+1]]:9: error: math.sqrt() takes exactly one argument (2 given) [bad-call]
    x = math.sqrt(1.0, 2.0)
