"""``.aio`` for functions that run as Python (no artifact, ``PYXC_DISABLE=1``).

A compiled function's ``.aio(...)`` returns an asyncio future of the call run
on pyxc's native worker pool. The Python fallback keeps user code working:
the same call returns a future of the call run in the loop's default
executor (what ``asyncio.to_thread`` does, context variables included).
As for the native one, calling it without a running loop raises
``RuntimeError`` at once; errors of the call itself arrive when awaited.
"""
from __future__ import annotations

import asyncio
import contextvars
import functools


def python_aio(function):
    """The ``.aio`` attribute given to `function` when it runs as Python."""

    def aio(*args, **kwargs):
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
        return loop.run_in_executor(None, call)

    functools.update_wrapper(aio, function)
    aio.__qualname__ = f"{function.__qualname__}.aio"
    aio.__name__ = "aio"
    return aio
