"""The scalar types of pyxc's first release, read from Python annotations,
and the input values the differential tests feed them.

Annotations are real objects (`int`, `pyxc.i32`, `tuple[f64, i64]`): the
pyxc markers are recognized by identity with the attributes of the `pyxc`
package, so this module does not depend on how the markers are built.
"""
from __future__ import annotations

import math
import typing
from dataclasses import dataclass

from hypothesis import strategies as st

INT_RANGES = {
    "i8": (-2**7, 2**7 - 1),
    "i16": (-2**15, 2**15 - 1),
    "i32": (-2**31, 2**31 - 1),
    "i64": (-2**63, 2**63 - 1),
    "u8": (0, 2**8 - 1),
    "u16": (0, 2**16 - 1),
    "u32": (0, 2**32 - 1),
    "u64": (0, 2**64 - 1),
}
FLOAT_NAMES = ("f32", "f64")
MARKER_NAMES = tuple(INT_RANGES) + FLOAT_NAMES


@dataclass(frozen=True)
class ScalarType:
    name: str  # i8..u64, f32, f64, bool

    @property
    def is_int(self) -> bool:
        return self.name in INT_RANGES

    @property
    def is_float(self) -> bool:
        return self.name in FLOAT_NAMES


@dataclass(frozen=True)
class ReturnSpec:
    kind: str  # "scalar", "tuple", "none", "unknown"
    scalar: ScalarType | None = None
    elements: tuple = ()


def scalar_of(annotation) -> ScalarType | None:
    if annotation is int:
        return ScalarType("i64")
    if annotation is float:
        return ScalarType("f64")
    if annotation is bool:
        return ScalarType("bool")
    try:
        import pyxc
    except ImportError:
        return None
    for name in MARKER_NAMES:
        if getattr(pyxc, name, None) is annotation:
            return ScalarType(name)
    return None


def return_spec(annotation) -> ReturnSpec:
    if annotation is None or annotation is type(None):
        return ReturnSpec("none")
    if typing.get_origin(annotation) is tuple:
        return ReturnSpec("tuple", elements=tuple(return_spec(a) for a in typing.get_args(annotation)))
    scalar = scalar_of(annotation)
    if scalar is None:
        return ReturnSpec("unknown")
    return ReturnSpec("scalar", scalar=scalar)


# Values where native and Python arithmetic part ways most often.
INT64_EDGES = [0, 1, -1, 2, -2, 3, -7, 7, 10, 255, 256, -256, 2**31 - 1, -2**31, 2**32,
               2**62, -2**62, 2**63 - 1, -2**63, -2**63 + 1, 3037000499, 3037000500, -3037000500]
FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 2.0, 3.0, -7.5, 1e-300, 5e-324, -5e-324,
               2.2250738585072014e-308, 1e16, 2.0**53, 9.2233720368547758e18, -9.2233720368547758e18,
               1e300, -1e300, 1.7976931348623157e308, math.inf, -math.inf, math.nan]


def int_edges(name: str) -> list[int]:
    low, high = INT_RANGES[name]
    candidates = {low, low + 1, high, high - 1, 0, 1, 2, 3, 7, 10, -1, -2, -7, high // 2, low // 2}
    return sorted(v for v in candidates if low <= v <= high) + \
        [v for v in INT64_EDGES if low <= v <= high and v not in candidates]


def float_edges(name: str) -> list[float]:
    if name == "f32":
        return [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 3.4028234663852886e38, -3.4028234663852886e38,
                1.1754943508222875e-38, 1.401298464324817e-45, math.inf, -math.inf, math.nan]
    return list(FLOAT_EDGES)


def edge_values(scalar: ScalarType) -> list:
    if scalar.name == "bool":
        return [False, True]
    if scalar.is_int:
        return int_edges(scalar.name)
    return float_edges(scalar.name)


def strategy_for(scalar: ScalarType) -> st.SearchStrategy:
    if scalar.name == "bool":
        return st.booleans()
    if scalar.is_int:
        low, high = INT_RANGES[scalar.name]
        return st.one_of(st.sampled_from(int_edges(scalar.name)),
                         st.integers(max(low, -1000), min(high, 1000)),
                         st.integers(low, high))
    width = 32 if scalar.name == "f32" else 64
    return st.one_of(st.sampled_from(float_edges(scalar.name)),
                     st.floats(-1e3, 1e3, width=width),
                     st.floats(width=width))


def bounded_strategy(scalar: ScalarType, bound) -> st.SearchStrategy:
    """A strategy honouring one PYXC_TEST_ARGS entry (see README.md):
    (low, high) keeps ints/floats in the closed range, a list picks from its
    values, a Hypothesis strategy is used as given."""
    if isinstance(bound, st.SearchStrategy):
        return bound
    if isinstance(bound, list):
        return st.sampled_from(bound)
    low, high = bound
    if scalar.is_int:
        edges = [v for v in int_edges(scalar.name) if low <= v <= high] + [low, high]
        return st.one_of(st.sampled_from(sorted(set(edges))), st.integers(low, high))
    if scalar.is_float:
        edges = [v for v in float_edges(scalar.name) if low <= v <= high] + [float(low), float(high)]
        width = 32 if scalar.name == "f32" else 64
        return st.one_of(st.sampled_from(edges), st.floats(low, high, width=width))
    return strategy_for(scalar)


def bounded_edges(scalar: ScalarType, bound) -> list:
    if bound is None:
        return edge_values(scalar)
    if isinstance(bound, st.SearchStrategy):
        return []
    if isinstance(bound, list):
        return list(bound)
    low, high = bound
    values = [v for v in edge_values(scalar) if not isinstance(v, float) or not math.isnan(v)]
    inside = [v for v in values if low <= v <= high]
    return sorted(set(inside + [low, high]), key=lambda v: (v, str(v)))
