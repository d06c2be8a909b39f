"""Running the `pyxc` executable for the backend: `pyxc build` over the
packages, `pyxc stubs` for each compiled module.

Modules are passed as paths relative to the directory the compiler runs in,
so the generated C++ (its #line directives) and therefore the binary do not
depend on where the build happens: a wheel built from the sdist in a
temporary directory is the same as one built in the checkout, and both hit
the same cache entries.
"""
from __future__ import annotations

import importlib.machinery
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from ._project import ConfigError, Project


class BuildError(Exception):
    """The compiler rejected a module or the toolchain failed."""


def find_pyxc() -> str:
    """The pyxc executable of the same installation as this package (a
    build environment's pyxc, not some other one on PATH)."""
    explicit = os.environ.get("PYXC_EXECUTABLE")
    if explicit:
        return explicit
    import importlib.metadata

    site_dir = Path(__file__).resolve().parents[2]
    for dist in importlib.metadata.distributions(name="pyxc", path=[str(site_dir)]):
        for entry in dist.files or []:
            if entry.name in ("pyxc", "pyxc.exe") and entry.parent.name in ("bin", "Scripts"):
                candidate = Path(dist.locate_file(entry)).resolve()
                if candidate.is_file():
                    return str(candidate)
    scripts = Path(sysconfig.get_path("scripts")) / "pyxc"
    if scripts.is_file():
        return str(scripts)
    found = shutil.which("pyxc")
    if found:
        return found
    raise BuildError("the pyxc executable was not found; reinstall pyxc (or set PYXC_EXECUTABLE)")


def build_options(project: Project, config_settings: dict | None) -> list[str]:
    """`pyxc build` options from [tool.pyxc], overridden by --config-settings
    (`-C opt-level=0`, `-C compiler-launcher=ccache`, `-C no-cache=1`)."""
    tool = dict(project.tool)
    settings = dict(config_settings or {})
    if "opt-level" in settings:
        try:
            tool["opt-level"] = int(settings["opt-level"])
        except ValueError:
            raise ConfigError(f"config setting opt-level must be 0..3, not {settings['opt-level']!r}") from None
    if "compiler-launcher" in settings:
        tool["compiler-launcher"] = settings["compiler-launcher"]
    options = [f"-O{tool.get('opt-level', 3)}", "-j", str(os.cpu_count() or 1), "--python", sys.executable]
    if tool.get("compiler-launcher"):
        options += ["--compiler-launcher", tool["compiler-launcher"]]
    options += [f"--cxx-flag={flag}" for flag in tool.get("cxx-flags", [])]
    if str(settings.get("no-cache", "")).lower() in ("1", "true", "yes"):
        options.append("--no-cache")
    if str(settings.get("verbose", "")).lower() in ("1", "true", "yes"):
        options.append("-v")
    return options


def _runtime_dir() -> list[str]:
    import pyxc

    include = Path(pyxc.get_include())
    return ["--runtime-dir", str(include)] if (include / "pyxc" / "runtime.h").is_file() else []


def _run(args: list[str], cwd: Path) -> None:
    completed = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if completed.stdout:
        sys.stderr.write(completed.stdout)
    if completed.returncode != 0:
        raise BuildError(f"`{' '.join(args)}` failed (exit {completed.returncode}) in {cwd}")


def compile_modules(project: Project, tree: Path, options: list[str], stubs: bool) -> list[tuple[Path, Path]]:
    """Compiles the project's modules under `tree` (a copy of the packages,
    or the checkout for editable installs); returns (module, artifact) pairs."""
    pyxc = find_pyxc()
    targets = project.tool.get("modules") or project.packages
    _run([pyxc, "build", *options, *_runtime_dir(), *targets], cwd=tree)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    compiled = []
    for package in project.packages:
        base = tree / package
        artifacts = [base.parent / "__pyxc__" / f"{base.stem}{suffix}"] if base.is_file() else \
            sorted(base.rglob(f"__pyxc__/*{suffix}"))
        for artifact in artifacts:
            module = artifact.parent.parent / (artifact.name[: -len(suffix)] + ".py")
            if artifact.is_file() and module.is_file():
                compiled.append((module, artifact))
    # A stub the author wrote wins; the others in one process.
    missing = [m.relative_to(tree).as_posix() for m, _ in compiled if not m.with_suffix(".pyi").exists()]
    if stubs and missing:
        _run([pyxc, "stubs", *missing], cwd=tree)
    return compiled
