"""Fixtures for pyxc's end-to-end tests (see README.md).

Tests that need the compiler take the `pyxc_bin` fixture (directly or via
`corpus`). Without a pyxc binary they are skipped locally with a clear
message, and FAIL when CI=true, so a CI run that lost its compiler cannot
pass green.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

E2E_DIR = Path(__file__).resolve().parent
REPO_PYTHON = E2E_DIR.parents[1] / "python"
if str(E2E_DIR) not in sys.path:
    sys.path.insert(0, str(E2E_DIR))
# The checkout's own python/ package is tested, even when some pyxc is
# installed; PYXC_TEST_INSTALLED=1 tests the installed one instead (a wheel).
if os.environ.get("PYXC_TEST_INSTALLED") != "1" and str(REPO_PYTHON) not in sys.path:
    sys.path.insert(0, str(REPO_PYTHON))

# Builds in tests use a cache of their own, never the user's ~/.cache/pyxc
# (tests that exercise the cache set PYXC_CACHE_DIR themselves).
if "PYXC_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["PYXC_CACHE_DIR"] = tempfile.mkdtemp(prefix="pyxc-test-cache-")
    atexit.register(shutil.rmtree, os.environ["PYXC_CACHE_DIR"], ignore_errors=True)

from once_per_run import shared_dir  # noqa: E402
from programs_support import MISSING_PYXC, ProgramCorpus, find_pyxc, in_ci, pure_mode  # noqa: E402

# "fast": what every test run uses (200 examples per native function);
# "thorough": PYXC_HYPOTHESIS_PROFILE=thorough for a longer soak.
settings.register_profile("fast", max_examples=200, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.register_profile("thorough", max_examples=2000, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
# "sanitizer": the ASan stage of scripts/sanitizers.sh, where CPython runs on
# ASan's allocator (several times slower) within the CI's time budget.
settings.register_profile("sanitizer", max_examples=30, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("PYXC_HYPOTHESIS_PROFILE", "fast"))


def require_pyxc() -> str:
    pyxc = find_pyxc()
    if pyxc is None:
        if in_ci():
            pytest.fail(f"{MISSING_PYXC} (CI=true: a missing compiler is a failure, not a skip)",
                        pytrace=False)
        pytest.skip(MISSING_PYXC)
    return pyxc


@pytest.fixture(scope="session")
def pyxc_bin() -> str:
    return require_pyxc()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> ProgramCorpus:
    pyxc = None if pure_mode() else require_pyxc()
    # Built once per run; the other xdist workers import the same artifacts.
    work_dir = shared_dir(tmp_path_factory, "programs", lambda directory: ProgramCorpus(directory, pyxc))
    return ProgramCorpus(work_dir, pyxc)


@pytest.fixture(scope="session")
def pyxc_wheelhouse(tmp_path_factory) -> Path:
    """A directory holding one freshly built pyxc wheel (built once per
    run, shared by the xdist workers), for install tests and for
    --find-links of isolated builds."""
    if os.environ.get("PYXC_SKIP_INSTALL_TEST") == "1":
        pytest.skip("PYXC_SKIP_INSTALL_TEST=1")
    from packaging_support import build_pyxc_wheel

    return shared_dir(tmp_path_factory, "wheelhouse", build_pyxc_wheel)
