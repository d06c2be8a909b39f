"""`.aio(*args, **kw)` of compiled functions (SPEC.md §1, "Parallel loops and
asyncio"; docs/semantics.md, "asyncio and threads"): results and exceptions
as the direct call gives them, conversion errors at the call, thousands of
calls at once, a responsive loop, cancellation without leaks, several loops,
and the Python fallback's `.aio`."""
from __future__ import annotations

import array
import asyncio
import gc
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from programs_support import PROGRAMS_DIR, REPO_DIR, artifact_path, build, import_compiled, import_cpython

PROGRAM = PROGRAMS_DIR / "aio_calls.py"


@pytest.fixture(scope="module")
def built_program(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("aio")
    shutil.copy(PROGRAM, directory / PROGRAM.name)
    completed = build(pyxc_bin, directory / PROGRAM.name)
    assert completed.returncode == 0, f"pyxc build failed:\n{completed.stdout}{completed.stderr}"
    assert artifact_path(directory / PROGRAM.name).exists()
    return directory / PROGRAM.name


@pytest.fixture(scope="module")
def compiled(built_program):
    return import_compiled(built_program, "aio_calls")


@pytest.fixture(scope="module")
def cpython(built_program):
    return import_cpython(built_program, "aio_calls__cpython")


def outcome(call):
    try:
        return ("returned", call())
    except Exception as error:
        return ("raised", type(error), str(error))


async def async_outcome(make_awaitable):
    try:
        return ("returned", await make_awaitable())
    except Exception as error:
        return ("raised", type(error), str(error))


# --- results ---------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize("args, kwargs", [
    ((1,), {}), ((1, 2), {}), ((5,), {"c": 2.0}), ((), {"a": 2, "b": 7, "c": -1.5}), ((True,), {}),
], ids=["defaults", "positional", "keyword-only", "all-keywords", "bool-for-int"])
async def test_scalar_results_equal_direct_calls(compiled, cpython, args, kwargs):
    assert type(compiled.weighted).__name__ == "NativeFunction"
    got = await compiled.weighted.aio(*args, **kwargs)
    assert got == compiled.weighted(*args, **kwargs) == cpython.weighted(*args, **kwargs)
    assert await compiled.spin.aio(1000) == cpython.spin(1000)


@pytest.mark.asyncio
async def test_aio_returns_an_asyncio_future(compiled):
    future = compiled.add.aio(2, 3)
    assert isinstance(future, asyncio.Future)
    assert future.get_loop() is asyncio.get_running_loop()
    assert await future == 5


@pytest.mark.asyncio
async def test_array_argument_written_in_place(compiled, cpython):
    native, python = np.arange(7.0), np.arange(7.0)
    assert await compiled.scale_into.aio(native, k=-2.5) is None
    cpython.scale_into(python, -2.5)
    assert native.tolist() == python.tolist()


@pytest.mark.asyncio
async def test_returned_native_array(compiled, cpython):
    got = await compiled.ramp.aio(9)
    assert isinstance(got, np.ndarray) and got.dtype == np.float64
    assert got.tolist() == list(cpython.ramp(9))


@pytest.mark.asyncio
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
async def test_fused_function_picks_the_specialization(compiled, cpython, dtype):
    values = np.linspace(-3, 5, 11).astype(dtype)
    assert await compiled.total.aio(values) == compiled.total(values) == cpython.total(values)


@pytest.mark.asyncio
async def test_buffer_protocol_arguments(compiled, cpython):
    data = bytearray(range(50))
    assert await compiled.byte_sum.aio(data, 3) == cpython.byte_sum(data, 3)
    assert await compiled.total.aio(array.array("d", [1.5, 2.5])) == 4.0


# --- errors ----------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize("name, args", [
    ("checked_div", (7, 0)), ("positive", (-1,)), ("add", (2**62, 2**62)),
], ids=["zero-division", "raise-in-body", "overflow"])
async def test_exceptions_from_the_body_arrive_at_await(compiled, cpython, name, args):
    function = getattr(compiled, name)
    future = function.aio(*args)  # the call itself succeeds: the body runs later
    got = await async_outcome(lambda: future)
    assert got == outcome(lambda: function(*args))
    if name != "add":  # CPython's ints do not overflow
        assert got == outcome(lambda: getattr(cpython, name)(*args))


@pytest.mark.asyncio
@pytest.mark.parametrize("name, args, kwargs", [
    ("add", ("1", 2), {}), ("add", (1,), {}), ("weighted", (1,), {"d": 2}),
    ("scale_into", (b"read-only", 2.0), {}), ("total", (np.arange(3),), {}),
], ids=["wrong-type", "missing", "unexpected-keyword", "read-only-buffer", "fused-mismatch"])
async def test_conversion_errors_raise_at_the_call(compiled, name, args, kwargs):
    function = getattr(compiled, name)
    expected = outcome(lambda: function(*args, **kwargs))
    assert expected[0] == "raised"
    # Synchronously, from .aio(...) itself: no future is created.
    assert outcome(lambda: function.aio(*args, **kwargs)) == expected


@pytest.mark.asyncio
async def test_a_failed_conversion_releases_the_buffers_acquired_before_it(compiled):
    # .aio converts into the job before any future exists; the array
    # argument is acquired first, then "x" fails: the job must let go of it.
    values = array.array("d", [1.0, 2.0])
    assert outcome(lambda: compiled.scale_into.aio(values, "x"))[0] == "raised"
    values.append(3.0)  # BufferError while an export is still held
    await compiled.scale_into.aio(values, 2.0)
    assert values.tolist() == [2.0, 4.0, 6.0]


def test_no_running_loop_is_a_runtime_error(compiled):
    with pytest.raises(RuntimeError, match="no running event loop"):
        compiled.add.aio(1, 2)


# --- many calls, a responsive loop ------------------------------------------

@pytest.mark.asyncio
async def test_ten_thousand_concurrent_calls(compiled):
    results = await asyncio.gather(*(compiled.add.aio(i, 3) for i in range(10_000)))
    assert results == [i + 3 for i in range(10_000)]
    mixed = await asyncio.gather(*(compiled.spin.aio(i % 500) for i in range(10_000)))
    assert mixed == [compiled.spin(i % 500) for i in range(10_000)]


async def ticker(stop: asyncio.Event, gaps: list[float]):
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


def spin_count_for(seconds: float, spin) -> int:
    n = 100_000
    start = time.perf_counter()
    spin(n)
    return max(n, int(n * seconds / max(time.perf_counter() - start, 1e-6)))


@pytest.mark.asyncio
async def test_loop_stays_responsive_during_cpu_bound_calls(compiled):
    n = spin_count_for(0.15, compiled.spin)
    stop, gaps = asyncio.Event(), []
    tick = asyncio.ensure_future(ticker(stop, gaps))
    await asyncio.sleep(0.02)
    start = time.perf_counter()
    await asyncio.gather(*(compiled.spin.aio(n) for _ in range(16)))  # about 2.4 s of CPU
    elapsed = time.perf_counter() - start
    stop.set()
    await tick
    # Were the calls run on the loop's thread, the ticker would stall for a
    # whole call (or all of them); on the pool it only waits for its turn.
    assert len(gaps) > 10
    assert max(gaps) < max(0.4, elapsed / 3), f"ticker stalled {max(gaps):.3f}s of {elapsed:.3f}s"


# --- cancellation ------------------------------------------------------------

async def wait_until(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_cancelled_calls_drop_results_and_release_arguments(compiled):
    data = bytearray(range(256)) * 40
    baseline = sys.getrefcount(data)
    rounds = max(1, spin_count_for(0.01, compiled.spin) // 40_000)
    tasks = [asyncio.ensure_future(compiled.byte_sum.aio(data, rounds)) for _ in range(300)]
    await asyncio.sleep(0.02)
    for task in tasks:
        task.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert sum(isinstance(o, asyncio.CancelledError) for o in outcomes) > 0
    assert all(isinstance(o, (int, asyncio.CancelledError)) for o in outcomes)
    gc.collect()
    # The workers finish the cancelled calls; their jobs (and the buffers
    # they hold) are released when the loop drains them.
    await wait_until(lambda: sys.getrefcount(data) == baseline)
    data.extend(b"resizable again")  # a BufferError while any export is held
    assert await compiled.byte_sum.aio(data, 1) == compiled.byte_sum(data, 1)


@pytest.mark.asyncio
async def test_calls_cancelled_before_they_start_are_skipped(compiled):
    workers = max(os.cpu_count() or 1, int(os.environ.get("PYXC_NUM_THREADS", "0") or 0))
    n = spin_count_for(0.3, compiled.spin)
    blockers = [compiled.spin.aio(n) for _ in range(workers)]  # every worker busy
    arrays = [np.ones(1) for _ in range(200)]
    baseline = sys.getrefcount(arrays[0])
    queued = [compiled.scale_into.aio(a, 2.0) for a in arrays]
    for future in queued:
        future.cancel()
    await asyncio.gather(*blockers)
    await wait_until(lambda: all(sys.getrefcount(arrays[i]) == baseline for i in range(len(arrays))))
    untouched = sum(a[0] == 1.0 for a in arrays)
    assert untouched >= 150, f"only {untouched} of 200 cancelled calls were skipped"


@pytest.mark.asyncio
async def test_cancelled_exception_is_dropped(compiled):
    futures = [compiled.checked_div.aio(1, 0) for _ in range(100)]
    for future in futures:
        future.cancel()
    await asyncio.sleep(0.1)
    assert all(future.cancelled() for future in futures)
    assert await compiled.checked_div.aio(7, 2) == 3


# --- loops and threads -------------------------------------------------------

def test_two_loops_in_two_threads(compiled):
    results, errors = {}, []

    def run(offset: int):
        async def main():
            return await asyncio.gather(*(compiled.add.aio(i, offset) for i in range(3000)))
        try:
            for _ in range(3):  # a new loop each time: each gets its own channel
                results[offset] = asyncio.run(main())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(offset,)) for offset in (10, 20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for offset in (10, 20):
        assert results[offset] == [i + offset for i in range(3000)]


class LoopWithoutReaders(asyncio.SelectorEventLoop):
    def add_reader(self, fd, callback, *args):
        raise NotImplementedError


def watcher_threads() -> int:
    return sum(thread.name == "pyxc-aio-watcher" for thread in threading.enumerate())


def test_loop_without_add_reader_uses_a_watcher_thread(compiled):
    async def main():
        results = await asyncio.gather(*(compiled.add.aio(i, 1) for i in range(2000)))
        cancelled = [compiled.spin.aio(10_000) for _ in range(50)]
        for future in cancelled:
            future.cancel()
        return results, await compiled.spin.aio(1000)

    before = watcher_threads()
    loop = LoopWithoutReaders()
    try:
        results, spun = loop.run_until_complete(main())
        assert watcher_threads() == before + 1
    finally:
        loop.close()
    assert results == [i + 1 for i in range(2000)] and spun == compiled.spin(1000)
    deadline = time.monotonic() + 10
    while watcher_threads() > before:  # it notices the closed loop within a second
        assert time.monotonic() < deadline, "the watcher thread outlived its loop"
        time.sleep(0.05)


@pytest.mark.asyncio
async def test_asyncio_to_thread_releases_the_gil(compiled):
    n = spin_count_for(0.3, compiled.spin)
    stop, gaps = asyncio.Event(), []
    tick = asyncio.ensure_future(ticker(stop, gaps))
    a, b = await asyncio.gather(asyncio.to_thread(compiled.spin, n), asyncio.to_thread(compiled.spin, n))
    stop.set()
    await tick
    assert a == b == compiled.spin(n)
    assert len(gaps) > 10, "the loop did not run while the compiled calls did: GIL held"


def sanitizer_environment():
    # The ASan stage preloads its runtime into every process; a child Python
    # without it cannot load the instrumented module.
    return {key: value for key, value in os.environ.items() if key == "LD_PRELOAD" or key.endswith("SAN_OPTIONS")}


def test_interpreter_exits_with_calls_in_flight(built_program):
    # A loop closed while its calls still run: their futures are never set
    # and the jobs are leaked, but nothing crashes at exit.
    script = textwrap.dedent(f"""
        import asyncio, sys
        sys.path[:0] = [{str(REPO_DIR / 'python')!r}, {str(built_program.parent)!r}]
        import aio_calls
        n = 3_000_000
        loop = asyncio.new_event_loop()
        async def start():
            return [aio_calls.spin.aio(n) for _ in range(8)]
        futures = loop.run_until_complete(start())
        loop.close()
        print("closed", len(futures))
    """)
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                               env={**sanitizer_environment(), "PYXC_REQUIRE_COMPILED": "1", "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "closed 8"


# --- the Python fallback -----------------------------------------------------

@pytest.mark.asyncio
async def test_fallback_aio_runs_the_python_function(cpython):
    assert not type(cpython.weighted).__name__ == "NativeFunction"
    assert await cpython.weighted.aio(2, c=4.0) == cpython.weighted(2, c=4.0)
    assert await asyncio.gather(*(cpython.add.aio(i, 1) for i in range(100))) == list(range(1, 101))
    with pytest.raises(ZeroDivisionError):
        await cpython.checked_div.aio(1, 0)
    assert cpython.weighted.aio.__wrapped__ is cpython.weighted


def test_fallback_aio_without_running_loop(cpython):
    with pytest.raises(RuntimeError, match="no running event loop"):
        cpython.add.aio(1, 2)
