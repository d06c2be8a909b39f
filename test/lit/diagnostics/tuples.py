# Tuple uses native code does not support: each diagnostic is at the
# construct and names the supported spelling when there is one
# (docs/semantics.md "Tuples").
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import f64, i64

FF = pyxc.fused("FF", pyxc.f32, f64)


@pyxc.native
def indexing(a: int, b: float, k: int) -> float:
    mixed = (a, b)
    same = (b, b)
    # CHECK: :[[@LINE+1]]:15: error: a tuple can only be indexed by a constant integer in native code (t[0], t[-1]); unpack it instead (a, b = t): its elements have different types (tuple[int, float]) [unsupported-construct]
    x = mixed[k]
    # CHECK: :[[@LINE+1]]:14: error: a tuple can only be indexed by a constant integer in native code (t[0], t[-1]); unpack it instead (a, b = t), or use an array for indexing by a variable [unsupported-construct]
    y = same[k + 1]
    # CHECK: :[[@LINE+1]]:15: error: tuple index out of range: tuple[int, float] has 2 elements [type-mismatch]
    z = mixed[-3]
    return b


@pyxc.native
def lengths(a: int, b: float) -> float:
    # CHECK: :[[@LINE+1]]:12: error: too many values to unpack (expected 2) [type-mismatch]
    x, y = a, b, a
    # CHECK: :[[@LINE+1]]:15: error: not enough values to unpack (expected 3, got 2) [type-mismatch]
    p, q, r = (a, b)
    t: tuple[f64, f64] = (a, b)
    # CHECK: :[[@LINE+1]]:9: error: cannot assign a value of type tuple[int, float, int] to 't', declared as tuple[float, float] [incompatible-assignment]
    t = (a, b, a)
    # CHECK: :[[@LINE+1]]:8: error: comparing tuple[int, float] with tuple[int, float, int] using '<' is not supported in native code: the tuples have different lengths [type-mismatch]
    if (a, b) < (a, b, a):
        return 1.0
    # CHECK: :[[@LINE+1]]:8: error: starred unpacking ('*rest') is not supported in native code; unpack a fixed number of names, or slice an array (a[1:]) [unsupported-construct]
    u, *rest = a, b, a
    # CHECK: :[[@LINE+1]]:12: error: cannot unpack a non-iterable value of type int (native code unpacks tuples and arrays) [type-mismatch]
    v, w = a
    return b


# tuple[T, ...] needs its length written out outside an annotated local
# with a value.
# CHECK: :[[@LINE+2]]:19: error: a tuple of any length ('tuple[T, ...]') is not supported as a parameter annotation: native code needs the length; write it out, e.g. tuple[int, int, int] [unsupported-type]
@pyxc.native
def any_length(t: tuple[i64, ...]) -> int:
    # CHECK: :[[@LINE+1]]:8: error: a tuple of any length ('tuple[T, ...]') is not supported as a local annotation: native code needs the length; write it out, e.g. tuple[int, int, int] (or assign a value in the annotated statement) [unsupported-type]
    s: tuple[i64, ...]
    return 0


# A fused element needs a parameter outside the tuple to pick it.
# CHECK: :[[@LINE+2]]:28: error: the fused type 'FF' cannot be a tuple element unless a parameter outside the tuple uses it (e.g. a: FF[:]); write the element type out, e.g. tuple[f64, int] [unsupported-type]
@pyxc.native
def fused_element(t: tuple[FF, int]) -> float:
    return 0.0


@pyxc.native
def loops(x: f64[:], y: f64[:]) -> float:
    s = 0.0
    # CHECK: :[[@LINE+1]]:26: error: 'zip' object is not reversible; reverse what it iterates instead (zip(reversed(a), reversed(b))) [bad-loop]
    for a, b in reversed(zip(x, y)):
        s += a
    # CHECK: :[[@LINE+1]]:27: error: zip(strict=...) is not supported in native code; compare the lengths and raise [bad-call]
    for a, b in zip(x, y, strict=True):
        s += a
    # CHECK: :[[@LINE+1]]:30: error: enumerate() got an unexpected keyword argument 'begin' [bad-call]
    for i, a in enumerate(x, begin=1):
        s += a
    # CHECK: :[[@LINE+1]]:14: error: native code supports only 'for' loops over range(...), a list or an array; this iterates over tuple[float, float] (supported: range(...), a list, an array, enumerate(...), zip(...) or reversed(...)) [bad-loop]
    for a in (s, s):
        s += a
    return s
