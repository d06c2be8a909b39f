"""Array kernels: pyxc, Cython 3, Numba and NumPy as a ratio to hand-written C++.

    PYXC_BIN=build/pyxc python test/perf/run_array_kernels.py [--rounds 20] [--repeats 3]
        [--min-time 0.02] [--cpython-rounds 3 | --no-cpython] [--kernels dot,matmul]
        [--require-pyxc] [--no-plot]

Seven kernels (test/perf/arrays/kernels.py), each written the same way for
every tool, checks off. Every contender's result is checked against the
hand-written C++ reference before anything is timed (the reference itself
against the NumPy idiom); a contender that cannot be built prints
`MISSING name: why`, one that computes something else prints `WRONG ...`,
and both are left out.

Method (see /work/shared/BENCHMARKS.md): one process; every round visits the
kernels in a random order and, per kernel, times each contender `--repeats`
times (each repeat in a fresh random order, `number` calls per timing so a
timing lasts at least `--min-time`) and keeps each one's fastest timing;
that round's ratios are taken against hand-c++ in the same round. The
report is the median of the per-round ratios with the 10th-90th percentile
range. "default-checks cost" is pyxc-checked over pyxc, per round.

Plain CPython runs the same source far too slowly for that, so it gets
`--cpython-rounds` rounds of one call each, every one next to a fresh
hand-c++ timing.

Prints a table, saves JSON (array_kernels-latest.json and a timestamped
copy) and a bar chart (array_kernels-latest.png and a timestamped copy)
under test/perf/out/.
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import random
import statistics
import sys
import time
from pathlib import Path

PERF_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PERF_DIR / "arrays"))

import array_contenders as ac  # noqa: E402  (sets the BLAS/Numba environment before NumPy loads)
import numpy as np  # noqa: E402

OUT_DIR = PERF_DIR / "out"
BASELINE = "hand-c++"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p10": percentile(values, 0.10),
            "p90": percentile(values, 0.90), "n": len(values)}


# Not named time_*: asv and `pyxc bench` would take a time_* function for a benchmark.
def measure_calls(function, args: tuple, number: int) -> float:
    """Seconds per call, over `number` back-to-back calls."""
    clock = time.perf_counter
    start = clock()
    for _ in range(number):
        function(*args)
    return (clock() - start) / number


def verify(contenders, cases, kernels) -> tuple[dict, dict, dict]:
    """Checks every contender against the reference; returns the functions
    that passed per kernel, the failures, and first-call seconds (Numba's JIT)."""
    reference = next(c for c in contenders if c.name == BASELINE)
    numpy_idiom = next((c for c in contenders if c.name.startswith("numpy")), None)
    passed, wrong, first_call = {}, {}, {}
    for kernel in kernels:
        case = cases[kernel]
        expected = ac.run_checked(reference.kernels[kernel], case)
        if numpy_idiom is not None and kernel in numpy_idiom.kernels:
            # The reference itself against an independent formulation.
            problem = ac.same_result(kernel, ac.run_checked(numpy_idiom.kernels[kernel], case), expected,
                                     rtol=1e-9)
            if problem:
                raise SystemExit(f"the reference disagrees with NumPy on {kernel}: {problem}")
        passed[kernel] = {}
        for contender in contenders:
            function = contender.kernels.get(kernel)
            if function is None:
                continue
            started = time.perf_counter()
            try:
                got = ac.run_checked(function, case)
            except Exception as error:  # reported, not fatal: the others still run
                wrong.setdefault(contender.name, {})[kernel] = f"raised {type(error).__name__}: {error}"
                continue
            first_call.setdefault(contender.name, {})[kernel] = time.perf_counter() - started
            problem = ac.same_result(kernel, got, expected)
            if problem:
                wrong.setdefault(contender.name, {})[kernel] = problem
                continue
            passed[kernel][contender.name] = function
    return passed, wrong, first_call


def measure(passed: dict, cases: dict, rounds: int, repeats: int, min_time: float,
            rng: random.Random) -> dict:
    compiled = {kernel: {name: f for name, f in functions.items() if name != "cpython"}
                for kernel, functions in passed.items()}
    numbers = {}
    for kernel, functions in compiled.items():
        args = cases[kernel].args
        for function in functions.values():  # warm up: caches, page faults, branch predictors
            measure_calls(function, args, 2)
        per_call = min(measure_calls(functions[BASELINE], args, 1) for _ in range(3))
        numbers[kernel] = max(1, math.ceil(min_time / per_call))
    ratios = {k: {name: [] for name in functions} for k, functions in compiled.items()}
    seconds = {k: {name: [] for name in functions} for k, functions in compiled.items()}
    checks_cost = {k: [] for k in compiled}
    for _ in range(rounds):
        order = list(compiled)
        rng.shuffle(order)
        for kernel in order:
            functions, args, number = compiled[kernel], cases[kernel].args, numbers[kernel]
            best = {name: float("inf") for name in functions}
            for _ in range(repeats):
                names = list(functions)
                rng.shuffle(names)
                for name in names:
                    best[name] = min(best[name], measure_calls(functions[name], args, number))
            for name, per_call in best.items():
                seconds[kernel][name].append(per_call)
                ratios[kernel][name].append(per_call / best[BASELINE])
            if "pyxc" in best and "pyxc-checked" in best:
                checks_cost[kernel].append(best["pyxc-checked"] / best["pyxc"])
    results = {}
    for kernel in compiled:
        results[kernel] = {
            "calls_per_timing": numbers[kernel],
            "contenders": {
                name: {"ratio": summarize(ratios[kernel][name]),
                       "median_ms_per_call": statistics.median(seconds[kernel][name]) * 1e3,
                       "ratios": ratios[kernel][name]}
                for name in compiled[kernel]
            },
        }
        if checks_cost[kernel]:
            results[kernel]["default_checks_cost"] = summarize(checks_cost[kernel])
    return results


def measure_cpython(passed: dict, cases: dict, rounds: int, results: dict) -> None:
    for kernel, functions in passed.items():
        if "cpython" not in functions:
            continue
        args, ratios, seconds = cases[kernel].args, [], []
        for _ in range(rounds):
            reference = min(measure_calls(functions[BASELINE], args, 1) for _ in range(3))
            python = measure_calls(functions["cpython"], args, 1)
            ratios.append(python / reference)
            seconds.append(python)
        results[kernel]["contenders"]["cpython"] = {
            "ratio": summarize(ratios), "median_ms_per_call": statistics.median(seconds) * 1e3,
            "ratios": ratios}


def column_order(results: dict) -> list[str]:
    order = ("pyxc", "pyxc-checked", BASELINE, "cython", "numba", "numpy", "cpython")

    def rank(name: str) -> tuple:
        base = name if name in order else name.split("-")[0]
        return (order.index(base) if base in order else len(order), name)

    names = {name for kernel in results.values() for name in kernel["contenders"]}
    return sorted(names, key=rank)


def print_table(results: dict, kernels: list[str]) -> None:
    columns = column_order(results)
    width = 20
    print(f"\nratio to {BASELINE} per kernel (median of per-round ratios, [p10-p90]); "
          f"{BASELINE} in ms per call")
    header = f"{'kernel':<32}{'hand ms':>9}" + "".join(f"{c:>{width}}" for c in columns)
    with_cost = any("default_checks_cost" in results[k] for k in kernels if k in results)
    if with_cost:
        header += f"{'checks cost':>{width}}"
    print(header)
    for kernel in kernels:
        if kernel not in results:
            continue
        row = results[kernel]
        line = f"{ac.DESCRIPTIONS[kernel]:<32}{row['contenders'][BASELINE]['median_ms_per_call']:>9.3f}"
        for column in columns:
            entry = row["contenders"].get(column)
            if entry is None:
                line += f"{'—':>{width}}"
                continue
            r = entry["ratio"]
            digits = 0 if r["median"] >= 100 else 2
            cell = f"{r['median']:.{digits}f} [{r['p10']:.{digits}f}-{r['p90']:.{digits}f}]"
            line += f"{cell:>{width}}"
        if "default_checks_cost" in row:
            c = row["default_checks_cost"]
            cell = f"{c['median']:.2f} [{c['p10']:.2f}-{c['p90']:.2f}]"
            line += f"{cell:>{width}}"
        elif with_cost:
            line += f"{'—':>{width}}"
        print(line)


def plot(results: dict, kernels: list[str], path: Path, title_note: str) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as error:
        print(f"no chart: matplotlib unavailable ({error})")
        return False
    kernels = [k for k in kernels if k in results]
    columns = column_order(results)
    # hand-c++ is the line at 1.0, not a bar.
    near = [c for c in columns if c != BASELINE and not c.startswith(("numpy", "cpython"))]
    far = [c for c in columns if c.startswith(("numpy", "cpython"))]
    by_tool = {"pyxc": "#1f77b4", "pyxc-checked": "#aec7e8", BASELINE: "#7f7f7f", "cython": "#ff7f0e",
               "numba": "#2ca02c", "numpy": "#9467bd", "cpython": "#8c564b"}
    colors = {name: by_tool.get(name, by_tool.get(name.split("-")[0], "#17becf")) for name in columns}
    panels = [(near, "linear")] + ([(far, "log")] if far else [])
    figure, axes = plt.subplots(len(panels), 1, figsize=(13, 5.2 * len(panels)), squeeze=False)
    labels = [ac.DESCRIPTIONS[k].replace(" (", "\n(") for k in kernels]
    for (names, scale), axis in zip(panels, axes[:, 0]):
        width = 0.8 / max(1, len(names))
        for index, name in enumerate(names):
            xs, heights, low, high = [], [], [], []
            for position, kernel in enumerate(kernels):
                entry = results[kernel]["contenders"].get(name)
                if entry is None:
                    continue
                r = entry["ratio"]
                xs.append(position - 0.4 + width * (index + 0.5))
                heights.append(r["median"])
                low.append(r["median"] - r["p10"])
                high.append(r["p90"] - r["median"])
            bars = axis.bar(xs, heights, width, yerr=[low, high], capsize=2, label=name, color=colors[name],
                            edgecolor="black", linewidth=0.4)
            for bar, height, above in zip(bars, heights, high):
                text = f"{height:.0f}" if height >= 100 else f"{height:.2f}"
                axis.annotate(text, (bar.get_x() + bar.get_width() / 2, height + above), xytext=(0, 2),
                              textcoords="offset points", ha="center", va="bottom", fontsize=7)
        axis.axhline(1.0, color="black", linewidth=1.0, label=f"{BASELINE} = 1.0")
        axis.set_xticks(range(len(kernels)))
        axis.set_xticklabels(labels, fontsize=9)
        axis.set_yscale(scale)
        if scale == "linear":
            axis.axhline(1.10, color="#d62728", linewidth=0.8, linestyle="--", label="pyxc goal: 1.10")
            axis.set_ylim(0, max(axis.get_ylim()[1], 1.5) * 1.12)
            axis.set_title(f"Compiled kernels: time relative to hand-written C++ (lower is faster){title_note}")
        else:
            axis.set_ylim(top=axis.get_ylim()[1] * 4)
            axis.set_title("NumPy idiom and plain CPython (same source), relative to hand-written C++, log scale")
        axis.set_ylabel(f"time / {BASELINE} time (median, p10-p90)")
        axis.grid(axis="y", alpha=0.3, which="both")
        axis.legend(fontsize=8, ncol=min(7, len(names) + 2), loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3,
                        help="timings per contender per kernel per round; the round keeps the fastest")
    parser.add_argument("--min-time", type=float, default=0.02,
                        help="seconds a timing lasts at least (calls per timing are set from hand-c++)")
    parser.add_argument("--cpython-rounds", type=int, default=3)
    parser.add_argument("--no-cpython", action="store_true", help="do not time plain CPython")
    parser.add_argument("--no-numpy", action="store_true", help="do not time the NumPy idioms")
    parser.add_argument("--kernels", default=",".join(ac.KERNELS), help="comma-separated subset")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true",
                        help="exit 1 when pyxc could not be built or computes something else")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--replot", metavar="JSON", type=Path,
                        help="print the table and redraw the chart of a saved run, measure nothing")
    options = parser.parse_args()
    if options.replot:
        saved = json.loads(options.replot.read_text())
        kernels = list(saved["kernels"])
        print_table(saved["results"], kernels)
        png_path = options.replot.with_suffix(".png")
        note = "" if "pyxc" not in saved["missing"] else "\n(pyxc missing in this run)"
        if plot(saved["results"], kernels, png_path, note):
            print(f"saved {png_path}")
        return 0
    kernels = [k.strip() for k in options.kernels.split(",") if k.strip()]
    unknown = sorted(set(kernels) - set(ac.KERNELS))
    if unknown:
        parser.error(f"unknown kernel(s) {unknown}; known: {', '.join(ac.KERNELS)}")

    contenders = ac.all_contenders(numpy=not options.no_numpy, cpython=not options.no_cpython)
    missing = {c.name: c.missing for c in contenders if c.missing is not None}
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")
    partly = {c.name: c.info["missing_kernels"] for c in contenders if c.info.get("missing_kernels")}
    for name, kernels_missing in partly.items():  # the module failed; these kernels alone fail too
        for kernel, why in kernels_missing.items():
            print(f"MISSING {name} {kernel}: {why}")
    if BASELINE in missing:
        print(f"cannot measure without the reference {BASELINE}")
        return 1
    available = [c for c in contenders if c.missing is None]
    print(f"hand-c++ and Cython built with the driver's flags: {' '.join(ac.driver_flags())}")

    cases = ac.make_cases()
    if not options.no_cpython:
        print("checking results (plain CPython runs every kernel once: ~10 s) ...", flush=True)
    passed, wrong, first_call = verify(available, cases, kernels)
    for name, failures in wrong.items():
        for kernel, problem in failures.items():
            print(f"WRONG {name} {kernel}: {problem} (left out of {kernel})")
    jit = {name: sum(calls.values()) for name, calls in first_call.items() if name.startswith("numba")}
    for name, total in jit.items():
        print(f"{name}: first calls (JIT compile) took {total:.2f} s in all")

    rng = random.Random(options.seed)
    print(f"timing {len(kernels)} kernels x {options.rounds} rounds ...", flush=True)
    results = measure(passed, cases, options.rounds, options.repeats, options.min_time, rng)
    if not options.no_cpython:
        print(f"timing plain CPython, {options.cpython_rounds} rounds ...", flush=True)
        measure_cpython(passed, cases, options.cpython_rounds, results)
    print_table(results, kernels)
    for name in ("pyxc", "pyxc-checked"):
        if name in missing:
            print(f"({name} missing: see MISSING above)")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {
        "benchmark": "array_kernels",
        "baseline": BASELINE,
        "kernels": {k: ac.DESCRIPTIONS[k] for k in kernels},
        "rounds": options.rounds,
        "repeats_per_round": options.repeats,
        "min_seconds_per_timing": options.min_time,
        "cpython_rounds": 0 if options.no_cpython else options.cpython_rounds,
        "python": sys.version,
        "numpy": np.__version__,
        "machine": platform.platform(),
        "processor": platform.processor(),
        "driver_flags": ac.driver_flags(),
        "contenders": {c.name: {"missing": c.missing, **c.info} for c in contenders},
        "missing": missing,
        "wrong": wrong,
        "first_call_seconds": first_call,
        "results": results,
    }
    json_path = OUT_DIR / f"array_kernels-{stamp}.json"
    json_path.write_text(json.dumps(report, indent=2))
    (OUT_DIR / "array_kernels-latest.json").write_text(json.dumps(report, indent=2))
    print(f"\nsaved {json_path}")
    if not options.no_plot:
        note = "" if "pyxc" not in missing else "\n(pyxc missing in this run)"
        png_path = OUT_DIR / f"array_kernels-{stamp}.png"
        if plot(results, kernels, png_path, note):
            (OUT_DIR / "array_kernels-latest.png").write_bytes(png_path.read_bytes())
            print(f"saved {png_path}")
    pyxc_failed = "pyxc" in missing or "pyxc" in wrong or "pyxc" in partly
    return 1 if options.require_pyxc and pyxc_failed else 0


if __name__ == "__main__":
    sys.exit(main())
