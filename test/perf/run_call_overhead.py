"""Call overhead of a trivial add(a, b), as a ratio to operator.add.

    python test/perf/run_call_overhead.py [--rounds 100] [--number 20000] [--repeats 5]

One process; every round times each contender `--repeats` times, each
repeat in a fresh random order, and keeps each contender's fastest timing
(a preempted timing is never the fastest); each round's time is divided by
operator.add's time in that same round, so machine noise that hits a round
hits all contenders alike (see /work/shared/BENCHMARKS.md). Reports the median of
the per-round ratios with the 10th-90th percentile spread, for an int add
and a float add, and saves JSON under test/perf/out/.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
import timeit
from pathlib import Path

from contenders import all_contenders

OUT_DIR = Path(__file__).resolve().parent / "out"
CASES = {"int": ("add", 3, 4), "float": ("fadd", 3.5, 4.25)}
BASELINE = "operator.add"


# How the call is made. "direct" is a call in Python code, where CPython 3.11
# specialises the call site for exact builtin functions (and only those);
# "map" calls through the generic vectorcall protocol, which every callable
# gets: together they separate the callee's own cost from the interpreter's.
STYLES = {
    "direct": "for _ in loop:\n    f(a, b)",
    "map": "for _ in map(f, xs, ys):\n    pass",
}
BATCH = 100  # calls per loop


# Not named time_*: asv and `pyxc bench` would take a time_* function for a benchmark.
def measure_calls(function, a, b, number: int, style: str = "direct") -> float:
    names = {"f": function, "a": a, "b": b, "loop": range(BATCH), "xs": [a] * BATCH, "ys": [b] * BATCH}
    timer = timeit.Timer(STYLES[style], globals=names)
    batches = max(1, number // BATCH)
    return timer.timeit(batches) / (batches * BATCH)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def measure(contenders, attribute: str, a, b, rounds: int, number: int, repeats: int,
            rng: random.Random, style: str = "direct") -> dict:
    functions = {c.name: getattr(c, attribute) for c in contenders}
    expected = a + b
    for name, function in functions.items():
        result = function(a, b)
        if result != expected or type(result) is not type(expected):
            raise SystemExit(f"{name}.{attribute}({a!r}, {b!r}) returned {result!r}, expected {expected!r}")
    for function in functions.values():  # warm up caches and branch predictors
        measure_calls(function, a, b, number // 10, style)
    ratios = {name: [] for name in functions}
    seconds = {name: [] for name in functions}
    for _ in range(rounds):
        this_round = {name: float("inf") for name in functions}
        for _ in range(repeats):
            order = list(functions)
            rng.shuffle(order)
            for name in order:
                this_round[name] = min(this_round[name], measure_calls(functions[name], a, b, number, style))
        for name, per_call in this_round.items():
            seconds[name].append(per_call)
            ratios[name].append(per_call / this_round[BASELINE])
    return {
        name: {
            "median_ratio": statistics.median(ratios[name]),
            "p10_ratio": percentile(ratios[name], 0.10),
            "p90_ratio": percentile(ratios[name], 0.90),
            "median_ns_per_call": statistics.median(seconds[name]) * 1e9,
            "ratios": ratios[name],
        }
        for name in functions
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--number", type=int, default=20_000, help="calls per timing")
    parser.add_argument("--repeats", type=int, default=5,
                        help="timings per contender per round; the round keeps the fastest")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true", help="exit 1 when pyxc could not be built")
    options = parser.parse_args()

    contenders = all_contenders()
    available = [c for c in contenders if c.missing is None]
    missing = {c.name: c.missing for c in contenders if c.missing is not None}
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")

    rng = random.Random(options.seed)
    results = {}
    for case, (attribute, a, b) in CASES.items():
        for style in STYLES:
            key = f"{case}-{style}"
            results[key] = measure(available, attribute, a, b, options.rounds, options.number,
                                   options.repeats, rng, style)
            print(f"\n{case} add, {style} calls, ratio to {BASELINE} "
                  f"(median of {options.rounds} rounds, p10-p90):")
            for name, summary in sorted(results[key].items(), key=lambda item: item[1]["median_ratio"]):
                print(f"  {name:<16} {summary['median_ratio']:6.2f}  "
                      f"[{summary['p10_ratio']:.2f}-{summary['p90_ratio']:.2f}]  "
                      f"{summary['median_ns_per_call']:6.1f} ns/call")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {
        "benchmark": "call_overhead",
        "baseline": BASELINE,
        "rounds": options.rounds,
        "calls_per_timing": options.number,
        "repeats_per_round": options.repeats,
        "python": sys.version,
        "machine": platform.platform(),
        "missing": missing,
        "results": results,
    }
    path = OUT_DIR / f"call_overhead-{stamp}.json"
    path.write_text(json.dumps(report, indent=2))
    (OUT_DIR / "call_overhead-latest.json").write_text(json.dumps(report, indent=2))
    print(f"\nsaved {path}")
    return 1 if options.require_pyxc and "pyxc" in missing else 0


if __name__ == "__main__":
    sys.exit(main())
