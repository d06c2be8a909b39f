"""``@pyxc.native`` and ``@pyxc.native(directive=value, ...)``."""
from __future__ import annotations

from . import _loader

DIRECTIVES = ("boundscheck", "wraparound", "cdivision", "overflowcheck", "fastmath")


def _check_directives(directives: dict) -> None:
    for name, value in directives.items():
        if name not in DIRECTIVES:
            raise TypeError(
                f"native() got an unknown directive {name!r}; "
                f"known directives: {', '.join(DIRECTIVES)}"
            )
        if not isinstance(value, bool):
            raise TypeError(f"native() directive {name!r} must be True or False, not {value!r}")


def native(function=None, /, **directives):
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


def _decorate(function):
    if not callable(function) or not hasattr(function, "__code__"):
        raise TypeError(f"@pyxc.native applies to a Python function, not {function!r}")
    return _loader.bind(function)
