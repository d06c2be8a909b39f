"""Settings for every pytest test under test/.

Generated C++ must compile without warnings (SPEC: `-Wall -Wextra`, warnings
are errors in the tests), so every module a test builds gets
`-Wall -Wextra -Werror` through PYXC_EXTRA_CXXFLAGS, which the driver reads
for each build (and folds into the cache key). Flags already in the
variable, e.g. the sanitizer flags of scripts/test.sh's sanitizer stages,
are kept after them. PYXC_TEST_ALLOW_WARNINGS=1 leaves the variable alone.
"""
from __future__ import annotations

import os

import pytest

WARNING_FLAGS = "-Wall -Wextra -Werror"

if os.environ.get("PYXC_TEST_ALLOW_WARNINGS") != "1":
    os.environ["PYXC_EXTRA_CXXFLAGS"] = f"{WARNING_FLAGS} {os.environ.get('PYXC_EXTRA_CXXFLAGS', '')}".strip()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "concurrency: calls compiled code from many threads at once; scripts/test.sh runs "
        "these again with ThreadSanitizer (-m concurrency)")
    # pytest-xdist's own marker, named here too for runs without xdist.
    config.addinivalue_line("markers", "xdist_group(name): the tests of one group run on one xdist worker")


# A sanitizer runtime that scripts/test.sh preloads into this interpreter is
# there for the compiled modules Python imports. PYXC_TEST_PRELOAD_HERE_ONLY=1
# keeps it out of the other processes the tests start (pyxc, the C++
# compiler, shells: bash and dash crash under a preloaded TSan) and gives it
# only to Python subprocesses started as sys.executable, which becomes a
# two-line wrapper. The ASan stage leaves the preload inherited by all.
if os.environ.get("PYXC_TEST_PRELOAD_HERE_ONLY") == "1" and os.environ.get("LD_PRELOAD"):
    import atexit
    import shlex
    import shutil
    import sys
    import tempfile
    from pathlib import Path

    _preload = os.environ.pop("LD_PRELOAD")
    _wrapper_dir = tempfile.mkdtemp(prefix="pyxc-preload-")
    atexit.register(shutil.rmtree, _wrapper_dir, ignore_errors=True)
    _wrapper = Path(_wrapper_dir) / "python3"
    _wrapper.write_text(f'#!/bin/sh\nLD_PRELOAD={shlex.quote(_preload)} exec {shlex.quote(sys.executable)} "$@"\n')
    _wrapper.chmod(0o755)
    sys.executable = str(_wrapper)

CONCURRENCY_FILES = ("thread", "prange", "aio")

# Under pytest-xdist (`scripts/test.sh` runs `pytest -n 2 --dist loadgroup`)
# the tests of one file stay on one worker, in order, so that its
# module-scoped fixtures (a built example, a virtual environment, a server)
# are made once. A file whose tests share only session-wide work (the corpus,
# built once per run: test/e2e/once_per_run.py) sets
# `PYXC_SPREAD_OVER_WORKERS = True` and its tests go to whichever worker is
# free.
SPREAD_ATTRIBUTE = "PYXC_SPREAD_OVER_WORKERS"


# tryfirst: xdist reads the xdist_group markers in its own hook.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        # Tests of the thread pool, prange and .aio are concurrency tests by
        # their file name, so the TSan stage picks up new ones without a marker.
        if any(word in item.path.name for word in CONCURRENCY_FILES):
            item.add_marker("concurrency")
        module = getattr(item, "module", None)
        if not getattr(module, SPREAD_ATTRIBUTE, False) and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(str(item.path.relative_to(config.rootpath))))
