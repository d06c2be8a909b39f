"""Differential tests: every native function of every corpus program, compiled
by pyxc, against the same function run by CPython.

Each function gets Hypothesis inputs drawn from its annotations (bounded by
the program's PYXC_TEST_ARGS), the cross product of edge values for each
parameter, and the program's own PYXC_TEST_CASES.
"""
from __future__ import annotations

import inspect
import itertools
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outcomes import compare, run_call
from programs_support import PROGRAMS_DIR, native_function_names, program_names, pure_mode
from scalar_types import bounded_edges, bounded_strategy, return_spec, scalar_of, strategy_for

MAX_EDGE_CASES = 3000


def corpus_functions() -> list:
    cases = []
    for program in program_names():
        source = (PROGRAMS_DIR / f"{program}.py").read_text()
        for function in native_function_names(source):
            cases.append(pytest.param(program, function, id=f"{program}.{function}"))
    return cases


class FunctionUnderTest:
    def __init__(self, pair, name: str):
        self.pair = pair
        self.name = name
        self.compiled = getattr(pair.compiled, name)
        self.cpython = getattr(pair.cpython, name)
        signature = inspect.signature(self.cpython)
        self.parameters = list(signature.parameters.values())
        self.scalars = []
        for parameter in self.parameters:
            scalar = scalar_of(parameter.annotation)
            assert scalar is not None, f"{name}: parameter {parameter.name} has no scalar annotation"
            self.scalars.append(scalar)
        self.returns = return_spec(signature.return_annotation)
        self.bounds = pair.bounds(name)
        unknown = set(self.bounds) - {p.name for p in self.parameters}
        assert not unknown, f"PYXC_TEST_ARGS[{name!r}] names unknown parameters {sorted(unknown)}"

    def strategy(self) -> st.SearchStrategy:
        per_parameter = []
        for parameter, scalar in zip(self.parameters, self.scalars):
            bound = self.bounds.get(parameter.name)
            per_parameter.append(strategy_for(scalar) if bound is None else bounded_strategy(scalar, bound))
        return st.tuples(*per_parameter)

    def edge_cases(self) -> list[tuple]:
        columns = [bounded_edges(s, self.bounds.get(p.name)) for p, s in zip(self.parameters, self.scalars)]
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

    def check(self, args: tuple) -> None:
        expected = run_call(self.cpython, args)
        actual = run_call(self.compiled, args)
        difference = compare(expected, actual, self.returns,
                             may_overflow=self.name in self.pair.may_overflow,
                             wraps=self.name in self.pair.wraps,
                             native_rules=not pure_mode())
        if difference is not None:
            call = f"{self.pair.name}.{self.name}{args!r}"
            raise AssertionError(f"{call}: {difference}")


@pytest.mark.parametrize(("program", "function"), corpus_functions())
def test_hypothesis_inputs(corpus, program, function):
    under_test = FunctionUnderTest(corpus.pair(program), function)

    @given(under_test.strategy())
    def agrees(args):
        under_test.check(args)

    agrees()


@pytest.mark.parametrize(("program", "function"), corpus_functions())
def test_edge_and_listed_cases(corpus, program, function):
    pair = corpus.pair(program)
    under_test = FunctionUnderTest(pair, function)
    failures = []
    for args in under_test.edge_cases() + pair.explicit_cases(function):
        try:
            under_test.check(tuple(args))
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, f"{len(failures)} mismatches, first 20:\n" + "\n".join(failures[:20])


def test_corpus_is_not_empty():
    functions = corpus_functions()
    assert len(program_names()) >= 10 and len(functions) >= 100, \
        f"corpus shrank: {len(program_names())} programs, {len(functions)} native functions"
