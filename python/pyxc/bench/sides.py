"""The two sides of a comparison: the baseline's tree and the current one.

The baseline is REF checked out in a temporary ``git worktree``. Both sides
run the *current* benchmark files (as asv runs one suite against every
commit): they are copied over REF's into the worktree, so paths a benchmark
computes from its ``__file__`` resolve inside its own side's tree. Each
side's pyxc modules are then built there (``pyxc build``, which goes through
the artifact cache when there is one).
"""
from __future__ import annotations

import contextlib
import os
import shlex
import signal
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


class UsageProblem(Exception):
    """Wrong usage: exit 2."""


class SideFailed(Exception):
    """A side could not be prepared (its build failed): exit 3."""


@dataclass
class Side:
    key: str  # "A" (baseline) or "B" (current)
    label: str  # what the report calls it
    root: Path  # the side's tree (repository root or its worktree)
    benchmark_roots: list[Path] = field(default_factory=list)


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check and completed.returncode != 0:
        raise SideFailed(f"git {' '.join(args)} failed: {completed.stderr.strip()}")
    return completed


def repository_root(start: Path) -> Path | None:
    if shutil.which("git") is None:
        return None
    completed = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"],
                               capture_output=True, text=True)
    return Path(completed.stdout.strip()).resolve() if completed.returncode == 0 else None


def resolve_ref(repo: Path, ref: str) -> str:
    completed = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if completed.returncode != 0 or not completed.stdout.strip():
        raise UsageProblem(f"--baseline {ref!r} is not a commit of the repository at {repo} "
                           "(a branch, tag or hash that `git rev-parse` knows; in CI fetch it first)")
    return completed.stdout.strip()


class BaselineWorktree:
    """REF checked out in a temporary worktree; removed on exit, whatever happens."""

    def __init__(self, repo: Path, commit: str):
        self.repo = repo
        self.commit = commit
        self.parent = Path(tempfile.mkdtemp(prefix="pyxc-bench-"))
        self.path = self.parent / "baseline"

    def __enter__(self) -> Path:
        try:
            _git(self.repo, "worktree", "add", "--detach", str(self.path), self.commit)
        except BaseException:
            self.__exit__()
            raise
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path.exists():
            _git(self.repo, "worktree", "remove", "--force", str(self.path), check=False)
        shutil.rmtree(self.parent, ignore_errors=True)
        _git(self.repo, "worktree", "prune", check=False)


def copy_benchmarks(files: list[Path], repo: Path, worktree: Path) -> None:
    """The current benchmark files, copied over REF's (see module docstring)."""
    for file in files:
        target = worktree / file.relative_to(repo)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)


def build(side: Side, build_paths: list[str], build_command: str | None, pyxc: str, python: str,
          env: dict[str, str], verbose: bool) -> None:
    """Builds the side's pyxc modules; raises SideFailed with the output."""
    if build_command:
        command: list[str] | str = build_command
        shown = build_command
    else:
        command = [pyxc, "build", "--python", python, *build_paths]
        shown = shlex.join(command)
    if verbose:
        print(f"pyxc bench: [{side.label}] in {side.root}: {shown}", file=sys.stderr)
    try:
        # Its own process group: on Ctrl-C the whole build (make, compilers) is stopped.
        process = subprocess.Popen(command, cwd=side.root, shell=isinstance(command, str), env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
    except OSError as error:
        raise SideFailed(f"the {side.label} side could not be built: {shown}: {error}") from None
    try:
        output, _ = process.communicate()
    except BaseException:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    if process.returncode != 0:
        raise SideFailed(f"the {side.label} side failed to build (exit {process.returncode}) in "
                         f"{side.root}:\n$ {shown}\n{output.strip()[-4000:]}")


def remap_pythonpath(value: str | None, repo: Path, root: Path) -> str | None:
    """PYTHONPATH entries inside the repository, moved into the side's tree."""
    if not value:
        return value
    mapped = []
    for entry in value.split(os.pathsep):
        path = Path(entry or ".").resolve()
        try:
            mapped.append(str(root / path.relative_to(repo)))
        except ValueError:
            mapped.append(entry)
    return os.pathsep.join(mapped)


def worker_env(side: Side, repo: Path | None, extra: list[tuple[str, str]]) -> dict[str, str]:
    env = dict(os.environ)
    if repo is not None:
        pythonpath = remap_pythonpath(env.get("PYTHONPATH"), repo, side.root)
        if pythonpath is not None:
            env["PYTHONPATH"] = pythonpath
    # The same string hashes on both sides: dict and set layouts alike.
    env["PYTHONHASHSEED"] = "0"
    # A module that silently fell back to Python would be timed as Python.
    env.setdefault("PYXC_REQUIRE_COMPILED", "1")
    env["PYXC_BENCH_SIDE"] = "baseline" if side.key == "A" else "current"
    env["PYXC_BENCH_ROOT"] = str(side.root)
    for name, value in extra:
        env[name] = value.replace("{root}", str(side.root))
    return env
