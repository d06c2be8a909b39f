"""The thread, asyncio, prange and .aio benchmark scripts in test/perf/ run
in their --quick mode, check their answers against CPython, and print a
well-formed table. No timing is asserted here: the targets (0.9·N, .aio
below to_thread) are reported by the benchmarks themselves."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PERF = REPO / "test" / "perf"


def run_quick(script: str, pyxc_bin: str, tmp_path: Path) -> tuple[dict, str]:
    report = tmp_path / f"{script}.json"
    env = dict(os.environ, PYXC_BIN=pyxc_bin, PYXC_PERF_OUT=str(tmp_path / "out"))
    completed = subprocess.run([sys.executable, str(PERF / script), "--quick", "--json", str(report)],
                               capture_output=True, text=True, env=env, timeout=600)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "WRONG" not in output and "Traceback" not in output, output
    assert "MISSING pyxc" not in output, output
    return json.loads(report.read_text()), completed.stdout


def well_formed(table: dict, first_column: list[str]) -> None:
    headers, rows = table["headers"], table["rows"]
    assert rows, table
    assert all(len(row) == len(headers) for row in rows), table
    for label in first_column:
        assert any(label in str(row[0]) for row in rows), (label, rows)


def printed(stdout: str, headers: list[str]) -> None:
    assert "| " + " | ".join(headers) + " |" in stdout, stdout
    assert "usable CPUs" in stdout and "load average" in stdout, stdout


def test_threads(pyxc_bin, tmp_path):
    report, stdout = run_quick("run_threads.py", pyxc_bin, tmp_path)
    table = report["table"]
    well_formed(table, ["python in ThreadPoolExecutor", "pyxc in ThreadPoolExecutor"])
    printed(stdout, table["headers"])
    threads = {row[1] for row in table["rows"]}
    assert {1, report["machine"]["usable_cpus"]} <= threads, table
    assert "aio" not in report["missing"], report["missing"]
    assert any(".aio" in row[0] for row in table["rows"]), table


def test_asyncio_service(pyxc_bin, tmp_path):
    report, stdout = run_quick("run_asyncio_service.py", pyxc_bin, tmp_path)
    table = report["table"]
    well_formed(table, ["asyncio, Python work", "to_thread, Python work", "asyncio, pyxc work",
                        "to_thread, pyxc work", ".aio, pyxc work"])
    printed(stdout, table["headers"])
    for result in report["results"].values():
        assert result["throughput"]["median"] > 0 and result["p99_ms"]["median"] >= result["p50_ms"]["median"]


def test_aio_overhead(pyxc_bin, tmp_path):
    report, stdout = run_quick("run_aio_overhead.py", pyxc_bin, tmp_path)
    table = report["table"]
    well_formed(table, ["asyncio.to_thread", "run_in_executor", "direct call", ".aio"])
    printed(stdout, table["headers"])


def test_prange(pyxc_bin, tmp_path):
    pytest.importorskip("numpy")
    report, stdout = run_quick("run_prange.py", pyxc_bin, tmp_path)
    assert "prange" not in report["missing"], report["missing"]
    kernels, processes = report["tables"]["kernels"], report["tables"]["multiprocessing"]
    well_formed(kernels, ["dot", "matmul", "stencil", "min pairwise distance", "mandelbrot"])
    well_formed(processes, ["pyxc serial", "pyxc prange", "pyxc in Pool", "Python serial", "Python in Pool"])
    printed(stdout, kernels["headers"])
    printed(stdout, processes["headers"])
