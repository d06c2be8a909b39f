"""Helpers of the oracle source (see program_model): CPython's answer under
the native rules docs/semantics.md promises.

`NativeValueError` marks a ValueError that pyxc raises where CPython returns
a float or a complex number (its message is pyxc's own, so only the type is
compared). `Unpromised` marks an input on which pyxc promises nothing exact
(`int / int` above 2**53); the call is not compared.
"""
from __future__ import annotations

import numpy as np

__all__ = ["NativeValueError", "Unpromised", "_ck_i64", "_ck_i32", "_ck_u8", "_f32", "_int_truediv",
           "_pow_i64", "_pow_f64", "_sum_i64"]

RANGES = {"i64": (-2**63, 2**63 - 1), "i32": (-2**31, 2**31 - 1), "u8": (0, 255)}


class NativeValueError(ValueError):
    pass


class Unpromised(Exception):
    pass


def _check(value: int, name: str) -> int:
    low, high = RANGES[name]
    if not low <= value <= high:
        raise OverflowError(f"integer overflow: result does not fit in {name}")
    return value


def _ck_i64(value):
    return _check(value, "i64")


def _ck_i32(value):
    return _check(value, "i32")


def _ck_u8(value):
    return _check(value, "u8")


def _f32(value: float) -> float:
    # An f64 result rounded once to f32 is the f32 operation's result for
    # + - * / (53 >= 2 * 24 + 2 bits, so double rounding is harmless).
    with np.errstate(over="ignore"):
        return float(np.float32(value))


def _int_truediv(a: int, b: int) -> float:
    if abs(a) >= 2**53 or abs(b) >= 2**53:
        raise Unpromised("int / int above 2**53 may differ by one ulp")
    return a / b


def _pow_i64(base: int, exponent: int) -> int:
    if exponent < 0:
        if base == 0:
            return base ** exponent  # CPython's ZeroDivisionError
        raise NativeValueError("negative exponent")
    if abs(base) >= 2 and exponent > 64:
        raise OverflowError("integer overflow")  # without building a huge int
    return _ck_i64(base ** exponent)


def _pow_f64(base: float, exponent: float) -> float:
    try:
        result = base ** exponent
    except OverflowError as error:
        if str(error) == "complex exponentiation":
            raise NativeValueError("complex") from None
        raise
    if isinstance(result, complex):
        raise NativeValueError("complex")
    return result


def _sum_i64(items) -> int:
    # pyxc checks every addition of an int sum, left to right from 0.
    total = 0
    for item in items:
        total = _ck_i64(total + item)
    return total
