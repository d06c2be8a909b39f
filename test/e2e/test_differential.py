"""Differential tests: every native function of every corpus program, compiled
by pyxc, against the same function run by CPython.

Each function gets Hypothesis inputs drawn from its annotations (bounded by
the program's PYXC_TEST_ARGS), the cross product of edge values for each
parameter, and the program's own PYXC_TEST_CASES.

Array parameters (`T[:]`, `T[:, ::1]`, fused element types) get recipes
(scalar_types.ArrayInput: dtype, shape, layout, values) that each side
builds into its own NumPy arrays; return values and every array buffer
after the call (or the exception) are compared. See scalar_types.ArrayPlan
for the PYXC_TEST_ARGS keys arrays take (`elements`, `shape` with named
axes, `layouts`, `_dims`). A program's PYXC_TEST_XFAIL = {function or "*":
reason} marks known compiler bugs as xfail(strict=True).
"""
from __future__ import annotations

import ast
import copy
import inspect
import itertools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes import (Raised, Returned, compare, describe_array_difference, from_numpy, run_call,
                      same_array)
from programs_support import PROGRAMS_DIR, native_function_names, program_names, pure_mode
from scalar_types import (ArrayInput, ArrayPlan, ArraySpec, FusedScalar, ListSpec, array_input_from,
                          array_return_spec, bounded_edges, bounded_strategy, list_edges, list_strategy,
                          param_type_of, return_spec, strategy_for)

# Each test needs only the corpus (built once per run), so under pytest-xdist
# they go to whichever worker is free (test/conftest.py).
PYXC_SPREAD_OVER_WORKERS = True
MAX_EDGE_CASES = 3000
# Functions with array parameters: each case builds arrays and, under
# CPython, walks them element by element, so fewer deterministic cases.
MAX_ARRAY_EDGE_CASES = 100
# ... and a quarter of the profile's Hypothesis examples (50 under "fast",
# 500 under "thorough"): each draws whole arrays, and the corpus has many
# array functions; the edge cases above cover empty, one-element and
# edge-valued arrays in every layout deterministically.
ARRAY_EXAMPLES_DIVISOR = 4
BROKEN_PROGRAM_ERRORS = (TypeError, NameError, AttributeError)


def known_failures(source: str, variable: str = "PYXC_TEST_XFAIL") -> dict:
    """A program's PYXC_TEST_XFAIL ({function or "*": reason}), read
    without importing: functions the compiler is known to get wrong or not
    to support yet. They run as xfail(strict=True), so the day the
    compiler catches up the marker must go (an XPASS fails).

    PYXC_TEST_UNSAFE (same shape): known bugs that corrupt memory (an
    unchecked out-of-range store). Running them in the test process would
    crash it later, far from the cause; test_unsafe_in_subprocess runs
    their edge cases in a child process instead, also as strict xfail."""
    constants = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        name = node.targets[0].id
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            constants[name] = node.value.value  # a reason shared by several entries
        if name == variable:
            return {ast.literal_eval(k): constants[v.id] if isinstance(v, ast.Name) else ast.literal_eval(v)
                    for k, v in zip(node.value.keys, node.value.values)}
    return {}


def corpus_functions() -> list:
    cases = []
    for program in program_names():
        source = (PROGRAMS_DIR / f"{program}.py").read_text()
        xfail = {} if pure_mode() else known_failures(source)
        unsafe = {} if pure_mode() else known_failures(source, "PYXC_TEST_UNSAFE")
        for function in native_function_names(source):
            reason = xfail.get(function, xfail.get("*"))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            if function in unsafe:
                marks = [pytest.mark.xfail(run=False, reason=f"{unsafe[function]} (run in a subprocess by "
                                                              f"test_unsafe_in_subprocess)")]
            cases.append(pytest.param(program, function, id=f"{program}.{function}", marks=marks))
    return cases


def unsafe_functions() -> list:
    cases = []
    for program in program_names():
        source = (PROGRAMS_DIR / f"{program}.py").read_text()
        for function, reason in known_failures(source, "PYXC_TEST_UNSAFE").items():
            cases.append(pytest.param(program, function, id=f"{program}.{function}",
                                      marks=[pytest.mark.xfail(strict=True, reason=reason)]))
    return cases or [pytest.param(None, None, id="none", marks=pytest.mark.skip("no PYXC_TEST_UNSAFE entries"))]


UNSAFE_CHILD = """
import sys
sys.path[:0] = [{e2e!r}, {python!r}]
from pathlib import Path
import conftest  # noqa: F401 - the Hypothesis profiles
from programs_support import ProgramPair, import_compiled, import_cpython, native_function_names
from test_differential import FunctionUnderTest
path = Path({path!r})
cpython = import_cpython(path, {program!r} + "__cpython")
pair = ProgramPair({program!r}, native_function_names(path.read_text()), import_compiled(path, {program!r}), cpython)
under_test = FunctionUnderTest(pair, {function!r})
failures = []
for args in under_test.edge_cases() + pair.explicit_cases({function!r}):
    try:
        under_test.check(tuple(args))
    except AssertionError as failure:
        failures.append(str(failure))
print("\\n".join(failures[:10]))
sys.exit(1 if failures else 0)
"""


@pytest.mark.parametrize(("program", "function"), unsafe_functions())
def test_unsafe_in_subprocess(corpus, program, function):
    """Edge cases of a PYXC_TEST_UNSAFE function, in a child process: a
    crash or a mismatch there fails this test (xfail while the bug is
    known) without taking the session down."""
    import subprocess
    import sys
    from programs_support import E2E_DIR, REPO_DIR
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1")
    corpus.pair(program)  # the build must have succeeded
    code = UNSAFE_CHILD.format(e2e=str(E2E_DIR), python=str(REPO_DIR / "python"),
                               path=str(corpus.work_dir / f"{program}.py"), program=program, function=function)
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, (f"exit {completed.returncode}\n{completed.stdout[-3000:]}"
                                       f"{completed.stderr[-3000:]}")


class FunctionUnderTest:
    def __init__(self, pair, name: str):
        self.pair = pair
        self.name = name
        self.compiled = getattr(pair.compiled, name)
        self.cpython = getattr(pair.cpython, name)
        signature = inspect.signature(self.cpython)
        namespace = getattr(self.cpython, "__globals__", None) or vars(pair.cpython)
        self.parameters = list(signature.parameters.values())
        self.scalars = []
        for parameter in self.parameters:
            scalar = param_type_of(parameter.annotation, namespace)
            assert scalar is not None, f"{name}: parameter {parameter.name} has no scalar or array annotation"
            self.scalars.append(scalar)
        self.returns_array = array_return_spec(signature.return_annotation, namespace)
        returns = signature.return_annotation
        if isinstance(returns, str) and self.returns_array is None:
            returns = eval(returns, dict(namespace))  # noqa: S307 - the program's own annotation
        self.returns = return_spec(returns)
        self.bounds = pair.bounds(name)
        unknown = {b for b in self.bounds if not b.startswith("_")} - {p.name for p in self.parameters}
        assert not unknown, f"PYXC_TEST_ARGS[{name!r}] names unknown parameters {sorted(unknown)}"
        self.has_arrays = any(isinstance(s, (ArraySpec, FusedScalar)) for s in self.scalars)
        unchecked = self.unchecked_indices(pair, name)
        self.plan = ArrayPlan(self.parameters, self.scalars, self.bounds, mismatch=not unchecked) \
            if self.has_arrays else None

    @staticmethod
    def unchecked_indices(pair, name: str) -> bool:
        """True for a def with boundscheck=False or wraparound=False: its
        arrays must keep their intended shapes (out of range is undefined)."""
        path = getattr(pair.cpython, "__file__", None)
        if not path:
            return False
        with open(path) as source:
            tree = ast.parse(source.read())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call):
                        for keyword in decorator.keywords:
                            if keyword.arg in ("boundscheck", "wraparound") and \
                                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False:
                                return True
        return False

    def strategy(self) -> st.SearchStrategy:
        if self.plan is not None:
            return self.plan.strategy()
        per_parameter = []
        for parameter, scalar in zip(self.parameters, self.scalars):
            bound = self.bounds.get(parameter.name)
            if isinstance(scalar, ListSpec):
                per_parameter.append(list_strategy(scalar, bound))
                continue
            per_parameter.append(strategy_for(scalar) if bound is None else bounded_strategy(scalar, bound))
        return st.tuples(*per_parameter)

    def edge_cases(self) -> list[tuple]:
        if self.plan is not None:
            return self.plan.edge_cases(MAX_ARRAY_EDGE_CASES)
        columns = [list_edges(s, self.bounds.get(p.name)) if isinstance(s, ListSpec)
                   else bounded_edges(s, self.bounds.get(p.name)) for p, s in zip(self.parameters, self.scalars)]
        if any(not column for column in columns):
            return []
        total = math.prod(len(column) for column in columns)
        if total <= MAX_EDGE_CASES:
            return list(itertools.product(*columns))
        # Too many combinations: an evenly random (but fixed) subset, so that
        # every parameter still varies (a prefix of the product would not).
        chosen = random.Random(self.name).sample(range(total), MAX_EDGE_CASES)
        cases = []
        for index in sorted(chosen):
            case = []
            for column in reversed(columns):
                index, position = divmod(index, len(column))
                case.append(column[position])
            cases.append(tuple(reversed(case)))
        return cases

    def recipe(self, args: tuple) -> tuple:
        """A program's explicit case with arrays written as NumPy arrays or
        lists, as ArrayInput recipes."""
        return tuple(array_input_from(a, s) if isinstance(s, ArraySpec) else a
                     for a, s in zip(args, self.scalars))

    def check(self, args: tuple):
        """Raises AssertionError when the sides disagree; returns CPython's
        outcome."""
        if self.has_arrays or self.returns_array is not None or self.pair.name.startswith("arrays_"):
            # Also scalar-only functions of array programs: their locals may
            # be arrays, so CPython may return NumPy scalars.
            return self.check_arrays(self.recipe(args))
        # Each side gets its own lists: CPython's body may change its arguments.
        expected = run_call(self.cpython, copy.deepcopy(args))
        actual = run_call(self.compiled, copy.deepcopy(args))
        difference = compare(expected, actual, self.returns,
                             may_overflow=self.name in self.pair.may_overflow,
                             wraps=self.name in self.pair.wraps,
                             native_rules=not pure_mode())
        if difference is not None:
            call = f"{self.pair.name}.{self.name}{args!r}"
            raise AssertionError(f"{call}: {difference}")
        return expected

    def check_arrays(self, recipe: tuple) -> None:
        """Each side gets its own arrays built from `recipe`; the outcomes
        are compared, then every array buffer (sentinels around views
        included), also after an exception: the bodies are sequential, so
        what was written before the raise is deterministic."""
        import warnings

        import numpy as np

        def materialize():
            views, bases = [], []
            for value in recipe:
                if isinstance(value, ArrayInput):
                    view, base = value.build()
                    views.append(view)
                    bases.append(base)
                else:
                    views.append(value)
            return tuple(views), bases

        expected_args, expected_bases = materialize()
        actual_args, actual_bases = materialize()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            expected = run_call(self.cpython, expected_args)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pure mode: NumPy warnings of the second CPython copy
            actual = run_call(self.compiled, actual_args)
        call = f"{self.pair.name}.{self.name}{recipe!r}"
        numpy_warnings = sorted({str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)})
        note = (f" [CPython emitted NumPy warnings {numpy_warnings}: the program may depend on NumPy "
                f"scalar semantics; convert with float()/int() in the source]" if numpy_warnings else "")
        if self.returns_array is not None and isinstance(actual, Returned) \
                and not isinstance(actual.value, np.ndarray):
            actual = Returned(np.asarray(actual.value))
        if pure_mode() and isinstance(actual, Returned):
            # The "compiled" side is CPython too: its elements are NumPy scalars.
            actual = Returned(from_numpy(actual.value))
        difference = compare(expected, actual, self.returns,
                             may_overflow=self.name in self.pair.may_overflow,
                             wraps=self.name in self.pair.wraps,
                             native_rules=not pure_mode())
        if difference is not None:
            raise AssertionError(f"{call}: {difference}{note}")
        for position, (e, a) in enumerate(zip(expected_bases, actual_bases)):
            if not same_array(e, a):
                what = "after raising" if isinstance(expected, Raised) else "after the call"
                raise AssertionError(f"{call}: array argument #{position} differs {what}: "
                                     f"{describe_array_difference(e, a)}{note}")
        return expected


@pytest.mark.parametrize(("program", "function"), corpus_functions())
def test_hypothesis_inputs(corpus, program, function):
    under_test = FunctionUnderTest(corpus.pair(program), function)

    @given(under_test.strategy())
    def agrees(args):
        under_test.check(args)

    if under_test.has_arrays:
        examples = max(25, settings.default.max_examples // ARRAY_EXAMPLES_DIVISOR)
        agrees = settings(settings.default, max_examples=examples)(agrees)
    agrees()


@pytest.mark.parametrize(("program", "function"), corpus_functions())
def test_edge_and_listed_cases(corpus, program, function):
    pair = corpus.pair(program)
    under_test = FunctionUnderTest(pair, function)
    failures = []
    returned = 0
    for args in under_test.edge_cases() + pair.explicit_cases(function):
        try:
            outcome = under_test.check(tuple(args))
            returned += not (isinstance(outcome, Raised) and outcome.type in BROKEN_PROGRAM_ERRORS)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, f"{len(failures)} mismatches, first 20:\n" + "\n".join(failures[:20])
    if under_test.has_arrays:
        # A function whose every case raises TypeError & co under CPython
        # (a Python fallback that cannot run) would pass vacuously.
        assert returned, f"{program}.{function}: CPython raised a TypeError/NameError/AttributeError " \
                         "on every edge case; the program is broken"


def test_corpus_is_not_empty():
    functions = corpus_functions()
    assert len(program_names()) >= 10 and len(functions) >= 100, \
        f"corpus shrank: {len(program_names())} programs, {len(functions)} native functions"
