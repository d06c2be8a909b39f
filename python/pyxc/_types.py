"""Type markers: scalar types, array types (``f64[:, ::1]``) and fused types.

In annotations they tell the compiler what a parameter is; in plain Python a
scalar marker is a cast (``i32(3.7) == 3``), so modules run unchanged.
"""
from __future__ import annotations

__all__ = ["ScalarType", "ArrayType", "FusedType", "fused"]


def _dimension_text(contiguous: bool) -> str:
    return "::1" if contiguous else ":"


def _parse_dimensions(key) -> tuple[int, bool]:
    """Returns (ndim, c_contiguous) for the subscript of ``T[...]``."""
    dims = key if isinstance(key, tuple) else (key,)
    if not dims:
        raise TypeError("an array type needs at least one dimension, e.g. f64[:]")
    contiguous = False
    for position, dim in enumerate(dims):
        if not isinstance(dim, slice) or dim.start is not None or dim.stop is not None:
            raise TypeError(
                f"array dimensions are written ':' or '::1', not {dim!r}; e.g. f64[:, ::1]"
            )
        if dim.step is None:
            continue
        if dim.step != 1:
            raise TypeError(f"an array dimension step must be 1 ('::1'), not {dim.step!r}")
        if position != len(dims) - 1:
            raise TypeError(
                "only the last dimension can be '::1' (C-contiguous), e.g. f64[:, ::1]"
            )
        contiguous = True
    return len(dims), contiguous


class _Subscriptable:
    def __getitem__(self, key) -> "ArrayType":
        ndim, contiguous = _parse_dimensions(key)
        return ArrayType(self, ndim, contiguous)


class ScalarType(_Subscriptable):
    """A fixed-width scalar type such as ``pyxc.i32``; calling it casts."""

    __slots__ = ("name", "kind", "bits")

    def __init__(self, name: str, kind: str, bits: int):
        self.name = name
        self.kind = kind  # "int", "uint" or "float"
        self.bits = bits

    def __call__(self, value):
        return float(value) if self.kind == "float" else int(value)

    @property
    def numpy_dtype(self) -> str:
        return {"int": "int", "uint": "uint", "float": "float"}[self.kind] + str(self.bits)

    def __repr__(self) -> str:
        return f"pyxc.{self.name}"


class ArrayType:
    """``T[:]``, ``T[:, ::1]``: an array view type (annotation only)."""

    __slots__ = ("dtype", "ndim", "contiguous")

    def __init__(self, dtype, ndim: int, contiguous: bool):
        self.dtype = dtype
        self.ndim = ndim
        self.contiguous = contiguous

    def __repr__(self) -> str:
        dims = [":"] * (self.ndim - 1) + [_dimension_text(self.contiguous)]
        return f"{self.dtype!r}[{', '.join(dims)}]"

    def __eq__(self, other) -> bool:
        return isinstance(other, ArrayType) and (self.dtype, self.ndim, self.contiguous) == (
            other.dtype,
            other.ndim,
            other.contiguous,
        )

    def __hash__(self) -> int:
        return hash((ArrayType, self.dtype, self.ndim, self.contiguous))


class FusedType(_Subscriptable):
    """A set of types; a function using one is compiled once per member."""

    __slots__ = ("name", "members")

    def __init__(self, name: str, members: tuple):
        self.name = name
        self.members = members

    def __repr__(self) -> str:
        return f"pyxc.{self.name}"


def fused(name: str, *members) -> FusedType:
    """``T = pyxc.fused("T", f32, f64)``."""
    if not isinstance(name, str) or not name.isidentifier():
        raise TypeError(f"fused() needs a name first, e.g. fused('T', f32, f64), not {name!r}")
    if len(members) < 2:
        raise TypeError("fused() needs at least two member types")
    for member in members:
        if not isinstance(member, ScalarType):
            raise TypeError(f"fused() members must be pyxc scalar types, not {member!r}")
    return FusedType(name, tuple(members))
