"""The Numba contender: kernels.py's own Python functions, compiled by
`numba.njit`. `error_model="numpy"` is Numba's cdivision (no
ZeroDivisionError checks); bounds checks are off by default. The runner sets
NUMBA_CPU_NAME=generic before Numba is imported, so LLVM targets baseline
x86-64 like the -O3-without--march C++ builds (Numba otherwise tunes for the
host CPU)."""
from __future__ import annotations

NAMES = ("dot", "matmul", "stencil", "min_distance", "mandelbrot", "recurrence", "histogram")


def compile_kernels(python_functions: dict) -> dict:
    """numba.njit of each Python function (compiled lazily, at the first call)."""
    import numba

    jit = numba.njit(error_model="numpy", fastmath=False, boundscheck=False, nogil=True)
    return {name: jit(python_functions[name]) for name in NAMES}
