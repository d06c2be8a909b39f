"""The instruction metric: workers run under valgrind's callgrind.

Callgrind counts every instruction of the process; only the benchmark's
calls should count. A tiny extension module (compiled here, once per run,
with the C++ compiler pyxc builds with) exports ``pyxc_bench_measured_call``,
which calls a Python callable. Callgrind is started with collection off,
toggled on for the extent of that function, and told to dump after it, so
each dump holds one sample's instructions and nothing of start-up, imports
or the harness (see worker.InstructionMeter).
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sysconfig
from pathlib import Path

MARKER_FUNCTION = "pyxc_bench_measured_call"

_MARKER_SOURCE = r"""
#include <Python.h>

// Not inlined and not a tail call: callgrind must see a real call and return.
extern "C" __attribute__((noinline, visibility("default")))
PyObject* pyxc_bench_measured_call(PyObject* callable) {
  PyObject* result = PyObject_CallNoArgs(callable);
  __asm__ volatile("" ::: "memory");
  return result;
}

static PyObject* measured(PyObject*, PyObject* callable) { return pyxc_bench_measured_call(callable); }

static PyMethodDef methods[] = {
    {"measured", measured, METH_O, "call the argument while callgrind collects"},
    {nullptr, nullptr, 0, nullptr}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pyxc_bench_marker", nullptr, -1, methods};

PyMODINIT_FUNC PyInit__pyxc_bench_marker(void) { return PyModule_Create(&module); }
"""


class InstructionsUnavailable(Exception):
    """valgrind or a compiler is missing (a usage problem: exit 2)."""


def find_valgrind() -> str:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise InstructionsUnavailable(
            "--metric instructions needs valgrind on PATH (Debian: apt-get install valgrind)")
    return valgrind


def build_marker(work_dir: Path, python_include: str, ext_suffix: str) -> Path:
    """Compiles the marker extension for the workers' Python into work_dir."""
    cxx = shlex.split(os.environ.get("CXX") or "c++")
    if shutil.which(cxx[0]) is None:
        raise InstructionsUnavailable(f"--metric instructions needs a C++ compiler ({cxx[0]} not found; set CXX)")
    source = work_dir / "pyxc_bench_marker.cpp"
    source.write_text(_MARKER_SOURCE)
    target = work_dir / f"_pyxc_bench_marker{ext_suffix}"
    command = [*cxx, "-O1", "-fno-optimize-sibling-calls", "-shared", "-fPIC", f"-I{python_include}",
               str(source), "-o", str(target)]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise InstructionsUnavailable("could not compile the callgrind marker extension:\n"
                                      f"$ {shlex.join(command)}\n{completed.stderr}")
    return target


def python_build_info(python: str) -> tuple[str, str]:
    """(include directory, EXT_SUFFIX) of the workers' interpreter."""
    query = "import sysconfig;print(sysconfig.get_paths()['include']);print(sysconfig.get_config_var('EXT_SUFFIX'))"
    if os.path.realpath(shutil.which(python) or python) == os.path.realpath(os.sys.executable):
        return sysconfig.get_paths()["include"], sysconfig.get_config_var("EXT_SUFFIX")
    completed = subprocess.run([python, "-c", query], capture_output=True, text=True)
    if completed.returncode != 0:
        raise InstructionsUnavailable(f"cannot query {python}: {completed.stderr.strip()}")
    include, suffix = completed.stdout.split("\n")[:2]
    return include, suffix


def command_prefix(valgrind: str, dump_dir: Path) -> list[str]:
    """The valgrind command line a worker's Python runs under."""
    return [valgrind, "--tool=callgrind", "-q", "--collect-atstart=no",
            f"--toggle-collect={MARKER_FUNCTION}", f"--dump-after={MARKER_FUNCTION}",
            "--dump-instr=no", "--dump-line=no", f"--callgrind-out-file={dump_dir}/cg.%p"]
