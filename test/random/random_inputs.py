"""Hypothesis strategies for the arguments of a generated function.

Scalars include the edges (0, -0.0, ±inf, nan, subnormals, int64 limits);
arrays are empty or small, C-ordered, reversed, strided (every other
element) or transposed. An array argument is drawn once as a description
and made twice (`make`), so each side gets its own identical buffer.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from program_model import ARRAY_KINDS
from program_strategies import f32_values, f64_values, int_values, scalar_values

LAYOUTS_1D = ("c", "reversed", "strided")
LAYOUTS_2D = ("c", "fortran", "strided")


@dataclass(frozen=True)
class ArrayValue:
    dtype: str
    shape: tuple
    values: tuple       # row-major
    layout: str

    def make(self):
        logical = np.array(self.values, dtype=self.dtype).reshape(self.shape)
        if self.layout == "reversed":
            return np.ascontiguousarray(logical[::-1])[::-1]
        if self.layout == "strided":
            base = np.zeros(tuple(2 * n for n in self.shape), dtype=self.dtype)
            view = base[tuple(slice(None, None, 2) for _ in self.shape)]
            view[...] = logical
            return view
        if self.layout == "fortran":
            return np.asfortranarray(logical)
        return logical.copy()

    def __repr__(self) -> str:
        return f"np.array({list(self.values)!r}, dtype={self.dtype!r}).reshape({self.shape}) [{self.layout}]"


def element_values(dtype: str):
    if dtype == "float64":
        return f64_values()
    if dtype == "float32":
        return f32_values()
    if dtype == "int32":
        return int_values("i32")
    return int_values("i64")


DTYPES = {"f64_1": ("float64",), "i64_1": ("int64",), "f64_2": ("float64",), "i64_2": ("int64",),
          "floating_1": ("float32", "float64"), "integral_1": ("int32", "int64")}


@st.composite
def array_value(draw, kind: str, fused_dtype: str | None = None) -> ArrayValue:
    ndim = ARRAY_KINDS[kind][1]
    dtype = fused_dtype or draw(st.sampled_from(DTYPES[kind]))
    shape = tuple(draw(st.one_of(st.just(0), st.integers(1, 6 if ndim == 1 else 3))) for _ in range(ndim))
    count = int(np.prod(shape)) if shape else 0
    values = tuple(draw(st.lists(element_values(dtype), min_size=count, max_size=count)))
    layout = draw(st.sampled_from(LAYOUTS_1D if ndim == 1 else LAYOUTS_2D))
    return ArrayValue(dtype, shape, values, layout)


@st.composite
def arguments(draw, function) -> tuple:
    """One call's arguments. Every array with the same fused name gets the
    same member (each specialization is one dtype for them all)."""
    fused_choice = {}
    out = []
    for param in function.params:
        if param.is_array:
            fused = ARRAY_KINDS[param.type][2]
            dtype = None
            if fused:
                if fused not in fused_choice:
                    fused_choice[fused] = draw(st.sampled_from(DTYPES[param.type]))
                dtype = fused_choice[fused]
            out.append(draw(array_value(param.type, dtype)))
        else:
            out.append(draw(scalar_values(param.type)))
    return tuple(out)


def make_arguments(values: tuple) -> tuple:
    return tuple(v.make() if isinstance(v, ArrayValue) else v for v in values)
