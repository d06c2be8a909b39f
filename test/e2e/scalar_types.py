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


@dataclass(frozen=True)
class ListSpec:
    """A `list[T]` parameter: drawn as a Python list of T's values."""
    element: ScalarType


def list_strategy(spec: ListSpec, bound) -> st.SearchStrategy:
    """PYXC_TEST_ARGS for a list parameter bounds its elements, or is a
    strategy for the whole list."""
    if isinstance(bound, st.SearchStrategy):
        return bound
    element = strategy_for(spec.element) if bound is None else bounded_strategy(spec.element, bound)
    return st.lists(element, max_size=12)


def list_edges(spec: ListSpec, bound) -> list:
    if isinstance(bound, st.SearchStrategy):
        return []
    values = bounded_edges(spec.element, bound)
    return [[], values[:1], values[:3], list(reversed(values)), values]


@dataclass(frozen=True)
class TupleParam:
    """A `tuple[...]` parameter of scalars (or nested tuples of them); an
    element may be a fused type that an array parameter picks (ArrayPlan
    resolves it per call)."""
    elements: tuple

    name = "tuple"
    is_int = False
    is_float = False


def tuple_param_of(annotation) -> TupleParam | None:
    if typing.get_origin(annotation) is not tuple:
        return None
    elements = []
    for a in typing.get_args(annotation):
        element = tuple_param_of(a) or _marker_scalar(a)
        if element is None:
            return None
        elements.append(element)
    return TupleParam(tuple(elements))


def return_spec(annotation) -> ReturnSpec:
    if annotation is None or annotation is type(None):
        return ReturnSpec("none")
    if typing.get_origin(annotation) is list:
        return ReturnSpec("list", elements=tuple(return_spec(a) for a in typing.get_args(annotation)))
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
    if isinstance(scalar, TupleParam):  # each element's edges, side by side
        columns = [edge_values(e) for e in scalar.elements]
        longest = max(len(c) for c in columns)
        return [tuple(c[i % len(c)] for c in columns) for i in range(longest)]
    if scalar.name == "bool":
        return [False, True]
    if scalar.is_int:
        return int_edges(scalar.name)
    return float_edges(scalar.name)


def strategy_for(scalar: ScalarType) -> st.SearchStrategy:
    if isinstance(scalar, TupleParam):
        return st.tuples(*(strategy_for(e) for e in scalar.elements))
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
    if isinstance(scalar, TupleParam):  # (low, high) bounds every element
        return st.tuples(*(bounded_strategy(e, bound) for e in scalar.elements))
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
    if isinstance(scalar, TupleParam):
        columns = [bounded_edges(e, bound) for e in scalar.elements]
        longest = max(len(c) for c in columns)
        return [tuple(c[i % len(c)] for c in columns) for i in range(longest)]
    low, high = bound
    values = [v for v in edge_values(scalar) if not isinstance(v, float) or not math.isnan(v)]
    inside = [v for v in values if low <= v <= high]
    return sorted(set(inside + [low, high]), key=lambda v: (v, str(v)))


# ---------------------------------------------------------------------------
# Arrays: `T[:]`, `T[:, ::1]` ... and fused element types.
#
# An array argument is drawn as an ArrayInput (a recipe: dtype, shape, layout
# and the values in C order), never as an array: each side of a differential
# call builds its own arrays from the recipe, so an in-place write by one side
# cannot leak into the other, and the memory layout (strides, order, offset)
# is the same on both sides (copying a NumPy view would not keep it).
# ---------------------------------------------------------------------------

NUMPY_DTYPES = {"i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
                "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
                "f32": "float32", "f64": "float64", "bool": "bool"}
SCALAR_OF_DTYPE = {dtype: name for name, dtype in NUMPY_DTYPES.items()}


@dataclass(frozen=True)
class FusedScalar:
    name: str
    members: tuple  # of ScalarType


@dataclass(frozen=True)
class ArraySpec:
    element: object  # ScalarType or FusedScalar
    ndim: int
    contiguous: bool  # T[..., ::1]: C-contiguous

    def members(self) -> tuple:
        return self.element.members if isinstance(self.element, FusedScalar) else (self.element,)


def _marker_scalar(obj) -> ScalarType | FusedScalar | None:
    """scalar_of, plus fused types (array elements and fused scalars)."""
    try:
        import pyxc
    except ImportError:
        pyxc = None
    if pyxc is not None and isinstance(obj, pyxc.FusedType):
        return FusedScalar(obj.name, tuple(ScalarType(m.name) for m in obj.members))
    return scalar_of(obj)


def _dims_of_slice(node) -> tuple[int, bool] | None:
    import ast
    dims = node.elts if isinstance(node, ast.Tuple) else [node]
    contiguous = False
    for dim in dims:
        if not isinstance(dim, ast.Slice) or dim.lower is not None or dim.upper is not None:
            return None
        if dim.step is not None:
            contiguous = True
    return len(dims), contiguous


def _string_annotation(text: str, namespace: dict):
    """A string annotation (`from __future__ import annotations`) read
    without evaluating `bool[:]`, which plain Python cannot evaluate."""
    import ast
    node = ast.parse(text, mode="eval").body

    def resolve(expr):
        if isinstance(expr, ast.Name) and expr.id in ("int", "float", "bool") and expr.id not in namespace:
            return {"int": int, "float": float, "bool": bool}[expr.id]
        return eval(compile(ast.Expression(expr), "<annotation>", "eval"), dict(namespace))

    if isinstance(node, ast.Subscript):
        if isinstance(node.value, ast.Name) and node.value.id == "tuple":
            return eval(compile(ast.Expression(node), "<annotation>", "eval"), dict(namespace))
        element = _marker_scalar(resolve(node.value))
        dims = _dims_of_slice(node.slice)
        if element is None or dims is None:
            return None
        return ArraySpec(element, *dims)
    return resolve(node)


def param_type_of(annotation, namespace: dict | None = None):
    """ScalarType, FusedScalar or ArraySpec for a parameter annotation
    (an object, or a string under `from __future__ import annotations`)."""
    if isinstance(annotation, str):
        annotation = _string_annotation(annotation, namespace or {})
        if isinstance(annotation, ArraySpec) or annotation is None:
            return annotation
    try:
        import pyxc
    except ImportError:
        return None
    if typing.get_origin(annotation) is list and len(typing.get_args(annotation)) == 1:
        element = _marker_scalar(typing.get_args(annotation)[0])
        return ListSpec(element) if isinstance(element, ScalarType) else None
    if isinstance(annotation, pyxc.ArrayType):
        element = _marker_scalar(annotation.dtype)
        return None if element is None else ArraySpec(element, annotation.ndim, annotation.contiguous)
    return tuple_param_of(annotation) or _marker_scalar(annotation)


def array_return_spec(annotation, namespace: dict | None = None):
    spec = param_type_of(annotation, namespace) if annotation is not None else None
    return spec if isinstance(spec, ArraySpec) else None


# Layouts an array argument is drawn in. "C": a fresh C-contiguous array;
# "offset": C-contiguous inside a larger buffer (first and last rows are
# sentinels); "reversed": every axis walked backwards (negative strides);
# "strided": every other element of a buffer twice as large on the first and
# last axes (sentinels in between); "fortran": Fortran order; "swapped": the
# first two axes of a C array swapped (a.T for 2-D, not F-order for 3-D+).
CONTIGUOUS_LAYOUTS = ("C", "offset")
LAYOUTS_1D = ("C", "offset", "reversed", "strided")
LAYOUTS_ND = ("C", "offset", "reversed", "strided", "fortran", "swapped")


def layouts_for(spec: ArraySpec) -> tuple:
    if spec.contiguous:
        return CONTIGUOUS_LAYOUTS
    return LAYOUTS_1D if spec.ndim == 1 else LAYOUTS_ND


def _sentinel(dtype: str):
    if dtype == "bool":
        return True
    if dtype.startswith("float"):
        return -777.25
    return 77


@dataclass(frozen=True)
class ArrayInput:
    dtype: str  # NumPy dtype name
    shape: tuple
    layout: str
    values: tuple  # in C order of the logical array

    def build(self):
        """(view, base): `view` is what the function gets, `base` the whole
        buffer it lives in (compared after the call, sentinels included)."""
        import numpy as np
        logical = np.array(self.values, dtype=self.dtype).reshape(self.shape)
        ndim = len(self.shape)
        if self.layout == "C":
            base = np.ascontiguousarray(logical.copy())
            return base, base
        if self.layout == "offset":
            base = np.full((self.shape[0] + 2,) + self.shape[1:], _sentinel(self.dtype), dtype=self.dtype)
            base[1:-1] = logical
            return base[1:-1], base
        if self.layout == "reversed":
            flip = (slice(None, None, -1),) * ndim
            base = np.ascontiguousarray(logical[flip])
            return base[flip], base
        if self.layout == "strided":
            big = list(self.shape)
            big[0] *= 2
            big[-1] = big[-1] * 2 if ndim > 1 else big[-1]
            base = np.full(big, _sentinel(self.dtype), dtype=self.dtype)
            step = (slice(None, None, 2),) + (slice(None),) * (ndim - 2) + ((slice(None, None, 2),) if ndim > 1 else ())
            base[step] = logical
            return base[step], base
        if self.layout == "fortran":
            base = np.asfortranarray(logical)
            return base, base
        if self.layout == "swapped":
            base = np.ascontiguousarray(np.swapaxes(logical, 0, 1))
            return np.swapaxes(base, 0, 1), base
        raise ValueError(f"unknown layout {self.layout}")

    def __repr__(self) -> str:
        import numpy as np
        nested = np.array(self.values, dtype=self.dtype).reshape(self.shape).tolist()
        suffix = "" if self.layout == "C" else f" [{self.layout}]"
        return f"np.array({nested!r}, dtype={self.dtype!r}, shape={self.shape}){suffix}"


def array_input_from(value, spec: ArraySpec) -> ArrayInput:
    """A program's explicit case (a NumPy array or nested lists) as a recipe."""
    import numpy as np
    if isinstance(value, ArrayInput):
        return value
    if isinstance(value, np.ndarray):
        array = value
    else:
        array = np.array(value, dtype=NUMPY_DTYPES[spec.members()[0].name])
        if array.ndim != spec.ndim:  # e.g. [] for a 2-D parameter
            array = array.reshape((0,) * spec.ndim)
    return ArrayInput(str(array.dtype), tuple(array.shape), "C", tuple(array.ravel().tolist()))


# Default side lengths per ndim: small enough that a 4-D array stays cheap.
DEFAULT_SIDE = {1: (0, 9), 2: (0, 5), 3: (0, 4), 4: (0, 3)}


def _element_strategy(scalar: ScalarType, bound) -> st.SearchStrategy:
    if bound is None:
        return strategy_for(scalar)
    return bounded_strategy(scalar, bound)


def _element_edges(scalar: ScalarType, bound) -> list:
    if isinstance(bound, st.SearchStrategy):
        return []
    edges = bounded_edges(scalar, bound)
    if scalar.is_float and bound is None:
        return edges
    return edges


class ArrayPlan:
    """How one function's arguments are drawn. PYXC_TEST_ARGS for a
    function may give, besides scalar bounds:

    * for an array parameter, either an element bound ((low, high), a list,
      a strategy) or a dict with `elements` (that bound), `shape` (a tuple of
      axis names or ints: axes with the same name get the same length in one
      call; default names "d0", "d1", ... so arrays of the same ndim match),
      and `layouts` (a subset of the layouts above);
    * `_dims`: {axis name: (low, high)} side lengths (default by ndim).

    With `mismatch` (functions with two or more array parameters, indices
    checked), about one call in six gives one array its own side lengths,
    so the bounds checks of multi-array kernels (a shorter `b` in a dot
    product) are compared too; `_exact_shapes: True` turns that off.
    """

    def __init__(self, parameters: list, types: list, bounds: dict, mismatch: bool = True):
        self.parameters = parameters
        self.types = types
        self.bounds = bounds
        arrays = sum(isinstance(kind, ArraySpec) for kind in types)
        self.mismatch = mismatch and arrays >= 2 and not bounds.get("_exact_shapes", False)
        self.dims = dict(bounds.get("_dims", {}))
        self.axis_names: dict[str, tuple] = {}
        for parameter, kind in zip(parameters, types):
            if isinstance(kind, ArraySpec):
                shape = self._array_bound(parameter.name).get("shape")
                names = tuple(shape) if shape is not None else tuple(f"d{k}" for k in range(kind.ndim))
                assert len(names) == kind.ndim, f"shape {names} for {parameter.name} is not {kind.ndim}-D"
                self.axis_names[parameter.name] = names
                for name in names:
                    if isinstance(name, str) and name not in self.dims:
                        self.dims[name] = DEFAULT_SIDE[kind.ndim]
        self.fused = {}
        for kind in types:
            element = kind.element if isinstance(kind, ArraySpec) else kind
            if isinstance(element, FusedScalar):
                self.fused[element.name] = element.members

    def _array_bound(self, name: str) -> dict:
        bound = self.bounds.get(name)
        if bound is None:
            return {}
        if isinstance(bound, dict):
            return bound
        return {"elements": bound}

    def _resolve(self, kind, chosen: dict) -> ScalarType:
        element = kind.element if isinstance(kind, ArraySpec) else kind
        if isinstance(element, TupleParam):
            return TupleParam(tuple(self._resolve(e, chosen) for e in element.elements))
        return chosen[element.name] if isinstance(element, FusedScalar) else element

    def strategy(self) -> st.SearchStrategy:
        @st.composite
        def draw_call(draw):
            chosen = {name: draw(st.sampled_from(members)) for name, members in self.fused.items()}
            sides = {name: draw(st.integers(*bound)) for name, bound in sorted(self.dims.items())}
            array_names = [p.name for p, k in zip(self.parameters, self.types) if isinstance(k, ArraySpec)]
            odd_one = None
            if self.mismatch and draw(st.integers(0, 5)) == 5:
                odd_one = draw(st.sampled_from(array_names))
            args = []
            for parameter, kind in zip(self.parameters, self.types):
                scalar = self._resolve(kind, chosen)
                if not isinstance(kind, ArraySpec):
                    bound = self.bounds.get(parameter.name)
                    args.append(draw(_element_strategy(scalar, bound)))
                    continue
                bound = self._array_bound(parameter.name)
                own = sides
                if parameter.name == odd_one:
                    own = {name: draw(st.integers(*self.dims[name])) for name in sorted(self.dims)}
                shape = tuple(own[a] if isinstance(a, str) else a for a in self.axis_names[parameter.name])
                layout = draw(st.sampled_from(bound.get("layouts", layouts_for(kind))))
                size = math.prod(shape)
                values = draw(st.lists(_element_strategy(scalar, bound.get("elements")),
                                       min_size=size, max_size=size))
                args.append(ArrayInput(NUMPY_DTYPES[scalar.name], shape, layout, tuple(values)))
            return tuple(args)

        return draw_call()

    def edge_cases(self, limit: int) -> list[tuple]:
        """Deterministic cases: every array of a call empty, of one element,
        or filled with its dtype's edge values (within the element bound) in
        each layout, combined with the scalars' edge values."""
        import itertools
        import random as _random
        choices = list(itertools.product(*self.fused.values())) or [()]
        cases = []
        side_plans = [lambda b: b[0], lambda b: min(max(b[0], 1), b[1]), lambda b: b[1],
                      lambda b: (b[0] + b[1] + 1) // 2]
        for members in choices:
            chosen = dict(zip(self.fused, members))
            for side_plan in side_plans:
                sides = {name: side_plan(bound) for name, bound in self.dims.items()}
                columns = []
                for parameter, kind in zip(self.parameters, self.types):
                    scalar = self._resolve(kind, chosen)
                    if not isinstance(kind, ArraySpec):
                        columns.append(bounded_edges(scalar, self.bounds.get(parameter.name)))
                        continue
                    bound = self._array_bound(parameter.name)
                    edges = _element_edges(scalar, bound.get("elements"))
                    if not edges:
                        edges = [0] if scalar.is_int else ([False] if scalar.name == "bool" else [0.0])
                    shape = tuple(sides[a] if isinstance(a, str) else a
                                  for a in self.axis_names[parameter.name])
                    size = math.prod(shape)
                    fills = [tuple(edges[(k + shift) % len(edges)] for k in range(size))
                             for shift in range(min(len(edges), 3))]
                    column = [ArrayInput(NUMPY_DTYPES[scalar.name], shape, layout, fill)
                              for layout in bound.get("layouts", layouts_for(kind)) for fill in fills]
                    columns.append(column)
                if any(not column for column in columns):
                    continue
                total = math.prod(len(c) for c in columns)
                if total <= limit:
                    cases.extend(itertools.product(*columns))
                else:
                    rng = _random.Random(repr(sorted(sides.items())) + repr(members))
                    for _ in range(limit):
                        cases.append(tuple(rng.choice(c) for c in columns))
        if len(cases) > limit:
            cases = _random.Random(len(cases)).sample(cases, limit)
        return cases
