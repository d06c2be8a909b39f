"""Building a generated module on both sides and comparing calls.

A *backend* turns a Module into an imported module of callables: `Pyxc`
compiles the native source with `pyxc build`; the oracle side is always
the oracle source imported by CPython. (The self-test plugs in a backend
that imports a deliberately wrong oracle instead of compiled code.)
"""
from __future__ import annotations

import itertools
import math
import sys
from dataclasses import dataclass
from pathlib import Path

RANDOM_DIR = Path(__file__).resolve().parent
E2E_DIR = RANDOM_DIR.parent / "e2e"
for directory in (str(RANDOM_DIR), str(E2E_DIR)):
    if directory not in sys.path:
        sys.path.insert(0, directory)

from outcomes import same_array, same_value  # noqa: E402
from programs_support import build, import_compiled, import_module_from  # noqa: E402
from oracle_runtime import NativeValueError, Unpromised  # noqa: E402
from random_inputs import ArrayValue, make_arguments  # noqa: E402
import random_stats  # noqa: E402

_serial = itertools.count()


class BuildFailed(AssertionError):
    pass


class OracleBroken(RuntimeError):
    pass


def import_oracle(module, work_dir: Path, stem: str):
    path = work_dir / f"{stem}_oracle.py"
    path.write_text(module.source(oracle=True))
    return import_module_from(path, path.stem)


class Pyxc:
    """The compiled side: `pyxc build` of the native source."""

    def __init__(self, pyxc: str):
        self.pyxc = pyxc

    def load(self, module, work_dir: Path, stem: str):
        path = work_dir / f"{stem}.py"
        path.write_text(module.source(oracle=False))
        completed = build(self.pyxc, path)
        if completed.returncode != 0:
            raise BuildFailed(f"`pyxc build` rejected a generated program (exit {completed.returncode}):\n"
                              f"{completed.stdout}{completed.stderr}\n--- program ---\n{module.source(False)}")
        return import_compiled(path, stem)


@dataclass
class Outcome:
    value: object = None
    error: BaseException | None = None
    arrays: tuple = ()

    def describe(self) -> str:
        text = (f"raised {type(self.error).__name__}({str(self.error)!r})" if self.error is not None
                else f"returned {self.value!r}")
        if self.arrays:
            text += f"; arrays after: {[a.tolist() for a in self.arrays]}"
        return text


def run(function, values: tuple) -> Outcome:
    args = make_arguments(values)
    try:
        value, error = function(*args), None
    except Exception as raised:  # every exception is an outcome
        value, error = None, raised
    arrays = tuple(a for a in args if hasattr(a, "dtype"))
    return Outcome(value, error, arrays)


def difference(expected: Outcome, actual: Outcome) -> str | None:
    """None when the compiled outcome matches the oracle's, else why not."""
    if expected.error is not None and actual.error is not None:
        want, got = expected.error, actual.error
        if isinstance(want, NativeValueError):
            if not isinstance(got, ValueError):
                return f"expected ValueError, compiled {actual.describe()}"
        elif type(want) is not type(got):
            return f"oracle {expected.describe()}, compiled {actual.describe()}"
        elif type(want) is not OverflowError and str(want) != str(got):
            return f"same type, different message: oracle {expected.describe()}, compiled {actual.describe()}"
    elif expected.error is not None or actual.error is not None:
        return f"oracle {expected.describe()}, compiled {actual.describe()}"
    elif not same_value(expected.value, actual.value):
        return f"oracle {expected.describe()}, compiled {actual.describe()}"
    for index, (want, got) in enumerate(zip(expected.arrays, actual.arrays)):
        if not same_array(want, got):
            return f"array argument {index} differs after the call: oracle {expected.describe()}, compiled {actual.describe()}"
    return None


def compare_call(compiled_function, oracle_function, values: tuple) -> str | None | type:
    """The difference, None when they agree, or Unpromised when pyxc
    promises nothing exact for these inputs."""
    expected = run(oracle_function, values)
    if isinstance(expected.error, Unpromised):
        return Unpromised
    if type(expected.error) in (NameError, AttributeError, TypeError):
        # Generated programs never do this under CPython: the generator or
        # the oracle is wrong, not pyxc.
        raise OracleBroken(f"the oracle raised {expected.describe()} on {describe_values(values)}")
    actual = run(compiled_function, values)
    if expected.error is not None and actual.error is not None:
        random_stats.STATS["raised"] += 1
        name = type(expected.error).__name__
        random_stats.RAISED[name] = random_stats.RAISED.get(name, 0) + 1
    return difference(expected, actual)


def describe_values(values: tuple) -> str:
    return ", ".join(repr(v) if isinstance(v, ArrayValue) else float_repr(v) for v in values)


def float_repr(value) -> str:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return f"float({str(value)!r})"
    return repr(value)


def fresh_stem(prefix: str) -> str:
    return f"{prefix}_{next(_serial)}"


class PlainCPython:
    """A deliberately wrong "compiled" side for the self-test: the native
    source run by plain CPython (PYXC_DISABLE=1), whose ints never
    overflow, whose f32 never rounds and whose array elements are NumPy
    scalars."""

    def load(self, module, work_dir: Path, stem: str):
        from programs_support import import_cpython
        path = work_dir / f"{stem}.py"
        path.write_text(module.source(oracle=False))
        return import_cpython(path, stem)


class OracleAgain:
    """The oracle as the "compiled" side: every call must agree (checks the
    generator and the harness without a compiler)."""

    def load(self, module, work_dir: Path, stem: str):
        return import_oracle(module, work_dir, stem + "_again")
