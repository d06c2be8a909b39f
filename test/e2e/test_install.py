"""pyxc's own wheel (`pip wheel .` of the checkout: what `pip install .`
builds and installs) carries the `pyxc` executable, the runtime headers and
the build backend; installed into a fresh virtual environment it gives the
`pyxc` command, `python -m pyxc` and `import pyxc`, and that installation
compiles and loads a module on its own (with the runtime headers it shipped)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULE = '''\
import pyxc


@pyxc.native
def scaled_sum(n: int, factor: float = 0.5) -> float:
    total = 0.0
    for i in range(n):
        total += i * factor
    return total
'''


@pytest.fixture(scope="module")
def installed_env(tmp_path_factory, pyxc_wheelhouse) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    # The wheel was built with build isolation (scikit-build-core from PyPI,
    # as a user's pip does); its dependencies come from PyPI.
    (wheel,) = pyxc_wheelhouse.glob("pyxc-*.whl")
    completed = subprocess.run([str(env_dir / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                                str(wheel)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return env_dir


def test_wheel_carries_binary_headers_and_backend(pyxc_wheelhouse):
    import zipfile

    (wheel,) = pyxc_wheelhouse.glob("pyxc-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pyxc-0.1.0.data/scripts/pyxc" in names
    assert "pyxc/include/pyxc/runtime.h" in names
    # py.typed: type checkers read an installed pyxc (the typing of @pyxc.native) only with it.
    assert {"pyxc/build/__init__.py", "pyxc/__init__.py", "pyxc/py.typed"} <= names
    metadata = zipfile.ZipFile(wheel).read("pyxc-0.1.0.dist-info/METADATA").decode()
    assert "Requires-Dist: packaging" in metadata and "Requires-Dist: pyproject-metadata" in metadata


def run_in(env_dir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    # Only the environment's bin and the system's: no other pyxc on PATH.
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYXC_") and k != "PYTHONPATH"}
    environ["PATH"] = os.pathsep.join([str(env_dir / "bin"), "/usr/bin", "/bin"])
    return subprocess.run(list(args), capture_output=True, text=True, cwd=cwd, env=environ)


def test_install_gives_command_module_and_package(installed_env):
    assert (installed_env / "bin" / "pyxc").exists()
    version = run_in(installed_env, "pyxc", "--version")
    assert version.returncode == 0 and version.stdout.startswith("pyxc ")
    via_module = run_in(installed_env, str(installed_env / "bin" / "python"), "-m", "pyxc", "--version")
    assert via_module.stdout == version.stdout
    include = run_in(installed_env, str(installed_env / "bin" / "python"), "-c",
                     "import pyxc; print(pyxc.get_include())")
    assert Path(include.stdout.strip(), "pyxc", "runtime.h").exists()
    assert str(installed_env) in include.stdout


def test_installed_pyxc_builds_and_loads_a_module(installed_env, tmp_path):
    (tmp_path / "userkernel.py").write_text(MODULE)
    # --no-cache: a cache hit would not show the compile command.
    build = run_in(installed_env, "pyxc", "build", "-v", "--no-cache", "userkernel.py", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    # The headers come from this installation, not from the source tree.
    assert f"-I{installed_env}" in build.stderr
    python = str(installed_env / "bin" / "python")
    check = run_in(installed_env, python, "-W", "error", "-c",
                   "import userkernel as m\n"
                   "assert type(m.scaled_sum).__name__ == 'NativeFunction', type(m.scaled_sum)\n"
                   "assert m.scaled_sum(1000) == m.scaled_sum.py(1000)\n"
                   "print(m.scaled_sum(10, factor=2.0))", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "90.0"


def test_installed_pyxc_verifies_with_the_checker_beside_it(installed_env, tmp_path):
    """With Clang 19 at build time the wheel carries pyxc-verify next to pyxc
    (docs/verify.md); the installed build runs it with the installed headers."""
    checker = installed_env / "bin" / "pyxc-verify"
    if not checker.exists():
        pytest.skip("the wheel was built without Clang 19: no pyxc-verify")
    (tmp_path / "userkernel.py").write_text(MODULE)
    build = run_in(installed_env, "pyxc", "build", "-v", "--no-cache", "--verify", "userkernel.py", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert f"{checker} " in build.stderr and f"--runtime-dir {installed_env}" in build.stderr, build.stderr
