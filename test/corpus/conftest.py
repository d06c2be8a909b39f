"""Fixtures for the corpus of published kernels (README.md).

The corpus is built once per session, every kernel on its own, two at a
time. Without a pyxc binary the tests are skipped locally and FAIL when
CI=true (test/e2e's rule). Builds use a cache of their own, never the
user's ~/.cache/pyxc.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

if "PYXC_CACHE_DIR" not in os.environ:
    os.environ["PYXC_CACHE_DIR"] = tempfile.mkdtemp(prefix="pyxc-corpus-cache-")
    atexit.register(shutil.rmtree, os.environ["PYXC_CACHE_DIR"], ignore_errors=True)

import corpus_support  # noqa: E402
from programs_support import MISSING_PYXC, in_ci  # noqa: E402


@pytest.fixture(scope="session")
def corpus_builds(tmp_path_factory) -> dict:
    pyxc = corpus_support.find_pyxc()
    if pyxc is None:
        if in_ci():
            pytest.fail(f"{MISSING_PYXC} (CI=true: a missing compiler is a failure, not a skip)", pytrace=False)
        pytest.skip(MISSING_PYXC)
    return corpus_support.build_corpus(pyxc, tmp_path_factory.mktemp("corpus"))
