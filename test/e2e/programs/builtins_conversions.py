"""Builtins abs, min, max, round, int, float, bool on every scalar kind,
including their failures (abs of INT64_MIN overflows, int(nan) is a
ValueError, int(inf) an OverflowError)."""
import pyxc


@pyxc.native
def abs_int(a: int) -> int:
    return abs(a)


@pyxc.native
def abs_float(x: float) -> float:
    return abs(x)


@pyxc.native
def min_int(a: int, b: int) -> int:
    return min(a, b)


@pyxc.native
def max_int3(a: int, b: int, c: int) -> int:
    return max(a, b, c)


@pyxc.native
def min_float(x: float, y: float) -> float:
    return min(x, y)


@pyxc.native
def max_float(x: float, y: float) -> float:
    return max(x, y)


@pyxc.native
def max_mixed(a: int, x: float) -> float:
    return max(a, x)


@pyxc.native
def round_float(x: float) -> int:
    return round(x)


@pyxc.native
def round_int(a: int) -> int:
    return round(a)


@pyxc.native
def int_of_float(x: float) -> int:
    return int(x)


@pyxc.native
def int_of_bool(p: bool) -> int:
    return int(p)


@pyxc.native
def float_of_int(a: int) -> float:
    return float(a)


@pyxc.native
def float_of_bool(p: bool) -> float:
    return float(p)


@pyxc.native
def bool_of_int(a: int) -> bool:
    return bool(a)


@pyxc.native
def bool_of_float(x: float) -> bool:
    return bool(x)


@pyxc.native
def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return min(max(x, lo), hi)


@pyxc.native
def truncate_toward_zero(a: int, b: int) -> int:
    return int(a / b)
