"""CPU-bound work in a ThreadPoolExecutor: pure-Python functions against the
same functions compiled by pyxc, from 1 thread to os.cpu_count() (and
twice that), plus the same work as `.aio` calls gathered by asyncio.

    PYXC_BIN=build/pyxc python test/perf/run_threads.py [--rounds 15] [--quick] [--json PATH]

The work: `tasks` calls of subjects/concurrency_subject.py's spin(n, seed)
(an integer loop, ~2 ms per call compiled) spread over a pool of k threads
by Executor.map. The pure-Python spin gets n/50 steps per call so a round
stays short; "vs Python" compares steps per second, which is fair because
the loop's cost per step is constant and the call costs microseconds
against milliseconds.

Method (see /work/shared/BENCHMARKS.md): one process; the pools are made
once; every round runs each (contender, threads) pair once in a random
order; a pair's speedup is its wall time against the same contender on one
thread in that same round, its efficiency is speedup / min(k, CPUs) (the
goal: 0.9), and "cores used" is the process's CPU time over the wall time
(threads that wait on the GIL do not burn CPU, so this is the parallelism
that really happened, whatever the load from other jobs did to the wall
clock). The table shows the median over rounds with the p10-p90 range, and
the speedup of the fastest runs (fastest 1-thread run / fastest k-thread
run over all rounds: other jobs never make a run faster, so on a shared
machine this is what the threads do when the cores are free).

`.aio` runs on pyxc's native worker pool, whose size is fixed when the
module first uses it (PYXC_NUM_THREADS, default the CPUs): the row with the
default pool is measured in this process; every other pool size in a child
process with PYXC_NUM_THREADS=k, which measures its own 1-thread baseline
in the same rounds (`--no-aio-children` skips them).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency_support as cs  # noqa: E402

PYXC_STEPS = 250_000  # ~2 ms per call compiled on the 2026 test machine
PYTHON_DIVISOR = 50
GOAL = 0.9


def tasks_for(counts: list[int], cpus: int) -> int:
    """A task count every thread count divides (no thread idles at the end
    of a round) and with at least 4 tasks per thread."""
    lcm = math.lcm(*counts)
    tasks = lcm
    while tasks < 4 * max(counts):
        tasks += lcm
    return tasks if tasks <= 256 else 8 * max(counts)


def run_pool(pool: ThreadPoolExecutor, function, n: int, tasks: int) -> list[int]:
    return list(pool.map(function, [n] * tasks, range(tasks)))


def measure(run) -> tuple[float, float, object]:
    cpu, wall = cs.cpu_seconds(), time.perf_counter()
    result = run()
    wall, cpu = time.perf_counter() - wall, cs.cpu_seconds() - cpu
    return wall, cpu, result


def aio_rounds(spin, n: int, tasks: int, rounds: int, seed: int) -> dict:
    """Serial calls against `gather` of .aio calls, interleaved, on one
    event loop: the per-round speedup of .aio over one thread."""
    loop = asyncio.new_event_loop()

    async def gathered():
        return await asyncio.gather(*(spin.aio(n, i) for i in range(tasks)))

    def serial():
        return [spin(n, i) for i in range(tasks)]

    def aio():
        return loop.run_until_complete(gathered())

    expected = serial()
    if aio() != expected:
        raise SystemExit("WRONG .aio: results differ from the direct calls")
    rng = random.Random(seed)
    out = {"speedup": [], "cores_used": [], "ms": [], "serial_ms": []}
    for _ in range(rounds):
        timings = {}
        for name in rng.sample(["serial", "aio"], 2):
            wall, cpu, _ = measure(serial if name == "serial" else aio)
            timings[name] = (wall, cpu)
        out["speedup"].append(timings["serial"][0] / timings["aio"][0])
        out["cores_used"].append(timings["aio"][1] / timings["aio"][0])
        out["ms"].append(timings["aio"][0] * 1e3)
        out["serial_ms"].append(timings["serial"][0] * 1e3)
    loop.close()
    return out


def aio_child(options) -> int:
    """Runs in a child with PYXC_NUM_THREADS set; prints one JSON line."""
    subject = cs.build_subject("concurrency_subject")
    if subject.missing or cs.aio_missing(subject.compiled.spin):
        print(json.dumps({"missing": subject.missing or cs.aio_missing(subject.compiled.spin)}))
        return 0
    result = aio_rounds(subject.compiled.spin, options.steps, options.tasks, options.rounds, options.seed)
    print(json.dumps(result))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--threads", type=str, default=None,
                        help="comma-separated thread counts (default: 1, 2, 4, ... CPUs, 2*CPUs)")
    parser.add_argument("--steps", type=int, default=PYXC_STEPS, help="spin() steps per compiled call")
    parser.add_argument("--tasks", type=int, default=None, help="calls per run (default: fits the thread counts)")
    parser.add_argument("--quick", action="store_true", help="2 rounds of small work: checks the script runs")
    parser.add_argument("--no-aio-children", action="store_true",
                        help="measure .aio only with this process's pool size")
    parser.add_argument("--json", type=str, default=None, help="also write the report here")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true", help="exit 1 when pyxc or .aio is missing")
    parser.add_argument("--aio-child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.quick:
        options.rounds, options.steps = 2, 20_000
    if options.aio_child:
        return aio_child(options)

    cpus = cs.cpu_count()
    counts = ([int(k) for k in options.threads.split(",")] if options.threads
              else cs.thread_counts(cpus, oversubscribe=not options.quick))
    if 1 not in counts:
        counts = [1] + counts
    tasks = options.tasks or tasks_for(counts, cpus)
    info = cs.machine_info()
    print(cs.machine_line(info))

    subject = cs.build_subject("concurrency_subject")
    contenders = {"python": (subject.python.spin, max(1, options.steps // PYTHON_DIVISOR))}
    missing = {}
    if subject.missing:
        missing["pyxc"] = subject.missing
    else:
        contenders["pyxc"] = (subject.compiled.spin, options.steps)
    hand, why = cs.build_hand("concurrency_hand")
    if hand is None:
        missing["hand-c++"] = why
    else:
        contenders["hand-c++"] = (hand.spin, options.steps)
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")

    # The same answers as CPython, before anything is timed.
    for name, (function, n) in contenders.items():
        expected = [subject.python.spin(n, i) for i in range(min(tasks, 4))]
        if [function(n, i) for i in range(min(tasks, 4))] != expected:
            raise SystemExit(f"WRONG {name}: spin() differs from CPython")

    pools = {k: ThreadPoolExecutor(max_workers=k) for k in counts}
    for pool in pools.values():  # start every worker thread before timing
        for name, (function, n) in contenders.items():
            run_pool(pool, function, max(1, n // 10), tasks)

    rng = random.Random(options.seed)
    pairs = [(name, k) for name in contenders for k in counts]
    per_round = {pair: {"speedup": [], "efficiency": [], "cores_used": [], "ms": [], "vs_python": [], "vs_hand": []}
                 for pair in pairs}
    for _ in range(options.rounds):
        timings = {}
        for name, k in rng.sample(pairs, len(pairs)):
            function, n = contenders[name]
            timings[name, k] = measure(lambda: run_pool(pools[k], function, n, tasks))[:2]
        for name, k in pairs:
            wall, cpu = timings[name, k]
            speedup = timings[name, 1][0] / wall
            record = per_round[name, k]
            record["speedup"].append(speedup)
            record["efficiency"].append(speedup / min(k, cpus))
            record["cores_used"].append(cpu / wall)
            record["ms"].append(wall * 1e3)
            if name != "python":
                steps_per_s = contenders[name][1] / wall
                python_steps_per_s = contenders["python"][1] / timings["python", k][0]
                record["vs_python"].append(steps_per_s / python_steps_per_s)
            if "hand-c++" in contenders and name != "hand-c++":
                # > 1: slower than the hand-written reference on as many threads
                record["vs_hand"].append(wall / contenders[name][1] * contenders["hand-c++"][1]
                                         / timings["hand-c++", k][0])
    for pool in pools.values():
        pool.shutdown()

    # .aio: this process's pool, then (children) every other size.
    aio = {}
    pool_size = int(os.environ.get("PYXC_NUM_THREADS") or 0) or cpus
    if "pyxc" in contenders:
        why = cs.aio_missing(subject.compiled.spin)
        if why:
            missing["aio"] = why
            print(f"MISSING aio: {why}")
        else:
            aio[pool_size] = aio_rounds(subject.compiled.spin, options.steps, tasks, options.rounds, options.seed)
            if not options.no_aio_children:
                for k in counts:
                    if k in aio:
                        continue
                    env = dict(os.environ, PYXC_NUM_THREADS=str(k))
                    completed = subprocess.run(
                        [sys.executable, __file__, "--aio-child", "--rounds", str(options.rounds),
                         "--steps", str(options.steps), "--tasks", str(tasks), "--seed", str(options.seed)],
                        capture_output=True, text=True, env=env)
                    if completed.returncode != 0:
                        raise SystemExit(f"aio child (PYXC_NUM_THREADS={k}) failed:\n{completed.stderr}")
                    aio[k] = json.loads(completed.stdout.strip().splitlines()[-1])

    def fastest_speedup(name: str, k: int) -> str:
        # Fastest 1-thread run over fastest k-thread run: no timing is ever
        # made faster by other jobs, so on a shared machine this is what the
        # threads can do when the cores are free.
        return f"{min(per_round[name, 1]['ms']) / min(per_round[name, k]['ms']):.2f}"

    headers = ["contender", "threads", "ms per run", "speedup vs 1 thread", "speedup, fastest runs",
               "efficiency (speedup / min(threads, CPUs))",
               "cores used (CPU / wall)", "vs pure Python, same threads",
               "time per step / hand C++'s, same threads", "0.9·N goal"]
    rows = []
    for name, k in pairs:
        record = per_round[name, k]
        efficiency = cs.summary(record["efficiency"])
        verdict = "" if k == 1 else ("(GIL-bound)" if name == "python" else cs.goal_verdict(efficiency["median"]))
        rows.append([f"{name} in ThreadPoolExecutor", k, cs.spread(cs.summary(record["ms"]), 1),
                     cs.spread(cs.summary(record["speedup"])), fastest_speedup(name, k), cs.spread(efficiency),
                     cs.spread(cs.summary(record["cores_used"])), cs.spread(cs.summary(record["vs_python"]), 0),
                     cs.spread(cs.summary(record["vs_hand"]), 2) if name != "python" else "—", verdict])
    for k in sorted(aio):
        record = aio[k]
        if "missing" in record:
            rows.append([f"pyxc .aio, pool of {k}", k, "—", "—", "—", "—", "—", "—", "—", record["missing"]])
            continue
        speedup = cs.summary(record["speedup"])
        efficiency = cs.summary([s / min(k, cpus) for s in record["speedup"]])
        where = "this process" if k == pool_size else "own process"
        fastest = f"{min(record['serial_ms']) / min(record['ms']):.2f}"
        rows.append([f"pyxc .aio gather, pool of {k} ({where})", k, cs.spread(cs.summary(record["ms"]), 1),
                     cs.spread(speedup), fastest, cs.spread(efficiency), cs.spread(cs.summary(record["cores_used"])), "—", "—",
                     "" if k == 1 else cs.goal_verdict(efficiency["median"])])
    print(f"\n{tasks} calls of spin() per run (compiled: {options.steps} steps each, pure Python: "
          f"{contenders['python'][1]}), median [p10-p90] of {options.rounds} rounds; .aio rows: speedup over "
          f"direct serial calls in the same process and rounds\n")
    print(cs.markdown_table(headers, rows))
    headline = []
    for name in contenders:
        if (name, cpus) in per_round:
            e = cs.summary(per_round[name, cpus]["efficiency"])["median"]
            headline.append(f"{name} threads x{e * cpus:.2f} on {cpus} CPUs (efficiency {e:.2f}, "
                            f"fastest runs x{fastest_speedup(name, cpus)})")
    if cpus in aio and "speedup" in aio[cpus]:
        e = cs.summary(aio[cpus]["speedup"])["median"] / cpus
        fastest = min(aio[cpus]["serial_ms"]) / min(aio[cpus]["ms"])
        headline.append(f".aio x{e * cpus:.2f} (efficiency {e:.2f}, fastest runs x{fastest:.2f})")
    print("\nheadline: " + "; ".join(headline) + f"; goal 0.9 efficiency for pyxc and .aio")

    report = {"benchmark": "threads", "machine": info, "tasks": tasks, "steps": options.steps,
              "python_steps": contenders["python"][1], "rounds": options.rounds, "thread_counts": counts,
              "missing": missing,
              "results": {f"{name}-{k}": record for (name, k), record in per_round.items()},
              "aio": {str(k): v for k, v in aio.items()}, "table": {"headers": headers, "rows": rows}}
    path = cs.save_report("threads", report, options.json)
    print(f"\nsaved {path}")
    return 1 if options.require_pyxc and missing else 0


if __name__ == "__main__":
    sys.exit(main())
