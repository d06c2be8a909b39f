"""Builds and loads the call-overhead contenders: pyxc, the same functions
hand-written against the CPython API (METH_FASTCALL), Cython 3, a plain
Python def and `operator.add` (the builtin every ratio is relative to).

Builds land in test/perf/out/build/ and are reused while their sources are
unchanged, so asv's per-benchmark processes do not rebuild.
"""
from __future__ import annotations

import importlib.util
import operator
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

PERF_DIR = Path(__file__).resolve().parent
SUBJECTS = PERF_DIR / "subjects"
BUILD_DIR = PERF_DIR / "out" / "build"
REPO_PYTHON = PERF_DIR.parents[1] / "python"
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


@dataclass
class Contender:
    name: str
    add: object = None
    fadd: object = None
    missing: str | None = None  # why it could not be built


def _python_def_add(a, b):
    return a + b


def _load_file(module_name: str, path: Path, **env: str):
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _fresh(target: Path, source: Path) -> bool:
    return target.exists() and target.stat().st_mtime >= source.stat().st_mtime


def build_pyxc() -> Contender:
    pyxc = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not pyxc:
        return Contender("pyxc", missing="pyxc binary not found (set PYXC_BIN)")
    if str(REPO_PYTHON) not in sys.path:
        sys.path.insert(0, str(REPO_PYTHON))
    work = BUILD_DIR / "pyxc"
    work.mkdir(parents=True, exist_ok=True)
    source = work / "call_overhead_subject.py"
    shutil.copy(SUBJECTS / source.name, source)
    completed = subprocess.run([pyxc, "build", "-O3", str(source)], capture_output=True, text=True)
    if completed.returncode != 0:
        return Contender("pyxc", missing=f"pyxc build failed: {completed.stderr.strip()[-2000:]}")
    try:
        module = _load_file("call_overhead_subject", source, PYXC_REQUIRE_COMPILED="1")
    except ImportError as error:
        return Contender("pyxc", missing=f"compiled import failed: {error}")
    return Contender("pyxc", module.add, module.fadd)


def build_cython() -> Contender:
    try:
        import Cython
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension
        from setuptools.command.build_ext import build_ext
    except ImportError as error:
        return Contender("cython", missing=f"Cython unavailable: {error}")
    work = BUILD_DIR / "cython"
    work.mkdir(parents=True, exist_ok=True)
    pyx = work / "call_overhead_cython.pyx"
    artifact = work / f"call_overhead_cython{EXT_SUFFIX}"
    if not (_fresh(artifact, SUBJECTS / pyx.name) and pyx.exists()):
        shutil.copy(SUBJECTS / pyx.name, pyx)
        try:
            extension = Extension("call_overhead_cython", [str(pyx)], extra_compile_args=["-O3"])
            distribution = Distribution({"ext_modules": cythonize([extension], quiet=True,
                                                                  build_dir=str(work / "c"))})
            command = build_ext(distribution)
            command.build_lib = str(work)
            command.build_temp = str(work / "tmp")
            command.ensure_finalized()
            command.run()
        except Exception as error:  # a failed build is reported, not fatal
            return Contender("cython", missing=f"Cython {Cython.__version__} build failed: {error}")
    module = _load_file("call_overhead_cython", artifact)
    return Contender(f"cython-{Cython.__version__}", module.add, module.fadd)


def build_hand_cpp() -> Contender:
    work = BUILD_DIR / "hand"
    work.mkdir(parents=True, exist_ok=True)
    source = SUBJECTS / "call_overhead_hand.cpp"
    artifact = work / f"call_overhead_hand{EXT_SUFFIX}"
    if not _fresh(artifact, source):
        cxx = os.environ.get("CXX", "c++")
        include = sysconfig.get_paths()["include"]
        # The same flags pyxc's driver uses (no -march): like with like.
        completed = subprocess.run([cxx, "-std=c++20", "-O3", "-shared", "-fPIC", "-fvisibility=hidden",
                                    f"-I{include}", str(source), "-o", str(artifact)],
                                   capture_output=True, text=True)
        if completed.returncode != 0:
            return Contender("hand-c++", missing=f"build failed: {completed.stderr.strip()[-2000:]}")
    module = _load_file("call_overhead_hand", artifact)
    return Contender("hand-c++", module.add, module.fadd)


def all_contenders() -> list[Contender]:
    return [
        Contender("operator.add", operator.add, operator.add),
        build_pyxc(),
        build_hand_cpp(),
        build_cython(),
        Contender("python-def", _python_def_add, _python_def_add),
    ]
