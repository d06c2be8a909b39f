"""The array kernels in airspeed velocity's conventions (module-level
setup(), time_<kernel>_<contender> functions, each with its own setup that
raises NotImplementedError, asv's "skip", when that contender is missing),
so `asv` or `pyxc bench` can run them. One call per time_* function: every
kernel takes a millisecond or more, far above asv's own overhead.
run_array_kernels.py measures the same kernels with interleaved rounds,
checks the results, and prints ratios to the hand-written C++ reference.

Plain CPython is not here: one call takes seconds (run_array_kernels.py
times it in a few rounds)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "arrays"))

import array_contenders as ac  # noqa: E402  (sets the BLAS/Numba environment first)

# contender key in the function names -> builder
_BUILDERS = {
    "pyxc": lambda: ac.build_pyxc(),
    "pyxc_checked": lambda: ac.build_pyxc(checked=True),
    "hand_cpp": ac.build_hand_cpp,
    "cython": ac.build_cython,
    "numba": ac.build_numba,
    "numpy": ac.numpy_idioms,
}
_contenders = {}
_cases = {}


def setup():
    if not _cases:
        _cases.update(ac.make_cases())


def _contender(key):
    if key not in _contenders:
        _contenders[key] = _BUILDERS[key]()
    return _contenders[key]


def _make(kernel, key):
    def prepare():
        setup()
        contender = _contender(key)
        if contender.missing is not None:
            raise NotImplementedError(f"{contender.name} unavailable: {contender.missing}")
        if kernel not in contender.kernels:
            raise NotImplementedError(f"{contender.name} has no {kernel}")
        case = _cases[kernel]
        contender.kernels[kernel](*case.args)  # warm up (Numba compiles here)

    def run():
        _contenders[key].kernels[kernel](*_cases[kernel].args)

    run.__name__ = run.__qualname__ = f"time_{kernel}_{key}"
    run.__doc__ = f"{ac.DESCRIPTIONS[kernel]}, {key}"
    run.setup = prepare
    return run


for _kernel in ac.KERNELS:
    for _key in _BUILDERS:
        if _key == "numpy" and _kernel == "recurrence":
            continue  # no NumPy idiom for a sequential recurrence
        globals()[f"time_{_kernel}_{_key}"] = _make(_kernel, _key)
del _kernel, _key
