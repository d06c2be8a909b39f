"""The corpus of published kernels: finding, building, running, comparing.

Shared by test_corpus.py (CI), coverage_report.py (docs/coverage.md) and
test/perf/run_corpus.py (timings). A kernel file is any module in this
folder that assigns `CORPUS_EXPECT`; its name is `<suite>_<kernel>.py`, and
it defines (see README.md):

- `CORPUS_EXPECT`: "compiles" or "refused", the status on main;
- `CORPUS_ENTRY`: the name of the `@pyxc.native` function that is called;
- `CORPUS_INPUTS()`: a list of argument tuples (small, edge inputs among
  them) built with NumPy from a fixed seed, fresh objects on every call;
- `CORPUS_LARGE()`: one argument tuple big enough to time.

Building reuses test/e2e's helpers (programs_support: `pyxc build`, the
compiled and the PYXC_DISABLE=1 imports); comparing reuses outcomes.py's
`run_call` (an outcome is a value or an exception) and adds the float
tolerance described in `same_result`.
"""
from __future__ import annotations

import ast
import math
import os
import re
import shutil
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent
REPO_DIR = CORPUS_DIR.parents[1]
E2E_DIR = REPO_DIR / "test" / "e2e"
for _path in (str(E2E_DIR), str(REPO_DIR / "python")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from outcomes import Raised, Returned, from_numpy, run_call  # noqa: E402
from programs_support import (artifact_path, build, find_pyxc, import_compiled,  # noqa: E402
                              import_cpython)

SUITES = {
    "pythran": "Pythran (numpy-benchmarks)",
    "numba": "Numba documentation",
    "npbench": "NPBench",
    "clbg": "Benchmarks Game",
}
# A pyxc diagnostic: `path:line:col: error: message` (SPEC section 2).
DIAGNOSTIC = re.compile(r"^(?P<where>\S+\.py:\d+:\d+): error: (?P<message>.*)$", re.MULTILINE)
# Floats agree when |cpython - compiled| <= RTOL * max(1, |cpython|).
RTOL = 1e-9


@dataclass(frozen=True)
class Kernel:
    stem: str            # file name without .py
    suite: str           # display name of the suite
    name: str            # the kernel's name in its suite
    expect: str          # CORPUS_EXPECT
    entry: str           # CORPUS_ENTRY

    @property
    def path(self) -> Path:
        return CORPUS_DIR / f"{self.stem}.py"


def _constant(tree: ast.Module, name: str) -> Any:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def kernels() -> list[Kernel]:
    """Every corpus kernel, sorted by file name, read without importing."""
    found = []
    for path in sorted(CORPUS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text())
        expect = _constant(tree, "CORPUS_EXPECT")
        if expect is None:
            continue
        prefix, _, name = path.stem.partition("_")
        if prefix not in SUITES or expect not in ("compiles", "refused"):
            raise ValueError(f"{path.name}: suite prefix {prefix!r} or CORPUS_EXPECT {expect!r} unknown")
        entry = _constant(tree, "CORPUS_ENTRY")
        if not entry:
            raise ValueError(f"{path.name}: no CORPUS_ENTRY")
        found.append(Kernel(path.stem, SUITES[prefix], name, expect, entry))
    return found


@dataclass
class BuildOutcome:
    kernel: Kernel
    path: Path           # the built copy
    status: str          # "compiled", "refused" (a pyxc diagnostic) or "broken"
    returncode: int
    log: str
    diagnostic: str = ""  # first diagnostic, `file:line:col: error: message`
    diagnostics: int = 0  # how many errors

    def why_broken(self) -> str:
        return (f"`pyxc build {self.path.name}` exited {self.returncode}: a pyxc bug "
                f"(exit 3 is a C++ toolchain failure, negative a signal)\n{self.log}")


def classify(kernel: Kernel, path: Path, returncode: int, log: str) -> BuildOutcome:
    """compiled: exit 0 with the artifact; refused: exit 1 with at least one
    `file:line:col: error:` line; anything else (exit 3, a signal, exit 1
    without a diagnostic, exit 0 without an artifact) is broken."""
    errors = list(DIAGNOSTIC.finditer(log))
    if returncode == 0 and artifact_path(path).exists():
        return BuildOutcome(kernel, path, "compiled", returncode, log)
    if returncode == 1 and errors:
        first = errors[0]
        where = first.group("where").rsplit("/", 1)[-1]
        return BuildOutcome(kernel, path, "refused", returncode, log,
                            f"{where}: error: {first.group('message')}", len(errors))
    return BuildOutcome(kernel, path, "broken", returncode, log)


def build_corpus(pyxc: str, work_dir: Path, selected: list[Kernel] | None = None,
                 jobs: int = 2, options: tuple[str, ...] = ()) -> dict[str, BuildOutcome]:
    """Copies each kernel into `work_dir` and runs `pyxc build` on each
    copy on its own (so one refused kernel fails only itself), `jobs` at a
    time."""
    selected = kernels() if selected is None else selected
    work_dir.mkdir(parents=True, exist_ok=True)

    def build_one(kernel: Kernel) -> tuple[str, BuildOutcome]:
        copy = work_dir / kernel.path.name
        shutil.copy(kernel.path, copy)
        completed = build(pyxc, copy, *options)
        log = f"$ pyxc build {copy.name} -> exit {completed.returncode}\n{completed.stdout}{completed.stderr}"
        return kernel.stem, classify(kernel, copy, completed.returncode, log)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return dict(pool.map(build_one, selected))


def import_pair(outcome: BuildOutcome):
    """(compiled module, CPython module) of a compiled kernel."""
    stem = outcome.kernel.stem
    return (import_compiled(outcome.path, f"corpus_{stem}"),
            import_cpython(outcome.path, f"corpus_{stem}__cpython"))


def float_close(expected: float, actual: float) -> bool:
    if math.isnan(expected) or math.isnan(actual):
        return math.isnan(expected) and math.isnan(actual)
    if math.isinf(expected) or math.isinf(actual):
        return expected == actual
    return abs(expected - actual) <= RTOL * max(1.0, abs(expected))


def _array_close(expected, actual) -> tuple[bool, bool]:
    import numpy as np
    if expected.dtype != actual.dtype or expected.shape != actual.shape:
        return False, False
    if expected.dtype.kind not in "fc":
        same = bool(np.array_equal(expected, actual))
        return same, same
    with np.errstate(all="ignore"):
        exact = bool(np.array_equal(expected, actual, equal_nan=True)) and bool(
            np.array_equal(np.signbit(expected), np.signbit(actual)))
        if exact:
            return True, True
        nan = np.isnan(expected)
        if not np.array_equal(nan, np.isnan(actual)):
            return False, False
        e, a = expected[~nan], actual[~nan]
        inf = np.isinf(e) | np.isinf(a)
        if not np.array_equal(e[inf], a[inf]):
            return False, False
        e, a = e[~inf], a[~inf]
        return bool(np.all(np.abs(e - a) <= RTOL * np.maximum(1.0, np.abs(e)))), False


def same_result(expected: Any, actual: Any) -> tuple[bool, bool]:
    """(close, exact). NumPy scalars on the CPython side count as the Python
    scalars the compiled wrapper returns. bool, int, str and dtypes/shapes
    must be equal; floats (alone, in tuples, lists or arrays) must be within
    RTOL relative (absolute below 1), with nan == nan and infinities
    equal: NumPy's pairwise summation, BLAS and its SIMD transcendentals
    legitimately differ from a sequential loop in the last bits. `exact`
    says whether they were also bit for bit equal (-0.0 != 0.0)."""
    expected = from_numpy(expected)
    actual = from_numpy(actual)
    if type(expected).__name__ == "ndarray" and type(actual).__name__ == "ndarray":
        return _array_close(expected, actual)
    if type(expected) is not type(actual):
        return False, False
    if isinstance(expected, (tuple, list)):
        if len(expected) != len(actual):
            return False, False
        pairs = [same_result(e, a) for e, a in zip(expected, actual)]
        return all(c for c, _ in pairs), all(x for _, x in pairs)
    if isinstance(expected, float):
        exact = (math.isnan(expected) and math.isnan(actual)) or (
            expected == actual and math.copysign(1, expected) == math.copysign(1, actual))
        return float_close(expected, actual), exact
    same = expected == actual
    return same, same


def call_quietly(function, args: tuple):
    """run_call with NumPy's floating-point warnings silenced (the CPython
    side computes with NumPy scalars, which warn where pyxc raises)."""
    import numpy as np
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return run_call(function, args)


def describe(outcome) -> str:
    text = outcome.describe()
    return text if len(text) < 400 else text[:400] + "..."


@dataclass
class Comparison:
    mismatches: list[str]
    exact: bool          # every value and array bit for bit equal
    cases: int


def as_declared_return(function, value: Any) -> Any:
    """CPython's value as the compiled wrapper converts it for the declared
    return type (test/e2e's rule): `-> float` returning the int 0 gives 0.0."""
    import pyxc
    declared = getattr(function, "__annotations__", {}).get("return")
    value = from_numpy(value)
    if declared in (float, pyxc.f64, pyxc.f32) and isinstance(value, int):
        return float(value)
    return value


def compare_kernel(compiled, cpython, entry: str) -> Comparison:
    """Calls `entry` on every CORPUS_INPUTS() tuple, each side on its own
    fresh copy of the inputs, and compares the outcome (the returned value,
    or the exception type) and every argument after the call."""
    cases_c = cpython.CORPUS_INPUTS()
    cases_n = cpython.CORPUS_INPUTS()
    mismatches, exact = [], True
    for index, (args_c, args_n) in enumerate(zip(cases_c, cases_n)):
        expected = call_quietly(getattr(cpython, entry), args_c)
        actual = call_quietly(getattr(compiled, entry), args_n)
        label = f"input {index}"
        if isinstance(expected, Raised) or isinstance(actual, Raised):
            if not (isinstance(expected, Raised) and isinstance(actual, Raised)
                    and expected.type is actual.type):
                mismatches.append(f"{label}: CPython {describe(expected)}, compiled {describe(actual)}")
                continue
        else:
            close, same = same_result(as_declared_return(getattr(cpython, entry), expected.value), actual.value)
            exact = exact and same
            if not close:
                mismatches.append(f"{label}: CPython {describe(expected)}, compiled {describe(actual)}")
        for position, (before_c, before_n) in enumerate(zip(args_c, args_n)):
            close, same = same_result(before_c, before_n)
            exact = exact and same
            if not close:
                mismatches.append(f"{label}: argument {position} after the call differs: "
                                  f"CPython {before_c!r:.300}, compiled {before_n!r:.300}")
    return Comparison(mismatches, exact, len(cases_c))


def pyxc_or_none() -> str | None:
    return find_pyxc()


def warning_flags() -> None:
    """What test/conftest.py gives every test build: warnings are errors."""
    if os.environ.get("PYXC_TEST_ALLOW_WARNINGS") != "1" and "-Werror" not in os.environ.get(
            "PYXC_EXTRA_CXXFLAGS", ""):
        os.environ["PYXC_EXTRA_CXXFLAGS"] = f"-Wall -Wextra -Werror {os.environ.get('PYXC_EXTRA_CXXFLAGS', '')}".strip()
