"""pyxc: compile annotated Python functions to C++ extension modules.

Decorate hot functions with ``@pyxc.native``; ``pyxc build`` compiles them
into ``__pyxc__/`` beside the module, and the decorator binds the compiled
functions at import. Without an artifact the module runs as plain Python.
"""
from __future__ import annotations

from pathlib import Path as _Path

from ._decorator import native
from ._loader import PyxcFallbackWarning
from ._types import ArrayType, FusedType, ScalarType, fused

__version__ = "0.1.0"

i8 = ScalarType("i8", "int", 8)
i16 = ScalarType("i16", "int", 16)
i32 = ScalarType("i32", "int", 32)
i64 = ScalarType("i64", "int", 64)
u8 = ScalarType("u8", "uint", 8)
u16 = ScalarType("u16", "uint", 16)
u32 = ScalarType("u32", "uint", 32)
u64 = ScalarType("u64", "uint", 64)
f32 = ScalarType("f32", "float", 32)
f64 = ScalarType("f64", "float", 64)

integer = FusedType("integer", (i8, i16, i32, i64, u8, u16, u32, u64))
floating = FusedType("floating", (f32, f64))
numeric = FusedType("numeric", integer.members + floating.members)

def prange(*args, num_threads=None):
    """A parallel ``range`` in native code; in plain Python an ordinary ``range``.

    ``num_threads`` caps the threads the compiled loop uses (an int, at
    least 1); here it is only validated, as the compiled loop would.
    """
    if num_threads is not None:
        if not hasattr(type(num_threads), "__index__"):
            raise TypeError(
                f"prange() num_threads must be an int, not {type(num_threads).__name__}"
            )
        if num_threads.__index__() < 1:
            raise ValueError(
                f"prange() num_threads must be at least 1, not {num_threads.__index__()}"
            )
    if not args:
        raise TypeError("prange expected at least 1 argument, got 0")
    if len(args) > 3:
        raise TypeError(f"prange expected at most 3 arguments, got {len(args)}")
    return range(*args)


class _GilBlock:
    """The context manager ``pyxc.gil()`` returns in plain Python: it does nothing."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        return None


_GIL_BLOCK = _GilBlock()


def gil() -> _GilBlock:
    """``with pyxc.gil():`` in a native function holds the GIL for its block,
    the only place native code may call Python objects. In plain Python the
    GIL is always held: a no-op context manager (exceptions pass through).
    """
    return _GIL_BLOCK


def _numpy_dtype(dtype):
    if isinstance(dtype, ScalarType):
        return dtype.numpy_dtype
    return dtype


def empty(shape, dtype=f64):
    """Python fallback of ``pyxc.empty``: a NumPy array."""
    import numpy

    return numpy.empty(shape, dtype=_numpy_dtype(dtype))


def zeros(shape, dtype=f64):
    """Python fallback of ``pyxc.zeros``: a NumPy array."""
    import numpy

    return numpy.zeros(shape, dtype=_numpy_dtype(dtype))


def get_include() -> str:
    """The directory holding ``pyxc/runtime.h`` (to pass as ``-I``)."""
    package = _Path(__file__).resolve().parent
    installed = package / "include"
    if (installed / "pyxc" / "runtime.h").is_file():
        return str(installed)
    return str(package.parent.parent / "runtime")


__all__ = [
    "ArrayType",
    "FusedType",
    "PyxcFallbackWarning",
    "ScalarType",
    "__version__",
    "empty",
    "f32",
    "f64",
    "floating",
    "fused",
    "get_include",
    "gil",
    "i16",
    "i32",
    "i64",
    "i8",
    "integer",
    "native",
    "numeric",
    "prange",
    "u16",
    "u32",
    "u64",
    "u8",
    "zeros",
]
