"""The gate end to end (issue 8): a small git repository with a pyxc module
and an asv benchmark, compared by `pyxc bench --baseline` with itself, with
a 1.3x slower and a 1.3x faster change, and (instructions) a 3% slower one.

These run the real `pyxc` binary (PYXC_BIN), which forwards to the harness
and builds both sides with `pyxc build`."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from conftest import harness_env, make_repo, worktrees, write

MODULE = textwrap.dedent('''\
    import pyxc


    @pyxc.native
    def churn(n: int) -> int:
        # A dependent chain the C++ compiler cannot shorten; FACTOR% of n steps.
        x = 1
        for i in range(n * {factor} // 100):
            x = (x * 1103515245 + 12345) % 2147483648
        return x
    ''')
BENCHMARK = textwrap.dedent('''\
    from work import churn


    def time_churn():
        churn(20000)
    ''')
NAME = "bench_work.time_churn"


def repo_with(tmp_path, factor: int):
    return make_repo(tmp_path / "project", {"work.py": MODULE.format(factor=factor),
                                            "benchmarks/bench_work.py": BENCHMARK})


def bench(pyxc_bin, repo, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    completed = subprocess.run([pyxc_bin, "bench", "--python", sys.executable, *args], cwd=repo,
                               capture_output=True, text=True, env=harness_env(), timeout=timeout)
    print(completed.stdout, completed.stderr, sep="\n")
    return completed


TIME_ARGS = ("--samples", "15")


def test_self_comparison_passes_while_a_core_is_loaded(pyxc_bin, tmp_path):
    repo = repo_with(tmp_path, 100)
    load = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        for _ in range(2):
            completed = bench(pyxc_bin, repo, "--baseline", "HEAD", *TIME_ARGS)
            assert completed.returncode == 0, completed.stdout + completed.stderr
            assert NAME in completed.stdout
    finally:
        load.kill()
        load.wait()
    assert len(worktrees(repo)) == 1, "the baseline worktree was left behind"


def test_a_slowdown_of_1_3x_fails_and_names_the_benchmark(pyxc_bin, tmp_path):
    repo = repo_with(tmp_path, 100)
    write(repo, {"work.py": MODULE.format(factor=130)})
    plots = tmp_path / "plots"
    completed = bench(pyxc_bin, repo, "--baseline", "HEAD", *TIME_ARGS, "--json", str(tmp_path / "r.json"),
                      "--plot-dir", str(plots))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert f"REGRESSION: {NAME}" in completed.stdout
    result = json.loads((tmp_path / "r.json").read_text())
    (entry,) = result["benchmarks"]
    assert entry["verdict"] == "regression"
    assert 1.15 < entry["ratio"]["estimate"] < 1.5
    assert (plots / f"{NAME}.png").is_file() and (plots / "summary.png").is_file()
    assert len(worktrees(repo)) == 1


def test_a_speedup_of_1_3x_passes_as_an_improvement(pyxc_bin, tmp_path):
    repo = repo_with(tmp_path, 130)
    write(repo, {"work.py": MODULE.format(factor=100)})
    completed = bench(pyxc_bin, repo, "--baseline", "HEAD", *TIME_ARGS)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"improvement: {NAME}" in completed.stdout


STEADY = textwrap.dedent('''\
    import pyxc


    @pyxc.native
    def steady(n: int) -> int:
        x = 7
        for i in range(n):
            x = (x * 69069 + 1) % 4294967296
        return x
    ''')
STEADY_BENCHMARK = "from steady import steady\n\n\ndef time_steady():\n    steady(20000)\n"


def test_instructions_catch_a_3_percent_slowdown_and_leave_the_rest_alone(pyxc_bin, tmp_path):
    repo = make_repo(tmp_path / "project", {"work.py": MODULE.format(factor=100), "steady.py": STEADY,
                                            "benchmarks/bench_work.py": BENCHMARK,
                                            "benchmarks/bench_steady.py": STEADY_BENCHMARK})
    write(repo, {"work.py": MODULE.format(factor=103)})
    completed = bench(pyxc_bin, repo, "--baseline", "HEAD", "--metric", "instructions",
                      "--samples", "8", "--json", str(tmp_path / "r.json"))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert f"REGRESSION: {NAME}" in completed.stdout
    entries = {e["name"]: e for e in json.loads((tmp_path / "r.json").read_text())["benchmarks"]}
    # Deterministic counts: the interval is narrow and holds the true ~3%...
    changed = entries[NAME]["ratio"]
    assert 1.025 < changed["low"] <= changed["high"] < 1.035
    # ...and the unchanged function counts the same on both sides, to 0.5%.
    same = entries["bench_steady.time_steady"]
    assert same["verdict"] == "unchanged"
    assert 0.995 < same["ratio"]["low"] <= same["ratio"]["high"] < 1.005
