"""examples/docker: the Dockerfile and the CI workflow are linted (hadolint,
actionlint), their structure keeps the compiled-wheel layer independent of
unrelated files, and the commands they run are run for real (there is no
Docker engine here): the Dockerfile's `pip wheel` with its cache directory,
twice, the second time all cache hits after unrelated edits; the
workflow's `pyxc cache key` step, stable under those edits."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from packaging_support import REPO, copy_example, make_venv, run, venv_env
from programs_support import in_ci

DOCKER = REPO / "examples" / "docker"


def tool(name: str) -> str:
    candidates = [shutil.which(name), str(Path(sysconfig.get_path("scripts")) / name),
                  str(REPO / "build" / "tools" / "go" / "bin" / name)]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    message = f"{name} not found (scripts/setup.sh installs it)"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def test_linters_accept_both():
    assert run([tool("hadolint"), DOCKER / "Dockerfile"]).returncode == 0
    assert run([tool("actionlint"), "-shellcheck=", DOCKER / "ci-workflow.yml"]).returncode == 0


def test_wheel_layer_depends_only_on_what_the_wheel_is_built_from():
    steps = instructions(DOCKER / "Dockerfile")
    stages = [i for i, (k, _) in enumerate(steps) if k == "FROM"]
    wheel_stage = steps[stages[0]:stages[1]]
    copies = [rest for keyword, rest in wheel_stage if keyword == "COPY"]
    assert copies == ["wheels/ /wheels/", "pyproject.toml README.md ./", "src/ src/"]
    (build,) = [rest for keyword, rest in wheel_stage if keyword == "RUN" and "pip wheel" in rest]
    assert "--mount=type=cache,target=/root/.cache/pyxc" in build
    assert ("ENV", "PYXC_CACHE_DIR=/root/.cache/pyxc") in wheel_stage
    runtime_stage = steps[stages[1]:]
    assert runtime_stage[-3:-1] == [("COPY", "app/ ./"), ("ENV", "PYXC_REQUIRE_COMPILED=1")]
    assert "**/__pyxc__" in (DOCKER / ".dockerignore").read_text().split()


def dockerfile_wheel_command(wheelhouse: Path, dist: Path) -> list[str]:
    (build,) = [rest for keyword, rest in instructions(DOCKER / "Dockerfile") if "pip wheel" in rest]
    words = [w for w in shlex.split(build) if not w.startswith("--mount=")]
    return [{"/wheels": str(wheelhouse), "/dist": str(dist)}.get(w, w) for w in words]


def test_the_dockerfile_build_reuses_the_cache_after_unrelated_edits(pyxc_wheelhouse, tmp_path):
    project = copy_example(tmp_path / "src")
    cache = tmp_path / "pyxc-cache"
    env = venv_env(make_venv(tmp_path / "venv"), PYXC_CACHE_DIR=str(cache), PIP_DISABLE_PIP_VERSION_CHECK="1")
    entries = lambda: sorted(p.name for p in cache.rglob("*") if p.is_file() and len(p.name) == 64)
    run(dockerfile_wheel_command(pyxc_wheelhouse, tmp_path / "dist1"), cwd=project, env=env)
    first = entries()
    assert len(first) == 2  # kernels and stats
    (project / "app" / "main.py").write_text("print('edited')\n")
    kernels = project / "src" / "fastkernels" / "kernels.py"
    kernels.write_text(kernels.read_text().replace('return f"{count_primes(n)} primes', 'return f"{count_primes(n)}  primes'))
    run(dockerfile_wheel_command(pyxc_wheelhouse, tmp_path / "dist2"), cwd=project, env=env)
    assert entries() == first  # both modules were cache hits
    kernels.write_text(kernels.read_text().replace("d += 1", "d = d + 1"))
    run(dockerfile_wheel_command(pyxc_wheelhouse, tmp_path / "dist3"), cwd=project, env=env)
    assert len(entries()) == 3  # only the edited module was compiled again


def test_the_workflow_keys_its_cache_on_pyxc_cache_key(pyxc_bin, tmp_path):
    workflow = yaml.safe_load((DOCKER / "ci-workflow.yml").read_text())
    job = workflow["jobs"]["wheel"]
    assert job["strategy"]["matrix"]["python"]
    steps = {step.get("id") or step.get("name") or step.get("uses"): step for step in job["steps"]}
    cache_step = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert "steps.pyxc-key.outputs.key" in cache_step["with"]["key"]
    assert cache_step["with"]["path"] in job["env"]["PYXC_CACHE_DIR"]
    command = steps["pyxc-key"]["run"]
    match = re.search(r"\$\((pyxc cache key [^)]*)\)", command)
    words = shlex.split(match.group(1))
    argv = [pyxc_bin, *[sys.executable if w == "python" else w for w in words[1:]]]
    project = copy_example(tmp_path / "project")
    key = lambda: run(argv, cwd=project).stdout.strip()
    first = key()
    assert re.fullmatch(r"[0-9a-f]{64}", first)
    (project / "app" / "main.py").write_text("print('edited')\n")
    kernels = project / "src" / "fastkernels" / "kernels.py"
    kernels.write_text(kernels.read_text() + "\n\ndef python_only():\n    return 1\n")
    assert key() == first
    kernels.write_text(kernels.read_text().replace("d += 1", "d = d + 1"))
    assert key() != first
