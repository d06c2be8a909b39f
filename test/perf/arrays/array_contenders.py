"""Builds and loads the array-kernel contenders, and makes their inputs.

Contenders (each a dict kernel name -> callable taking the same arguments):
  pyxc          kernels.py compiled by `pyxc build -O3` (checks off)
  pyxc-checked  the same file with the directives removed (default checks)
  hand-c++      kernels_hand.cpp: raw CPython buffer API, the driver's flags
  cython-3.x    kernels_cython.pyx: `cython` to C, then the driver's flags
  numba-0.x     kernels.py's Python functions under numba.njit
  numpy         the NumPy idiom of each kernel (not the same algorithm:
                BLAS for dot/matmul, whole-array expressions elsewhere)
  cpython       kernels.py run by plain CPython on NumPy arrays

A contender that cannot be built carries `missing` (why) and no kernels.
Builds land in test/perf/out/build/arrays/ and are reused while their
sources are unchanged (pyxc uses its own cache).
"""
from __future__ import annotations

import os

# One BLAS thread for the NumPy idiom, and Numba for baseline x86-64 like
# the C++ builds (no -march): both must be set before the import.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ["NUMBA_CPU_NAME"] = "generic"

import re
import shutil
import subprocess
import sys
import sysconfig
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# test/perf's loader of module files (with PYXC_* variables set around the import).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from contenders import _load_file  # noqa: E402

ARRAYS_DIR = Path(__file__).resolve().parent
PERF_DIR = ARRAYS_DIR.parent
BUILD_DIR = PERF_DIR / "out" / "build" / "arrays"
REPO_PYTHON = PERF_DIR.parents[1] / "python"
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")
# The flags of pyxc's driver (compiler/driver/toolchain.cpp), no -march:
# what driver_flags() falls back to when it cannot ask the pyxc binary.
DRIVER_FLAGS = ["-O3", "-shared", "-fPIC", "-fvisibility=hidden", "-DNDEBUG", "-falign-loops=32"]
_PROBE = '''import pyxc


@pyxc.native
def probe(a: int) -> int:
    return a
'''
_driver_flags: list[str] | None = None

KERNELS = ("dot", "matmul", "stencil", "min_distance", "mandelbrot", "recurrence", "histogram")
DESCRIPTIONS = {
    "dot": "dot (2e6 f64)",
    "matmul": "naive matmul (160², i-k-j)",
    "stencil": "5-point stencil (1200²)",
    "min_distance": "min pairwise distance (900×3)",
    "mandelbrot": "mandelbrot (200×150, 200 it)",
    "recurrence": "int prefix recurrence (1e6 i64)",
    "histogram": "histogram (1e6 f64, 256 bins)",
}


@dataclass
class Contender:
    name: str
    kernels: dict = field(default_factory=dict)
    missing: str | None = None  # why it could not be built
    info: dict = field(default_factory=dict)


# ------------------------------------------------------------------ inputs

@dataclass
class Case:
    args: tuple
    output: int | None  # index of the output array in args, None: the return value
    reset: object = None  # what the output is filled with before a checked call


def make_cases(seed: int = 12345) -> dict[str, Case]:
    rng = np.random.default_rng(seed)
    m = 2_147_483_629  # a prime below 2**31: (x * a + b) stays below 2**63
    return {
        "dot": Case((rng.random(2_000_000), rng.random(2_000_000)), None),
        "matmul": Case((rng.random((160, 160)), rng.random((160, 160)), np.empty((160, 160))), 2, np.nan),
        "stencil": Case((rng.random((1200, 1200)), np.zeros((1200, 1200))), 1, np.nan),
        "min_distance": Case((rng.random((900, 3)),), None),
        "mandelbrot": Case((np.zeros((150, 200), dtype=np.int64), -2.0, 1.0, -1.0, 1.0, 200), 0, -7),
        "recurrence": Case((rng.integers(0, m, 1_000_000, dtype=np.int64), 1_103_515_245, m,
                            np.empty(1_000_000, dtype=np.int64)), 3, -7),
        "histogram": Case((rng.random(1_000_000), 0.0, 1.0, np.zeros(256, dtype=np.int64)), 3, -7),
    }


def run_checked(function, case: Case):
    """Calls function on the case and returns what it produced (a copy)."""
    if case.output is not None:
        case.args[case.output].fill(case.reset)
    result = function(*case.args)
    if case.output is None:
        return result
    return case.args[case.output].copy()


def same_result(kernel: str, got, expected, rtol: float = 1e-10) -> str | None:
    """None when got matches expected, else what differs."""
    got_array, expected_array = np.asarray(got), np.asarray(expected)
    if got_array.shape != expected_array.shape:
        return f"shape {got_array.shape} != {expected_array.shape}"
    if expected_array.dtype.kind == "f":
        if np.allclose(got_array, expected_array, rtol=rtol, atol=0.0, equal_nan=True):
            return None
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = np.nanmax(np.abs(got_array - expected_array) / np.abs(expected_array))
        return f"max relative difference {diff:.3g} (got {got_array.ravel()[:3]}..., expected {expected_array.ravel()[:3]}...)"
    if np.array_equal(got_array, expected_array):
        return None
    wrong = int(np.count_nonzero(got_array != expected_array))
    return f"{wrong} of {expected_array.size} elements differ"


# ----------------------------------------------------------------- helpers

def _fresh(target: Path, *sources: Path) -> bool:
    return target.exists() and all(target.stat().st_mtime >= s.stat().st_mtime for s in sources)


def _tail(text: str, limit: int = 2000) -> str:
    text = text.strip()
    return text if len(text) <= limit else "..." + text[-limit:]


def _summary(diagnostics: str) -> str:
    """The first diagnostic in full, then how many there are and which kinds."""
    lines = diagnostics.splitlines()
    starts = [i for i, line in enumerate(lines) if re.search(r":\d+:\d+: error: ", line)]
    if not starts:
        return _tail(diagnostics)
    first = "\n".join(lines[starts[0]:starts[1] if len(starts) > 1 else len(lines)][:6])
    kinds = sorted({lines[i].split(": error: ", 1)[1] for i in starts})
    return f"{len(starts)} error(s), kinds: {kinds}; first:\n{first}"


def _use_repo_pyxc() -> None:
    if str(REPO_PYTHON) not in sys.path:
        sys.path.insert(0, str(REPO_PYTHON))


def python_kernels():
    """kernels.py as plain Python (the decorator's fallback; `.py` if bound)."""
    _use_repo_pyxc()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = _load_file("pyxc_array_kernels_python", ARRAYS_DIR / "kernels.py")
    return {name: getattr(getattr(module, name), "py", getattr(module, name)) for name in KERNELS}


# ---------------------------------------------------------------- builders

def _pyxc_build(pyxc: str, source: Path, text: str, module_name: str):
    """Builds one pyxc module; returns (module, None) or (None, why)."""
    if not source.exists() or source.read_text() != text:
        source.write_text(text)  # unchanged text keeps pyxc's cache warm
    try:
        completed = subprocess.run([pyxc, "build", "-O3", str(source)], capture_output=True, text=True)
    except OSError as error:
        return None, f"cannot run {pyxc}: {error}"
    if completed.returncode != 0:
        output = (completed.stderr + "\n" + completed.stdout).strip()
        return None, f"pyxc build failed (exit {completed.returncode}): {_summary(output)}"
    try:
        return _load_file(module_name, source, PYXC_REQUIRE_COMPILED="1"), None
    except Exception as error:
        return None, f"compiled import failed: {type(error).__name__}: {error}"


def _split_kernels(text: str) -> dict[str, str]:
    """One module text per kernel: the file's header (imports) and that def."""
    import ast

    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    first = min(min([d.lineno for d in f.decorator_list] + [f.lineno]) for f in functions)
    header = "".join(lines[:first - 1])
    pieces = {}
    for function in functions:
        begin = min([d.lineno for d in function.decorator_list] + [function.lineno])
        pieces[function.name] = header + "".join(lines[begin - 1:function.end_lineno])
    return pieces


def build_pyxc(checked: bool = False) -> Contender:
    """kernels.py built by pyxc as one module. When that fails, each kernel
    is built on its own, so the kernels pyxc already compiles are measured;
    the others are listed in info["missing_kernels"]."""
    name = "pyxc-checked" if checked else "pyxc"
    pyxc = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not pyxc:
        return Contender(name, missing="pyxc binary not found (set PYXC_BIN)")
    _use_repo_pyxc()
    work = BUILD_DIR / ("pyxc_checked" if checked else "pyxc")
    work.mkdir(parents=True, exist_ok=True)
    stem = "array_kernels_checked" if checked else "array_kernels"
    text = (ARRAYS_DIR / "kernels.py").read_text()
    if checked:  # the same kernels with every check at its default
        text = re.sub(r"@pyxc\.native\([^)]*\)", "@pyxc.native", text)
    started = time.perf_counter()
    module, why = _pyxc_build(pyxc, work / f"{stem}.py", text, f"pyxc_{stem}")
    seconds = time.perf_counter() - started
    if module is not None:
        return Contender(name, {k: getattr(module, k) for k in KERNELS}, info={"build_seconds": seconds})
    if why.startswith("cannot run"):
        return Contender(name, missing=why)
    kernels, missing_kernels = {}, {}
    for kernel, piece in _split_kernels(text).items():
        if kernel not in KERNELS:
            continue
        single, single_why = _pyxc_build(pyxc, work / f"{stem}_{kernel}.py", piece, f"pyxc_{stem}_{kernel}")
        if single is None:
            missing_kernels[kernel] = single_why
        else:
            kernels[kernel] = getattr(single, kernel)
    if not kernels:
        return Contender(name, missing=why)
    return Contender(name, kernels, info={"module_build": why, "missing_kernels": missing_kernels})


def driver_flags() -> list[str]:
    """The optimisation and code-generation flags pyxc's driver passes to the
    C++ compiler, read from `pyxc build -v` of a one-line module (so the
    references follow the driver if its flags change); DRIVER_FLAGS when
    pyxc cannot be asked. Include paths, -std, inputs and -o are not kept."""
    global _driver_flags
    if _driver_flags is not None:
        return _driver_flags
    _driver_flags = list(DRIVER_FLAGS)
    pyxc = os.environ.get("PYXC_BIN") or shutil.which("pyxc")
    if not pyxc:
        return _driver_flags
    work = BUILD_DIR / "flags_probe"
    work.mkdir(parents=True, exist_ok=True)
    (work / "flags_probe.py").write_text(_PROBE)
    try:
        completed = subprocess.run([pyxc, "build", "-v", "--no-cache", "-O3", str(work / "flags_probe.py")],
                                   capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return _driver_flags
    for line in (completed.stdout + "\n" + completed.stderr).splitlines():
        words = line.split()
        if "-shared" in words and any(w.endswith(".cpp") for w in words):
            flags, skip = [], False
            for word in words[1:]:
                if skip:
                    skip = False
                elif word == "-o":
                    skip = True
                elif word.startswith("-") and not word.startswith(("-I", "-std=")):
                    flags.append(word)
            if "-shared" in flags:
                _driver_flags = flags
            break
    return _driver_flags


def _build_stamp(artifact: Path, command: list[str]) -> Path:
    return artifact.with_name(artifact.name + ".cmd")


def _up_to_date(artifact: Path, source: Path, command: list[str]) -> bool:
    stamp = _build_stamp(artifact, command)
    return _fresh(artifact, source) and stamp.exists() and stamp.read_text() == " ".join(command)


def build_hand_cpp() -> Contender:
    work = BUILD_DIR / "hand"
    work.mkdir(parents=True, exist_ok=True)
    source = ARRAYS_DIR / "kernels_hand.cpp"
    artifact = work / f"kernels_hand{EXT_SUFFIX}"
    cxx = os.environ.get("CXX", "c++")
    include = sysconfig.get_paths()["include"]
    command = [cxx, "-std=c++20", *driver_flags(), f"-I{include}", str(source), "-o", str(artifact)]
    if not _up_to_date(artifact, source, command):
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            return Contender("hand-c++", missing=f"build failed: {_tail(completed.stderr)}")
        _build_stamp(artifact, command).write_text(" ".join(command))
    module = _load_file("kernels_hand", artifact)
    return Contender("hand-c++", {k: getattr(module, k) for k in KERNELS}, info={"command": " ".join(command)})


def build_cython() -> Contender:
    try:
        import Cython
    except ImportError as error:
        return Contender("cython", missing=f"Cython unavailable: {error}")
    name = f"cython-{Cython.__version__}"
    work = BUILD_DIR / "cython"
    work.mkdir(parents=True, exist_ok=True)
    pyx = ARRAYS_DIR / "kernels_cython.pyx"
    c_file = work / "kernels_cython.c"
    artifact = work / f"kernels_cython{EXT_SUFFIX}"
    cc = os.environ.get("CC", "cc")
    include = sysconfig.get_paths()["include"]
    # cython, then the C compiler with the driver's flags (not setuptools',
    # which add the interpreter's -fwrapv -g): like with like.
    command = [cc, *driver_flags(), f"-I{include}", str(c_file), "-o", str(artifact)]
    if not _up_to_date(artifact, pyx, command):
        completed = subprocess.run([sys.executable, "-m", "cython", "-3", str(pyx), "-o", str(c_file)],
                                   capture_output=True, text=True)
        if completed.returncode != 0:
            return Contender(name, missing=f"cython failed: {_tail(completed.stderr + completed.stdout)}")
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            return Contender(name, missing=f"C build failed: {_tail(completed.stderr)}")
        _build_stamp(artifact, command).write_text(" ".join(command))
    module = _load_file("kernels_cython", artifact)
    return Contender(name, {k: getattr(module, k) for k in KERNELS}, info={"command": " ".join(command)})


def build_numba() -> Contender:
    try:
        import numba
    except ImportError as error:
        return Contender("numba", missing=f"Numba unavailable ({error}); pip install -r test/perf/requirements.txt")
    sys.path.insert(0, str(ARRAYS_DIR))
    try:
        import kernels_numba
    finally:
        sys.path.remove(str(ARRAYS_DIR))
    try:
        kernels = kernels_numba.compile_kernels(python_kernels())
    except Exception as error:
        return Contender(f"numba-{numba.__version__}", missing=f"numba.njit failed: {error}")
    return Contender(f"numba-{numba.__version__}", kernels,
                     info={"cpu_name": os.environ.get("NUMBA_CPU_NAME"), "jit": "lazy, at the first call"})


def build_cpython() -> Contender:
    try:
        return Contender("cpython", python_kernels())
    except Exception as error:
        return Contender("cpython", missing=f"kernels.py does not import: {error}")


# ------------------------------------------------------------ NumPy idioms

def _np_dot(a, b):
    return float(np.dot(a, b))


def _np_matmul(a, b, out):
    np.matmul(a, b, out=out)


def _np_stencil(a, out):
    np.add(a[:-2, 1:-1], a[2:, 1:-1], out=out[1:-1, 1:-1])
    out[1:-1, 1:-1] += a[1:-1, :-2]
    out[1:-1, 1:-1] += a[1:-1, 2:]
    out[1:-1, 1:-1] *= 0.25


def _np_min_distance(points):
    diff = points[None, :, :] - points[:, None, :]
    d = diff[..., 0] ** 2 + diff[..., 1] ** 2 + diff[..., 2] ** 2
    d[np.tril_indices(points.shape[0])] = np.inf
    return float(np.sqrt(d.min()))


def _np_mandelbrot(out, xmin, xmax, ymin, ymax, maxiter):
    h, w = out.shape
    cr = xmin + np.arange(w) * ((xmax - xmin) / w)
    ci = ymin + np.arange(h) * ((ymax - ymin) / h)
    cr, ci = np.broadcast_to(cr, (h, w)).copy(), np.broadcast_to(ci[:, None], (h, w)).copy()
    zr, zi = np.zeros((h, w)), np.zeros((h, w))
    counts = np.zeros((h, w), dtype=np.int64)
    active = np.ones((h, w), dtype=bool)
    for _ in range(maxiter):
        active &= zr * zr + zi * zi <= 4.0
        if not active.any():
            break
        t = zr * zr - zi * zi + cr
        zi = np.where(active, 2.0 * zr * zi + ci, zi)
        zr = np.where(active, t, zr)
        counts += active
    out[...] = counts


def _np_histogram(values, lo, hi, counts):
    nbins = counts.shape[0]
    k = ((values - lo) * (nbins / (hi - lo))).astype(np.int64)
    counts[:] = np.bincount(k[(k >= 0) & (k < nbins)], minlength=nbins)


def numpy_idioms() -> Contender:
    # No NumPy idiom for the recurrence: it is sequential by construction.
    return Contender(f"numpy-{np.__version__}", {
        "dot": _np_dot, "matmul": _np_matmul, "stencil": _np_stencil, "min_distance": _np_min_distance,
        "mandelbrot": _np_mandelbrot, "histogram": _np_histogram,
    }, info={"note": "NumPy idiom, not the same algorithm; BLAS with one thread"})


def all_contenders(numpy: bool = True, cpython: bool = True) -> list[Contender]:
    contenders = [build_hand_cpp(), build_pyxc(), build_pyxc(checked=True), build_cython(), build_numba()]
    if numpy:
        contenders.append(numpy_idioms())
    if cpython:
        contenders.append(build_cpython())
    return contenders
