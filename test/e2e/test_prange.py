"""prange beyond what the differential programs show: loops really run on
several threads, PYXC_NUM_THREADS and num_threads= cap them, an exception
raised inside a parallel loop surfaces once with the serial loop's type and
message, and the plain-Python prange accepts num_threads=."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from programs_support import build_subject_copy, import_compiled, import_cpython

SUBJECT = Path(__file__).resolve().parent / "subjects" / "prange_subject.py"
REPO_PYTHON = Path(__file__).resolve().parents[2] / "python"


@pytest.fixture(scope="module")
def built_dir(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("prange")
    build_subject_copy(pyxc_bin, SUBJECT, directory)
    return directory


@pytest.fixture(scope="module")
def compiled(built_dir):
    return import_compiled(built_dir / SUBJECT.name, "prange_subject")


@pytest.fixture(scope="module")
def cpython(built_dir):
    return import_cpython(built_dir / SUBJECT.name, "prange_subject__cpython")


def cpu_per_wall(call) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.process_time() - cpu) / max(time.perf_counter() - wall, 1e-9)


def test_results_match_cpython(compiled, cpython):
    for n, k in [(0, 1), (1, 2), (7, 3), (1000, 2), (1000, 1)]:
        assert compiled.spin(n, k) == cpython.spin(n, k)
    assert compiled.spin_default(500) == cpython.spin_default(500)


def test_two_threads_run_at_once(compiled):
    """CPU time above wall time is only possible when threads overlap. On a
    machine too loaded to give this process two cores at once, skip."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one CPU")
    n = 4000  # grown until one call takes about 0.2 s, so thread start-up is noise
    while n < 10**7:
        wall = time.perf_counter()
        compiled.spin(n, 2)
        if time.perf_counter() - wall > 0.2:
            break
        n *= 2
    best = 0.0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        best = max(best, cpu_per_wall(lambda: compiled.spin(n, 2)))
        if best > 1.3:
            break
    if best <= 1.3 and os.getloadavg()[0] > (os.cpu_count() or 1) - 0.5:
        pytest.skip(f"machine too loaded to observe two threads at once (best cpu/wall {best:.2f})")
    assert best > 1.3, f"prange with num_threads=2 never used more CPU than wall time ({best:.2f})"
    # num_threads=1 runs on the calling thread alone.
    assert cpu_per_wall(lambda: compiled.spin(n, 1)) < 1.15


def thread_cpu_ticks() -> dict[int, int]:
    """utime + stime of each thread of this process, in clock ticks."""
    ticks = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[int(task.name)] = int(fields[11]) + int(fields[12])
    return ticks


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_work_is_split_across_threads(compiled):
    """Whatever the load: over a loop of about a second of CPU, a pool
    worker runs a fair share of the chunks (the caller runs the rest)."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one CPU")
    n = 2000
    while n < 10**7:
        cpu = time.process_time()
        compiled.spin(n, 1)
        if time.process_time() - cpu > 0.25:
            break
        n *= 2
    n *= 4
    before = thread_cpu_ticks()
    compiled.spin(n, 2)
    after = thread_cpu_ticks()
    used = {tid: after[tid] - before.get(tid, 0) for tid in after}
    total = sum(used.values())
    main = used.get(threading.get_native_id(), 0)
    assert total > 0
    assert (total - main) / total > 0.15, f"the worker threads ran {total - main} of {total} ticks"


PROBE = textwrap.dedent("""
    import sys
    sys.path.insert(0, {python!r})
    sys.path.insert(0, {directory!r})
    import prange_subject as m

    import os

    def threads():
        return set(os.listdir("/proc/self/task"))

    # A first thread before counting: ThreadSanitizer starts a helper thread
    # of its own at the first pthread_create, which is not the pool's. The
    # count is of thread ids new after the call, so that this thread, which
    # may not have left the kernel yet when join() returns, does not count.
    import threading
    first = threading.Thread(target=int)
    first.start()
    first.join()
    before = threads()
    assert m.spin_default(2000) == m.spin_default.py(2000)
    print(len(threads() - before))
""")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
@pytest.mark.parametrize("count", ["1", "3"])
def test_pyxc_num_threads_sets_the_pool_size(built_dir, count):
    env = dict(os.environ, PYXC_NUM_THREADS=count, PYXC_REQUIRE_COMPILED="1")
    env.pop("PYXC_DISABLE", None)
    script = PROBE.format(python=str(REPO_PYTHON), directory=str(built_dir))
    completed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                               timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == count


def test_exception_surfaces_once_with_the_serial_loops_message(compiled, cpython):
    for _ in range(20):
        with pytest.raises(ValueError, match="^bad iteration$"):
            compiled.raise_at(100_000, 3)
    assert compiled.raise_at(10, 50) == sum(range(10))  # no exception left pending
    import array
    a = array.array("q", range(5000))
    for extra in (1, 3, 5000):
        with pytest.raises(IndexError) as caught:
            compiled.index_past(a, extra)
        with pytest.raises(IndexError) as expected:
            cpython.index_past(a, extra)
        assert str(caught.value) == "index 5000 is out of bounds for axis 0 with size 5000"
        assert expected.type is IndexError


def test_num_threads_below_one_is_value_error(compiled, cpython):
    for k in (0, -3):
        with pytest.raises(ValueError, match="num_threads must be at least 1"):
            compiled.spin(10, k)
        with pytest.raises(ValueError, match="num_threads must be at least 1"):
            cpython.spin(10, k)


def test_python_prange_accepts_num_threads():
    sys.path.insert(0, str(REPO_PYTHON))
    import pyxc
    assert list(pyxc.prange(5, num_threads=2)) == [0, 1, 2, 3, 4]
    assert list(pyxc.prange(10, 0, -3, num_threads=1)) == [10, 7, 4, 1]
    with pytest.raises(TypeError):
        pyxc.prange(5, num_threads=1.5)
    with pytest.raises(TypeError):
        pyxc.prange()
    with pytest.raises(ValueError):
        pyxc.prange(1, 2, 0)
