"""Helpers for the packaging tests: running the backend's hooks from the
checkout, fresh virtual environments, the pyxc wheel they install."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "packaged"

CHECK_COMPILED = (
    "import fastkernels, fastkernels.kernels as k, fastkernels.stats as s\n"
    "for f in (k.count_primes, k.harmonic, s.mean_of_squares):\n"
    "    assert type(f).__name__ == 'NativeFunction', (f, type(f))\n"
    "assert k.count_primes(100) == 25 and k.describe(10) == '4 primes below 10'\n"
    "print('compiled', k.__file__)\n"
)


def copy_example(target: Path, source: Path = EXAMPLE) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pyxc__", "__pycache__", "*.pyi", "dist"))
    return target


def clean_environ(**extra: str) -> dict:
    """No PYXC_* or PYTHONPATH from the caller: what a user's shell has."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYXC_") and k != "PYTHONPATH"}
    environ.update(extra)
    return environ


def run(args, cwd=None, env=None, check=True, timeout=600) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if check:
        assert done.returncode == 0, f"{args} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def backend_hook(project: Path, pyxc_bin: str, hook: str, *args: str, env: dict | None = None,
                 check: bool = True) -> subprocess.CompletedProcess:
    """Calls pyxc.build.<hook>(*args) from the checkout, as a frontend would
    (in a subprocess, with the project as the working directory)."""
    environ = dict(os.environ, PYXC_EXECUTABLE=pyxc_bin, PYTHONPATH=str(REPO / "python"), **(env or {}))
    code = f"import sys, pyxc.build as b; print(b.{hook}(*sys.argv[1:]))"
    return run([sys.executable, "-c", code, *args], cwd=project, env=environ, check=check)


def make_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path


def venv_env(env_dir: Path, **extra: str) -> dict:
    environ = clean_environ(**extra)
    environ["PATH"] = os.pathsep.join([str(env_dir / "bin"), "/usr/local/bin", "/usr/bin", "/bin"])
    environ["VIRTUAL_ENV"] = str(env_dir)
    return environ


def wheel_members(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build_pyxc_wheel(wheelhouse: Path) -> Path:
    """`pip wheel` of the checkout (scikit-build-core, with build isolation,
    reusing its CMake build directory under build/): the wheel that the
    packaging tests install and serve to isolated builds via --find-links."""
    done = run([sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-deps",
                "-w", wheelhouse, REPO], timeout=1800)
    (wheel,) = wheelhouse.glob("pyxc-*.whl")
    return wheel
