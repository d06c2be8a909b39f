"""Fixtures for the random-program tests (see README.md)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

RANDOM_DIR = Path(__file__).resolve().parent
E2E_DIR = RANDOM_DIR.parent / "e2e"
REPO_PYTHON = RANDOM_DIR.parents[1] / "python"
for directory in (str(RANDOM_DIR), str(E2E_DIR)):
    if directory not in sys.path:
        sys.path.insert(0, directory)
if os.environ.get("PYXC_TEST_INSTALLED") != "1" and str(REPO_PYTHON) not in sys.path:
    sys.path.insert(0, str(REPO_PYTHON))

# Builds use a cache of their own, never the user's ~/.cache/pyxc.
if "PYXC_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["PYXC_CACHE_DIR"] = tempfile.mkdtemp(prefix="pyxc-random-cache-")
    atexit.register(shutil.rmtree, os.environ["PYXC_CACHE_DIR"], ignore_errors=True)

from programs_support import MISSING_PYXC, find_pyxc, in_ci  # noqa: E402
import random_stats  # noqa: E402


@pytest.fixture(scope="session")
def pyxc_bin() -> str:
    pyxc = find_pyxc()
    if pyxc is None:
        if in_ci():
            pytest.fail(f"{MISSING_PYXC} (CI=true: a missing compiler is a failure, not a skip)", pytrace=False)
        pytest.skip(MISSING_PYXC)
    return pyxc


@pytest.fixture(scope="session")
def random_work_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("random_programs")


def pytest_terminal_summary(terminalreporter):
    if random_stats.STATS["modules"]:
        terminalreporter.write_line(random_stats.summary())
