"""Compiles runtime/example_module.cpp (the hand-written model of a generated
module) into a directory, the way the driver builds generated modules."""
from __future__ import annotations

import os
import shlex
import subprocess
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNTIME_DIR = REPO / "runtime"
EXAMPLE_CPP = RUNTIME_DIR / "example_module.cpp"
EXAMPLE_PY = RUNTIME_DIR / "example_module.py"


def build_example(out_dir: Path, name: str = "example_module",
                  source: Path = EXAMPLE_CPP) -> Path:
    """Builds `source` (by default the example) into out_dir/<name><EXT_SUFFIX>."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}{sysconfig.get_config_var('EXT_SUFFIX')}"
    compiler = shlex.split(os.environ.get("CXX", "c++"))
    command = [
        *compiler, "-std=c++20", "-O2", "-shared", "-fPIC", "-fvisibility=hidden",
        "-Wall", "-Wextra", "-Werror",
        # What the driver adds to generated modules (sanitizers in CI).
        *os.environ.get("PYXC_EXTRA_CXXFLAGS", "").split(),
        f"-I{sysconfig.get_paths()['include']}", f"-I{RUNTIME_DIR}",
        str(source), "-o", str(target),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return target
