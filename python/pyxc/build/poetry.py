"""Poetry integration through poetry-core's build script (Poetry 2):

    [build-system]
    requires = ["poetry-core>=2.0", "pyxc>=0.1.0"]
    build-backend = "poetry.core.masonry.api"

    [tool.poetry.build]
    script = "build.py"           # build.py: `from pyxc.build.poetry import build; build()`
    generate-setup-file = false

poetry-core runs the script in the project directory with the build
environment's interpreter, both for `poetry build` (then it packs what the
script left in the package directories into a platform wheel) and for
`poetry install` (then the project is installed editable, so the compiled
modules next to the sources are what gets imported). So the script compiles
in place, like `pyxc build`. Packages come from [tool.pyxc] packages, else
from the project name (src/<name>/, <name>/); the other [tool.pyxc] keys
are those of the pyxc.build backend. Stubs are not written: they would land
in the source tree and shadow the module for the project's own type checks.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ._compile import BuildError, build_options, compile_modules
from ._project import ConfigError, Project, _discover_packages, _validate_tool, tomllib


def _load(root: Path) -> Project:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    tool = _validate_tool(dict(data.get("tool", {}).get("pyxc", {})))
    name = data.get("project", {}).get("name") or data.get("tool", {}).get("poetry", {}).get("name")
    if not tool.get("packages") and not name:
        raise ConfigError("pyproject.toml names no project; list the packages in [tool.pyxc] packages")
    packages = tool.get("packages") or _discover_packages(root, name.replace("-", "_").replace(".", "_"))
    # Only what compiling needs: the metadata is Poetry's business.
    return Project(root=root, metadata=None, tool=tool, packages=packages)


def build(root: str | Path = ".") -> None:
    """Compiles the project's native modules in place (Poetry's build script)."""
    try:
        project = _load(Path(root).resolve())
        compiled = compile_modules(project, project.root, build_options(project, None), stubs=False)
    except (ConfigError, BuildError) as error:
        print(f"pyxc.build.poetry: error: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    for module, _ in compiled:
        print(f"pyxc: compiled {module.relative_to(project.root)}", file=sys.stderr)


if __name__ == "__main__":
    build()
