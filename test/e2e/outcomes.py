"""Running a call on both sides and deciding whether the outcomes agree.

An outcome is either a returned value or a raised exception. The compiled
side must give what CPython gives, with the exceptions docs/semantics.md
allows because native ints are fixed-width:

* CPython returns an int outside the declared return type's range (or, for
  `int`, outside int64): the compiled side must raise OverflowError.
* CPython returns a float from an `int ** int` with a negative exponent
  (the function is declared to return an int): the compiled side must raise
  ValueError.
* CPython's result is widened to the declared return type before comparing
  (`-> float` returning the int 1 is 1.0 compiled; `-> int` returning True is
  1): that is the conversion the compiled wrapper performs.
* CPython returns a complex number from `float ** float` (negative base,
  fractional exponent) where the function returns a float: the compiled
  side must raise ValueError (also where CPython overflowed computing that
  complex number: "complex exponentiation").
* Functions a program lists in PYXC_TEST_WRAPS (compiled with
  overflowcheck=False) return CPython's int result reduced modulo 2**bits
  into the return type; valid for bodies of + - * & | ^ and << only, where
  wrapping commutes with the arithmetic.
* Functions a program lists in PYXC_TEST_MAY_OVERFLOW may raise
  OverflowError where CPython succeeds, because an intermediate result left
  int64 even though the final one fits.
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from typing import Any

from scalar_types import INT_RANGES, ScalarType, ReturnSpec


@dataclass(frozen=True)
class Returned:
    value: Any

    def describe(self) -> str:
        return f"returned {self.value!r} ({type(self.value).__name__})"


@dataclass(frozen=True)
class Raised:
    type: type
    message: str

    def describe(self) -> str:
        return f"raised {self.type.__name__}({self.message!r})"


def run_call(function, args: tuple, kwargs: dict | None = None):
    try:
        return Returned(function(*args, **(kwargs or {})))
    except Exception as error:  # every exception is an outcome to compare
        return Raised(type(error), str(error))


def same_array(expected, actual) -> bool:
    """NumPy arrays: same dtype and shape, elements equal bit for bit (so
    -0.0 differs from 0.0) except that any nan equals any nan."""
    import numpy as np
    if expected.dtype != actual.dtype or expected.shape != actual.shape:
        return False
    if expected.dtype.kind == "f":
        nan_e, nan_a = np.isnan(expected), np.isnan(actual)
        if not np.array_equal(nan_e, nan_a):
            return False
        bits = np.dtype(f"u{expected.dtype.itemsize}")
        keep = ~nan_e
        return bool(np.array_equal(np.ascontiguousarray(expected).view(bits)[keep],
                                   np.ascontiguousarray(actual).view(bits)[keep]))
    return bool(np.array_equal(expected, actual))


def describe_array_difference(expected, actual) -> str:
    import numpy as np
    if expected.dtype != actual.dtype or expected.shape != actual.shape:
        return f"dtype/shape {expected.dtype}{expected.shape} vs {actual.dtype}{actual.shape}"
    with np.errstate(all="ignore"):
        e, a = np.asarray(expected), np.asarray(actual)
        differ = [index for index in np.ndindex(e.shape) if not same_array(e[index][None], a[index][None])]
    shown = ", ".join(f"{index}: {e[index]!r} vs {a[index]!r}" for index in differ[:5])
    return f"{len(differ)} elements differ (CPython vs compiled) {shown}"


def from_numpy(value: Any) -> Any:
    """CPython's outcome with NumPy scalars (what an array element is under
    plain Python) turned into the Python scalar the compiled wrapper
    returns; NumPy arrays are left as they are."""
    try:
        import numpy as np
    except ImportError:
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return tuple(from_numpy(v) for v in value)
    if isinstance(value, list):
        return [from_numpy(v) for v in value]
    return value


def same_value(expected: Any, actual: Any) -> bool:
    """Type-aware equality: bool, int and float are distinct; floats must be
    equal bit for bit (so -0.0 differs from 0.0) except that any nan equals
    any nan; tuples compare element-wise; NumPy arrays by same_array."""
    if type(expected).__name__ == "ndarray" and type(actual).__name__ == "ndarray":
        return same_array(expected, actual)
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (tuple, list)):
        return len(expected) == len(actual) and all(map(same_value, expected, actual))
    if isinstance(expected, float):
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        return struct.pack("<d", expected) == struct.pack("<d", actual)
    return expected == actual


class ExpectedOverflow(Exception):
    """CPython's value does not fit the native return type."""


def to_native_return(value: Any, spec: ReturnSpec) -> Any:
    """What the compiled wrapper returns for CPython's `value`, or raises
    ExpectedOverflow / ValueError-expectation markers."""
    if spec.kind == "tuple":
        if not isinstance(value, tuple) or len(value) != len(spec.elements):
            return value
        return tuple(to_native_return(v, s) for v, s in zip(value, spec.elements))
    if spec.kind == "list":
        # A typed list holds its element type: CPython's 1 in a list[float] is 1.0.
        if not isinstance(value, list) or not spec.elements:
            return value
        return [to_native_return(v, spec.elements[0]) for v in value]
    if spec.kind != "scalar":
        return value
    scalar: ScalarType = spec.scalar
    if scalar.is_int:
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            low, high = INT_RANGES[scalar.name]
            if not low <= value <= high:
                raise ExpectedOverflow(f"{value} outside {scalar.name}")
        return value
    if scalar.is_float:
        if isinstance(value, (bool, int)):
            value = float(value)
        if scalar.name == "f32" and isinstance(value, float) and math.isfinite(value):
            try:
                value = struct.unpack("<f", struct.pack("<f", value))[0]
            except OverflowError:
                value = math.copysign(math.inf, value)
        return value
    return value


def wrap_to(value: int, name: str) -> int:
    """`value` reduced modulo 2**bits into the range of int type `name`
    (what two's complement arithmetic without overflow checks gives)."""
    low, high = INT_RANGES[name]
    span = high - low + 1
    return (value - low) % span + low


def compare(expected: Any, actual: Any, spec: ReturnSpec, *, may_overflow: bool,
            native_rules: bool = True, wraps: bool = False) -> str | None:
    """None when the compiled outcome `actual` matches CPython's `expected`,
    else a sentence saying how they differ. `wraps`: the function runs with
    overflowcheck=False, so CPython's int result is compared modulo 2**64."""
    if isinstance(expected, Returned):
        expected = Returned(from_numpy(expected.value))
    if (native_rules and wraps and isinstance(expected, Returned) and spec.kind == "scalar"
            and spec.scalar.is_int and isinstance(expected.value, int)):
        expected = Returned(wrap_to(int(expected.value), spec.scalar.name))
    if native_rules and isinstance(expected, Returned):
        if (spec.kind == "scalar" and spec.scalar.is_int and isinstance(expected.value, float)
                and not isinstance(actual, Returned)):
            # int ** negative int: CPython returns a float, pyxc raises ValueError.
            if actual.type is ValueError:
                return None
            return f"expected ValueError (int ** negative int), compiled {actual.describe()}"
        if spec.kind == "scalar" and spec.scalar.is_float and isinstance(expected.value, complex):
            if isinstance(actual, Raised) and actual.type is ValueError:
                return None
            return f"expected ValueError (float ** float giving complex), compiled {actual.describe()}"
        try:
            expected = Returned(to_native_return(expected.value, spec))
        except ExpectedOverflow as why:
            if isinstance(actual, Raised) and actual.type is OverflowError:
                return None
            return f"CPython {expected.describe()} ({why}): compiled must raise OverflowError, but {actual.describe()}"
    if (native_rules and isinstance(expected, Raised) and expected.type is OverflowError
            and expected.message == "complex exponentiation"):
        # CPython overflowed while computing the complex result of
        # float ** float; pyxc rejects that power up front with ValueError.
        if isinstance(actual, Raised) and actual.type in (ValueError, OverflowError):
            return None
    if may_overflow and isinstance(actual, Raised) and actual.type is OverflowError:
        return None
    if isinstance(expected, Returned) and isinstance(actual, Returned):
        if same_value(expected.value, actual.value):
            return None
        return f"CPython {expected.describe()}, compiled {actual.describe()}"
    if isinstance(expected, Raised) and isinstance(actual, Raised):
        if expected.type is not actual.type:
            return f"CPython {expected.describe()}, compiled {actual.describe()}"
        if expected.message != actual.message and message_must_match(expected):
            return f"same type, different message: CPython {expected.message!r}, compiled {actual.message!r}"
        return None
    return f"CPython {expected.describe()}, compiled {actual.describe()}"


def message_must_match(expected: Raised) -> bool:
    # OverflowError texts differ legitimately: CPython raises them from
    # conversions pyxc performs elsewhere (or not at all, growing the int).
    return expected.type is not OverflowError
