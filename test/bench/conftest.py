"""Fixtures for the `pyxc bench` tests: the checkout's python/ first on
sys.path (as in test/e2e), and a helper that makes small git repositories
holding a pyxc module and an asv-style benchmark."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH_TEST_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_TEST_DIR.parents[1]
REPO_PYTHON = REPO_DIR / "python"
E2E_DIR = REPO_DIR / "test" / "e2e"
if os.environ.get("PYXC_TEST_INSTALLED") != "1" and str(REPO_PYTHON) not in sys.path:
    sys.path.insert(0, str(REPO_PYTHON))
if str(E2E_DIR) not in sys.path:
    sys.path.insert(0, str(E2E_DIR))

from programs_support import MISSING_PYXC, find_pyxc, in_ci  # noqa: E402


@pytest.fixture(scope="session")
def pyxc_bin() -> str:
    pyxc = find_pyxc()
    if pyxc is None:
        if in_ci():
            pytest.fail(f"{MISSING_PYXC} (CI=true: a missing compiler is a failure, not a skip)", pytrace=False)
        pytest.skip(MISSING_PYXC)
    return pyxc


def harness_env() -> dict[str, str]:
    """The environment for `python -m pyxc.bench` of this checkout."""
    env = dict(os.environ)
    if os.environ.get("PYXC_TEST_INSTALLED") != "1":
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_PYTHON), env.get("PYTHONPATH")]))
    return env


def git(repo: Path, *args: str) -> str:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return completed.stdout


def make_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "bench@example.invalid")
    git(root, "config", "user.name", "bench test")
    (root / ".gitignore").write_text("__pyxc__/\n__pycache__/\n")
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "baseline")
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def worktrees(repo: Path) -> list[str]:
    return [line for line in git(repo, "worktree", "list", "--porcelain").splitlines()
            if line.startswith("worktree ")]
