"""What the thread, asyncio, prange and .aio benchmarks share: building a
subject with pyxc (and importing the same source as plain Python), the
machine's description (cores, load), summaries of per-round ratios, the
printed table and the JSON report.

No function here is named time_*: asv and `pyxc bench` import every file in
test/perf/ and would take one for a benchmark.
"""
from __future__ import annotations

import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from contenders import _load_file

PERF_DIR = Path(__file__).resolve().parent
SUBJECTS = PERF_DIR / "subjects"
# Reports and builds; PYXC_PERF_OUT moves them (the smoke tests use a temporary folder).
OUT_DIR = Path(os.environ.get("PYXC_PERF_OUT") or PERF_DIR / "out")
BUILD_DIR = OUT_DIR / "build" / "concurrency"
REPO = PERF_DIR.parents[1]
REPO_PYTHON = REPO / "python"


def use_repo_pyxc() -> None:
    if str(REPO_PYTHON) not in sys.path:
        sys.path.insert(0, str(REPO_PYTHON))


def load_file(module_name: str, path: Path, **env: str):
    """test/perf's one loader (contenders._load_file: path imported as
    module_name with env set during the import), without the fallback
    warnings the plain-Python copies raise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _load_file(module_name, path, **env)


@dataclass
class Subject:
    compiled: object  # the pyxc-built module, None when the build failed
    python: object  # the same source run by CPython
    missing: str | None  # why there is no compiled module
    build_seconds: float = 0.0
    source: Path | None = None


def pyxc_binary() -> str | None:
    return os.environ.get("PYXC_BIN") or shutil.which("pyxc")


def build_subject(stem: str, source: Path | None = None) -> Subject:
    """`pyxc build -O3` of subjects/<stem>.py (or source) in a copy under
    out/build/concurrency/ (pyxc's cache makes an unchanged rebuild cheap);
    imports the result and, separately, the same file as plain Python."""
    use_repo_pyxc()
    source = source or SUBJECTS / f"{stem}.py"
    work = BUILD_DIR
    work.mkdir(parents=True, exist_ok=True)
    copy = work / f"{stem}.py"
    text = source.read_text()
    if not copy.exists() or copy.read_text() != text:
        copy.write_text(text)
    python = load_file(f"{stem}_python", copy, PYXC_DISABLE="1")
    pyxc = pyxc_binary()
    if not pyxc:
        return Subject(None, python, "pyxc binary not found (set PYXC_BIN)", source=copy)
    started = time.perf_counter()
    completed = subprocess.run([pyxc, "build", "-O3", str(copy)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        output = (completed.stderr + "\n" + completed.stdout).strip()
        return Subject(None, python, f"pyxc build failed (exit {completed.returncode}): {output[-1500:]}",
                       source=copy)
    try:
        compiled = load_file(stem, copy, PYXC_REQUIRE_COMPILED="1")
    except Exception as error:
        return Subject(None, python, f"compiled import failed: {type(error).__name__}: {error}", source=copy)
    return Subject(compiled, python, None, seconds, copy)


def aio_missing(function) -> str | None:
    """None when the compiled function has .aio, else why not."""
    if function is None:
        return "no compiled function"
    if not callable(getattr(function, "aio", None)):
        return f"{type(function).__name__} has no .aio (not implemented in this pyxc)"
    return None


def cpu_count() -> int:
    """CPUs this process may run on (affinity), which is what threads get."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def thread_counts(cpus: int, oversubscribe: bool = True) -> list[int]:
    """1, 2, 4, ... up to cpus, and cpus itself; plus 2*cpus to show what
    more threads than cores do."""
    counts = {1, cpus}
    k = 2
    while k < cpus:
        counts.add(k)
        k *= 2
    if oversubscribe:
        counts.add(2 * cpus)
    return sorted(counts)


def cpu_seconds() -> float:
    """CPU time of every thread of this process (user + system), from
    CLOCK_PROCESS_CPUTIME_ID: exact, where getrusage counts in ticks."""
    return time.process_time()


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def git_commit() -> str:
    try:
        completed = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h %s"],
                                   capture_output=True, text=True, timeout=10)
        return completed.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_info() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "usable_cpus": cpu_count(),
        "load_average_1_5_15": load_average(),
        "PYXC_NUM_THREADS": os.environ.get("PYXC_NUM_THREADS"),
        "python": sys.version.split()[0],
        "machine": platform.platform(),
        "pyxc_commit": git_commit(),
        "utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def machine_line(info: dict) -> str:
    load = "/".join(f"{x:.1f}" for x in info["load_average_1_5_15"]) or "?"
    return (f"{info['usable_cpus']} usable CPUs (os.cpu_count() {info['cpu_count']}), "
            f"load average {load} (1/5/15 min), Python {info['python']}, pyxc {info['pyxc_commit'][:60]}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict:
    """Median and 10th-90th percentile of per-round values."""
    if not values:
        return {"median": math.nan, "p10": math.nan, "p90": math.nan, "values": []}
    return {"median": statistics.median(values), "p10": percentile(values, 0.1),
            "p90": percentile(values, 0.9), "values": values}


def spread(s: dict, digits: int = 2) -> str:
    """'1.93 [1.85-1.97]' (median [p10-p90]), or '—' when not measured."""
    if not s or not s.get("values"):
        return "—"
    if len(s["values"]) == 1:
        return f"{s['median']:.{digits}f}"
    return f"{s['median']:.{digits}f} [{s['p10']:.{digits}f}-{s['p90']:.{digits}f}]"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def save_report(name: str, report: dict, json_path: str | None = None) -> Path:
    """out/<name>-latest.json plus a timestamped copy (and json_path if given)."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, default=str)
    stamped = OUT_DIR / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    stamped.write_text(text)
    (OUT_DIR / f"{name}-latest.json").write_text(text)
    if json_path:
        Path(json_path).write_text(text)
    return stamped


def goal_verdict(efficiency: float, goal: float = 0.9) -> str:
    if math.isnan(efficiency):
        return "—"
    return "meets 0.9·N" if efficiency >= goal else "below 0.9·N"


def build_hand(stem: str):
    """subjects/<stem>.cpp compiled with the driver's flags (no -march) into
    out/build/concurrency/; returns (module, None) or (None, why)."""
    import sysconfig

    source = SUBJECTS / f"{stem}.cpp"
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    artifact = BUILD_DIR / f"{stem}{sysconfig.get_config_var('EXT_SUFFIX')}"
    if not (artifact.exists() and artifact.stat().st_mtime >= source.stat().st_mtime):
        cxx = os.environ.get("CXX", "c++")
        command = [cxx, "-std=c++20", "-O3", "-shared", "-fPIC", "-fvisibility=hidden", "-DNDEBUG",
                   f"-I{sysconfig.get_paths()['include']}", str(source), "-o", str(artifact)]
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            return None, f"build failed: {completed.stderr.strip()[-1500:]}"
    try:
        return load_file(stem, artifact), None
    except ImportError as error:
        return None, f"import failed: {error}"
