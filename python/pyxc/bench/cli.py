"""``pyxc bench``: the command line (SPEC.md §4; decisions in docs/bench.md).

Exit codes: 0 no regression, 1 a regression, 2 wrong usage (including a
baseline REF that is not a commit), 3 a benchmark raised or a side failed to
build or its worker died, 130 interrupted. The baseline worktree and the
workers are cleaned up on every path out, Ctrl-C and SIGTERM included.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from . import discover
from .sides import BaselineWorktree, Side, SideFailed, UsageProblem

DEFAULT_SAMPLES = {"time": 30, "instructions": 10}
EXIT_OK, EXIT_REGRESSION, EXIT_USAGE, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit is 2 too; keep the message short
        self.print_usage(sys.stderr)
        raise UsageProblem(message)


def percentage(text: str) -> float:
    """'2%', '2' and '0.5%' mean 2%, 2% and 0.5%; returned as a fraction."""
    try:
        value = float(text.strip().rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r} (e.g. 2% or 0.5)") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"the threshold must be >= 0, got {text!r}")
    return value / 100.0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _env_assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def make_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pyxc bench", description="Run asv-style benchmarks; with --baseline, A/B against a git "
                "revision and fail on a regression (exit 1).")
    p.add_argument("paths", nargs="*", default=["benchmarks"], metavar="PATH",
                   help="benchmark folders or files (default: benchmarks/)")
    p.add_argument("--baseline", metavar="REF", help="git revision to compare against (built in a temporary worktree)")
    p.add_argument("--fail-above", type=percentage, default=0.02, metavar="PCT",
                   help="regression threshold: B/A's 95%% interval entirely above 1+PCT (default 2%%)")
    p.add_argument("--metric", choices=["time", "instructions"], default="time",
                   help="wall time per call (default), or instructions counted under valgrind's callgrind")
    p.add_argument("--samples", type=_positive_int, metavar="N",
                   help="samples per benchmark and side (default 30 for time, 10 for instructions)")
    p.add_argument("--min-time", type=_positive_float, default=0.0005, metavar="S",
                   help="seconds one timing lasts at least (calls per timing are calibrated; a sample is "
                        "the fastest of 10 timings; default 0.0005)")
    p.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON")
    p.add_argument("--plot-dir", type=Path, metavar="DIR", help="write PNG plots (per benchmark, and a summary)")
    p.add_argument("--summary", type=Path, metavar="FILE", help="write a Markdown summary (for a CI job page)")
    p.add_argument("--python", metavar="EXE", help="the Python the workers run (default: this one)")
    p.add_argument("--build", action="append", metavar="PATH",
                   help="what `pyxc build` compiles on each side, relative to the repository root "
                        "(repeatable; default: the whole repository)")
    p.add_argument("--build-command", metavar="CMD",
                   help="a shell command that prepares each side instead of `pyxc build` (run at the side's root)")
    p.add_argument("--no-build", action="store_true", help="build nothing (the artifacts are already there)")
    p.add_argument("--worker-env", action="append", type=_env_assignment, default=[], metavar="NAME=VALUE",
                   help="set in each side's build and worker environment; {root} is the side's tree")
    p.add_argument("-v", "--verbose", action="store_true", help="print builds and progress on stderr")
    return p


def _check_dependencies(need_plots: bool) -> None:
    missing = []
    for module in ["numpy", "scipy"] + (["matplotlib"] if need_plots else []):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise UsageProblem(f"pyxc bench needs {', '.join(missing)} in {sys.executable} "
                           "(pip install numpy scipy matplotlib)")


def _real_python(python: str | None) -> str:
    """The interpreter binary itself (valgrind does not follow a pyenv shim's exec)."""
    if python is None:
        return sys.executable
    try:
        completed = subprocess.run([python, "-c", "import sys; print(sys.executable)"],
                                   capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageProblem(f"--python {python}: cannot run it: {error}") from None
    if completed.returncode != 0 or not completed.stdout.strip():
        raise UsageProblem(f"--python {python}: not a working Python: {completed.stderr.strip()}")
    return completed.stdout.strip()


def _find_pyxc() -> str:
    explicit = os.environ.get("PYXC_EXECUTABLE")
    if explicit:
        return explicit
    from pyxc.__main__ import find_executable

    found = find_executable()
    if found is None:
        raise UsageProblem("the pyxc executable was not found to build the modules (set PYXC_EXECUTABLE, "
                           "or pass --no-build)")
    return found


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    try:
        args = make_parser().parse_args(argv)
    except UsageProblem as problem:
        print(f"pyxc bench: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        return _run(args)
    except UsageProblem as problem:
        print(f"pyxc bench: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except SideFailed as problem:
        print(f"pyxc bench: error: {problem}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("pyxc bench: interrupted; the worktree and workers were cleaned up", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args) -> int:
    _check_dependencies(args.plot_dir is not None)
    from . import callgrind, report as report_mod, runner, sides
    samples = args.samples or DEFAULT_SAMPLES[args.metric]
    paths = [Path(p).resolve() for p in args.paths]
    for given, path in zip(args.paths, paths):
        if not path.exists():
            raise UsageProblem(f"benchmark path {given!r} does not exist"
                               + (" (the default is benchmarks/; pass the folder of your benchmarks)"
                                  if given == "benchmarks" else ""))
    repo = sides.repository_root(paths[0] if paths[0].is_dir() else paths[0].parent)
    if args.baseline is not None and repo is None:
        raise UsageProblem(f"--baseline needs the benchmarks to be in a git repository ({paths[0]} is not)")
    root = repo or Path.cwd().resolve()
    if args.baseline is not None:
        for given, path in zip(args.paths, paths):
            if not path.is_relative_to(repo):
                raise UsageProblem(f"benchmark path {given!r} is outside the repository {repo}")
    commit = sides.resolve_ref(repo, args.baseline) if args.baseline is not None else None
    files = [f for path in paths for f in discover.benchmark_files(path)]
    if not files:
        raise UsageProblem(f"no Python files under {', '.join(args.paths)}")
    python = _real_python(args.python)
    pyxc = None if args.no_build or args.build_command else _find_pyxc()
    build_paths = args.build or ["."]
    for entry in build_paths:
        if not (root / entry).exists():
            raise UsageProblem(f"--build {entry!r} does not exist under {root}")

    with ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="pyxc-bench-work-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        current = Side("B", "current", root, paths)
        all_sides = [current]
        baseline = None
        if commit is not None:
            tree = stack.enter_context(BaselineWorktree(repo, commit))
            sides.copy_benchmarks(files, repo, tree)
            baseline = Side("A", f"baseline {args.baseline}", tree, [tree / p.relative_to(repo) for p in paths])
            all_sides.insert(0, baseline)
        envs = {side.key: sides.worker_env(side, repo, args.worker_env) for side in all_sides}
        if not args.no_build:
            for side in all_sides:
                sides.build(side, build_paths, args.build_command, pyxc, python, envs[side.key], args.verbose)
        prefixes: dict[str, list[str]] = {side.key: [] for side in all_sides}
        init_extra: dict[str, dict] = {side.key: {"sys_path": [str(side.root)]} for side in all_sides}
        if args.metric == "instructions":
            try:
                valgrind = callgrind.find_valgrind()
                include, suffix = callgrind.python_build_info(python)
                marker = callgrind.build_marker(work, include, suffix)
            except callgrind.InstructionsUnavailable as problem:
                raise UsageProblem(str(problem)) from None
            for side in all_sides:
                dumps = work / f"dumps-{side.key}"
                dumps.mkdir()
                prefixes[side.key] = callgrind.command_prefix(valgrind, dumps)
                init_extra[side.key].update(marker=str(marker), dump_dir=str(dumps))
        workers = {}
        for side in all_sides:
            worker = runner.WorkerProcess(side, [*prefixes[side.key], python], envs[side.key],
                                          work / f"worker-{side.key}.log")
            stack.callback(worker.close)
            workers[side.key] = worker
        settings = runner.RunSettings(samples, args.min_time, args.metric, args.verbose,
                                      cpus=runner.pair_cpus(), rounds=baseline is not None)
        roots = {side.key: [str(p) for p in side.benchmark_roots] for side in all_sides}
        try:
            results = runner.run_all(workers["B"], workers.get("A"), roots, settings, init_extra)
        except runner.WorkerDied as died:
            print(f"pyxc bench: error: {died}", file=sys.stderr)
            return EXIT_FAILED
        except runner.BenchmarkFailed as failure:  # importing the current benchmarks failed
            print(f"pyxc bench: error: {failure}", file=sys.stderr)
            return EXIT_FAILED

    report = report_mod.analyse(results, args.metric, args.fail_above, args.baseline, commit)
    plot_files = {}
    if args.plot_dir is not None:
        from . import plots

        plot_files = plots.write_plots(report, args.plot_dir)
    for row in report.failures():
        print(f"pyxc bench: {row.result.name} raised:\n{row.result.message.rstrip()}", file=sys.stderr)
    sys.stdout.write(report_mod.format_table(report))
    if plot_files:
        print(f"pyxc bench: plots in {args.plot_dir}")
    if args.json is not None:
        _write(args.json, report_mod.to_json(report))
    if args.summary is not None:
        _write(args.summary, report_mod.format_markdown(report, plot_files))
    return report.exit_code()


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    except OSError as error:
        raise UsageProblem(f"cannot write {path}: {error}") from None
