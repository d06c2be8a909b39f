"""An asyncio service whose requests wait on I/O and then do CPU work, five
ways: the work called on the event loop (it blocks the loop) as pure Python
and as pyxc, `asyncio.to_thread` of the Python and of the pyxc function,
and pyxc's `.aio`. Throughput, p50/p99 latency and how late a periodic
ticker on the same loop runs.

    PYXC_BIN=build/pyxc python test/perf/run_asyncio_service.py [--rounds 3] [--quick] [--json PATH]

A request: `await asyncio.sleep(io)` (the simulated database or network
call, 5 ms), then spin(steps, seed) from subjects/concurrency_subject.py
(~1-2 ms compiled, ~150 ms in CPython), whose result is checked against
CPython's. `clients` closed-loop clients (default 32 per CPU, enough to
keep every core busy while the others wait on I/O) each send the next
request when the previous one is answered; a request's latency runs from
sending to answer. Requests per run: as many as fit `--seconds` at one
core's speed (at least 8 per CPU: CPython's runs are short of clients, all
its requests in flight at once, which saturates its one core anyway), the same count for every variant
with the same work. The ticker sleeps 1 ms at a time and records how much
later than asked it wakes: the loop's responsiveness to everything else it
serves.

Method: one process, one event loop; every round runs each variant once in
a random order. Ratios are taken within a round: throughput against
"asyncio, pyxc work" (the same compiled work on one core, the loop
blocked), whose efficiency (ratio / CPUs) is the 0.9·N goal, and against
"to_thread, Python work" (what a service without pyxc gets). "cores used"
is the process's CPU time over wall time. `asyncio.to_thread` runs on the
loop's default executor (min(32, CPUs + 4) threads).
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency_support as cs  # noqa: E402

SEEDS = 8  # distinct requests; request i computes spin(steps, i % SEEDS)


def make_variants(python_spin, native_spin) -> dict:
    """name -> (work kind, coroutine function doing one request's CPU work)."""
    async def inline_python(n, seed):
        return python_spin(n, seed)

    async def to_thread_python(n, seed):
        return await asyncio.to_thread(python_spin, n, seed)

    variants = {"asyncio, Python work (blocks the loop)": ("python", inline_python),
                "to_thread, Python work": ("python", to_thread_python)}
    if native_spin is not None:
        async def inline_native(n, seed):
            return native_spin(n, seed)

        async def to_thread_native(n, seed):
            return await asyncio.to_thread(native_spin, n, seed)

        variants["asyncio, pyxc work (blocks the loop)"] = ("pyxc", inline_native)
        variants["to_thread, pyxc work"] = ("pyxc", to_thread_native)
        if cs.aio_missing(native_spin) is None:
            async def aio_native(n, seed):
                return await native_spin.aio(n, seed)

            variants[".aio, pyxc work"] = ("pyxc", aio_native)
    return variants


async def serve(work, requests: int, clients: int, io_seconds: float, steps: int, expected: list[int],
                tick_seconds: float) -> dict:
    """Runs `requests` requests from `clients` closed-loop clients; returns
    latencies, wall and CPU time and the ticker's lateness."""
    latencies: list[float] = []
    wrong = 0
    next_request = 0
    done = asyncio.Event()

    async def client():
        nonlocal next_request, wrong
        while next_request < requests:
            i = next_request
            next_request += 1
            sent = time.perf_counter()
            await asyncio.sleep(io_seconds)
            result = await work(steps, i % SEEDS)
            latencies.append(time.perf_counter() - sent)
            wrong += result != expected[i % SEEDS]

    async def ticker(lateness: list[float]):
        while not done.is_set():
            asked = time.perf_counter() + tick_seconds
            await asyncio.sleep(tick_seconds)
            lateness.append(time.perf_counter() - asked)

    lateness: list[float] = []
    tick_task = asyncio.create_task(ticker(lateness))
    await asyncio.sleep(0)  # let the ticker start
    cpu, wall = cs.cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall, cpu = time.perf_counter() - wall, cs.cpu_seconds() - cpu
    done.set()
    await tick_task
    return {"latencies": latencies, "wall": wall, "cpu": cpu, "wrong": wrong,
            "tick_late": lateness or [0.0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=None, help="concurrent clients (default 32 per CPU)")
    parser.add_argument("--io-ms", type=float, default=5.0, help="simulated I/O per request")
    parser.add_argument("--steps", type=int, default=250_000, help="spin() steps per request")
    parser.add_argument("--seconds", type=float, default=1.5,
                        help="requests per run: what one core does in this time (at least 8 per CPU)")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--tick-ms", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="1 round of little work: checks the script runs")
    parser.add_argument("--json", type=str, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true", help="exit 1 when pyxc or .aio is missing")
    options = parser.parse_args()
    if options.quick:
        options.rounds, options.steps, options.seconds, options.clients = 1, 5_000, 0.2, options.clients or 8
        options.max_requests = 64

    cpus = cs.cpu_count()
    clients = options.clients or 32 * cpus
    info = cs.machine_info()
    print(cs.machine_line(info))
    subject = cs.build_subject("concurrency_subject")
    native = subject.compiled.spin if subject.compiled else None
    missing = {}
    if subject.missing:
        missing["pyxc"] = subject.missing
    elif cs.aio_missing(native):
        missing["aio"] = cs.aio_missing(native)
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")

    expected = [subject.python.spin(options.steps, seed) for seed in range(SEEDS)]
    if native is not None and [native(options.steps, s) for s in range(SEEDS)] != expected:
        raise SystemExit("WRONG pyxc: spin() differs from CPython")

    def one_call_seconds(function) -> float:
        best = float("inf")
        for seed in range(3):
            started = time.perf_counter()
            function(options.steps, seed)
            best = min(best, time.perf_counter() - started)
        return best

    costs = {"python": one_call_seconds(subject.python.spin)}
    if native is not None:
        costs["pyxc"] = one_call_seconds(native)
    requests = {kind: max(8 * cpus, min(options.max_requests, int(options.seconds / cost))) for kind, cost in costs.items()}

    variants = make_variants(subject.python.spin, native)
    loop = asyncio.new_event_loop()
    io_seconds, tick_seconds = options.io_ms / 1e3, options.tick_ms / 1e3
    for kind, work in variants.values():  # warm up: executor threads, .aio pool
        loop.run_until_complete(serve(work, clients, clients, io_seconds, options.steps // 10 or 1,
                                      [subject.python.spin(options.steps // 10 or 1, s) for s in range(SEEDS)],
                                      tick_seconds))

    rng = random.Random(options.seed)
    runs = {name: [] for name in variants}
    for _ in range(options.rounds):
        for name in rng.sample(list(variants), len(variants)):
            kind, work = variants[name]
            result = loop.run_until_complete(
                serve(work, requests[kind], clients, io_seconds, options.steps, expected, tick_seconds))
            if result["wrong"]:
                raise SystemExit(f"WRONG {name}: {result['wrong']} answers differ from CPython")
            runs[name].append(result)
    loop.close()

    one_core = "asyncio, pyxc work (blocks the loop)"
    python_threads = "to_thread, Python work"
    headers = ["variant", "requests", "throughput req/s", "p50 ms", "p99 ms", "ticker late, max ms",
               "cores used", "vs to_thread + Python", "vs pyxc on the loop (1 core)", "efficiency (÷ CPUs)",
               "0.9·N goal"]
    rows, results = [], {}
    for name in variants:
        kind = variants[name][0]
        throughput = [requests[kind] / r["wall"] for r in runs[name]]
        vs_python = [requests[kind] / r["wall"] / (requests["python"] / b["wall"])
                     for r, b in zip(runs[name], runs[python_threads])]
        vs_one_core = ([b["wall"] / r["wall"] for r, b in zip(runs[name], runs[one_core])]
                       if one_core in runs else [])
        efficiency = [v / cpus for v in vs_one_core]
        parallel = kind == "pyxc" and name != one_core
        results[name] = {
            "requests": requests[kind],
            "throughput": cs.summary(throughput),
            "p50_ms": cs.summary([cs.percentile(r["latencies"], 0.5) * 1e3 for r in runs[name]]),
            "p99_ms": cs.summary([cs.percentile(r["latencies"], 0.99) * 1e3 for r in runs[name]]),
            "tick_late_max_ms": cs.summary([max(r["tick_late"]) * 1e3 for r in runs[name]]),
            "cores_used": cs.summary([r["cpu"] / r["wall"] for r in runs[name]]),
            "vs_to_thread_python": cs.summary(vs_python),
            "vs_one_core": cs.summary(vs_one_core if kind == "pyxc" else []),
            "efficiency": cs.summary(efficiency if parallel else []),
        }
        r = results[name]
        rows.append([name, r["requests"], cs.spread(r["throughput"], 0), cs.spread(r["p50_ms"], 1),
                     cs.spread(r["p99_ms"], 1), cs.spread(r["tick_late_max_ms"], 1), cs.spread(r["cores_used"]),
                     cs.spread(r["vs_to_thread_python"], 1), cs.spread(r["vs_one_core"]), cs.spread(r["efficiency"]),
                     cs.goal_verdict(r["efficiency"]["median"]) if parallel else ""])
    print(f"\n{clients} clients; a request: {options.io_ms:g} ms sleep, then spin({options.steps}) "
          + ", ".join(f"{kind} {cost * 1e3:.2f} ms" for kind, cost in costs.items())
          + f"; median [p10-p90] of {options.rounds} rounds\n")
    print(cs.markdown_table(headers, rows))
    parallel = [n for n in (".aio, pyxc work", "to_thread, pyxc work") if n in results]
    print("\nheadline: " + "; ".join(
        f"{n}: x{results[n]['vs_one_core']['median']:.2f} the one-core throughput (efficiency "
        f"{results[n]['efficiency']['median']:.2f}), x{results[n]['vs_to_thread_python']['median']:.0f} "
        f"to_thread with Python work, p99 {results[n]['p99_ms']['median']:.1f} ms" for n in parallel))
    report = {"benchmark": "asyncio_service", "machine": info, "clients": clients, "io_ms": options.io_ms,
              "steps": options.steps, "call_seconds": costs, "requests": requests, "rounds": options.rounds,
              "missing": missing, "results": results, "table": {"headers": headers, "rows": rows}}
    path = cs.save_report("asyncio_service", report, options.json)
    print(f"\nsaved {path}")
    return 1 if options.require_pyxc and missing else 0


if __name__ == "__main__":
    sys.exit(main())
