"""The thread, .aio and prange benchmarks in airspeed velocity's conventions
(module-level setup(), time_* functions, each with its own setup that
raises NotImplementedError, asv's "skip", when what it needs is missing),
so `asv` or `pyxc bench` can run them. Each time_* runs a whole job (all
CPUs busy for a few milliseconds, or 200 trips to a worker), far above
asv's own overhead. The run_*.py scripts measure the same things with
interleaved rounds and print the ratios (speedups, efficiency, overhead
against asyncio.to_thread)."""
import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency_support as cs  # noqa: E402

STEPS = 250_000  # one compiled spin() call: ~2 ms
CALLS = 200  # trips to a worker per overhead benchmark
_state = {}


def setup():
    if not _state:
        _state["subject"] = cs.build_subject("concurrency_subject")
        _state["cpus"] = cs.cpu_count()
        _state["pool"] = ThreadPoolExecutor(max_workers=_state["cpus"])
        _state["loop"] = asyncio.new_event_loop()


def _needs(what: str):
    def prepare():
        setup()
        subject = _state["subject"]
        if subject.missing:
            raise NotImplementedError(subject.missing)
        if what == "aio" and cs.aio_missing(subject.compiled.spin):
            raise NotImplementedError(cs.aio_missing(subject.compiled.spin))
        if what == "prange" and "prange" not in _state:
            built = cs.build_subject("kernels_prange", cs.PERF_DIR / "arrays" / "kernels_prange.py")
            if built.missing:
                raise NotImplementedError(built.missing)
            import numpy as np
            _state["prange"] = built.compiled
            _state["image"] = np.zeros((150, 200), dtype=np.int64)
    return prepare


def _tasks():
    return 4 * _state["cpus"]


def time_threads_pyxc_spin():
    """4 spin() calls per CPU in a pool of one thread per CPU."""
    spin = _state["subject"].compiled.spin
    list(_state["pool"].map(spin, [STEPS] * _tasks(), range(_tasks())))


def time_threads_python_spin():
    """The same in CPython with 1/50 of the steps (the GIL serialises it)."""
    spin = _state["subject"].python.spin
    list(_state["pool"].map(spin, [STEPS // 50] * _tasks(), range(_tasks())))


def time_aio_gather_spin():
    """4 spin() calls per CPU as .aio calls gathered on one event loop."""
    spin = _state["subject"].compiled.spin

    async def job():
        return await asyncio.gather(*(spin.aio(STEPS, i) for i in range(_tasks())))
    _state["loop"].run_until_complete(job())


def time_aio_trivial_calls():
    """CALLS awaited .aio calls of x + 1, one after another."""
    trivial = _state["subject"].compiled.trivial

    async def job():
        for x in range(CALLS):
            await trivial.aio(x)
    _state["loop"].run_until_complete(job())


def time_to_thread_trivial_calls():
    """CALLS awaited asyncio.to_thread calls of the same compiled x + 1."""
    trivial = _state["subject"].compiled.trivial

    async def job():
        for x in range(CALLS):
            await asyncio.to_thread(trivial, x)
    _state["loop"].run_until_complete(job())


def time_prange_mandelbrot():
    """kernels_prange.mandelbrot (200×150, 200 iterations) on every CPU."""
    _state["prange"].mandelbrot(_state["image"], -2.0, 1.0, -1.0, 1.0, 200, _state["cpus"])


time_threads_pyxc_spin.setup = _needs("pyxc")
time_threads_python_spin.setup = _needs("pyxc")
time_aio_gather_spin.setup = _needs("aio")
time_aio_trivial_calls.setup = _needs("aio")
time_to_thread_trivial_calls.setup = _needs("pyxc")
time_prange_mandelbrot.setup = _needs("prange")
