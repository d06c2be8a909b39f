"""Building corpus programs with `pyxc build` and importing them twice.

A program is imported once compiled (with PYXC_REQUIRE_COMPILED=1, so a
silent fallback to Python is an ImportError, not a passing test) and once as
plain CPython (PYXC_DISABLE=1, under another module name).

PYXC_E2E_PURE=1 skips the compiler: the "compiled" side is a second plain
import. That only validates the harness itself (strategies, comparisons,
program metadata) while the compiler is unfinished; it proves nothing about
pyxc.
"""
from __future__ import annotations

import ast
import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

E2E_DIR = Path(__file__).resolve().parent
PROGRAMS_DIR = E2E_DIR / "programs"
REPO_DIR = E2E_DIR.parents[1]
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def pure_mode() -> bool:
    return os.environ.get("PYXC_E2E_PURE") == "1"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def find_pyxc() -> str | None:
    explicit = os.environ.get("PYXC_BIN")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    return shutil.which("pyxc")


MISSING_PYXC = ("the pyxc compiler was not found: set PYXC_BIN to the built binary "
                "(e.g. build/pyxc) or put `pyxc` on PATH")


@contextlib.contextmanager
def environment(**changes: str | None):
    saved = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_pyxc(pyxc: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([pyxc, *args], capture_output=True, text=True, timeout=timeout)


def build(pyxc: str, path: Path, *options: str) -> subprocess.CompletedProcess:
    return run_pyxc(pyxc, "build", *options, str(path))


def build_subject_copy(pyxc: str, subject: Path, directory: Path) -> Path:
    """Copies `subject` into `directory` and builds it there; fails the test
    with the build log unless the artifact was written. Returns the copy."""
    copy = directory / subject.name
    shutil.copy(subject, copy)
    completed = build(pyxc, copy)
    assert completed.returncode == 0, f"pyxc build failed:\n{completed.stdout}{completed.stderr}"
    assert artifact_path(copy).exists(), "pyxc build exited 0 but wrote no artifact"
    return copy


def artifact_path(module_path: Path) -> Path:
    return module_path.parent / "__pyxc__" / (module_path.stem + EXT_SUFFIX)


def import_module_from(path: Path, module_name: str, **env: str | None):
    """Imports the file at `path` as a fresh module `module_name` (replacing
    any earlier one) with the environment changed only while it executes."""
    sys.modules.pop(module_name, None)
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        with environment(**env):
            spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def import_compiled(path: Path, module_name: str):
    return import_module_from(path, module_name, PYXC_REQUIRE_COMPILED="1", PYXC_DISABLE=None)


def import_cpython(path: Path, module_name: str):
    return import_module_from(path, module_name, PYXC_DISABLE="1", PYXC_REQUIRE_COMPILED=None)


def native_function_names(source: str) -> list[str]:
    """Names of the functions decorated with pyxc.native (bare, called, or
    imported as `native`), in source order, read without importing."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and any(_is_native(d) for d in node.decorator_list):
            names.append(node.name)
    return names


def _is_native(decorator: ast.expr) -> bool:
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute):
        return decorator.attr == "native"
    return isinstance(decorator, ast.Name) and decorator.id == "native"


def program_names() -> list[str]:
    return sorted(p.stem for p in PROGRAMS_DIR.glob("*.py") if not p.name.startswith("_"))


@dataclass
class ProgramPair:
    name: str
    native_names: list[str]
    compiled: object
    cpython: object
    may_overflow: frozenset = field(default_factory=frozenset)
    wraps: frozenset = field(default_factory=frozenset)

    def bounds(self, function: str) -> dict:
        return getattr(self.cpython, "PYXC_TEST_ARGS", {}).get(function, {})

    def explicit_cases(self, function: str) -> list[tuple]:
        return list(getattr(self.cpython, "PYXC_TEST_CASES", {}).get(function, []))


@dataclass
class BuildResult:
    ok: bool
    log: str


class ProgramCorpus:
    """Copies the corpus into `work_dir`, builds every program (in parallel,
    each on its own so one unsupported construct fails only its program)
    and hands out imported pairs on demand. A second corpus on a directory
    that was built already (another xdist worker's) reuses its builds."""

    BUILDS_FILE = "builds.json"

    def __init__(self, work_dir: Path, pyxc: str | None):
        self.work_dir = work_dir
        self.pyxc = pyxc
        self.builds: dict[str, BuildResult] = {}
        self.pairs: dict[str, ProgramPair] = {}
        recorded = work_dir / self.BUILDS_FILE
        if recorded.exists():
            self.builds = {name: BuildResult(**fields) for name, fields in json.loads(recorded.read_text()).items()}
            return
        for name in program_names():
            shutil.copy(PROGRAMS_DIR / f"{name}.py", work_dir / f"{name}.py")
        if not pure_mode():
            self._build_all()
        recorded.write_text(json.dumps({name: vars(result) for name, result in self.builds.items()}))

    def _build_all(self) -> None:
        def build_one(name: str) -> tuple[str, BuildResult]:
            completed = build(self.pyxc, self.work_dir / f"{name}.py")
            log = f"$ pyxc build {name}.py  -> exit {completed.returncode}\n{completed.stdout}{completed.stderr}"
            return name, BuildResult(completed.returncode == 0, log)

        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            self.builds = dict(pool.map(build_one, program_names()))

    def pair(self, name: str) -> ProgramPair:
        if name in self.pairs:
            return self.pairs[name]
        path = self.work_dir / f"{name}.py"
        if not pure_mode():
            result = self.builds[name]
            if not result.ok:
                raise AssertionError(f"`pyxc build` failed for program {name}:\n{result.log}")
            try:
                compiled = import_compiled(path, name)
            except ImportError as error:
                raise AssertionError(f"the compiled import of {name} failed "
                                     f"(PYXC_REQUIRE_COMPILED=1): {error}") from error
        else:
            compiled = import_cpython(path, f"{name}__pure_as_compiled")
        cpython = import_cpython(path, f"{name}__cpython")
        names = native_function_names(path.read_text())
        pair = ProgramPair(name, names, compiled, cpython,
                           frozenset(getattr(cpython, "PYXC_TEST_MAY_OVERFLOW", ())),
                           frozenset(getattr(cpython, "PYXC_TEST_WRAPS", ())))
        self.pairs[name] = pair
        return pair
