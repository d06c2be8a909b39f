# Operand and argument types that do not fit, with CPython's wording.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def g(n: int) -> int:
    return n


@pyxc.native
def f(x: float, n: int) -> None:
    # CHECK: :[[@LINE+1]]:9: error: unsupported operand type(s) for <<: 'float' and 'int' [type-mismatch]
    y = x << n
    # CHECK: :[[@LINE+2]]:7: error: argument 'n' of g() must be int, not float [type-mismatch]
    # CHECK: :7:7: note: parameter 'n' is declared here
    g(x)
    # CHECK: :[[@LINE+1]]:9: error: 'int' object is not subscriptable [type-mismatch]
    z = n[0]
