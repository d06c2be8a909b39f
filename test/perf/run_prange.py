"""prange against serial loops on the array kernels, and against
multiprocessing doing the same work.

    PYXC_BIN=build/pyxc python test/perf/run_prange.py [--rounds 10] [--quick] [--json PATH]

Part 1, the array kernels of run_array_kernels.py that can run in parallel
(dot, matmul, stencil, min_distance, mandelbrot; arrays/kernels_prange.py
has their prange versions, with the thread count as a parameter):
pyxc's prange at 1, 2, 4 ... CPUs threads against the serial pyxc kernel
(kernels.py) and the serial hand-written C++ reference. Before timing, each
prange kernel's result is compared with the reference (floats within 1e-10
relative: a parallel sum is added in another order).

Part 2, multiprocessing: a mandelbrot image (--mp-size) computed by one
process, by prange on CPUs threads, and by a multiprocessing.Pool of CPUs
processes, each computing bands of rows (4 per process, like prange's
chunks) sent back pickled, for the pyxc function and for the same function
run by CPython. "warm" maps onto a pool made before timing; "with start"
makes the pool, maps and joins it inside the timing, which is what a
one-off parallel job pays (start method: the platform's default).

Method: one process; every round visits the kernels in a random order and
times each contender `--repeats` times in a fresh random order, each
timing running back-to-back calls for at least `--min-time`, keeping the
fastest; ratios are taken within a round; the table is the median over
rounds with the p10-p90 range ("fastest runs": the fastest serial timing
over the fastest prange timing of all rounds, what the threads do when the
cores are free on a shared machine). "efficiency" is speedup / min(threads,
CPUs), the goal 0.9; "cores used" is CPU time over wall time.
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import sys
import time
from pathlib import Path

PERF_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PERF_DIR))
sys.path.insert(0, str(PERF_DIR / "arrays"))

import array_contenders as ac  # noqa: E402  (sets the BLAS/Numba environment first)
import concurrency_support as cs  # noqa: E402
import numpy as np  # noqa: E402

PARALLEL_KERNELS = ("dot", "matmul", "stencil", "min_distance", "mandelbrot")
MANDELBROT_VIEW = (-2.0, 1.0, -1.0, 1.0)

# ------------------------------------------------------------ part 1: kernels


def timed_calls(function, args: tuple, number: int) -> tuple[float, float]:
    """(wall, cpu) seconds per call over `number` back-to-back calls."""
    cpu, wall = cs.cpu_seconds(), time.perf_counter()
    for _ in range(number):
        function(*args)
    return (time.perf_counter() - wall) / number, (cs.cpu_seconds() - cpu) / number


def kernel_part(options, cpus: int, counts: list[int], rng: random.Random, missing: dict) -> tuple[list, dict]:
    prange_subject = cs.build_subject("kernels_prange", PERF_DIR / "arrays" / "kernels_prange.py")
    if prange_subject.missing:
        missing["prange"] = prange_subject.missing
        return [], {}
    serial = ac.build_pyxc()
    hand = ac.build_hand_cpp()
    for contender in (serial, hand):
        if contender.missing:
            missing[contender.name] = contender.missing
    cases = ac.make_cases()
    kernels = [k for k in options.kernels if k in PARALLEL_KERNELS]
    contenders = {}  # kernel -> name -> (function, args)
    for kernel in kernels:
        case = cases[kernel]
        entry = {}
        if not hand.missing:
            entry["hand-c++ serial"] = (hand.kernels[kernel], case.args)
        if not serial.missing and kernel in serial.kernels:
            entry["pyxc serial"] = (serial.kernels[kernel], case.args)
        for k in counts:
            entry[f"prange {k}"] = (getattr(prange_subject.compiled, kernel), case.args + (k,))
        reference_name = "hand-c++ serial" if "hand-c++ serial" in entry else "pyxc serial"
        expected = ac.run_checked(entry[reference_name][0], case) if reference_name in entry else None
        for name, (function, args) in entry.items():
            got = ac.run_checked(lambda *_: function(*args), case)
            why = ac.same_result(kernel, got, expected) if expected is not None else None
            if why:
                raise SystemExit(f"WRONG {name} {kernel}: {why}")
        contenders[kernel] = entry

    numbers = {}
    for kernel, entry in contenders.items():
        one = min(timed_calls(*entry["prange 1"], 1)[0] for _ in range(2))
        numbers[kernel] = max(1, math.ceil(options.min_time / max(one, 1e-6)))
    per_round = {(kernel, name): [] for kernel, entry in contenders.items() for name in entry}
    for _ in range(options.rounds):
        for kernel in rng.sample(list(contenders), len(contenders)):
            entry = contenders[kernel]
            best = {name: (math.inf, 0.0) for name in entry}
            for _ in range(options.repeats):
                for name in rng.sample(list(entry), len(entry)):
                    timing = timed_calls(*entry[name], numbers[kernel])
                    if timing[0] < best[name][0]:
                        best[name] = timing
            for name, timing in best.items():
                per_round[kernel, name].append({"wall": timing[0], "cpu": timing[1]})

    rows, results = [], {}
    for kernel, entry in contenders.items():
        records = {name: per_round[kernel, name] for name in entry}
        for k in counts:
            name = f"prange {k}"
            wall = [r["wall"] for r in records[name]]
            def against(other: str) -> dict:
                if other not in records:
                    return cs.summary([])
                return cs.summary([o["wall"] / r["wall"] for o, r in zip(records[other], records[name])])
            speedup = against("pyxc serial")
            efficiency = cs.summary([s / min(k, cpus) for s in speedup["values"]])
            result = {"ms": cs.summary([w * 1e3 for w in wall]), "vs_pyxc_serial": speedup,
                      "vs_hand_serial": against("hand-c++ serial"), "efficiency": efficiency,
                      "cores_used": cs.summary([r["cpu"] / r["wall"] for r in records[name]])}
            results[f"{kernel}|{name}"] = result
            serial_ms = cs.summary([r["wall"] * 1e3 for r in records.get("pyxc serial", [])])
            fastest = (f"{min(r['wall'] for r in records['pyxc serial']) / min(wall):.2f}"
                       if "pyxc serial" in records else "—")
            result["fastest_speedup"] = fastest
            rows.append([ac.DESCRIPTIONS[kernel], k, cs.spread(serial_ms), cs.spread(result["ms"]),
                         cs.spread(speedup), fastest, cs.spread(result["vs_hand_serial"]), cs.spread(efficiency),
                         cs.spread(result["cores_used"]), "" if k == 1 else cs.goal_verdict(efficiency["median"])])
    return rows, results


# ---------------------------------------------------- part 2: multiprocessing

_WORKER_MODULE = None


def _worker_init(module_name: str, path: str, compiled: bool) -> None:
    global _WORKER_MODULE
    if _WORKER_MODULE is not None and _WORKER_MODULE.__name__ == module_name:
        return  # forked from a parent that had it loaded
    cs.use_repo_pyxc()
    env = {"PYXC_REQUIRE_COMPILED": "1"} if compiled else {"PYXC_DISABLE": "1"}
    _WORKER_MODULE = cs.load_file(module_name, Path(path), **env)


def _worker_band(job: tuple) -> np.ndarray:
    first, rows, height, width, maxiter = job
    out = np.zeros((rows, width), dtype=np.int64)
    _WORKER_MODULE.mandelbrot_rows(out, first, height, *MANDELBROT_VIEW, maxiter, 1)
    return out


def mp_part(options, cpus: int, rng: random.Random, missing: dict) -> tuple[list, dict]:
    subject = cs.build_subject("kernels_prange", PERF_DIR / "arrays" / "kernels_prange.py")
    if subject.missing:
        return [], {}
    width, height = options.mp_size
    maxiter = 200
    chunks = min(height, 4 * cpus)
    bounds = [height * c // chunks for c in range(chunks + 1)]
    jobs = [(bounds[c], bounds[c + 1] - bounds[c], height, width, maxiter) for c in range(chunks)]
    modules = {"pyxc": (subject.compiled, True), "Python": (subject.python, False)}
    context = multiprocessing.get_context()
    pools = {}

    def serial(module):
        out = np.zeros((height, width), dtype=np.int64)
        module.mandelbrot_rows(out, 0, height, *MANDELBROT_VIEW, maxiter, 1)
        return out

    def prange_all():
        out = np.zeros((height, width), dtype=np.int64)
        subject.compiled.mandelbrot_rows(out, 0, height, *MANDELBROT_VIEW, maxiter, cpus)
        return out

    def init_args(kind):
        module, compiled = modules[kind]
        return (module.__name__, str(subject.source), compiled)

    def pooled(kind, warm: bool):
        if warm:
            return np.vstack(pools[kind].map(_worker_band, jobs, chunksize=1))
        with context.Pool(cpus, initializer=_worker_init, initargs=init_args(kind)) as pool:
            result = np.vstack(pool.map(_worker_band, jobs, chunksize=1))
            pool.close()
            pool.join()
        return result

    for kind in modules:
        pools[kind] = context.Pool(cpus, initializer=_worker_init, initargs=init_args(kind))
    contenders = {"pyxc serial": lambda: serial(subject.compiled),
                  f"pyxc prange {cpus} threads": prange_all,
                  f"pyxc in Pool({cpus}), warm": lambda: pooled("pyxc", True),
                  f"pyxc in Pool({cpus}), with start": lambda: pooled("pyxc", False),
                  "Python serial": lambda: serial(subject.python),
                  f"Python in Pool({cpus}), warm": lambda: pooled("Python", True),
                  f"Python in Pool({cpus}), with start": lambda: pooled("Python", False)}
    expected = serial(subject.python)
    for name, run in contenders.items():
        if not np.array_equal(run(), expected):
            raise SystemExit(f"WRONG {name}: the image differs from CPython's")

    per_round = {name: [] for name in contenders}
    for _ in range(options.mp_rounds):
        this_round = {}
        for name in rng.sample(list(contenders), len(contenders)):
            wall = time.perf_counter()
            contenders[name]()
            this_round[name] = time.perf_counter() - wall
        for name, wall in this_round.items():
            own_serial = this_round["Python serial" if name.startswith("Python") else "pyxc serial"]
            per_round[name].append({"wall": wall, "speedup": own_serial / wall,
                                    "vs_python_serial": this_round["Python serial"] / wall})
    for pool in pools.values():
        pool.close()
        pool.join()

    rows, results = [], {}
    for name, records in per_round.items():
        workers = 1 if "serial" in name else cpus
        speedup = cs.summary([r["speedup"] for r in records])
        efficiency = cs.summary([r["speedup"] / workers for r in records])
        results[name] = {"ms": cs.summary([r["wall"] * 1e3 for r in records]), "speedup": speedup,
                         "efficiency": efficiency,
                         "vs_python_serial": cs.summary([r["vs_python_serial"] for r in records])}
        rows.append([name, workers, cs.spread(results[name]["ms"], 1), cs.spread(speedup), cs.spread(efficiency),
                     cs.spread(results[name]["vs_python_serial"], 1)])
    return rows, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--min-time", type=float, default=0.02, help="seconds per timing")
    parser.add_argument("--kernels", type=str, default=",".join(PARALLEL_KERNELS))
    parser.add_argument("--threads", type=str, default=None, help="comma-separated (default 1, 2, 4 ... CPUs)")
    parser.add_argument("--mp-size", type=str, default="300x200", help="mandelbrot WIDTHxHEIGHT for part 2")
    parser.add_argument("--mp-rounds", type=int, default=3)
    parser.add_argument("--no-mp", action="store_true", help="skip part 2")
    parser.add_argument("--quick", action="store_true", help="few rounds, small image: checks the script runs")
    parser.add_argument("--json", type=str, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--require-pyxc", action="store_true", help="exit 1 when pyxc or prange is missing")
    options = parser.parse_args()
    if options.quick:
        options.rounds, options.repeats, options.min_time, options.mp_rounds = 2, 1, 0.002, 1
        options.mp_size = "60x40"
    options.kernels = options.kernels.split(",")
    options.mp_size = tuple(int(v) for v in options.mp_size.split("x"))

    cpus = cs.cpu_count()
    counts = [int(k) for k in options.threads.split(",")] if options.threads else cs.thread_counts(cpus, False)
    counts = sorted(set(counts) | {1})
    info = cs.machine_info()
    print(cs.machine_line(info))
    rng = random.Random(options.seed)
    missing: dict = {}
    kernel_rows, kernel_results = kernel_part(options, cpus, counts, rng, missing)
    mp_rows, mp_results = ([], {}) if options.no_mp or "prange" in missing else mp_part(options, cpus, rng, missing)
    for name, why in missing.items():
        print(f"MISSING {name}: {why}")

    kernel_headers = ["kernel", "threads", "pyxc serial ms", "prange ms", "speedup vs pyxc serial",
                      "speedup, fastest runs",
                      "speedup vs hand C++ serial", "efficiency", "cores used", "0.9·N goal"]
    mp_headers = ["contender", "workers", "ms", "speedup vs its serial", "efficiency", "vs Python serial"]
    if kernel_rows:
        print(f"\nprange vs serial, median [p10-p90] of {options.rounds} rounds\n")
        print(cs.markdown_table(kernel_headers, kernel_rows))
    if mp_rows:
        width, height = options.mp_size
        print(f"\nmandelbrot {width}x{height}, 200 iterations: threads vs processes, "
              f"median [p10-p90] of {options.mp_rounds} rounds\n")
        print(cs.markdown_table(mp_headers, mp_rows))
    if kernel_results:
        print("\nheadline: prange on " + str(max(counts)) + " threads, speedup over serial pyxc: " + ", ".join(
            f"{kernel} x{kernel_results[f'{kernel}|prange {max(counts)}']['vs_pyxc_serial']['median']:.2f}"
            for kernel in PARALLEL_KERNELS if f"{kernel}|prange {max(counts)}" in kernel_results))
    report = {"benchmark": "prange", "machine": info, "rounds": options.rounds, "thread_counts": counts,
              "missing": missing, "kernels": kernel_results, "multiprocessing": mp_results,
              "mp_size": options.mp_size,
              "tables": {"kernels": {"headers": kernel_headers, "rows": kernel_rows},
                         "multiprocessing": {"headers": mp_headers, "rows": mp_rows}}}
    path = cs.save_report("prange", report, options.json)
    print(f"\nsaved {path}")
    return 1 if options.require_pyxc and missing else 0


if __name__ == "__main__":
    sys.exit(main())
