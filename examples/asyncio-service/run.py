"""Builds quotes.py with `pyxc build`, checks the compiled price_call gives
CPython's answers, then serves the same stream of quote requests four ways
and prints throughput, latency and how late a 1 ms ticker on the event
loop runs.

    python examples/asyncio-service/run.py [--requests 400] [--clients 32] [--quick]
    # uses $PYXC_BIN, else `pyxc` on PATH

Every request is answered and every answer is compared with CPython's
price for that request.
"""
from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_PYTHON = HERE.parents[1] / "python"
if REPO_PYTHON.is_dir():
    sys.path.insert(0, str(REPO_PYTHON))

SYMBOLS = ["ACME", "GLOBX", "INITECH", "UMBRL", "HOOLI", "STARK", "WAYNE", "TYRELL"]


def pyxc_command() -> str:
    command = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not command:
        sys.exit("pyxc not found: set PYXC_BIN or put `pyxc` on PATH")
    return command


def import_quotes(module_name: str, **env: str):
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location(module_name, HERE / "quotes.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def load_test(quotes, mode: str, price, requests: list, clients: int, paths: int) -> dict:
    """`clients` concurrent clients send the requests one after another
    each; a request's latency runs from sending to answer."""
    answers: dict[int, float] = {}
    latencies: list[float] = []
    lateness: list[float] = []
    pending = list(reversed(range(len(requests))))
    finished = asyncio.Event()

    async def client():
        while pending:
            i = pending.pop()
            sent = time.perf_counter()
            answers[i] = await quotes.handle(requests[i], mode, price, paths)
            latencies.append(time.perf_counter() - sent)

    async def ticker():  # anything else the loop serves: health checks, other sockets
        while not finished.is_set():
            asked = time.perf_counter() + 0.001
            await asyncio.sleep(0.001)
            lateness.append(time.perf_counter() - asked)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    finished.set()
    await tick
    return {"answers": answers, "wall": wall, "latencies": latencies, "lateness": lateness or [0.0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--paths", type=int, default=40_000, help="Monte-Carlo paths per quote")
    parser.add_argument("--quick", action="store_true", help="few small requests (for the tests)")
    options = parser.parse_args()
    if options.quick:
        options.requests, options.clients, options.paths = 48, 8, 2_000

    completed = subprocess.run([pyxc_command(), "build", str(HERE / "quotes.py")])
    if completed.returncode != 0:
        print(f"pyxc build failed (exit {completed.returncode})", file=sys.stderr)
        return completed.returncode
    compiled = import_quotes("quotes", PYXC_REQUIRE_COMPILED="1")
    cpython = import_quotes("quotes_cpython", PYXC_DISABLE="1")

    # CPython is ~50x slower: it answers the distinct requests once; the
    # stream the pyxc runs serve repeats them, so every answer has CPython's
    # to compare with.
    distinct = [compiled.QuoteRequest(SYMBOLS[i % len(SYMBOLS)], 90.0 + i % 25, 0.5 + (i % 4) * 0.5, i)
                for i in range(max(options.clients, options.requests // 20))]
    requests = [distinct[i % len(distinct)] for i in range(options.requests)]
    expected = asyncio.run(load_test(cpython, "blocking", cpython.price_call, distinct, options.clients,
                                     options.paths))["answers"]
    cpython_count = len(distinct)

    # (label, module, mode, price function, how many requests)
    runs = [("CPython, on the loop", cpython, "blocking", cpython.price_call, cpython_count),
            ("CPython, asyncio.to_thread", cpython, "to_thread", cpython.price_call, cpython_count),
            ("pyxc, on the loop", compiled, "blocking", compiled.price_call, options.requests),
            ("pyxc, asyncio.to_thread", compiled, "to_thread", compiled.price_call, options.requests),
            ("pyxc, .aio", compiled, "aio", compiled.price_call, options.requests)]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{options.clients} clients, {options.paths} paths per quote, 5 ms simulated I/O per request, "
          f"{cpus} CPUs\n")
    print(f"{'mode':<28} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ticker late max ms':>19}")
    mismatches = 0
    throughput = {}
    for label, module, mode, price, count in runs:
        result = asyncio.run(load_test(module, mode, price, requests[:count], options.clients, options.paths))
        for i, answer in result["answers"].items():
            want = expected[i % len(distinct)]
            if answer != want:
                print(f"MISMATCH {label} request {i}: {answer!r}, CPython {want!r}")
                mismatches += 1
        throughput[label] = count / result["wall"]
        print(f"{label:<28} {count:>8} {throughput[label]:>8.0f} {percentile(result['latencies'], 0.5) * 1e3:>8.1f} "
              f"{percentile(result['latencies'], 0.99) * 1e3:>8.1f} {max(result['lateness']) * 1e3:>19.1f}")
    print(f"\n.aio serves {throughput['pyxc, .aio'] / throughput['pyxc, on the loop']:.1f}x the requests per second "
          f"of the same compiled function called on the loop, and "
          f"{throughput['pyxc, .aio'] / throughput['CPython, asyncio.to_thread']:.0f}x those of CPython in threads")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
