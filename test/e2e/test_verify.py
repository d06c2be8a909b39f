"""`pyxc build --verify` and PYXC_VERIFY=1 (docs/verify.md): the build runs
pyxc-verify on what it generated, remembers a clean verdict per module, and
a suite that sets PYXC_VERIFY=1 gets every build checked. The checker's own
mutation tests are lit tests under verify/test."""
from __future__ import annotations

import os
import shutil
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from programs_support import artifact_path, import_compiled, run_pyxc

LOOP_MODULE = textwrap.dedent('''\
    import pyxc


    @pyxc.native
    def total(n: int) -> int:
        s = 0
        for i in range(n):
            s += i
        return s
    ''')


def verifier_beside(pyxc_bin: str) -> Path | None:
    beside = Path(os.path.realpath(pyxc_bin)).parent / "pyxc-verify"
    if beside.is_file():
        return beside
    on_path = shutil.which("pyxc-verify")
    return Path(on_path) if on_path else None


@pytest.fixture
def verifier(pyxc_bin) -> Path:
    found = verifier_beside(pyxc_bin)
    if found is None:
        pytest.skip("pyxc-verify is not built (Clang 19 was not found at configure time)")
    return found


def build_in(pyxc_bin: str, tmp_path: Path, *options: str, env: dict | None = None):
    module = tmp_path / "loop.py"
    module.write_text(LOOP_MODULE)
    saved = dict(os.environ)
    os.environ.update({"PYXC_CACHE_DIR": str(tmp_path / "cache"), **(env or {})})
    try:
        return module, run_pyxc(pyxc_bin, "build", "-v", "--python", sys.executable, *options, str(module))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_verify_runs_the_checker_and_remembers_a_clean_verdict(pyxc_bin, verifier, tmp_path):
    module, first = build_in(pyxc_bin, tmp_path, "--verify", env={"PYXC_VERIFY": "0"})
    assert first.returncode == 0, first.stderr
    assert "pyxc-verify" in first.stderr and "loop.cpp" in first.stderr, first.stderr
    _, second = build_in(pyxc_bin, tmp_path, "--verify", env={"PYXC_VERIFY": "0"})
    assert second.returncode == 0, second.stderr
    assert "verified before:" in second.stderr, second.stderr
    assert import_compiled(module, f"loop_{uuid.uuid4().hex[:6]}").total(10) == 45


def test_pyxc_verify_environment_turns_it_on(pyxc_bin, verifier, tmp_path):
    _, done = build_in(pyxc_bin, tmp_path, env={"PYXC_VERIFY": "1"})
    assert done.returncode == 0, done.stderr
    assert "pyxc-verify" in done.stderr, done.stderr
    (tmp_path / "off").mkdir()
    _, off = build_in(pyxc_bin, tmp_path / "off", env={"PYXC_VERIFY": "0"})
    assert off.returncode == 0, off.stderr
    assert "pyxc-verify" not in off.stderr, off.stderr


def test_verify_without_the_checker_is_a_usage_error(pyxc_bin, tmp_path):
    real = Path(os.path.realpath(pyxc_bin))
    if real.read_bytes()[:4] != b"\x7fELF":
        pytest.skip(f"{pyxc_bin} is a wrapper (a pyenv shim?), not the binary itself")
    lonely = tmp_path / "bin" / "pyxc"
    lonely.parent.mkdir()
    shutil.copy(real, lonely)
    module = tmp_path / "loop.py"
    module.write_text(LOOP_MODULE)
    saved = os.environ.get("PATH")
    os.environ["PATH"] = str(lonely.parent)
    try:
        done = run_pyxc(str(lonely), "build", "--verify", "--python", sys.executable, str(module))
    finally:
        os.environ["PATH"] = saved or ""
    assert done.returncode == 2, done.stderr
    assert "--verify needs pyxc-verify" in done.stderr
    assert not artifact_path(module).exists()
