"""The corpus of published kernels, compiled as written and compared with
CPython + NumPy (README.md in this folder).

Per kernel two tests:
- test_builds: a kernel marked "compiles" must compile (a refusal is a
  regression and fails); one marked "refused" is an expected failure
  (xfail, its first diagnostic the reason), and XPASS when it compiles, so
  the marker gets updated. Either way the refusal must be a pyxc
  diagnostic: exit 1 with a `file:line:col: error:` line. A C++ toolchain
  failure (exit 3), a crash (a signal) or an exit without diagnostics
  fails, whatever the marker.
- test_matches_cpython: every kernel that compiled, marker or not, called
  on each CORPUS_INPUTS() tuple, compiled and under CPython (PYXC_DISABLE=1)
  on fresh copies: the same value (floats within corpus_support.RTOL, with
  nan == nan; ints, bools, dtypes and shapes exact) or the same exception
  type, and the same arguments after the call.
"""
from __future__ import annotations

import pytest

import corpus_support

KERNELS = corpus_support.kernels()


class KernelRefused(Exception):
    """The kernel got a pyxc diagnostic (the expected failure of a kernel
    marked "refused")."""


def _params():
    for kernel in KERNELS:
        marks = []
        if kernel.expect == "refused":
            marks.append(pytest.mark.xfail(raises=KernelRefused, strict=False,
                                           reason="CORPUS_EXPECT = 'refused'"))
        yield pytest.param(kernel, id=kernel.stem, marks=marks)


def test_corpus_is_big_enough():
    assert len(KERNELS) >= 40, f"the corpus has {len(KERNELS)} kernels, the issue asks for at least 40"
    assert {k.suite for k in KERNELS} == set(corpus_support.SUITES.values())


@pytest.mark.parametrize("kernel", list(_params()))
def test_builds(kernel, corpus_builds):
    outcome = corpus_builds[kernel.stem]
    if outcome.status == "broken":
        pytest.fail(outcome.why_broken(), pytrace=False)
    if outcome.status == "refused":
        raise KernelRefused(f"{outcome.diagnostic} ({outcome.diagnostics} errors)\n{outcome.log}")


@pytest.mark.parametrize("kernel", [pytest.param(k, id=k.stem) for k in KERNELS])
def test_matches_cpython(kernel, corpus_builds):
    outcome = corpus_builds[kernel.stem]
    if outcome.status != "compiled":
        pytest.skip(f"not compiled ({outcome.status}): {outcome.diagnostic}")
    compiled, cpython = corpus_support.import_pair(outcome)
    comparison = corpus_support.compare_kernel(compiled, cpython, kernel.entry)
    assert comparison.cases >= 3, "a kernel needs several inputs, edge inputs among them"
    assert not comparison.mismatches, "\n".join(comparison.mismatches)
