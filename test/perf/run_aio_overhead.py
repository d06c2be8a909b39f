"""Per-call overhead of `.aio` against `asyncio.to_thread` and
`loop.run_in_executor`, on a trivial compiled function (x + 1), so what is
measured is the trip to a worker thread and back into the event loop.

    PYXC_BIN=build/pyxc python test/perf/run_aio_overhead.py [--rounds 10] [--quick] [--json PATH]

Two styles: `sequential` awaits one call after the other (the latency of
one trip: submit, wake a worker, run, wake the loop), `gather` awaits
`--batch` calls at once (the cost per call when many are in flight).
`run_in_executor` uses a ThreadPoolExecutor with one thread per CPU, the
size of pyxc's default native pool; `to_thread` the loop's default
executor. A direct call (no await, no thread) is shown for scale.

Method: one process, one event loop; every round times each contender
`--repeats` times per style, each repeat in a fresh random order, `--calls`
calls per timing, and keeps each one's fastest timing; ratios to
`asyncio.to_thread` are taken within the round; the table is the median
over rounds with the p10-p90 range. The goal: `.aio` below 1.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency_support as cs  # noqa: E402

BASELINE = "asyncio.to_thread"


def contenders(function, pool) -> dict:
    """name -> coroutine function awaiting one call of function(x)."""
    loop_executor = asyncio.get_running_loop

    async def to_thread(x):
        return await asyncio.to_thread(function, x)

    async def run_in_executor(x):
        return await loop_executor().run_in_executor(pool, function, x)

    found = {BASELINE: to_thread, f"run_in_executor ({pool._max_workers} threads)": run_in_executor}
    if cs.aio_missing(function) is None:
        async def aio(x):
            return await function.aio(x)

        found[".aio"] = aio
    return found


async def timed(call, calls: int, style: str, batch: int) -> float:
    """Seconds per call; checks every answer."""
    started = time.perf_counter()
    if style == "sequential":
        for x in range(calls):
            if await call(x) != x + 1:
                raise SystemExit(f"WRONG {call.__name__}({x})")
    else:
        for first in range(0, calls, batch):
            results = await asyncio.gather(*(call(x) for x in range(first, first + batch)))
            if results != list(range(first + 1, first + batch + 1)):
                raise SystemExit(f"WRONG {call.__name__} in gather")
    return (time.perf_counter() - started) / calls


def direct_seconds(function, calls: int) -> float:
    started = time.perf_counter()
    for x in range(calls):
        function(x)
    return (time.perf_counter() - started) / calls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--calls", type=int, default=1000, help="calls per timing")
    parser.add_argument("--repeats", type=int, default=3, help="timings per contender per round; the round keeps the fastest")
    parser.add_argument("--batch", type=int, default=1000, help="calls in flight in the gather style")
    parser.add_argument("--quick", action="store_true", help="2 rounds of few calls: checks the script runs")
    parser.add_argument("--json", type=str, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true", help="exit 1 when pyxc or .aio is missing")
    options = parser.parse_args()
    if options.quick:
        options.rounds, options.calls, options.batch, options.repeats = 2, 200, 100, 1
    options.calls = max(options.batch, options.calls // options.batch * options.batch)

    info = cs.machine_info()
    print(cs.machine_line(info))
    subject = cs.build_subject("concurrency_subject")
    missing = {}
    function = subject.python.trivial
    if subject.missing:
        missing["pyxc"] = subject.missing
    else:
        function = subject.compiled.trivial
        if cs.aio_missing(function):
            missing["aio"] = cs.aio_missing(function)
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")

    pool = ThreadPoolExecutor(max_workers=cs.cpu_count())
    rng = random.Random(options.seed)
    styles = ("sequential", "gather")

    async def measure_all() -> tuple[dict, dict]:
        calls = contenders(function, pool)
        for call in calls.values():  # warm up: threads started, pool created
            for style in styles:
                await timed(call, options.batch, style, options.batch)
        ratios = {(name, style): [] for name in calls for style in styles}
        seconds = {(name, style): [] for name in calls for style in styles}
        for _ in range(options.rounds):
            this_round = {key: float("inf") for key in ratios}
            for _ in range(options.repeats):  # a preempted timing is never the fastest
                for key in rng.sample(list(ratios), len(ratios)):
                    this_round[key] = min(this_round[key],
                                          await timed(calls[key[0]], options.calls, key[1], options.batch))
            for (name, style), value in this_round.items():
                seconds[name, style].append(value)
                ratios[name, style].append(value / this_round[BASELINE, style])
        return ratios, seconds

    loop = asyncio.new_event_loop()
    ratios, seconds = loop.run_until_complete(measure_all())
    loop.close()
    pool.shutdown()
    direct = min(direct_seconds(function, options.calls) for _ in range(5))

    headers = ["contender", "style", "µs per call", f"ratio to {BASELINE}", "goal (.aio < 1)"]
    rows = []
    for (name, style), values in sorted(ratios.items(), key=lambda item: (item[0][1] != "sequential",
                                                                           cs.summary(item[1])["median"])):
        median = cs.summary(values)["median"]
        verdict = ("met" if median < 1 else "not met") if name == ".aio" else ""
        rows.append([name, style, cs.spread(cs.summary([s * 1e6 for s in seconds[name, style]]), 1),
                     cs.spread(cs.summary(values)), verdict])
    rows.append(["direct call (no await, no thread)", "sequential", f"{direct * 1e6:.3f}", "—", ""])
    print(f"\ntrivial(x) = x + 1 ({'pyxc' if 'pyxc' not in missing else 'pure Python'}), {options.calls} calls "
          f"per timing, gather batches of {options.batch}; median [p10-p90] of {options.rounds} rounds\n")
    print(cs.markdown_table(headers, rows))
    if (".aio", "sequential") in ratios:
        print("\nheadline: .aio / asyncio.to_thread per call: " + ", ".join(
            f"{style} {cs.summary(ratios['.aio', style])['median']:.2f} "
            f"({cs.summary(seconds['.aio', style])['median'] * 1e6:.1f} vs "
            f"{cs.summary(seconds[BASELINE, style])['median'] * 1e6:.1f} µs)" for style in styles))
    report = {"benchmark": "aio_overhead", "machine": info, "calls": options.calls, "batch": options.batch,
              "rounds": options.rounds, "missing": missing, "direct_seconds": direct,
              "results": {f"{name}|{style}": {"ratio": cs.summary(ratios[name, style]),
                                              "seconds": cs.summary(seconds[name, style])}
                          for name, style in ratios},
              "table": {"headers": headers, "rows": rows}}
    path = cs.save_report("aio_overhead", report, options.json)
    print(f"\nsaved {path}")
    return 1 if options.require_pyxc and missing else 0


if __name__ == "__main__":
    sys.exit(main())
