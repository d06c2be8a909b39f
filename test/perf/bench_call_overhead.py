"""Call overhead of a trivial add, in airspeed velocity's conventions
(module-level setup(), time_* functions), so `asv` or `pyxc bench` can run
it. Each time_* makes 1000 calls, so the per-call cost dominates asv's own.
run_call_overhead.py measures the same thing with interleaved rounds and
prints ratios to operator.add."""
import operator

from contenders import all_contenders

CALLS = range(1000)
_functions = {}


def setup():
    if not _functions:
        for contender in all_contenders():
            if contender.missing is None:
                _functions[contender.name.split("-")[0]] = contender
    # asv skips a benchmark whose setup raises NotImplementedError.
    if "pyxc" not in _functions:
        raise NotImplementedError("pyxc contender unavailable")


def _loop(function, a, b):
    for _ in CALLS:
        function(a, b)


def time_operator_add_int():
    _loop(operator.add, 3, 4)


def time_pyxc_add_int():
    _loop(_functions["pyxc"].add, 3, 4)


def time_cython_add_int():
    if "cython" not in _functions:
        raise NotImplementedError("Cython unavailable")
    _loop(_functions["cython"].add, 3, 4)


def time_python_def_add_int():
    _loop(_functions["python"].add, 3, 4)


def time_operator_add_float():
    _loop(operator.add, 3.5, 4.25)


def time_pyxc_fadd_float():
    _loop(_functions["pyxc"].fadd, 3.5, 4.25)


def time_cython_fadd_float():
    if "cython" not in _functions:
        raise NotImplementedError("Cython unavailable")
    _loop(_functions["cython"].fadd, 3.5, 4.25)


def time_hand_cpp_add_int():
    if "hand" not in _functions:
        raise NotImplementedError("hand-written C++ reference unavailable")
    _loop(_functions["hand"].add, 3, 4)


def time_hand_cpp_fadd_float():
    if "hand" not in _functions:
        raise NotImplementedError("hand-written C++ reference unavailable")
    _loop(_functions["hand"].fadd, 3.5, 4.25)
