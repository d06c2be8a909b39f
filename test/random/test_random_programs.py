"""Random modules compiled by pyxc, run against CPython (see README.md).

Outer Hypothesis test: one drawn module of many functions, built once.
Inner Hypothesis test per function: its arguments, drawn many times (calls
are cheap), shrunk by Hypothesis when a call disagrees. A disagreement is
then reduced structurally (reducer.py: batched builds of smaller variants
of that function alone) and reported as a minimal program plus inputs.

PYXC_RANDOM_PROFILE=fast (default, CI: derandomized, a few minutes on two
cores) or long (random seeds, runs for hours; bound it with
PYXC_RANDOM_MODULES or timeout).
"""
from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

import random_stats
from differential import Pyxc, Unpromised, compare_call, describe_values, fresh_stem, import_oracle
from program_strategies import modules
from random_inputs import arguments
from reducer import Reducer

PROFILES = {
    # modules per run, functions per module, calls per function, derandomize
    "fast": dict(modules=6, functions=(25, 40), calls=40, derandomize=True),
    "long": dict(modules=100_000, functions=(30, 50), calls=100, derandomize=False),
}
PROFILE = PROFILES[os.environ.get("PYXC_RANDOM_PROFILE", "fast")]
MODULES = int(os.environ.get("PYXC_RANDOM_MODULES", PROFILE["modules"]))
QUIET = dict(deadline=None, database=None, verbosity=Verbosity.quiet,
             suppress_health_check=list(HealthCheck))


class Disagreement(AssertionError):
    pass


def check_function(compiled, oracle, function, calls: int):
    """Runs the inner Hypothesis test on one function; returns None or
    (shrunk arguments, difference)."""
    found = []

    @settings(max_examples=calls, derandomize=PROFILE["derandomize"], **QUIET,
              phases=[Phase.explicit, Phase.generate, Phase.shrink])
    @given(arguments(function))
    def calls_agree(values):
        why = compare_call(getattr(compiled, function.name), getattr(oracle, function.name), values)
        random_stats.STATS["calls"] += 1
        if why is Unpromised:
            random_stats.STATS["unpromised"] += 1
            return
        if why is not None:
            found[:] = [(values, why)]
            raise Disagreement(why)

    try:
        calls_agree()
    except Disagreement:
        return found[0]
    return None


def check_module(module, backend, work_dir, calls: int, reducer_backend=None):
    stem = fresh_stem("m")
    started = time.monotonic()
    compiled = backend.load(module, work_dir, stem)
    random_stats.STATS["build_seconds"] += time.monotonic() - started
    random_stats.STATS["modules"] += 1
    oracle = import_oracle(module, work_dir, stem)
    for function in module.functions:
        random_stats.STATS["functions"] += 1
        failure = check_function(compiled, oracle, function, calls)
        if failure is None:
            continue
        values, why = failure
        reducer = Reducer(reducer_backend or backend, import_oracle, work_dir)
        minimal, small_values, small_why = reducer.reduce(module, function.name, values, why)
        raise AssertionError(
            f"compiled and CPython disagree on {function.name}({describe_values(small_values)}): {small_why}\n"
            f"(found as {describe_values(values)}: {why}; reduced with {reducer.builds} builds)\n"
            f"--- minimal program ---\n{minimal.source(oracle=False)}"
            f"--- its oracle (CPython under pyxc's rules) ---\n{minimal.source(oracle=True)}")


@settings(max_examples=MODULES, derandomize=PROFILE["derandomize"], phases=[Phase.generate], **QUIET)
@given(module=modules(*PROFILE["functions"]))
def _random_modules(module, backend, work_dir):
    check_module(module, backend, work_dir, PROFILE["calls"])


def test_random_modules_agree_with_cpython(pyxc_bin, random_work_dir):
    _random_modules(backend=Pyxc(pyxc_bin), work_dir=random_work_dir)
