"""The math module: every supported function and constant, with CPython's
"math domain error" / "math range error" exceptions."""
import math

import pyxc


@pyxc.native
def sqrt(x: float) -> float:
    return math.sqrt(x)


@pyxc.native
def exp(x: float) -> float:
    return math.exp(x)


@pyxc.native
def log(x: float) -> float:
    return math.log(x)


@pyxc.native
def log2(x: float) -> float:
    return math.log2(x)


@pyxc.native
def log10(x: float) -> float:
    return math.log10(x)


@pyxc.native
def sin(x: float) -> float:
    return math.sin(x)


@pyxc.native
def cos(x: float) -> float:
    return math.cos(x)


@pyxc.native
def tan(x: float) -> float:
    return math.tan(x)


@pyxc.native
def asin(x: float) -> float:
    return math.asin(x)


@pyxc.native
def acos(x: float) -> float:
    return math.acos(x)


@pyxc.native
def atan(x: float) -> float:
    return math.atan(x)


@pyxc.native
def atan2(y: float, x: float) -> float:
    return math.atan2(y, x)


@pyxc.native
def hypot(x: float, y: float) -> float:
    return math.hypot(x, y)


@pyxc.native
def floor(x: float) -> int:
    return math.floor(x)


@pyxc.native
def ceil(x: float) -> int:
    return math.ceil(x)


@pyxc.native
def fabs(x: float) -> float:
    return math.fabs(x)


@pyxc.native
def pow_(x: float, y: float) -> float:
    return math.pow(x, y)


@pyxc.native
def copysign(x: float, y: float) -> float:
    return math.copysign(x, y)


@pyxc.native
def predicates(x: float) -> int:
    return int(math.isnan(x)) + 2 * int(math.isinf(x)) + 4 * int(math.isfinite(x))


@pyxc.native
def constants(scale: float) -> float:
    return scale * math.pi + math.e


@pyxc.native
def special_constants(x: float) -> float:
    if x > 0:
        return math.inf
    if x < 0:
        return -math.inf
    return math.nan


@pyxc.native
def sqrt_of_int(n: int) -> float:
    return math.sqrt(n)


@pyxc.native
def floor_of_int(n: int) -> int:
    return math.floor(n)


@pyxc.native
def distance(x1: float, y1: float, x2: float, y2: float) -> float:
    dx = x2 - x1
    dy = y2 - y1
    return math.sqrt(dx * dx + dy * dy)
