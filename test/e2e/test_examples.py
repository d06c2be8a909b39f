"""The examples under examples/ build, agree with CPython, and run faster."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_primes_example(pyxc_bin, tmp_path):
    example = tmp_path / "primes"
    shutil.copytree(REPO / "examples" / "primes", example,
                    ignore=shutil.ignore_patterns("__pyxc__", "__pycache__"))
    env = dict(os.environ, PYXC_BIN=pyxc_bin, PYTHONPATH=str(REPO / "python"))
    completed = subprocess.run([sys.executable, str(example / "run.py")], capture_output=True,
                               text=True, env=env, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "MISMATCH" not in completed.stdout
    speedups = [float(s) for s in re.findall(r"([0-9.]+)x", completed.stdout)]
    assert len(speedups) == 3, completed.stdout
    # Compiled integer loops beat the interpreter by far more than noise.
    assert min(speedups) > 3, completed.stdout


def test_asyncio_service_example(pyxc_bin, tmp_path):
    example = tmp_path / "asyncio-service"
    shutil.copytree(REPO / "examples" / "asyncio-service", example,
                    ignore=shutil.ignore_patterns("__pyxc__", "__pycache__"))
    env = dict(os.environ, PYXC_BIN=pyxc_bin, PYTHONPATH=str(REPO / "python"))
    completed = subprocess.run([sys.executable, str(example / "run.py"), "--quick"], capture_output=True,
                               text=True, env=env, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    # run.py compares every answer with CPython's and prints MISMATCH otherwise.
    assert "MISMATCH" not in completed.stdout
    modes = ["CPython, on the loop", "CPython, asyncio.to_thread", "pyxc, on the loop",
             "pyxc, asyncio.to_thread", "pyxc, .aio"]
    for mode in modes:
        row = re.search(rf"^{re.escape(mode)}\s+(\d+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)$",
                        completed.stdout, re.MULTILINE)
        assert row, (mode, completed.stdout)
        assert int(row.group(1)) > 0 and float(row.group(2)) > 0, completed.stdout
