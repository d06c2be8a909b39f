"""Poetry 2 (real Poetry from PyPI, in its own virtual environment) on
examples/poetry: `poetry build` gives a platform wheel with the compiled
module, `poetry install` an environment whose functions are the compiled
ones. pyxc comes from the session's fresh wheel through a direct file
reference (Poetry's installer has no --find-links)."""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from packaging_support import REPO, clean_environ, copy_example, run
from programs_support import in_ci

EXT = __import__("importlib.machinery").machinery.EXTENSION_SUFFIXES[0]
CHECK = ("import poetry_kernels.dots as d\n"
         "assert type(d.weighted_sum).__name__ == 'NativeFunction', type(d.weighted_sum)\n"
         "print(d.__file__, d.weighted_sum(10))\n")


def find_poetry() -> str:
    for candidate in (os.environ.get("PYXC_POETRY"), str(REPO / "build" / "tools" / "poetry" / "bin" / "poetry"),
                      shutil.which("poetry")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    message = "Poetry not found (scripts/setup.sh installs it into build/tools/poetry)"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def poetry_project(tmp_path, pyxc_wheelhouse):
    project = copy_example(tmp_path / "project", REPO / "examples" / "poetry")
    (wheel,) = pyxc_wheelhouse.glob("pyxc-*.whl")
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"pyxc>=0.1.0"', f'"pyxc @ {wheel.as_uri()}"'))
    env = clean_environ(POETRY_VIRTUALENVS_IN_PROJECT="true", POETRY_NO_INTERACTION="1",
                        POETRY_CACHE_DIR=str(tmp_path.parent / "poetry-cache"),
                        PYXC_CACHE_DIR=str(tmp_path.parent / "pyxc-cache"), PYXC_REQUIRE_COMPILED="1")
    return project, env


def test_poetry_build_and_install_give_compiled_functions(poetry_project, tmp_path):
    poetry = find_poetry()
    project, env = poetry_project
    run([poetry, "build"], cwd=project, env=env)
    (wheel,) = (project / "dist").glob("*.whl")
    assert not wheel.name.endswith("-none-any.whl")  # a platform wheel
    names = zipfile.ZipFile(wheel).namelist()
    assert f"poetry_kernels/__pyxc__/dots{EXT}" in names
    assert not [n for n in names if n.endswith(".cpp")]
    shutil.rmtree(project / "src" / "poetry_kernels" / "__pyxc__")  # install must compile by itself
    run([poetry, "install"], cwd=project, env=env)
    python = project / ".venv" / "bin" / "python"
    installed = run([python, "-c", CHECK], cwd=tmp_path, env=env).stdout
    assert installed.split() == [str(project / "src" / "poetry_kernels" / "dots.py"), "22.5"]
    # The wheel from `poetry build`, unpacked ahead of the editable install.
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    from_wheel = run([python, "-c", CHECK], cwd=tmp_path, env=dict(env, PYTHONPATH=str(unpacked))).stdout
    assert from_wheel.split()[0] == str(unpacked / "poetry_kernels" / "dots.py")
