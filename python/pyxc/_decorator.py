"""``@pyxc.native`` and ``@pyxc.native(directive=value, ...)``."""
from __future__ import annotations

from typing import TYPE_CHECKING, overload

from . import _loader

if TYPE_CHECKING:
    # Only for type checkers: what the decorator returns, as the loader
    # builds it (a NativeFunction, or the Python function given the same
    # attributes by the fallback). Nothing here exists at run time.
    import asyncio
    import sys
    from typing import Any, Callable, Generic, TypeVar

    if sys.version_info >= (3, 10):
        from typing import ParamSpec
    else:
        from typing_extensions import ParamSpec

    _P = ParamSpec("_P")
    _R = TypeVar("_R")

    class NativeFunction(Generic[_P, _R]):
        """A compiled function: called as the Python one, ``.aio(...)`` is
        an asyncio future of the same call (runtime/pyxc/aio.h makes it
        with ``loop.create_future()``; the fallback's ``run_in_executor``
        returns one too), ``.py`` the Python function."""

        __name__: str
        __qualname__: str
        __signature__: Any

        def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> _R: ...
        def aio(self, *args: _P.args, **kwargs: _P.kwargs) -> asyncio.Future[_R]: ...
        @property
        def py(self) -> Callable[_P, _R]: ...

DIRECTIVES = ("boundscheck", "wraparound", "cdivision", "overflowcheck", "fastmath")


def _check_directives(directives: dict[str, object]) -> None:
    for name, value in directives.items():
        if name not in DIRECTIVES:
            raise TypeError(
                f"native() got an unknown directive {name!r}; "
                f"known directives: {', '.join(DIRECTIVES)}"
            )
        if not isinstance(value, bool):
            raise TypeError(f"native() directive {name!r} must be True or False, not {value!r}")


# Bare, or with directives (keyword-only, each a bool; the names are those
# of DIRECTIVES, which the compiler reads from the source).
@overload
def native(function: Callable[_P, _R], /) -> NativeFunction[_P, _R]: ...
@overload
def native(
    *,
    boundscheck: bool = ...,
    wraparound: bool = ...,
    cdivision: bool = ...,
    overflowcheck: bool = ...,
    fastmath: bool = ...,
) -> Callable[[Callable[_P, _R]], NativeFunction[_P, _R]]: ...


def native(function: Any = None, /, **directives: Any) -> Any:
    """Marks a function for compilation; returns the compiled function when
    the module's artifact is present and fresh, else the function itself.

    Usable bare (``@pyxc.native``) or with Cython-style directives
    (``@pyxc.native(boundscheck=False)``). The directives are read by the
    compiler from the source; here they are only validated.
    """
    _check_directives(directives)
    if function is None:
        return lambda fn: _decorate(fn)
    return _decorate(function)


def _decorate(function: Any) -> Any:
    if not callable(function) or not hasattr(function, "__code__"):
        raise TypeError(f"@pyxc.native applies to a Python function, not {function!r}")
    return _loader.bind(function)
