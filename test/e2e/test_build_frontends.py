"""The backend through real frontends, in fresh virtual environments, with
build isolation: pyxc itself comes from a local wheel directory (the
session's freshly built wheel, via --find-links / PIP_FIND_LINKS), its
dependencies from PyPI. `pip wheel`, `python -m build` and `uv build` must
produce the same wheel bytes; `pip install .` and `pip install -e .` must
give compiled functions (PYXC_REQUIRE_COMPILED=1 makes a fallback an error)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from packaging_support import CHECK_COMPILED, clean_environ, copy_example, make_venv, run, venv_env

EPOCH = "1700000000"


@pytest.fixture(scope="module")
def frontend_env(tmp_path_factory, pyxc_wheelhouse):
    base = tmp_path_factory.mktemp("frontends")
    environ = {"PIP_FIND_LINKS": str(pyxc_wheelhouse), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
               "SOURCE_DATE_EPOCH": EPOCH, "PYXC_CACHE_DIR": str(base / "cache"), "PYXC_REQUIRE_COMPILED": "1"}
    return base, environ


def test_pip_install_gives_compiled_functions_and_the_script(frontend_env, tmp_path):
    base, extra = frontend_env
    env_dir = make_venv(tmp_path / "venv")
    env = venv_env(env_dir, **extra)
    project = copy_example(tmp_path / "project")
    run(["pip", "install", "-q", project], env=env, cwd=tmp_path)
    assert not (project / "src" / "fastkernels" / "__pyxc__").exists()  # built in a copy, not in the checkout
    checked = run(["python", "-c", CHECK_COMPILED], env=env, cwd=tmp_path)
    assert str(env_dir) in checked.stdout  # the installed package, not the checkout
    assert run(["fastkernels-demo", "100"], env=env, cwd=tmp_path).stdout.strip() == "25 primes below 100"
    stub = next(env_dir.glob("lib/python*/site-packages/fastkernels/kernels.pyi"))
    assert "def __call__(self, n: int) -> int: ..." in stub.read_text()
    assert "count_primes: _count_primes_native" in stub.read_text()


def test_pip_install_editable_keeps_compiled_functions(frontend_env, tmp_path):
    base, extra = frontend_env
    env = venv_env(make_venv(tmp_path / "venv"), **extra)
    project = copy_example(tmp_path / "project")
    run(["pip", "install", "-q", "-e", project], env=env, cwd=tmp_path)
    checked = run(["python", "-c", CHECK_COMPILED], env=env, cwd=tmp_path)
    assert str(project / "src" / "fastkernels") in checked.stdout  # the checkout itself


def test_pip_wheel_build_and_uv_build_make_the_same_wheel(frontend_env, tmp_path):
    base, extra = frontend_env
    env = venv_env(make_venv(tmp_path / "venv"), **extra)
    project = copy_example(tmp_path / "project")
    run(["pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "pip", project], env=env, cwd=tmp_path)
    (pip_wheel,) = (tmp_path / "pip").glob("*.whl")
    assert pip_wheel.name.startswith("pyxc_example_packaged-1.0.0-cp")
    # python -m build: an sdist, then the wheel from the unpacked sdist.
    build_env = clean_environ(**extra)
    run([sys.executable, "-m", "build", "--outdir", tmp_path / "build", project], env=build_env, cwd=tmp_path)
    build_wheel = tmp_path / "build" / pip_wheel.name
    assert build_wheel.read_bytes() == pip_wheel.read_bytes()
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is not installed (requirements-dev.txt installs it)")
    run([uv, "build", "--quiet", "--find-links", extra["PIP_FIND_LINKS"], "--out-dir", tmp_path / "uv", project],
        env=build_env, cwd=tmp_path)
    assert (tmp_path / "uv" / pip_wheel.name).read_bytes() == pip_wheel.read_bytes()
    sdist = "pyxc_example_packaged-1.0.0.tar.gz"
    assert (tmp_path / "uv" / sdist).read_bytes() == (tmp_path / "build" / sdist).read_bytes()
    # The wheel from any of them installs and runs compiled.
    run(["pip", "install", "-q", build_wheel], env=env, cwd=tmp_path)
    run(["python", "-c", CHECK_COMPILED], env=env, cwd=tmp_path)
