"""One worker pool per process (docs/semantics.md, "Parallel loops"): two
distinct compiled modules, one running prange and the other `.aio` calls
from two threads at once, start PYXC_NUM_THREADS native workers between
them, not that many each; results still equal CPython's, and a forked child
gets one working pool again."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from programs_support import PROGRAMS_DIR, REPO_DIR, build_subject_copy

PRANGE_SUBJECT = Path(__file__).resolve().parent / "subjects" / "prange_subject.py"
AIO_PROGRAM = PROGRAMS_DIR / "aio_calls.py"
WORKERS = 3

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts threads in /proc")


@pytest.fixture(scope="module")
def built_dir(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("shared_pool")
    build_subject_copy(pyxc_bin, PRANGE_SUBJECT, directory)
    build_subject_copy(pyxc_bin, AIO_PROGRAM, directory)
    return directory


# Prints the native threads new after both modules ran at once (their Python
# threads excluded), then (if `fork`) the same count in a forked child; exits
# non-zero if a result differs from the Python function's.
PROBE = textwrap.dedent("""
    import asyncio, os, sys, threading
    sys.path[:0] = [{python!r}, {directory!r}]
    import prange_subject
    import aio_calls

    def tasks():
        return set(os.listdir("/proc/self/task"))

    def run_both():
        # (results, native ids of the two Python threads)
        results, python_threads = {{}}, set()

        def loop_in_prange():
            python_threads.add(str(threading.get_native_id()))
            results["prange"] = [prange_subject.spin(n, 3) for n in (0, 7, 3000, 5000)]

        def calls_in_aio():
            python_threads.add(str(threading.get_native_id()))

            async def main():
                return await asyncio.gather(*(aio_calls.spin.aio(n) for n in range(0, 40000, 500)))

            results["aio"] = asyncio.run(main())

        runners = [threading.Thread(target=loop_in_prange), threading.Thread(target=calls_in_aio)]
        for runner in runners:
            runner.start()
        for runner in runners:
            runner.join()
        return results, python_threads

    def check(results):
        assert results["prange"] == [prange_subject.spin.py(n, 3) for n in (0, 7, 3000, 5000)], results
        assert results["aio"] == [aio_calls.spin.py(n) for n in range(0, 40000, 500)]

    # A first thread before counting: ThreadSanitizer starts a helper thread
    # of its own at the first pthread_create, which is not the pool's.
    first = threading.Thread(target=int)
    first.start()
    first.join()
    before = tasks()
    results, python_threads = run_both()
    print(len(tasks() - before - python_threads - {{str(first.native_id)}}))
    check(results)
    sys.stdout.flush()
    if not {fork!r}:
        sys.exit(0)

    child = os.fork()
    if child == 0:
        status = 1
        try:
            first = threading.Thread(target=int)  # TSan's helper, again
            first.start()
            first.join()
            before = tasks()
            results, python_threads = run_both()
            print(len(tasks() - before - python_threads - {{str(first.native_id)}}))
            check(results)
            status = 0
        finally:
            sys.stdout.flush()
            os._exit(status)
    _, status = os.waitpid(child, 0)
    sys.exit(os.waitstatus_to_exitcode(status))
""")


def test_two_modules_share_one_set_of_workers(built_dir):
    env = dict(os.environ, PYXC_NUM_THREADS=str(WORKERS), PYXC_REQUIRE_COMPILED="1")
    env.pop("PYXC_DISABLE", None)
    # Not under ThreadSanitizer (the TSan stage): glibc gives the child's new
    # threads the stacks of the parent's workers, which TSan still counts as
    # running ("dup thread with used id"). The fork runs in every other stage
    # and in test/runtime/thread_pool_test.cpp.
    fork = "TSAN_OPTIONS" not in env
    script = PROBE.format(python=str(REPO_DIR / "python"), directory=str(built_dir), fork=fork)
    completed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    counts = completed.stdout.split()
    assert len(counts) == (2 if fork else 1), completed.stdout
    assert int(counts[0]) == WORKERS, f"{counts[0]} native threads started, the pool has {WORKERS}"
    if fork:
        assert int(counts[1]) == WORKERS, f"{counts[1]} native threads started in the forked child"
