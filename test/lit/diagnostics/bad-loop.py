# Loops: only over range(...), arrays, enumerate/zip/reversed; break/continue only inside loops.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(n: int) -> None:
    # CHECK: :[[@LINE+1]]:5: error: 'break' outside loop [bad-loop]
    break
    # CHECK: :[[@LINE+1]]:14: error: native code supports only 'for' loops over range(...), a list or an array; this iterates over tuple[int, int] (supported: range(...), a list, an array, enumerate(...), zip(...) or reversed(...)) [bad-loop]
    for i in (n, n):
        pass
    # CHECK: :[[@LINE+1]]:26: error: range() arg 3 must not be zero [bad-loop]
    for i in range(0, n, 0):
        pass
