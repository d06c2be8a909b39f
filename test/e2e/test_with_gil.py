"""`with pyxc.gil():` beyond what the differential program shows (issue 14
part 5; docs/semantics.md, "Calling Python: with pyxc.gil()"): a Python
helper called from a native loop, from prange workers, from `.aio` pool
threads and from several Python threads at once; Python exceptions leave
the function as the same type and message; a callback's result of the wrong
type is a TypeError; the uncompiled module gives the same answers."""
from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

import pytest

from programs_support import build_subject_copy, import_compiled, import_cpython

SUBJECT = Path(__file__).resolve().parent / "subjects" / "with_gil_subject.py"
TIMEOUT = 60  # seconds; a deadlock fails the test instead of hanging the run


@pytest.fixture(scope="module")
def built_dir(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("with_gil")
    build_subject_copy(pyxc_bin, SUBJECT, directory)
    return directory


@pytest.fixture(scope="module")
def compiled(built_dir):
    return import_compiled(built_dir / SUBJECT.name, "with_gil_subject")


@pytest.fixture(scope="module")
def cpython(built_dir):
    return import_cpython(built_dir / SUBJECT.name, "with_gil_subject__cpython")


def outcome(call):
    try:
        return ("returned", call())
    except Exception as error:  # noqa: BLE001 - the outcome is what is compared
        # By name: each import of the subject defines its own HelperFailed.
        return ("raised", type(error).__qualname__, str(error))


def run_with_timeout(call, timeout=TIMEOUT):
    """Runs `call` on a worker thread; a call that never returns fails."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(call).result(timeout=timeout)
    finally:
        pool.shutdown(wait=False)


def test_functions_are_compiled(compiled, cpython):
    for name in ("weighted_sum", "parallel_weighted_sum", "apply_callback", "positive_times_ten",
                 "loop_until_failure", "parallel_until_failure", "callback_as_int"):
        assert type(getattr(compiled, name)).__name__ != "function", name
        assert type(getattr(cpython, name)).__name__ == "function", name


def test_helper_from_native_loop(compiled, cpython):
    for n in (0, 1, 5, 200):
        assert compiled.weighted_sum(n) == cpython.weighted_sum(n)


def test_helper_from_prange_body(compiled, cpython):
    compiled.calls_by_thread.clear()
    for n in (0, 1, 7, 1000):
        got = run_with_timeout(lambda: compiled.parallel_weighted_sum(n))
        assert got == pytest.approx(cpython.parallel_weighted_sum(n), rel=1e-12)
    assert sum(compiled.calls_by_thread.values()) == 1008


def test_callback_parameter(compiled, cpython):
    def cb(x):
        return x * x + 1

    for n in (0, 3, 50):
        assert compiled.apply_callback(cb, n) == cpython.apply_callback(cb, n)
    assert compiled.apply_callback(abs, 4) == cpython.apply_callback(abs, 4)
    assert compiled.apply_callback(lambda x: 2, 3) == 6.0  # an int result converts to f64


def test_from_aio_call(compiled, cpython):
    async def main():
        results = await asyncio.wait_for(
            asyncio.gather(*(compiled.apply_callback.aio(lambda x, k=k: x + k, 10) for k in range(8)),
                           compiled.weighted_sum.aio(30)),
            TIMEOUT)
        failure = await asyncio.wait_for(
            asyncio.gather(compiled.positive_times_ten.aio(-1.0), return_exceptions=True), TIMEOUT)
        return results, failure

    results, failure = asyncio.run(main())
    assert results[:8] == [cpython.apply_callback(lambda x, k=k: x + k, 10) for k in range(8)]
    assert results[8] == cpython.weighted_sum(30)
    assert type(failure[0]) is ValueError
    assert str(failure[0]) == "expected a positive number, got -1.0"


def test_several_threads_at_once(compiled, cpython):
    expected = cpython.weighted_sum(300)
    expected_cb = cpython.apply_callback(lambda x: x * 3, 300)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(compiled.weighted_sum, 300) for _ in range(8)]
        futures += [pool.submit(compiled.apply_callback, lambda x: x * 3, 300) for _ in range(8)]
        futures += [pool.submit(compiled.parallel_weighted_sum, 300) for _ in range(4)]
        done, not_done = concurrent.futures.wait(futures, timeout=TIMEOUT)
        assert not not_done, "calls with `with pyxc.gil():` blocks did not finish (deadlock?)"
    results = [f.result() for f in futures]
    assert results[:8] == [expected] * 8
    assert results[8:16] == [expected_cb] * 8
    assert results[16:] == [pytest.approx(expected / 2, rel=1e-12)] * 4


@pytest.mark.parametrize("x", [2.5, -1.0, 0.0])
def test_exception_in_block_keeps_type_and_message(compiled, cpython, x):
    got, want = outcome(lambda: compiled.positive_times_ten(x)), outcome(lambda: cpython.positive_times_ten(x))
    assert got == want


def test_exception_is_the_same_object(compiled):
    class Boom(Exception):
        pass

    raised = Boom("from the callback")

    def cb(x):
        raise raised

    with pytest.raises(Boom) as info:
        compiled.apply_callback(cb, 3)
    assert info.value is raised


@pytest.mark.parametrize("bad", [0, 3, 99, 1000])
def test_custom_exception_from_loop(compiled, cpython, bad):
    got = outcome(lambda: compiled.loop_until_failure(100, bad))
    assert got == outcome(lambda: cpython.loop_until_failure(100, bad))
    if bad < 100:
        assert got == ("raised", "HelperFailed", f"helper failed at {bad}")
    else:
        assert got == ("returned", 4950)


def test_exception_from_prange_body(compiled, cpython):
    got = run_with_timeout(lambda: outcome(lambda: compiled.parallel_until_failure(500, 321)))
    assert got == ("raised", "HelperFailed", "helper failed at 321")
    assert run_with_timeout(lambda: compiled.parallel_until_failure(50, -1)) == cpython.parallel_until_failure(50, -1)


def test_wrong_result_type_is_type_error(compiled, cpython):
    for wrong in ("text", None, [1], 1.5):
        with pytest.raises(TypeError, match=r"the result of cb\(\) must be int, not "):
            compiled.callback_as_int(lambda x, wrong=wrong: wrong, 1)
    # CPython fails too, later and with its own message (`"text" + 1`).
    assert outcome(lambda: cpython.callback_as_int(lambda x: "text", 1))[1] == "TypeError"
    with pytest.raises(TypeError, match=r"the result of cb\(\) must be float, not str"):
        compiled.apply_callback(lambda x: "1.5", 2)
    assert compiled.callback_as_int(lambda x: x * 2, 20) == cpython.callback_as_int(lambda x: x * 2, 20) == 41


def test_pure_python_fallback_matches(compiled, cpython):
    """The module imported with PYXC_DISABLE=1 is plain Python (pyxc.gil() a
    no-op context manager) and gives the compiled answers."""
    assert type(cpython.weighted_sum).__name__ == "function"
    cb = lambda x: x - 1  # noqa: E731
    for name, args in [("weighted_sum", (40,)), ("apply_callback", (cb, 40)), ("positive_times_ten", (4.0,)),
                       ("loop_until_failure", (20, 50)), ("callback_as_int", (cb, 7))]:
        assert outcome(lambda: getattr(cpython, name)(*args)) == outcome(lambda: getattr(compiled, name)(*args))
    assert cpython.parallel_weighted_sum(100) == pytest.approx(compiled.parallel_weighted_sum(100), rel=1e-12)


def test_return_and_break_inside_block_release_the_gil(compiled, cpython):
    for args in [(10, 7), (3, 100), (0, 0)]:
        assert compiled.first_over(*args) == cpython.first_over(*args)
        assert compiled.break_out(*args) == cpython.break_out(*args)

    def many():
        return [compiled.first_over(100, 250) + compiled.break_out(100, 250) for _ in range(100)]

    # A GIL left held by a `return`/`break` out of a block would hang the
    # other threads (or this one) here.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(many) for _ in range(4)]
        done, not_done = concurrent.futures.wait(futures, timeout=TIMEOUT)
        assert not not_done
    assert all(f.result() == [504] * 100 for f in futures)
