"""How often `pyxc bench --baseline` cries wolf, and how small a slowdown it catches.

    PYXC_BIN=build/pyxc python test/perf/measure_gate.py [--self-runs 20] [--slowdowns 2,5,10,30] [--runs 5]

Makes a temporary git repository with a pyxc module (a dependent integer
chain of FACTOR% of n steps) and one asv benchmark, then runs the gate
exactly as CI would (`pyxc bench --baseline HEAD`, default settings):
`--self-runs` times against an unchanged tree (every exit 1 is a false
alarm), and `--runs` times for each slowdown in `--slowdowns` (percent more
steps; exit 1 is a catch). Prints the rates and the intervals seen, and
writes them as JSON to test/perf/out/gate-latest.json. A script, not a test:
its numbers depend on how loaded the machine is while it runs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PERF_DIR = Path(__file__).resolve().parent
REPO_DIR = PERF_DIR.parents[1]
MODULE = '''import pyxc


@pyxc.native
def churn(n: int) -> int:
    x = 1
    for i in range(n * {factor} // 1000):
        x = (x * 1103515245 + 12345) % 2147483648
    return x
'''
BENCHMARK = '''from work import churn


def time_churn():
    churn(20000)
'''


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def run_gate(pyxc: str, repo: Path, extra: list[str]) -> dict:
    out = repo.parent / "result.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_DIR / "python"), env.get("PYTHONPATH")]))
    # This checkout's harness, building with PYXC_BIN: what `pyxc bench` runs.
    env["PYXC_EXECUTABLE"] = pyxc
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-m", "pyxc.bench", "--baseline", "HEAD",
                                "--json", str(out), *extra], cwd=repo, capture_output=True, text=True, env=env)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"pyxc bench failed (exit {completed.returncode}):\n{completed.stdout}{completed.stderr}")
    (entry,) = json.loads(out.read_text())["benchmarks"]
    return {"exit": completed.returncode, "ratio": entry["ratio"]["estimate"], "low": entry["ratio"]["low"],
            "high": entry["ratio"]["high"], "seconds": round(time.monotonic() - started, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-runs", type=int, default=20)
    parser.add_argument("--slowdowns", default="2,5,10,30", help="percent, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per slowdown")
    parser.add_argument("--bench-args", default="", help="extra `pyxc bench` arguments, space-separated")
    args = parser.parse_args()
    pyxc = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not pyxc:
        raise SystemExit("set PYXC_BIN to the pyxc binary")
    extra = args.bench_args.split()
    results: dict = {"self": [], "slowdowns": {}, "bench_args": extra,
                     "load_average_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="pyxc-gate-") as tmp:
        repo = Path(tmp) / "project"
        (repo / "benchmarks").mkdir(parents=True)
        (repo / "work.py").write_text(MODULE.format(factor=1000))
        (repo / "benchmarks" / "bench_work.py").write_text(BENCHMARK)
        (repo / ".gitignore").write_text("__pyxc__/\n__pycache__/\n")
        git(repo, "init", "-q")
        git(repo, "-c", "user.email=gate@example.invalid", "-c", "user.name=gate", "add", "-A")
        git(repo, "-c", "user.email=gate@example.invalid", "-c", "user.name=gate", "commit", "-qm", "base")
        for i in range(args.self_runs):
            outcome = run_gate(pyxc, repo, extra)
            results["self"].append(outcome)
            print(f"self {i + 1}/{args.self_runs}: exit {outcome['exit']} ratio {outcome['ratio']:.4f} "
                  f"[{outcome['low']:.4f}, {outcome['high']:.4f}] ({outcome['seconds']} s)", flush=True)
        for percent in [float(p) for p in args.slowdowns.split(",") if p]:
            (repo / "work.py").write_text(MODULE.format(factor=round(1000 * (1 + percent / 100))))
            runs = results["slowdowns"].setdefault(f"{percent:g}%", [])
            for i in range(args.runs):
                outcome = run_gate(pyxc, repo, extra)
                runs.append(outcome)
                print(f"+{percent:g}% {i + 1}/{args.runs}: exit {outcome['exit']} ratio {outcome['ratio']:.4f} "
                      f"[{outcome['low']:.4f}, {outcome['high']:.4f}]", flush=True)
    false_alarms = sum(r["exit"] == 1 for r in results["self"])
    print(f"\nfalse alarms: {false_alarms} of {len(results['self'])} self-comparisons")
    for label, runs in results["slowdowns"].items():
        print(f"slowdown {label}: caught {sum(r['exit'] == 1 for r in runs)} of {len(runs)}")
    results["load_average_at_end"] = os.getloadavg()
    out_dir = PERF_DIR / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "gate-latest.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
