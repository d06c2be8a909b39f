# Members of pyxc.fused() that are fused types themselves: reported, not
# resolved. Resolving followed `T = pyxc.fused("T", T)` (and two aliases
# naming each other) until the stack overflowed: `pyxc check` died of SIGSEGV.
# RUN: %expect-exit 1 %pyxc check %s 2>&1 | %FileCheck %s
# Reported once, where pyxc.fused() is written, not again at each use:
# RUN: %expect-exit 1 %pyxc check %s 2>&1 | %FileCheck --check-prefix=ONCE %s
# ONCE-NOT: can only be used
import pyxc
from pyxc import f32, f64

T = pyxc.fused("T", T)
# CHECK: fused_members.py:[[@LINE-1]]:21: error: a fused type cannot be a member of pyxc.fused(); list its scalar types instead [unsupported-type]
A = pyxc.fused("A", f32, B)
B = pyxc.fused("B", A, f64)
# CHECK: fused_members.py:[[@LINE-2]]:26: error: a fused type cannot be a member of pyxc.fused(); list its scalar types instead [unsupported-type]
# CHECK: fused_members.py:[[@LINE-2]]:21: error: a fused type cannot be a member of pyxc.fused(); list its scalar types instead [unsupported-type]
N = pyxc.fused("N", pyxc.floating, pyxc.fused("M", f32, f64))
# CHECK: fused_members.py:[[@LINE-1]]:21: error: a fused type cannot be a member of pyxc.fused(); list its scalar types instead [unsupported-type]


@pyxc.native
def t(x: T) -> T:
    return x


@pyxc.native
def a(x: A, y: B) -> float:
    return x + y


@pyxc.native
def n(x: N) -> float:
    return x


# The same member twice (int is i64) made two identical specializations,
# which g++ rejected as redefinitions (exit 3 after a clean `pyxc check`).
D = pyxc.fused("D", pyxc.i64, f32, int)
# CHECK: fused_members.py:[[@LINE-1]]:36: error: pyxc.fused() lists i64 twice [unsupported-type]


@pyxc.native
def d(x: D) -> D:
    return x
