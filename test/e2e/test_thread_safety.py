"""Compiled functions called from many Python threads at once (issue 4):
every call returns what CPython returns for the same call, including the
exceptions, while the calls run with the GIL released side by side.

Marked `concurrency`: scripts/test.sh runs these again with the generated
module built with -fsanitize=thread, where a data race in the runtime or in
generated code is a failure even when the results happen to be right."""
from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from programs_support import build_subject_copy, artifact_path, import_compiled, import_cpython

pytestmark = pytest.mark.concurrency

SUBJECT = Path(__file__).resolve().parent / "subjects" / "threads_subject.py"
THREADS = 12
CALLS_PER_THREAD = 40


@pytest.fixture(scope="module")
def built(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("threads")
    build_subject_copy(pyxc_bin, SUBJECT, directory)
    return directory


@pytest.fixture(scope="module")
def pair(built):
    directory = built
    compiled = import_compiled(directory / SUBJECT.name, "threads_subject")
    cpython = import_cpython(directory / SUBJECT.name, "threads_subject__cpython")
    assert type(compiled.poly).__name__ == "NativeFunction"
    return compiled, cpython


def test_the_module_carries_the_sanitizer_the_run_asked_for(built):
    # A sanitizer stage whose flags silently did not reach the compiler
    # would pass without checking anything.
    flags = os.environ.get("PYXC_EXTRA_CXXFLAGS", "")
    code = artifact_path(built / SUBJECT.name).read_bytes()
    for flag, hook in (("thread", b"__tsan_func_entry"), ("address", b"__asan_report")):
        if f"-fsanitize={flag}" in flags:  # also -fsanitize=address,undefined
            assert hook in code, f"{flags!r} asked for -fsanitize={flag} but the module has no {hook!r}"


def outcome(call):
    try:
        return ("returned", call())
    except Exception as error:  # the type and message must match CPython's
        return ("raised", type(error), str(error))


def run_in_threads(task, count=THREADS * CALLS_PER_THREAD):
    """Runs task(i) for i in range(count) on THREADS threads that all start
    together (a barrier), so the calls overlap instead of running in turn."""
    import threading

    barrier = threading.Barrier(THREADS)

    def worker(first):
        barrier.wait()
        return [task(i) for i in range(first, count, THREADS)]

    with ThreadPoolExecutor(THREADS) as pool:
        chunks = list(pool.map(worker, range(THREADS)))
    results = [None] * count
    for first, chunk in enumerate(chunks):
        results[first::THREADS] = chunk
    return results


def test_scalar_functions(pair):
    compiled, cpython = pair
    calls = [(random.Random(i).uniform(-1.5, 1.5), 50 + i % 200) for i in range(THREADS * CALLS_PER_THREAD)]
    got = run_in_threads(lambda i: (compiled.poly(*calls[i]), compiled.collatz_steps(1 + i * 7919)))
    assert got == [(cpython.poly(*c), cpython.collatz_steps(1 + i * 7919)) for i, c in enumerate(calls)]


def test_keyword_and_default_arguments(pair):
    compiled, cpython = pair

    def call(module, i):
        match i % 4:
            case 0:
                return module.weighted(i)
            case 1:
                return module.weighted(i, c=0.25)
            case 2:
                return module.weighted(a=i, b=-i)
            case _:
                return outcome(lambda: module.weighted(i, 1, 2.0, 3))  # too many: TypeError

    got = run_in_threads(lambda i: call(compiled, i))
    expected = [call(cpython, i) for i in range(len(got))]
    assert got == expected


def test_shared_read_only_arrays(pair):
    compiled, cpython = pair
    a = np.random.default_rng(1).standard_normal(20_000)
    b = np.random.default_rng(2).standard_normal(20_000)
    expected = cpython.dot(a[:1000], b[:1000])
    assert run_in_threads(lambda i: compiled.dot(a[:1000], b[:1000])) == [expected] * THREADS * CALLS_PER_THREAD
    assert run_in_threads(lambda i: compiled.dot(a, b), THREADS * 4) == [compiled.dot(a, b)] * THREADS * 4


def test_separate_output_arrays(pair):
    compiled, cpython = pair
    src = np.linspace(-3.0, 3.0, 5_000)
    outputs = [np.empty_like(src) for _ in range(THREADS * 8)]
    run_in_threads(lambda i: compiled.scale_into(src, outputs[i], float(i)), len(outputs))
    for i, out in enumerate(outputs):
        expected = np.empty_like(src)
        cpython.scale_into(src, expected, float(i))
        np.testing.assert_array_equal(out, expected)


def test_shared_input_private_histograms(pair):
    compiled, cpython = pair
    values = np.random.default_rng(3).integers(-5, 70, size=30_000)
    bins = [np.zeros(64, dtype=np.int64) for _ in range(THREADS * 4)]
    outside = run_in_threads(lambda i: compiled.histogram(values, bins[i]), len(bins))
    expected_bins = np.zeros(64, dtype=np.int64)
    expected_outside = cpython.histogram(values, expected_bins)
    assert outside == [expected_outside] * len(bins)
    for got in bins:
        np.testing.assert_array_equal(got, expected_bins)


def test_fused_dispatch(pair):
    compiled, cpython = pair
    arrays = [np.arange(i % 50, dtype=np.float32 if i % 2 else np.float64) / 4 for i in range(THREADS * 10)]
    got = run_in_threads(lambda i: compiled.total(arrays[i]), len(arrays))
    assert got == [cpython.total(a) for a in arrays]
    wrong = np.arange(5, dtype=np.int16)
    raised = run_in_threads(lambda i: outcome(lambda: compiled.total(wrong)), THREADS * 2)
    assert {r[:2] for r in raised} == {("raised", TypeError)}


def test_raising_functions(pair):
    compiled, cpython = pair
    a = np.arange(10, dtype=np.float64)

    def call(module, i):
        if i % 2:
            return outcome(lambda: module.checked_div(i, i % 3))
        return outcome(lambda: module.element(a, i % 25 - 12))

    got = run_in_threads(lambda i: call(compiled, i))
    assert got == [call(cpython, i) for i in range(len(got))]
    assert any(r[0] == "raised" for r in got) and any(r[0] == "returned" for r in got)
