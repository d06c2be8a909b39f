"""Runs the benchmarks: one worker process per side, samples alternating.

For each benchmark both workers set it up; the current side calibrates how
many calls make one sample (``--min-time``) and both sides then use that
same number. After one warm-up sample per side, samples are taken A, B, A,
B, ... so that every baseline sample has a current sample taken right after
it: the pairs the statistics compare (stats.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .sides import Side

WORKER_SCRIPT = Path(__file__).resolve().parent / "worker.py"
# Under callgrind: enough instructions per sample that the fixed cost of a
# sample (the loop, the call into the benchmark) is negligible.
TARGET_INSTRUCTIONS = 2_000_000


class WorkerDied(Exception):
    """A worker process exited or broke the protocol."""


class BenchmarkFailed(Exception):
    def __init__(self, message: str, skip: bool):
        super().__init__(message)
        self.skip = skip


def pair_cpus() -> list[int]:
    """The CPUs pairs are spread over; empty where pinning is unsupported.

    Both workers of a pair run on the same CPU. Unpinned, the scheduler keeps
    waking each worker on the CPU it last ran on; when other work loads one
    CPU for a while, one side is slowed for many pairs in a row, which no
    pairing cancels (measured: self-comparisons 10% apart). Pinned to one
    CPU for the whole run, both sides queue behind whatever else runs there.
    So each pair picks the next CPU in turn and both its samples run there:
    a busy CPU hits A and B of the same pairs alike.
    """
    if os.environ.get("PYXC_BENCH_NO_PIN") == "1" or not hasattr(os, "sched_getaffinity"):
        return []
    return sorted(os.sched_getaffinity(0))


class WorkerProcess:
    def __init__(self, side: Side, command: list[str], env: dict[str, str], log_path: Path):
        self.side = side
        self.log_path = log_path
        self.death: str | None = None
        self._log = open(log_path, "wb")
        try:
            self.process = subprocess.Popen([*command, str(WORKER_SCRIPT)], cwd=side.root, env=env,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=self._log, text=True, bufsize=1)
        except OSError as error:
            self._log.close()
            raise WorkerDied(f"cannot start the {side.label} worker ({command[0]}): {error}") from None

    def pin(self, cpu: int) -> None:
        try:
            os.sched_setaffinity(self.process.pid, {cpu})
        except OSError:
            pass  # pinning is an improvement, not a requirement

    def log_tail(self, limit: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-limit:].strip()
        except OSError:
            return ""

    def call(self, **request) -> dict:
        if self.death is not None:  # the first report, not "died during teardown"
            raise WorkerDied(self.death)
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            try:  # end of output comes a moment before the exit status
                code = self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            self.death = (f"the {self.side.label} worker exited (status {code}) during {request['op']}"
                          + (f"; its output:\n{self.log_tail()}" if self.log_tail() else ""))
            raise WorkerDied(self.death)
        reply = json.loads(line)
        if not reply.pop("ok"):
            raise BenchmarkFailed(reply["error"], reply.get("skip", False))
        return reply

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write(json.dumps({"op": "exit"}) + "\n")
                self.process.stdin.close()
                # A worker still busy in a benchmark (after Ctrl-C) is not waited for long.
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                self.process.kill()
                self.process.wait()
        self._log.close()


@dataclass
class BenchResult:
    name: str
    status: str  # "ok", "skipped", "failed", "unsupported", "no-baseline"
    message: str = ""
    number: int = 0  # calls per sample
    current: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)


@dataclass
class RunSettings:
    samples: int
    min_time: float  # seconds of one timing; a sample is the best of `repeats` timings
    metric: str
    verbose: bool = False
    # Short timings, many of them: on a machine with more runnable processes
    # than CPUs, a timing of 5 ms nearly always includes someone else's time
    # slice, one of 0.5 ms often does not, and the fastest of 10 is clean.
    # Measured at load 11 on 2 CPUs: 5 ms timings spread ±8-31% and read 5x
    # the quiet time; 0.5 ms timings spread ±0.5-2% at the quiet time.
    repeats: int = 10
    cpus: list[int] = field(default_factory=list)  # see pair_cpus()
    # A line per A/B round on stderr as it runs (`pyxc bench --baseline`):
    # a comparison takes minutes, and a CI log shows where it is.
    rounds: bool = False


def _progress(settings: RunSettings, text: str) -> None:
    if settings.verbose:
        print(f"pyxc bench: {text}", file=sys.stderr, flush=True)


def run_all(current: WorkerProcess, baseline: WorkerProcess | None, roots: dict[str, list[str]],
            settings: RunSettings, init_extra: dict) -> list[BenchResult]:
    """Lists the benchmarks on both sides and runs each; worker crashes propagate."""
    init_b = current.call(op="init", roots=roots["B"], metric=settings.metric, **init_extra["B"])
    if init_b["import_errors"]:
        raise BenchmarkFailed("\n".join(f"importing {e['file']} failed:\n{e['error']}"
                                         for e in init_b["import_errors"]), skip=False)
    listed_b = init_b["benchmarks"]
    listed_a: list[dict] = []
    baseline_errors: list[dict] = []
    if baseline is not None:
        init_a = baseline.call(op="init", roots=roots["A"], metric=settings.metric, **init_extra["A"])
        listed_a, baseline_errors = init_a["benchmarks"], init_a["import_errors"]
    index_a = {entry["name"]: i for i, entry in enumerate(listed_a)}

    def why_no_baseline(name: str) -> str:
        # Benchmarks of a file that does not import at REF have no baseline.
        for error in baseline_errors:
            if name.startswith(error["module"] + "."):
                last = (error["error"].strip().splitlines() or ["?"])[-1]
                return f"{error['module']} does not import at the baseline: {last}"
        return "the benchmark does not exist at the baseline"
    results = []
    for index_b, entry in enumerate(listed_b):
        name = entry["name"]
        if entry["kind"] != "time":
            results.append(BenchResult(name, "unsupported", "only time_* benchmarks are run"))
            continue
        index = index_a.get(name) if baseline is not None else None
        if baseline is not None and index is None:
            _progress(settings, f"{name}: no baseline")
            result = _run_one(name, entry, current, index_b, None, None, settings)
            if result.status == "ok":
                result.status, result.message = "no-baseline", why_no_baseline(name)
            results.append(result)
            continue
        results.append(_run_one(name, entry, current, index_b, baseline, index, settings))
    return results


def _round_line(name: str, pair: int, settings: RunSettings, result: BenchResult) -> None:
    from .report import format_value

    a, b = result.baseline[-1], result.current[-1]
    ratio = f", B/A {b / a:.3f}" if a > 0 else ""
    print(f"pyxc bench: {name}: round {pair + 1}/{settings.samples}: A {format_value(a, settings.metric)}, "
          f"B {format_value(b, settings.metric)}{ratio}", file=sys.stderr, flush=True)


def _setup(worker: WorkerProcess, index: int) -> tuple[bool, str, bool]:
    try:
        worker.call(op="setup", index=index)
        return True, "", False
    except BenchmarkFailed as failure:
        return False, str(failure), failure.skip


def _run_one(name: str, entry: dict, current: WorkerProcess, index_b: int, baseline: WorkerProcess | None,
             index_a: int | None, settings: RunSettings) -> BenchResult:
    _progress(settings, f"{name}: setting up")
    ok, message, skip = _setup(current, index_b)
    if not ok:
        return BenchResult(name, "skipped" if skip else "failed", message)
    use_baseline = baseline is not None and index_a is not None
    baseline_message = ""
    if use_baseline:
        ok_a, baseline_message, _ = _setup(baseline, index_a)
        if not ok_a:
            use_baseline = False
    result = BenchResult(name, "ok")
    try:
        number = entry.get("number")
        if number is None:
            number = current.call(op="calibrate", index=index_b, min_time=settings.min_time,
                                  target_instructions=TARGET_INSTRUCTIONS)["number"]
        result.number = number
        # Warm-up: caches, CPython's specialising interpreter, lazy imports.
        current.call(op="sample", index=index_b, number=number, repeats=settings.repeats)
        if use_baseline:
            baseline.call(op="sample", index=index_a, number=number, repeats=settings.repeats)
        if settings.rounds and use_baseline:
            print(f"pyxc bench: {name}: {settings.samples} rounds of {number} calls per side", file=sys.stderr,
                  flush=True)
        else:
            _progress(settings, f"{name}: {settings.samples} samples of {number} calls")
        for pair in range(settings.samples):
            if settings.cpus:
                cpu = settings.cpus[pair % len(settings.cpus)]
                current.pin(cpu)
                if use_baseline:
                    baseline.pin(cpu)
            if use_baseline:
                try:
                    reply = baseline.call(op="sample", index=index_a, number=number, repeats=settings.repeats)
                    result.baseline.append(reply["value"])
                except BenchmarkFailed as failure:
                    use_baseline, baseline_message, result.baseline = False, str(failure), []
            result.current.append(current.call(op="sample", index=index_b, number=number, repeats=settings.repeats)["value"])
            if settings.rounds and use_baseline:
                _round_line(name, pair, settings, result)
    except BenchmarkFailed as failure:
        result.status = "skipped" if failure.skip else "failed"
        result.message = str(failure)
    finally:
        try:
            current.call(op="teardown", index=index_b)
        except BenchmarkFailed as failure:
            if result.status == "ok":
                result.status, result.message = "failed", str(failure)
        if baseline is not None and index_a is not None:
            try:
                baseline.call(op="teardown", index=index_a)
            except BenchmarkFailed:
                pass  # the baseline's own problems never fail the run
    if result.status == "ok" and baseline is not None and not use_baseline:
        result.status = "no-baseline"
        result.message = "raised on the baseline: " + (baseline_message.strip().splitlines() or ["?"])[-1]
    return result
