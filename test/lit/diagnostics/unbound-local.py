# A local assigned only from itself has no type to infer.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(n: int) -> None:
    for i in range(n):
        # CHECK: :[[@LINE+1]]:9: error: cannot infer a type for 'total': it is only ever assigned values computed from itself; give it an initial value or an annotation [unbound-local]
        total = total + 1
