"""The corpus of published kernels (test/corpus/), timed: pyxc against
CPython and against Numba on each compiled kernel's CORPUS_LARGE() input.

    pip install -r test/perf/requirements.txt      # numba==0.68.1 (optional)
    PYXC_BIN=build/pyxc python3 test/perf/run_corpus.py [--rounds 7] [--kernels a,b]

Contenders, all from the same source file: pyxc (`pyxc build -O3` of the
file as written, default checks); CPython (the file imported with
PYXC_DISABLE=1); Numba (a third import with PYXC_DISABLE=1 whose native
functions are each replaced by `numba.njit(f)` with Numba's defaults,
error_model="python" like pyxc's default checks, so calls between them are
jitted too; NUMBA_CPU_NAME=generic, like the C++ builds without -march;
a module using `prange` gets numba.prange and parallel=True, as the Numba
documentation's prange examples are written).
A contender that cannot run a kernel is printed as `MISSING` with why.
Numba's result is checked against CPython's before timing (test/corpus's
comparison rule); a wrong one is `WRONG` and left out.

Method (test/perf/README.md, /work/shared/BENCHMARKS.md): one process;
each round times the contenders in a shuffled order, each timing `number`
back-to-back calls lasting at least --min-time (calibrated on the first
call; CPython gets single calls in --cpython-rounds rounds). Kernels that
write their arguments get a fresh copy per call, made before the clock
starts. The ratios (CPython time / pyxc time, Numba time / pyxc time: above
1 means pyxc is faster) are taken within a round; the report is the median
over rounds with the p10-p90 range, printed and saved as
out/corpus-latest.json plus a timestamped copy, which
test/corpus/coverage_report.py reads into docs/coverage.md.
"""
from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

os.environ.setdefault("NUMBA_CPU_NAME", "generic")

PERF_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(PERF_DIR))
sys.path.insert(0, str(PERF_DIR.parent / "corpus"))
import concurrency_support as support  # noqa: E402
import corpus_support  # noqa: E402
from programs_support import import_cpython, native_function_names  # noqa: E402

BUILD_DIR = support.OUT_DIR / "build" / "corpus"


def numba_module(outcome, cpython_module):
    """A PYXC_DISABLE=1 import of the kernel whose native functions are
    numba.njit dispatchers (compiled at their first call)."""
    import numba

    import pyxc

    module = import_cpython(outcome.path, f"corpus_{outcome.kernel.stem}__numba")
    # `from pyxc import prange` is what `from numba import prange` is to a
    # Numba user, and the Numba documentation's prange kernels are
    # parallel=True ones.
    parallel = getattr(module, "prange", None) is pyxc.prange
    if parallel:
        module.prange = numba.prange
    for name in native_function_names(outcome.path.read_text()):
        setattr(module, name, numba.njit(parallel=parallel)(getattr(module, name)))
    return module


def mutates(function, args) -> bool:
    """Whether a call changes any of its arguments (then every timed call
    gets a fresh copy)."""
    before = copy.deepcopy(args)
    work = copy.deepcopy(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            function(*work)
        except Exception:
            return True
    return not all(corpus_support.same_result(b, a)[1] for b, a in zip(before, work))


def time_calls(function, args, number: int, fresh: bool) -> float:
    """Seconds per call over `number` calls."""
    calls = [copy.deepcopy(args) for _ in range(number)] if fresh else [args] * number
    start = time.perf_counter()
    for each in calls:
        function(*each)
    return (time.perf_counter() - start) / number


def calibrate(function, args, fresh: bool, min_time: float) -> int:
    once = time_calls(function, args, 1, fresh)
    return max(1, min(10_000, int(min_time / max(once, 1e-7)) + 1))


def measure(kernel, outcome, rounds: int, cpython_rounds: int, min_time: float, use_numba: bool) -> dict:
    compiled, cpython = corpus_support.import_pair(outcome)
    entry = kernel.entry
    args = cpython.CORPUS_LARGE()
    expected = corpus_support.call_quietly(getattr(cpython, entry), copy.deepcopy(args))
    report: dict = {"suite": kernel.suite, "kernel": kernel.name}
    got = corpus_support.call_quietly(getattr(compiled, entry), copy.deepcopy(args))
    if not isinstance(got, corpus_support.Returned) or not isinstance(expected, corpus_support.Returned) \
            or not corpus_support.same_result(expected.value, got.value)[0]:
        report["pyxc_wrong"] = f"CPython {expected.describe()[:200]}, pyxc {got.describe()[:200]}"
        return report
    contenders = {"pyxc": getattr(compiled, entry), "cpython": getattr(cpython, entry)}
    if use_numba:
        try:
            jitted = getattr(numba_module(outcome, cpython), entry)
            start = time.perf_counter()
            numba_result = corpus_support.call_quietly(jitted, copy.deepcopy(args))
            report["numba_first_call_s"] = round(time.perf_counter() - start, 3)
            if not isinstance(numba_result, corpus_support.Returned):
                raise RuntimeError(numba_result.describe()[:300])
            if not corpus_support.same_result(expected.value, numba_result.value)[0]:
                report["numba_wrong"] = numba_result.describe()[:200]
            else:
                contenders["numba"] = jitted
        except Exception as error:  # Numba refuses what it does not support
            report["numba_missing"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
    else:
        report["numba_missing"] = "numba is not installed (pip install -r test/perf/requirements.txt)"
    fresh = mutates(contenders["pyxc"], args)
    numbers = {name: (1 if name == "cpython" else calibrate(f, args, fresh, min_time))
               for name, f in contenders.items()}
    per_round: dict[str, list[float]] = {name: [] for name in contenders}
    ratios: dict[str, list[float]] = {"cpython": [], "numba": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for index in range(rounds):
            order = [n for n in contenders if n != "cpython" or index < cpython_rounds]
            random.shuffle(order)
            times = {name: time_calls(contenders[name], args, numbers[name], fresh) for name in order}
            for name, seconds in times.items():
                per_round[name].append(seconds)
            for other in ("cpython", "numba"):
                if other in times:
                    ratios[other].append(times[other] / times["pyxc"])
    for name, values in per_round.items():
        report[f"{name}_ms"] = statistics.median(values) * 1e3
    for other, values in ratios.items():
        if values:
            report[f"speedup_vs_{other}"] = statistics.median(values)
            report[f"speedup_vs_{other}_spread"] = support.summary(values)
    report["mutates_arguments"] = fresh
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cpython-rounds", type=int, default=3)
    parser.add_argument("--min-time", type=float, default=0.02)
    parser.add_argument("--kernels", help="comma-separated file stems (default: all)")
    parser.add_argument("--json", help="also write the report here")
    args = parser.parse_args()
    pyxc = support.pyxc_binary()
    if pyxc is None:
        print("MISSING pyxc: set PYXC_BIN", file=sys.stderr)
        return 1
    try:
        import numba  # noqa: F401
        use_numba = True
    except ImportError:
        print("MISSING numba: not installed (pip install -r test/perf/requirements.txt)")
        use_numba = False
    info = support.machine_info()
    print(support.machine_line(info))
    kernels = corpus_support.kernels()
    if args.kernels:
        wanted = set(args.kernels.split(","))
        kernels = [k for k in kernels if k.stem in wanted]
    builds = corpus_support.build_corpus(pyxc, BUILD_DIR, kernels, options=("-O3",))
    report = {"date": info["utc"], "commit": info["pyxc_commit"].split()[0] if info["pyxc_commit"] else "?",
              "machine": info, "method": {"rounds": args.rounds, "cpython_rounds": args.cpython_rounds,
                                          "min_time_s": args.min_time}, "kernels": {}}
    rows = []
    for kernel in kernels:
        outcome = builds[kernel.stem]
        if outcome.status != "compiled":
            print(f"MISSING pyxc {kernel.stem}: {outcome.status} {outcome.diagnostic}")
            continue
        start = time.perf_counter()
        entry = measure(kernel, outcome, args.rounds, args.cpython_rounds, args.min_time, use_numba)
        report["kernels"][kernel.stem] = entry
        for bad in ("pyxc_wrong", "numba_wrong", "numba_missing"):
            if bad in entry:
                print(f"{bad.split('_')[1].upper()} {bad.split('_')[0]} {kernel.stem}: {entry[bad]}")
        rows.append([kernel.suite, kernel.name, f"{entry.get('pyxc_ms', float('nan')):.3g}",
                     support.spread(entry.get("speedup_vs_cpython_spread", {}), 1),
                     support.spread(entry.get("speedup_vs_numba_spread", {}), 2),
                     f"{time.perf_counter() - start:.1f}"])
    print(support.markdown_table(["suite", "kernel", "pyxc ms", "CPython / pyxc", "Numba / pyxc", "s"], rows))
    print(f"saved {support.save_report('corpus', report, args.json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
