"""Wheel builds of examples/packaged through pyxc's backend, cold (empty
compiled-artifact cache) vs warm (every module a cache hit); what one
cache hit costs per module; the wheel's size.

    PYXC_BIN=build/pyxc python test/perf/run_wheel_cache.py [--rounds 5]

Cold and warm builds alternate, each in a fresh copy of the project and,
for cold ones, a fresh cache directory; the report is the median of the
rounds (and min-max). Each build runs the backend's build_wheel hook in a
new interpreter, as a frontend does, without a frontend's isolated
environment (whose venv setup costs the same cold and warm). The per-module
hit cost is `pyxc build` of 20 copies of the example's modules, warm,
divided by 20. With --pip WHEELHOUSE (a directory holding a pyxc wheel)
it also times `pip wheel` with build isolation end to end, cold and warm,
once each: there the isolated environment's setup dominates both. Results
are printed and saved as JSON under test/perf/out/.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "packaged"


def pyxc_bin() -> str:
    explicit = os.environ.get("PYXC_BIN")
    return str(Path(explicit).resolve()) if explicit else (shutil.which("pyxc") or str(REPO / "build" / "pyxc"))


def timed(args, cwd, env) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{args} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def build_wheel(work: Path, cache: Path, out: Path) -> float:
    project = work / f"project-{time.monotonic_ns()}"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pyxc__", "__pycache__", "*.pyi"))
    env = dict(os.environ, PYXC_EXECUTABLE=pyxc_bin(), PYTHONPATH=str(REPO / "python"), PYXC_CACHE_DIR=str(cache))
    code = "import sys, pyxc.build as b; b.build_wheel(sys.argv[1])"
    return timed([sys.executable, "-c", code, str(out)], project, env)


def pip_wheel(work: Path, cache: Path, wheelhouse: str) -> float:
    project = work / f"project-{time.monotonic_ns()}"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pyxc__", "__pycache__", "*.pyi"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYXC_") and k != "PYTHONPATH"}
    env["PYXC_CACHE_DIR"] = str(cache)
    args = [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-deps",
            "--find-links", wheelhouse, "-w", str(work / f"pip-{time.monotonic_ns()}"), str(project)]
    return timed(args, work, env)


def hit_cost_per_module(work: Path, copies: int = 20) -> tuple[float, float]:
    tree = work / "many"
    for i in range(copies):
        shutil.copytree(EXAMPLE / "src" / "fastkernels", tree / f"pkg{i}")
    env = dict(os.environ, PYXC_CACHE_DIR=str(work / "many-cache"))
    modules = 2 * copies  # kernels.py and stats.py in each copy
    args = [pyxc_bin(), "build", "-j", "1", str(tree)]
    timed(args, work, env)  # fills the cache
    warm = min(timed(args, work, env) for _ in range(3))
    return warm / modules, modules


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pip", metavar="WHEELHOUSE", help="also time isolated `pip wheel` (pyxc from WHEELHOUSE)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyxc-wheel-cache-") as name:
        work = Path(name)
        cold, warm = [], []
        warm_cache = work / "warm-cache"
        build_wheel(work, warm_cache, work / "prime")  # fills the warm cache
        for r in range(options.rounds):
            cold.append(build_wheel(work, work / f"cold-cache-{r}", work / f"cold-{r}"))
            warm.append(build_wheel(work, warm_cache, work / f"warm-{r}"))
        wheel = next((work / "cold-0").glob("*.whl"))
        members = zipfile.ZipFile(wheel).infolist()
        wheel_bytes = wheel.stat().st_size
        identical = wheel.read_bytes() == next((work / "warm-0").glob("*.whl")).read_bytes()
        per_module, modules = hit_cost_per_module(work)
        pip_times = None
        if options.pip:
            pip_times = {"cold_s": pip_wheel(work, work / "pip-cache", options.pip)}
            pip_times["warm_s"] = pip_wheel(work, work / "pip-cache", options.pip)
    result = {
        "cold_s": statistics.median(cold), "cold_range_s": [min(cold), max(cold)],
        "warm_s": statistics.median(warm), "warm_range_s": [min(warm), max(warm)],
        "speedup": statistics.median(cold) / statistics.median(warm),
        "hit_cost_per_module_ms": per_module * 1000, "modules_for_hit_cost": modules,
        "wheel_bytes": wheel_bytes,
        "artifact_bytes": {m.filename: m.file_size for m in members if m.filename.endswith(".so")},
        "cold_and_warm_wheels_identical": identical, "rounds": options.rounds,
        "pip_wheel_isolated": pip_times,
    }
    print(f"cold wheel build   {result['cold_s']:.2f} s  (min {min(cold):.2f}, max {max(cold):.2f})")
    print(f"warm wheel build   {result['warm_s']:.2f} s  (min {min(warm):.2f}, max {max(warm):.2f})")
    print(f"warm speedup       {result['speedup']:.1f}x")
    print(f"cache hit cost     {result['hit_cost_per_module_ms']:.1f} ms per module "
          f"(pyxc build of {modules} modules, all hits, incl. parse/check/emit)")
    print(f"wheel size         {result['wheel_bytes'] / 1024:.1f} KiB "
          f"({', '.join(f'{Path(k).name}: {v / 1024:.1f} KiB' for k, v in result['artifact_bytes'].items())})")
    print(f"cold == warm bytes {identical}")
    if pip_times:
        print(f"pip wheel (isolated, end to end): cold {pip_times['cold_s']:.2f} s, warm {pip_times['warm_s']:.2f} s")
    out = REPO / "test" / "perf" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "wheel_cache-latest.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
