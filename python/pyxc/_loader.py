"""Binding decorated functions to their compiled versions.

For ``pkg/mod.py`` the artifact is ``pkg/__pyxc__/mod<EXT_SUFFIX>``. It is
loaded once per module, under a private name (never the user's module name
in ``sys.modules``). It is fresh when every source text it records in
``__pyxc_sources__`` still occurs in the module's current source file; one
stale text makes the whole artifact stale (compiled functions call each
other directly). Otherwise the decorator returns the Python function and
warns once per module.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import inspect
import itertools
import os
import warnings
from pathlib import Path

from . import _aio, _rebuild

__all__ = ["PyxcFallbackWarning", "bind", "artifact_path"]


class PyxcFallbackWarning(UserWarning):
    """A ``@pyxc.native`` function runs as Python (artifact missing or stale)."""


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def artifact_path(source_file: str | os.PathLike) -> Path:
    source = Path(source_file)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return source.parent / "__pyxc__" / f"{source.stem}{suffix}"


class _ModuleArtifact:
    """What is known about one source file's artifact in this process."""

    def __init__(self, source_file: str):
        self.source_file = source_file
        self.module = None  # the loaded extension module, when fresh
        self.problem: str | None = None  # why the artifact cannot be used
        # Module namespaces (by id) already warned: once per executed module,
        # also when the same file is imported again under another name.
        self.warned_namespaces: set[int] = set()


_artifacts: dict[tuple[str, float | None], _ModuleArtifact] = {}
_private_names = itertools.count()


def _source_mtime(source_file: str) -> float | None:
    try:
        return os.stat(source_file).st_mtime
    except OSError:
        return None


def _load_extension(path: Path):
    # The last dotted component selects PyInit_<stem>; the unique prefix keeps
    # same-named modules of different packages apart.
    name = f"_pyxc_artifact_{next(_private_names)}.{path.name.split('.')[0]}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_source(source_file: str) -> str | None:
    try:
        with open(source_file, "rb") as handle:
            return handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _stale_functions(module, source_file: str) -> list[str]:
    current = _read_source(source_file)
    if current is None:
        return []  # unreadable source (e.g. only .pyc shipped): trust the artifact
    sources = getattr(module, "__pyxc_sources__", None)
    if not isinstance(sources, dict):
        return ["<no __pyxc_sources__>"]
    return [name for name, text in sources.items() if text not in current]


def _artifact_for(source_file: str) -> _ModuleArtifact:
    key = (source_file, _source_mtime(source_file))
    artifact = _artifacts.get(key)
    if artifact is not None:
        return artifact
    artifact = _ModuleArtifact(source_file)
    _artifacts[key] = artifact
    path = artifact_path(source_file)
    rebuild_problem = _rebuild.rebuild_if_stale(source_file, path)
    if rebuild_problem:
        artifact.problem = rebuild_problem
        return artifact
    if not path.is_file():
        artifact.problem = f"no compiled artifact {path}"
        return artifact
    try:
        module = _load_extension(path)
    except Exception as error:  # a broken or incompatible artifact is not fatal
        artifact.problem = f"cannot load {path}: {type(error).__name__}: {error}"
        return artifact
    stale = _stale_functions(module, source_file)
    if stale:
        artifact.problem = (
            f"{path} is stale: the source of {', '.join(sorted(stale))} changed since it was built"
        )
        return artifact
    artifact.module = module
    return artifact


def _warning_stacklevel() -> int:
    """Points the warning at the first frame outside the pyxc package."""
    package_dir = str(Path(__file__).resolve().parent)
    frame = inspect.currentframe().f_back  # the caller of warnings.warn is level 1
    level = 1
    while frame is not None:
        if not str(Path(frame.f_code.co_filename).resolve()).startswith(package_dir):
            return level
        frame = frame.f_back
        level += 1
    return 1


def _as_python(function):
    function.py = function
    function.aio = _aio.python_aio(function)
    return function


def _fall_back(function, artifact: _ModuleArtifact, problem: str):
    _as_python(function)
    message = (
        f"pyxc: {function.__module__}.{function.__qualname__} runs as Python: {problem}; "
        f"run `pyxc build {artifact.source_file}`"
    )
    if _env_flag("PYXC_REQUIRE_COMPILED"):
        raise ImportError(message + " (PYXC_REQUIRE_COMPILED is set)")
    namespace = id(function.__globals__)
    if namespace in artifact.warned_namespaces:
        return function
    artifact.warned_namespaces.add(namespace)
    warnings.warn(message, PyxcFallbackWarning, stacklevel=_warning_stacklevel())
    return function


def _bind_native(native, function):
    native.__module__ = function.__module__
    native.__name__ = function.__name__
    native.__qualname__ = function.__qualname__
    native.__doc__ = function.__doc__
    native.__annotations__ = getattr(function, "__annotations__", {})
    native.__signature__ = inspect.signature(function)
    # Not __wrapped__: inspect.signature and friends would follow it to the
    # Python function.
    native.py = function
    return native


def bind(function):
    """The compiled version of `function`, or `function` itself (with a warning)."""
    if _env_flag("PYXC_DISABLE"):
        return _as_python(function)
    artifact = _artifact_for(function.__code__.co_filename)
    if artifact.module is None:
        return _fall_back(function, artifact, artifact.problem or "artifact unavailable")
    name = function.__qualname__
    native = getattr(artifact.module, name, None)
    if native is None or name not in artifact.module.__pyxc_sources__:
        # Added after the build: only this function falls back.
        where = artifact_path(artifact.source_file)
        return _fall_back(function, artifact, f"{name} is not in {where} (added after the build?)")
    if "__pyxc_globals__" not in vars(artifact.module):
        # What `with pyxc.gil():` blocks look module-level names up in: the
        # Python module's own namespace (runtime/pyxc/with_gil.h).
        artifact.module.__pyxc_globals__ = function.__globals__
    return _bind_native(native, function)
