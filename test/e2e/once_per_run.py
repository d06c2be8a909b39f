"""Work that a pytest run does once, also when pytest-xdist splits it over
worker processes (scripts/test.sh runs `pytest -n 2`).

A session-scoped fixture runs once per worker process. The costly ones
(the corpus build, the pyxc wheel) would then run once per worker, at the
same time, competing for the same two cores. `shared_dir` makes their
result once in a directory every worker of the run sees, under a file
lock: the first worker makes it, the others wait and reuse it.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

DONE_MARKER = ".made"


def run_dir(tmp_path_factory) -> Path:
    """The run's own temporary directory: under xdist each worker's basetemp
    is `<run>/popen-gwN`, so their common parent; else the basetemp."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_dir(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """`run_dir/name`, filled by `make(directory)` in the first process that
    asks for it. A `make` that raises leaves no marker: the next process
    tries again (and reports its own failure)."""
    root = run_dir(tmp_path_factory)
    directory = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (directory / DONE_MARKER).exists():
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir(parents=True)
            make(directory)
            (directory / DONE_MARKER).touch()
    return directory
