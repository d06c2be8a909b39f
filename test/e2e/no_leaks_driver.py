"""Calls the compiled functions of subjects/leak_subject.py a million times
and prints what changed, as JSON. test_no_leaks.py runs it in a fresh
interpreter so that nothing else allocates while it measures:

    python no_leaks_driver.py BUILT_MODULE.py CALLS

- memory: RSS (/proc/self/statm) and sys.getallocatedblocks() after a
  warm-up and after the loop, and tracemalloc's traced total around a
  shorter traced loop (it catches what PyMem/PyObject allocators leak);
- buffers: every buffer export is released (a bytearray and an array.array
  can be resized, a memoryview released), and no argument's reference
  count moved.
"""
from __future__ import annotations

import array
import gc
import importlib.util
import json
import os
import sys
import time
import tracemalloc
import weakref

import numpy


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def load(path: str):
    os.environ["PYXC_REQUIRE_COMPILED"] = "1"
    spec = importlib.util.spec_from_file_location("leak_subject", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["leak_subject"] = module
    spec.loader.exec_module(module)
    return module


def make_calls(m, objects):
    """(name, thunk, exception the call must raise or None)."""
    o = objects
    return [
        # scalars, positional and keyword; results of every type
        ("add", lambda: m.add(3, 0.25), None),
        ("add-big-int", lambda: m.add(o["big"], o["float"]), None),
        ("add-numpy-scalars", lambda: m.add(o["np_int"], o["np_float"]), None),
        ("weighted-defaults", lambda: m.weighted(1), None),
        ("weighted-keywords", lambda: m.weighted(c=1.5, b=2, a=7, flag=True), None),
        ("divmod-tuple", lambda: m.divmod_floor(17, 5), None),
        ("checked", lambda: m.checked(4), None),
        # arrays of every exporter
        ("total-numpy", lambda: m.total(o["f64"]), None),
        ("total-strided", lambda: m.total(o["strided"]), None),
        ("total-array.array", lambda: m.total(o["array"]), None),
        ("total-memoryview", lambda: m.total(o["memoryview"]), None),
        ("bump-bytearray", lambda: m.bump_bytes(o["bytearray"]), None),
        ("at", lambda: m.at(o["i64"], -1), None),
        ("grid", lambda: m.grid_total(o["grid"]), None),
        ("same-returns-argument", lambda: m.same(o["f64"]), None),
        ("ramp-native-array", lambda: m.ramp(64), None),
        ("fused-f32", lambda: m.fused_total(o["f32"]), None),
        ("fused-f64", lambda: m.fused_total(o["f64"]), None),
        # calls that raise: in the body, converting, binding, acquiring buffers
        ("raise-IndexError", lambda: m.at(o["i64"], 100), IndexError),
        ("raise-ZeroDivisionError", lambda: m.divmod_floor(1, 0), ZeroDivisionError),
        ("raise-ValueError-body", lambda: m.checked(-1), ValueError),
        ("raise-TypeError-None", lambda: m.add(None, 1.0), TypeError),
        ("raise-OverflowError", lambda: m.add(o["huge"], 1.0), OverflowError),
        ("raise-TypeError-keyword", lambda: m.weighted(1, c="x"), TypeError),
        ("raise-TypeError-arity", lambda: m.weighted(1, 2, 3), TypeError),
        ("raise-TypeError-unknown-keyword", lambda: m.weighted(1, d=2), TypeError),
        ("raise-TypeError-dtype", lambda: m.total(o["i64"]), TypeError),
        ("raise-TypeError-not-a-buffer", lambda: m.total(o["float"]), TypeError),
        ("raise-ValueError-ndim", lambda: m.grid_total(o["f64"]), ValueError),
        ("raise-ValueError-readonly", lambda: m.bump_bytes(o["bytes"]), ValueError),
        ("raise-IndexError-memoryview", lambda: m.at(o["i64_memoryview"], 50), IndexError),
        ("raise-TypeError-fused", lambda: m.fused_total(o["i64"]), TypeError),
    ]


def run(calls, rounds: int) -> None:
    for _ in range(rounds):
        for _name, call, error in calls:
            if error is None:
                call()
            else:
                try:
                    call()
                except error:
                    pass
                else:
                    raise AssertionError(f"{_name} did not raise {error.__name__}")


def exports_released(objects) -> dict:
    """Each check fails (BufferError) while some call still holds an export."""
    results = {}

    def attempt(name, action):
        try:
            action()
            results[name] = "released"
        except BufferError as error:
            results[name] = f"BufferError: {error}"

    def resize_bytearray():
        objects["bytearray"].extend(b"\0")
        del objects["bytearray"][-1]

    def resize_array():
        objects["array"].append(0.0)
        objects["array"].pop()

    attempt("bytearray", resize_bytearray)
    attempt("array.array", resize_array)
    attempt("memoryview", objects["memoryview"].release)
    attempt("memoryview-i64", objects["i64_memoryview"].release)
    return results


def result_references(m, objects) -> dict:
    """Which results hold a reference too many or too few (False entries)."""
    checks = {}
    a = objects["f64"]
    before = sys.getrefcount(a)
    same = m.same(a)
    checks["array-argument-returned-itself"] = same is a and sys.getrefcount(a) == before + 1
    del same
    checks["array-argument-released-with-result"] = sys.getrefcount(a) == before
    number = m.add(objects["big"], 0.5)
    checks["float-result"] = sys.getrefcount(number) == 2  # the name and the argument
    pair = m.divmod_floor(2**40 + 1, 3)
    # items: the tuple, the loop variable and the argument
    checks["tuple-result"] = sys.getrefcount(pair) == 2 and [sys.getrefcount(x) for x in pair] == [3, 3]
    ramp = m.ramp(8)
    memory = weakref.ref(ramp.base)  # NumPy's view of the NativeArray
    checks["native-array-result"] = sys.getrefcount(ramp) == 2 and sys.getrefcount(ramp.base) == 2
    del ramp
    checks["native-array-freed-with-result"] = memory() is None
    try:
        m.checked(-1)
    except ValueError as error:
        # the name, the exception being handled, the argument; its message: args and the argument
        checks["exception-result"] = sys.getrefcount(error) == 3 and sys.getrefcount(error.args[0]) == 2
    return checks


def main(path: str, total_calls: int) -> None:
    m = load(path)
    objects = {
        "big": 2**62 + 12345,  # not a cached small int
        "huge": 2**70,
        "float": 1.5,
        "np_int": numpy.int64(2**40 + 7),  # __index__ makes a new int each call
        "np_float": numpy.float64(0.5),
        "f64": numpy.arange(16.0),
        "strided": numpy.arange(32.0)[::2],
        "f32": numpy.arange(16, dtype=numpy.float32),
        "i64": numpy.arange(8, dtype=numpy.int64),
        "grid": numpy.ones((4, 4)),
        "array": array.array("d", range(16)),
        "memoryview": memoryview(array.array("d", range(16))),
        "i64_memoryview": memoryview(array.array("q", range(8))),
        "bytearray": bytearray(range(16)),
        "bytes": bytes(16),
    }
    calls = make_calls(m, objects)
    assert m.total(objects["f64"]) == 120.0 and m.ramp(4).tolist() == [0.0, 0.5, 1.0, 1.5]
    assert type(m.add).__name__ == "NativeFunction"

    rounds = max(1, total_calls // len(calls))
    run(calls, max(1, rounds // 50))  # warm-up: free lists, caches, NumPy's lazy state
    gc.collect()
    refcounts = {name: sys.getrefcount(value) for name, value in objects.items()}
    blocks_before, rss_before = sys.getallocatedblocks(), rss_bytes()
    started = time.perf_counter()
    run(calls, rounds)
    seconds = time.perf_counter() - started
    gc.collect()
    blocks_after, rss_after = sys.getallocatedblocks(), rss_bytes()
    refcount_changes = {name: sys.getrefcount(value) - refcounts[name]
                        for name, value in objects.items() if sys.getrefcount(value) != refcounts[name]}

    # tracemalloc slows every allocation down: a shorter traced loop.
    tracemalloc.start()
    run(calls, max(1, rounds // 20))
    gc.collect()
    traced_before = tracemalloc.get_traced_memory()[0]
    run(calls, max(1, rounds // 10))
    gc.collect()
    traced_after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()

    json.dump({
        "calls": rounds * len(calls),
        "seconds": seconds,
        "rss_growth": rss_after - rss_before,
        "blocks_growth": blocks_after - blocks_before,
        "traced_calls": (rounds // 10) * len(calls),
        "traced_growth": traced_after - traced_before,
        "refcount_changes": refcount_changes,
        "exports": exports_released(objects),
        "result_references": result_references(m, objects),
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
