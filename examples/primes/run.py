"""Builds primes.py with `pyxc build`, checks the compiled functions give
CPython's answers, and prints the speedup over CPython.

    python examples/primes/run.py            # uses $PYXC_BIN, else `pyxc` on PATH

The CPython side is a second import of primes.py with PYXC_DISABLE=1, so its
functions call each other in Python too (a compiled function's `.py` calls
the compiled helpers through the module globals, which would flatter
CPython).
"""
from __future__ import annotations

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

LIMIT = 200_000
SAMPLES = 500_000
ROUNDS = 3

WORKLOADS = [
    ("count_primes", (0, LIMIT)),
    ("twin_primes", (LIMIT,)),
    ("monte_carlo_pi", (SAMPLES,)),
]


def pyxc_command() -> str:
    command = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not command:
        sys.exit("pyxc not found: set PYXC_BIN or put `pyxc` on PATH")
    return command


def import_primes(module_name: str, **env: str):
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location(module_name, HERE / "primes.py")
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


def best_time(function, args) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    completed = subprocess.run([pyxc_command(), "build", str(HERE / "primes.py")])
    if completed.returncode != 0:
        print(f"pyxc build failed (exit {completed.returncode})", file=sys.stderr)
        return completed.returncode

    compiled = import_primes("primes", PYXC_REQUIRE_COMPILED="1")
    cpython = import_primes("primes_cpython", PYXC_DISABLE="1")

    mismatches = 0
    print(f"{'function':<16} {'CPython s':>10} {'pyxc s':>10} {'speedup':>9}  result")
    for name, args in WORKLOADS:
        native, python = getattr(compiled, name), getattr(cpython, name)
        expected, actual, via_py = python(*args), native(*args), native.py(*args)
        if not (expected == actual == via_py and type(expected) is type(actual)):
            print(f"MISMATCH {name}{args}: CPython {expected!r}, compiled {actual!r}, .py {via_py!r}")
            mismatches += 1
            continue
        python_seconds = best_time(python, args)
        native_seconds = best_time(native, args)
        print(f"{name:<16} {python_seconds:>10.4f} {native_seconds:>10.5f} "
              f"{python_seconds / native_seconds:>8.1f}x  {actual!r}")
    report = compiled.prime_report(10_000)
    if report != cpython.prime_report(10_000):
        print("MISMATCH prime_report")
        mismatches += 1
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
