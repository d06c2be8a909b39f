# An annotation pyxc cannot type names the type and lists what works.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import f64


@pyxc.native
# CHECK: :[[@LINE+1]]:10: error: unsupported type 'str'; use int, float, bool, a pyxc scalar type (pyxc.f64, pyxc.i32, ...), tuple[...] or T[:] [unsupported-type]
def f(s: str) -> int:
    # CHECK: :[[@LINE+1]]:13: error: list elements must be scalar types (int, float, bool, pyxc.f32, ...) in native code [unsupported-type]
    x: list[str] = 0
    return 0


@pyxc.native
# A tuple parameter holds scalars (and tuples of them); arrays go separately.
# CHECK: :[[@LINE+1]]:21: error: a tuple parameter cannot hold arrays (f64[:]); pass the arrays as separate parameters [unsupported-type]
def g(t: tuple[int, f64[:]]) -> None:
    pass
