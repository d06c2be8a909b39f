"""pyxc's PEP 517 / PEP 660 build backend.

    [build-system]
    requires = ["pyxc"]
    build-backend = "pyxc.build"

Reads [project] (PEP 621) and [tool.pyxc], compiles the modules with
@pyxc.native functions by running the `pyxc` executable, and writes a
platform wheel with the compiled artifacts and .pyi stubs, an sdist, or an
editable wheel. See docs/packaging.md.

A mistake in pyproject.toml or a module the compiler rejects ends the build
with one message on stderr (the compiler's diagnostics above it) and
SystemExit, not a traceback of backend internals.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import _flows
from ._compile import BuildError
from ._project import ConfigError, load_project

__all__ = [
    "build_editable",
    "build_sdist",
    "build_wheel",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]


def _guarded(action):
    try:
        return action(load_project(Path.cwd()))
    except (ConfigError, BuildError) as error:
        print(f"pyxc.build: error: {error}", file=sys.stderr)
        raise SystemExit(1) from None


# pyxc's own dependencies (packaging, pyproject-metadata) come with it.
def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _guarded(lambda project: _flows.prepare_metadata(project, Path(metadata_directory)))


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _guarded(lambda project: _flows.build_wheel(project, Path(wheel_directory), config_settings))


def build_sdist(sdist_directory, config_settings=None):
    return _guarded(lambda project: _flows.build_sdist(project, Path(sdist_directory)))


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _guarded(lambda project: _flows.build_editable(project, Path(wheel_directory), config_settings))
