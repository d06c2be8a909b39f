"""A project as the backend sees it: pyproject.toml's [project] (PEP 621,
through pyproject-metadata) and [tool.pyxc], and where its packages are.

[tool.pyxc] keys (all optional; docs/packaging.md):
  packages          import package dirs or module files, relative to the root
                    (default: src/<name>, <name>/ or <name>.py)
  modules           the modules to compile (default: every module under the
                    packages with @pyxc.native functions)
  opt-level         0-3 (default 3)
  cxx-flags         extra C++ compiler flags
  compiler-launcher ccache or sccache
  stubs             write .pyi files for compiled modules (default true)
  rebuild-on-import editable installs rebuild a stale module on import
  sdist-exclude     glob patterns (relative to the root) left out of sdists
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pyproject_metadata


class ConfigError(Exception):
    """A user error in pyproject.toml: reported as one line, no traceback."""


_TOOL_KEYS = {
    "packages": list,
    "modules": list,
    "opt-level": int,
    "cxx-flags": list,
    "compiler-launcher": str,
    "stubs": bool,
    "rebuild-on-import": bool,
    "sdist-exclude": list,
}


@dataclass
class Project:
    root: Path
    metadata: pyproject_metadata.StandardMetadata
    tool: dict
    packages: list[str] = field(default_factory=list)  # relative posix paths

    @property
    def dist_name(self) -> str:
        """The name as wheel and sdist file names spell it (PEP 427/625)."""
        return re.sub(r"[-_.]+", "_", self.metadata.name).lower()

    @property
    def version(self) -> str:
        return str(self.metadata.version)

    @property
    def dist_info(self) -> str:
        return f"{self.dist_name}-{self.version}.dist-info"

    def metadata_bytes(self) -> bytes:
        return bytes(self.metadata.as_rfc822())

    def entry_points(self) -> str | None:
        groups: dict[str, dict[str, str]] = {}
        if self.metadata.scripts:
            groups["console_scripts"] = dict(self.metadata.scripts)
        if self.metadata.gui_scripts:
            groups["gui_scripts"] = dict(self.metadata.gui_scripts)
        for group, entries in (self.metadata.entrypoints or {}).items():
            groups[group] = dict(entries)
        if not groups:
            return None
        lines = []
        for group in sorted(groups):
            lines.append(f"[{group}]")
            lines += [f"{name} = {value}" for name, value in sorted(groups[group].items())]
            lines.append("")
        return "\n".join(lines)


def _validate_tool(tool: dict) -> dict:
    for key, value in tool.items():
        expected = _TOOL_KEYS.get(key)
        if expected is None:
            raise ConfigError(f"[tool.pyxc] has an unknown key {key!r}; known keys: {', '.join(sorted(_TOOL_KEYS))}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"[tool.pyxc] {key} must be a {expected.__name__}, not {value!r}")
        if expected is list and not all(isinstance(item, str) for item in value):
            raise ConfigError(f"[tool.pyxc] {key} must be a list of strings")
    level = tool.get("opt-level", 3)
    if not 0 <= level <= 3:
        raise ConfigError(f"[tool.pyxc] opt-level must be 0..3, not {level}")
    launcher = tool.get("compiler-launcher")
    if launcher not in (None, "", "ccache", "sccache"):
        raise ConfigError(f"[tool.pyxc] compiler-launcher must be ccache or sccache, not {launcher!r}")
    return tool


def _discover_packages(root: Path, import_name: str) -> list[str]:
    for candidate in (f"src/{import_name}", import_name, f"src/{import_name}.py", f"{import_name}.py"):
        path = root / candidate
        if (path.is_dir() and (path / "__init__.py").is_file()) or path.is_file():
            return [candidate]
    raise ConfigError(
        f"cannot find the package {import_name!r} (looked for src/{import_name}/, {import_name}/, "
        f"{import_name}.py); list it in [tool.pyxc] packages")


def load_project(root: Path | str = ".") -> Project:
    root = Path(root).resolve()
    pyproject = root / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{pyproject}: not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{pyproject}: {error}") from None
    if "project" not in data:
        raise ConfigError(f"{pyproject}: the pyxc backend needs a [project] table (PEP 621)")
    if data["project"].get("dynamic"):
        raise ConfigError(f"{pyproject}: [project] dynamic is not supported by pyxc.build; "
                          "write the fields out")
    try:
        metadata = pyproject_metadata.StandardMetadata.from_pyproject(data, project_dir=root)
    except Exception as error:  # ConfigurationError, or a group of them
        parts = getattr(error, "exceptions", None) or [error]
        raise ConfigError(f"{pyproject}: " + "; ".join(str(e) for e in parts)) from None
    tool = _validate_tool(dict(data.get("tool", {}).get("pyxc", {})))
    import_name = metadata.name.replace("-", "_").replace(".", "_")
    packages = tool.get("packages") or _discover_packages(root, import_name)
    for package in packages:
        if not (root / package).exists():
            raise ConfigError(f"[tool.pyxc] packages: {package} does not exist")
    for module in tool.get("modules", []):
        if not (root / module).is_file():
            raise ConfigError(f"[tool.pyxc] modules: {module} does not exist")
    return Project(root=root, metadata=metadata, tool=tool, packages=[Path(p).as_posix() for p in packages])
