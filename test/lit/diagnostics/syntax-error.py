# A syntax error is reported by the parser alone: the checker adds no
# cascade (no "can reach the end without a return" for the broken function).
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=[return-type]
import pyxc


@pyxc.native
def f(x: int) -> int:
    # CHECK: :[[@LINE+1]]:12: error: {{.*}} [syntax-error]
    return (x +
