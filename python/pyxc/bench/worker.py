"""A benchmark worker: one process per side of a comparison.

Run as a script (``python .../pyxc/bench/worker.py``), never as part of the
``pyxc`` package, so that the benchmarks of a baseline side import that
side's ``pyxc``, not the one running the harness. Standard library only.

The parent sends one JSON object per line on stdin and reads one per line
back on a private copy of stdout; the worker's own fd 1 is pointed at its
stderr (a log file), so a benchmark that prints cannot corrupt the protocol.

Requests: ``init`` (import the benchmark files, list the benchmarks),
``setup``/``teardown`` of one benchmark, ``calibrate`` (how many calls make
one sample), ``sample`` (one measurement: seconds or instructions per call),
``exit``. Every reply has ``ok``; a failure carries ``error`` (traceback
text) and ``skip`` when asv's rules say "skip", not "fail".
"""
from __future__ import annotations

import gc
import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _load_sibling(name: str):
    # Loaded under a private name: importing ``pyxc.bench.discover`` would
    # import this side's harness package ``pyxc`` before the benchmarks do.
    spec = importlib.util.spec_from_file_location(f"_pyxc_bench_{name}", _HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


discover = _load_sibling("discover")


class TimeMeter:
    """Wall time of ``number`` calls, with the cyclic GC off (as timeit does)."""

    def measure(self, run) -> float:
        enabled = gc.isenabled()
        gc.disable()
        try:
            start = time.perf_counter()
            run()
            return time.perf_counter() - start
        finally:
            if enabled:
                gc.enable()


class InstructionMeter:
    """Instructions of ``number`` calls, counted by callgrind.

    The worker runs under ``valgrind --tool=callgrind --collect-atstart=no``
    with collection toggled on inside ``pyxc_bench_measured_call`` (a C
    function of a tiny helper extension) and a dump after it returns, so each
    dump file holds exactly the instructions of one measured call.
    """

    def __init__(self, marker_path: str, dump_dir: str):
        spec = importlib.util.spec_from_file_location("_pyxc_bench_marker", marker_path)
        self.marker = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.marker)
        self.dump_dir = Path(dump_dir)
        self.prefix = f"cg.{os.getpid()}."

    def _take_dumps(self) -> int:
        total = 0
        for dump in self.dump_dir.glob(self.prefix + "*"):
            for line in dump.read_text(errors="replace").splitlines():
                if line.startswith(("summary:", "totals:")):
                    total += int(line.split()[1])
                    break
            dump.unlink()
        return total

    def measure(self, run) -> float:
        self._take_dumps()  # anything dumped before (there should be nothing)
        enabled = gc.isenabled()
        gc.disable()
        try:
            self.marker.measured(run)
        finally:
            if enabled:
                gc.enable()
        count = self._take_dumps()
        if count <= 0:
            raise RuntimeError("callgrind wrote no instruction count; is the worker running under "
                               "valgrind --tool=callgrind with the marker toggles?")
        return float(count)


class Worker:
    def __init__(self, out):
        self.out = out
        self.benchmarks: list = []
        self.meter = None
        self.prepared: set[int] = set()

    def reply(self, **fields) -> None:
        self.out.write(json.dumps(fields) + "\n")
        self.out.flush()

    def init(self, request: dict) -> dict:
        for entry in reversed(request.get("sys_path", [])):
            if entry not in sys.path:
                sys.path.insert(0, entry)
        if request["metric"] == "instructions":
            self.meter = InstructionMeter(request["marker"], request["dump_dir"])
        else:
            self.meter = TimeMeter()
        self.benchmarks, problems = discover.discover([Path(r) for r in request["roots"]])
        return {"benchmarks": [{"name": b.name, "kind": b.kind, "number": b.number}
                               for b in self.benchmarks],
                "import_errors": [{"file": str(p.file), "module": p.module, "error": p.detail}
                                  for p in problems]}

    def setup(self, index: int) -> dict:
        self.benchmarks[index].setup()
        self.prepared.add(index)
        return {}

    def teardown(self, index: int) -> dict:
        if index in self.prepared:
            self.prepared.discard(index)
            self.benchmarks[index].teardown()
        return {}

    def calibrate(self, index: int, min_time: float, target_instructions: float) -> dict:
        """The smallest power of two of calls that lasts ``min_time``.

        Under callgrind, time means nothing; there the target is a count of
        instructions large enough that the sample's fixed costs vanish.
        """
        bench = self.benchmarks[index]
        number = 1
        while True:
            value = self.meter.measure(bench.runner(number))
            enough = value >= (target_instructions if isinstance(self.meter, InstructionMeter) else min_time)
            if enough or number >= 1 << 30:
                return {"number": number, "value": value / number}
            if isinstance(self.meter, TimeMeter) and value > 0:
                # Jump close to the goal instead of doubling from 1 each time.
                number = max(number * 2, min(number * 1000, int(number * min_time / value * 1.2) + 1))
            elif isinstance(self.meter, InstructionMeter) and value > 0:
                number = max(number * 2, int(number * target_instructions / value) + 1)
            else:
                number *= 2

    def sample(self, index: int, number: int, repeats: int) -> dict:
        """The best of ``repeats`` timings of ``number`` calls, per call.

        On a loaded machine a short timing is either clean or includes
        another process's time slice; the fastest of several is a clean one
        (a preempted timing is never the fastest), so samples measure the
        code, not the scheduler. Instruction counts need one.
        """
        run = self.benchmarks[index].runner(number)
        if isinstance(self.meter, InstructionMeter):
            repeats = 1
        return {"value": min(self.meter.measure(run) for _ in range(repeats)) / number}

    def handle(self, request: dict) -> dict:
        op = request["op"]
        if op == "init":
            return self.init(request)
        if op == "setup":
            return self.setup(request["index"])
        if op == "teardown":
            return self.teardown(request["index"])
        if op == "calibrate":
            return self.calibrate(request["index"], request["min_time"], request["target_instructions"])
        if op == "sample":
            return self.sample(request["index"], request["number"], request.get("repeats", 1))
        raise ValueError(f"unknown request {op!r}")


def main() -> int:
    # The protocol gets a private copy of stdout; print() in benchmarks goes
    # to stderr (the parent's log file for this side).
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
    worker = Worker(out)
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "exit":
            break
        try:
            worker.reply(ok=True, **worker.handle(request))
        except NotImplementedError as error:
            worker.reply(ok=False, skip=True, error=f"NotImplementedError: {error}")
        except (Exception, SystemExit):
            worker.reply(ok=False, skip=False, error=traceback.format_exc())
    for index in sorted(worker.prepared):
        try:
            worker.benchmarks[index].teardown()
        except Exception:
            traceback.print_exc()
    return 0


if __name__ == "__main__":
    sys.exit(main())
