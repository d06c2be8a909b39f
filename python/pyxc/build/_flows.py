"""What each PEP 517/660 hook does, on a loaded Project."""
from __future__ import annotations

import fnmatch
import json
import os
import shutil
import tempfile
from pathlib import Path

from .. import __version__ as pyxc_version
from ._archive import WheelWriter, write_sdist
from ._compile import build_options, compile_modules
from ._project import Project
from ._tags import wheel_tag

# Never packaged: VCS, caches, build outputs, virtual environments.
_SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "__pyxc__", ".mypy_cache", ".pytest_cache", ".tox",
              ".nox", ".venv", ".eggs"}
_SKIP_TOP = {"build", "dist"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".so", ".pyd", ".o")


def _walk(root: Path, top_level: bool = False):
    """Files under `root` that belong to the project, sorted."""
    for path in sorted(root.iterdir()):
        if path.is_dir():
            if path.name in _SKIP_DIRS or path.name.endswith(".egg-info") or (path / "pyvenv.cfg").exists():
                continue
            if top_level and path.name in _SKIP_TOP:
                continue
            yield from _walk(path)
        elif path.is_file() and not path.name.endswith(_SKIP_SUFFIXES):
            yield path


def _package_files(project: Project, tree: Path):
    """(file, path in the wheel): a package's files below its parent dir."""
    for package in project.packages:
        base = tree / package
        for path in [base] if base.is_file() else _walk(base):
            yield path, path.relative_to(base.parent).as_posix()


def _archive_path(project: Project, tree: Path, path: Path) -> str:
    for package in project.packages:
        base = tree / package
        if base == path or base in path.parents or (base.is_file() and base.parent in path.parents):
            return path.relative_to(base.parent).as_posix()
    raise ValueError(f"{path} is outside the packages")


def _wheel_file(tag) -> bytes:
    return (f"Wheel-Version: 1.0\nGenerator: pyxc {pyxc_version}\nRoot-Is-Purelib: false\nTag: {tag}\n").encode()


def _add_dist_info(project: Project, wheel: WheelWriter, tag) -> None:
    info = project.dist_info
    wheel.add_bytes(f"{info}/METADATA", project.metadata_bytes())
    wheel.add_bytes(f"{info}/WHEEL", _wheel_file(tag))
    entry_points = project.entry_points()
    if entry_points:
        wheel.add_bytes(f"{info}/entry_points.txt", entry_points.encode())
    for license_file in project.metadata.license_files or []:
        path = Path(license_file)
        if not path.is_absolute():
            path = project.root / path
        wheel.add_file(f"{info}/licenses/{path.relative_to(project.root).as_posix()}", path)


def wheel_name(project: Project) -> str:
    return f"{project.dist_name}-{project.version}-{wheel_tag()}.whl"


def build_wheel(project: Project, wheel_directory: Path, config_settings: dict | None) -> str:
    tag = wheel_tag()
    wheel = WheelWriter(project.dist_info)
    with tempfile.TemporaryDirectory(prefix="pyxc-wheel-") as staging_name:
        staging = Path(staging_name)
        # Compile a copy laid out as in the checkout: the paths the compiler
        # sees are the same relative paths in every build (see _compile.py).
        for source, _ in _package_files(project, project.root):
            relative = source.relative_to(project.root)
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, staging / relative)
        compiled = compile_modules(project, staging, build_options(project, config_settings),
                                   stubs=project.tool.get("stubs", True))
        for _, artifact in compiled:
            wheel.add_file(_archive_path(project, staging, artifact), artifact)
        for path, arcname in _package_files(project, staging):
            wheel.add_file(arcname, path)
    _add_dist_info(project, wheel, tag)
    name = f"{project.dist_name}-{project.version}-{tag}.whl"
    wheel_directory.mkdir(parents=True, exist_ok=True)
    wheel.write(wheel_directory / name)
    return name


def prepare_metadata(project: Project, metadata_directory: Path) -> str:
    info = metadata_directory / project.dist_info
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_bytes(project.metadata_bytes())
    (info / "WHEEL").write_bytes(_wheel_file(wheel_tag()))
    entry_points = project.entry_points()
    if entry_points:
        (info / "entry_points.txt").write_text(entry_points)
    return project.dist_info


def build_sdist(project: Project, sdist_directory: Path) -> str:
    excludes = project.tool.get("sdist-exclude", [])
    files = {}
    for path in _walk(project.root, top_level=True):
        relative = path.relative_to(project.root).as_posix()
        if not any(fnmatch.fnmatch(relative, pattern) for pattern in excludes):
            files[relative] = path
    prefix = f"{project.dist_name}-{project.version}"
    sdist_directory.mkdir(parents=True, exist_ok=True)
    write_sdist(sdist_directory / f"{prefix}.tar.gz", prefix, files, {"PKG-INFO": project.metadata_bytes()})
    return f"{prefix}.tar.gz"


def build_editable(project: Project, wheel_directory: Path, config_settings: dict | None) -> str:
    """PEP 660: the checkout's modules are compiled in place (their
    __pyxc__/ beside them) and a .pth puts the checkout on sys.path. With
    rebuild-on-import, each __pyxc__/ also gets rebuild.json, which tells
    the loader to run `pyxc build` with these options when a module changed."""
    tag = wheel_tag()
    options = build_options(project, config_settings)
    compiled = compile_modules(project, project.root, options, stubs=False)
    settings = config_settings or {}
    rebuild = project.tool.get("rebuild-on-import", False) or \
        str(settings.get("rebuild-on-import", "")).lower() in ("1", "true", "yes")
    for module, _ in compiled:
        marker_path = module.parent / "__pyxc__" / "rebuild.json"
        if rebuild:
            marker = {"options": [o for o in options if o != "-v"], "cwd": str(project.root)}
            marker_path.write_text(json.dumps(marker, indent=1) + "\n")
        elif marker_path.exists():  # left by an earlier editable install that asked for it
            marker_path.unlink()
    roots = sorted({str((project.root / p).parent) for p in project.packages})
    wheel = WheelWriter(project.dist_info)
    wheel.add_bytes(f"__editable__.{project.dist_name}-{project.version}.pth", ("\n".join(roots) + "\n").encode())
    _add_dist_info(project, wheel, tag)
    name = f"{project.dist_name}-{project.version}-{tag}.whl"
    wheel_directory.mkdir(parents=True, exist_ok=True)
    wheel.write(wheel_directory / name)
    return name
