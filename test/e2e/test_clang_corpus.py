"""Every corpus program's C++ compiles without a warning under clang++ too.

The rest of the suite builds with the default compiler (g++ on these
machines) and -Wall -Wextra -Werror. A user building with CXX=clang++ and
-Werror must not fail on what only clang warns about (it took `f() | g()`
of two bools for a mistyped `||`). The emitted C++ of each programs/*.py is
checked with clang++ -fsyntax-only: clang's warnings come from its front
end, so code generation would add time and no warning. About 40 s of CPU
for the 30 programs on the 2-core machine (measured under load 10).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from programs_support import PROGRAMS_DIR, REPO_DIR, in_ci, program_names, run_pyxc

WARNING_FLAGS = ["-Wall", "-Wextra", "-Werror"]


def find_clang() -> str:
    clang = shutil.which("clang++-19") or shutil.which("clang++")
    if clang is None:
        message = "clang++ not found (scripts/setup.sh installs clang-19)"
        if in_ci():
            pytest.fail(f"{message}; CI=true: a missing compiler is a failure, not a skip", pytrace=False)
        pytest.skip(message)
    return clang


def check_with_clang(pyxc: str, clang: str, name: str, directory: Path) -> str | None:
    """None when `name`'s emitted C++ passes, else what went wrong."""
    emitted = run_pyxc(pyxc, "emit", str(PROGRAMS_DIR / f"{name}.py"))
    if emitted.returncode != 0:
        return f"pyxc emit failed:\n{emitted.stderr}"
    source = directory / f"{name}.cpp"
    source.write_text(emitted.stdout)
    runtime = os.environ.get("PYXC_RUNTIME_DIR") or str(REPO_DIR / "runtime")
    command = [clang, "-std=c++20", "-fsyntax-only", *WARNING_FLAGS, f"-I{runtime}",
               f"-I{sysconfig.get_paths()['include']}", str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        return f"{' '.join(command)}\n{result.stdout}{result.stderr}"
    return None


def test_corpus_compiles_warning_free_with_clang(pyxc_bin, tmp_path):
    clang = find_clang()
    names = program_names()
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = list(pool.map(lambda name: (name, check_with_clang(pyxc_bin, clang, name, tmp_path)), names))
    problems = [f"{name}: {problem}" for name, problem in failures if problem]
    assert not problems, "\n\n".join(problems)
    assert len(names) >= 20  # the corpus itself was found
