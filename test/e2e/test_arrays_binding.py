"""Array parameters at the call boundary (SPEC.md §1, "Types" and
"Semantics"): which objects are accepted (NumPy arrays in any layout,
array.array, memoryview, bytearray and bytes as u8), the errors for
everything else (TypeError/ValueError naming the parameter and what was
expected and given), read-only buffers, returned arrays, fused dispatch,
and that buffers are always released (no leak over 10^6 calls).

The subjects are corpus programs (programs/arrays_binding.py,
arrays_fused.py, arrays_bytes.py), built once per session by the `corpus`
fixture. Not differential: these are the compiled side's own contract.
"""
from __future__ import annotations

import array
import ctypes
import gc
import math
import os
import subprocess
import sys
import tracemalloc

import numpy as np
import pytest

from programs_support import pure_mode


@pytest.fixture(scope="module")
def native(corpus, pyxc_bin):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: the binding tests need the compiled module")
    return corpus.pair("arrays_binding").compiled


@pytest.fixture(scope="module")
def fused(corpus, pyxc_bin):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: the binding tests need the compiled module")
    return corpus.pair("arrays_fused").compiled


@pytest.fixture(scope="module")
def bytes_program(corpus, pyxc_bin):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: the binding tests need the compiled module")
    return corpus.pair("arrays_bytes").compiled


def raises(call) -> BaseException:
    try:
        call()
    except Exception as error:  # noqa: BLE001 - the error is what is tested
        return error
    raise AssertionError("expected an exception, the call returned")


def weighted_2d(a) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += float(a[i, j]) * (i + 1) * (j + 2)
    return s


# ---------------------------------------------------------------- accepted

@pytest.mark.parametrize("make", [
    lambda: np.arange(10.0),
    lambda: np.arange(20.0)[::2],
    lambda: np.arange(30.0)[::3],
    lambda: np.arange(10.0)[::-1],
    lambda: np.arange(12.0).reshape(3, 4)[:, 1],
    lambda: np.arange(12.0).reshape(3, 4)[1],
    lambda: np.zeros(0),
    lambda: array.array("d", [1.5, 2.5, -4.0]),
    lambda: memoryview(np.arange(5.0)),
    lambda: memoryview(array.array("d", [3.0, 4.0])),
    lambda: memoryview(np.arange(10.0))[::-2],
    lambda: (ctypes.c_double * 3)(1.0, 2.0, 3.5),  # exports format '<d'
], ids=["C", "step2", "step3", "reversed", "column", "row", "empty", "array.array", "memoryview",
        "memoryview-array", "memoryview-strided", "ctypes"])
def test_one_dimensional_exporters(native, make):
    obj = make()
    expected = sum(float(x) for x in np.asarray(obj))
    assert native.read_sum(obj) == expected


@pytest.mark.parametrize("make", [
    lambda: np.arange(12.0).reshape(3, 4),
    lambda: np.asfortranarray(np.arange(12.0).reshape(3, 4)),
    lambda: np.arange(12.0).reshape(4, 3).T,
    lambda: np.arange(48.0).reshape(6, 8)[::2, ::3],
    lambda: np.arange(12.0).reshape(3, 4)[::-1, ::-1],
    lambda: np.zeros((0, 4)),
    lambda: np.zeros((3, 0)),
    lambda: memoryview(np.arange(6.0)).cast("B").cast("d", (2, 3)),
], ids=["C", "fortran", "transposed", "strided", "reversed", "empty-rows", "empty-cols", "memoryview-2d"])
def test_two_dimensional_layouts(native, make):
    obj = make()
    assert native.sum_2d(obj) == weighted_2d(np.asarray(obj))


def test_four_dimensional_views(native):
    base = np.arange(2 * 3 * 4 * 5, dtype=np.float64).reshape(2, 3, 4, 5)
    for view in (base, base.transpose(3, 1, 0, 2), base[:, ::2, ::-1, 1:], np.asfortranarray(base)):
        expected = sum(float(view[i, j, k, l]) * (1 + i + 2 * j + 3 * k + 4 * l)
                       for i, j, k, l in np.ndindex(view.shape))
        assert native.sum_4d(view) == expected


def test_writes_go_through_strided_and_fortran_views(native):
    base = np.zeros(10)
    native.write_first(base[::-3], 7.0)  # element 0 of the view is base[9]
    assert base.tolist() == [0.0] * 9 + [7.0]
    a = np.arange(3.0)
    out = np.zeros(6)[::2]
    native.add_into(a, a, out)
    assert out.tolist() == [0.0, 2.0, 4.0]


@pytest.mark.parametrize(("function", "code", "values"), [
    ("i8_sum", "b", [-128, 127, 5]), ("u8_sum", "B", [0, 255, 7]), ("i16_sum", "h", [-2**15, 2**15 - 1]),
    ("u16_sum", "H", [2**16 - 1, 1]), ("i32_sum", "i", [-2**31, 2**31 - 1]), ("u32_sum", "I", [2**32 - 1]),
    ("i64_sum", "q", [-2**63, 2**62]), ("u64_sum", "Q", [2**59, 3]), ("f32_sum", "f", [1.5, -0.25]),
    ("read_sum", "d", [1e300, -1e300, 0.5]),
])
def test_array_module_every_type(native, function, code, values):
    assert getattr(native, function)(array.array(code, values)) == sum(values)


def test_i64_accepts_both_64_bit_format_codes(native):
    # 'l' and 'q' are both 8 bytes on LP64 platforms: both are i64.
    assert native.i64_sum(array.array("q", [1, 2])) == 3
    if array.array("l").itemsize == 8:
        assert native.i64_sum(array.array("l", [1, 2])) == 3


def test_bytearray_and_bytes_as_u8(native, bytes_program):
    data = bytearray(b"hello, world")
    assert native.u8_sum(data) == sum(data)
    assert native.u8_sum(b"abc") == sum(b"abc")
    assert native.u8_sum(memoryview(b"abcdef")[1::2]) == sum(b"bdf")
    native.u8_fill(data, 65)
    assert data == bytearray(b"A" * 12)
    assert bytes_program.adler32(b"Wikipedia") == 0x11E60398
    text = bytearray(b"MiXeD case 123")
    assert bytes_program.to_upper(text) == 6
    assert text == bytearray(b"MIXED CASE 123")
    assert native.u8_sum(bytearray()) == 0


def test_native_array_passed_back_in(native):
    made = native.make(6)
    assert native.read_sum(made) == sum(0.5 * i for i in range(6))
    native.write_first(made, -1.0)
    assert made[0] == -1.0


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("value", [[1.0, 2.0], (1.0,), 3.0, None, "abc", {1: 2}],
                         ids=["list", "tuple", "float", "None", "str", "dict"])
def test_non_buffer_is_type_error_naming_parameter(native, value):
    error = raises(lambda: native.read_sum(value))
    assert type(error) is TypeError, error
    message = str(error)
    assert "read_sum()" in message and "'a'" in message, message
    assert type(value).__name__ in message, message


@pytest.mark.parametrize(("obj", "given"), [
    (np.arange(3, dtype=np.int64), "i64"),
    (np.arange(3, dtype=np.float32), "f32"),
    (np.arange(3, dtype=np.int32), "i32"),
    (np.zeros(3, dtype=bool), "bool"),
    (array.array("i", [1, 2]), "i32"),
    (bytearray(b"xy"), "u8"),
    (np.zeros(3, dtype=np.complex128), None),
    (np.zeros(3, dtype=">f8"), None),
    (np.zeros(3, dtype=np.float16), None),
    (np.zeros(3, dtype=[("x", "f8")]), None),
    ((ctypes.c_float * 2)(), "f32"),
], ids=["i64", "f32", "i32", "bool", "array-i", "bytearray", "complex", "big-endian", "f16", "struct",
        "ctypes-float"])
def test_wrong_dtype_is_type_error_with_both_formats(native, obj, given):
    error = raises(lambda: native.read_sum(obj))
    assert type(error) is TypeError, error
    message = str(error)
    assert "'a'" in message and "f64" in message and "'d'" in message, message
    fmt = memoryview(obj).format
    assert fmt in message, f"given buffer format {fmt!r} not in: {message}"
    if given is not None:
        assert given in message, message


@pytest.mark.parametrize(("function", "obj"), [
    ("read_sum", np.zeros((2, 2))), ("read_sum", np.float64(3.0).reshape(())),
    ("sum_2d", np.zeros(4)), ("sum_2d", np.zeros((2, 2, 2))), ("sum_4d", np.zeros((2, 2, 2))),
    ("u8_sum", memoryview(b"abcd").cast("B", (2, 2))),
], ids=["2d-for-1d", "0d-for-1d", "1d-for-2d", "3d-for-2d", "3d-for-4d", "memoryview-2d-for-1d"])
def test_wrong_ndim_is_value_error(native, function, obj):
    error = raises(lambda: getattr(native, function)(obj))
    assert type(error) is ValueError, error
    message = str(error)
    assert f"{function}()" in message and "'a'" in message, message
    assert str(np.asarray(obj).ndim) in message, message


@pytest.mark.parametrize(("function", "obj"), [
    ("c_sum", np.arange(10.0)[::2]),
    ("c_sum", np.arange(10.0)[::-1]),
    ("c_sum", memoryview(np.arange(10.0))[::3]),
    ("c_sum_2d", np.asfortranarray(np.arange(6.0).reshape(2, 3))),
    ("c_sum_2d", np.arange(6.0).reshape(3, 2).T),
    ("c_sum_2d", np.arange(24.0).reshape(4, 6)[:, ::2]),
    ("c_sum_2d", np.arange(24.0).reshape(4, 6)[::2, :]),
], ids=["step2", "reversed", "memoryview-step", "fortran", "transposed", "column-step", "row-step"])
def test_non_contiguous_for_contiguous_parameter_is_value_error(native, function, obj):
    error = raises(lambda: getattr(native, function)(obj))
    assert type(error) is ValueError, error
    assert "'a'" in str(error) and "contiguous" in str(error).lower(), error


def test_contiguous_parameter_takes_contiguous_views_without_copy(native):
    base = np.arange(20.0)
    assert native.c_sum(base[3:9]) == sum(range(3, 9))
    grid = np.arange(24.0).reshape(4, 6)
    assert native.c_sum_2d(grid[1:3]) == weighted_2d(grid[1:3])
    assert native.c_sum(array.array("d", [1.0, 2.0])) == 3.0
    assert native.c_sum(np.zeros(0)) == 0.0


def test_read_only_buffers(native):
    frozen = np.arange(4.0)
    frozen.setflags(write=False)
    assert native.read_sum(frozen) == 6.0  # only read: fine
    error = raises(lambda: native.write_first(frozen, 1.0))
    assert type(error) is ValueError, error
    assert "'a'" in str(error) and "read-only" in str(error), error
    assert frozen.tolist() == [0.0, 1.0, 2.0, 3.0]
    error = raises(lambda: native.u8_fill(b"abc", 1))
    assert type(error) is ValueError and "read-only" in str(error), error
    assert native.u8_sum(b"\x01\x02") == 3
    ro_view = memoryview(bytearray(b"xyz")).toreadonly()
    assert native.u8_sum(ro_view) == sum(b"xyz")
    assert type(raises(lambda: native.u8_fill(ro_view, 0))) is ValueError
    frozen2 = np.zeros((2, 2), dtype=np.int64)
    frozen2.setflags(write=False)
    assert native.read_only_2d(frozen2) == 4


def test_first_bad_argument_is_reported(native):
    good = np.zeros(3)
    error = raises(lambda: native.add_into(good, np.zeros(3, np.int32), good))
    assert type(error) is TypeError and "'b'" in str(error), error
    error = raises(lambda: native.add_into(good, good, [0.0]))
    assert type(error) is TypeError and "'out'" in str(error), error


def test_keywords_for_array_parameters(native):
    out = np.zeros(2)
    native.add_into(b=np.ones(2), a=np.ones(2), out=out)
    assert out.tolist() == [2.0, 2.0]


# ---------------------------------------------------------------- results

def test_index_errors_name_axis_and_size(native):
    a = np.arange(10.0)
    assert native.index(a, -1) == 9.0 and native.index(a, -10) == 0.0
    for i in (10, -11, 2**40):
        error = raises(lambda: native.index(a, i))
        assert type(error) is IndexError
        assert str(error) == f"index {i} is out of bounds for axis 0 with size 10"


def test_returned_arrays_are_numpy_and_own_their_memory(native):
    made = native.make(5)
    assert type(made) is np.ndarray, type(made)
    assert made.dtype == np.float64 and made.shape == (5,)
    assert made.tolist() == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert made.flags.writeable and made.flags.c_contiguous
    assert np.asarray(made) is made
    assert np.shares_memory(np.asarray(made), made)
    grid = native.make_2d(3, 4)
    assert type(grid) is np.ndarray and grid.dtype == np.int32 and grid.shape == (3, 4)
    assert grid[2, 3] == 23
    # The memory lives as long as the array: drop everything else, churn
    # the allocator, and read it again.
    view = made[1:]
    del made
    gc.collect()
    junk = [native.make(5) for _ in range(100)]
    del junk
    assert view.tolist() == [0.5, 1.0, 1.5, 2.0]
    empty = native.make(0)
    assert type(empty) is np.ndarray and empty.shape == (0,)


def test_returned_arrays_are_independent(native):
    first, second = native.make(3), native.make(3)
    first[0] = 99.0
    assert second[0] == 0.0 and not np.shares_memory(first, second)


# ---------------------------------------------------------------- fused

def test_fused_dispatch_by_dtype(fused):
    for dtype in (np.float32, np.float64):
        a = np.array([1.5, 2.25, -1.0], dtype=dtype)
        assert fused.total_floating(a) == 2.75
        fused.scale_floating(a, 2.0)
        assert a.dtype == dtype and a.tolist() == [3.0, 4.5, -2.0]
    for dtype in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        a = np.array([1, 2, 3], dtype=dtype)
        fused.add_integer(a, 4)
        assert a.dtype == dtype and a.tolist() == [5, 6, 7]
    assert fused.count_nonzero_numeric(np.array([0, 1, 2], dtype=np.uint16)) == 2
    assert fused.count_nonzero_numeric(np.array([0.0, -0.0, 2.0], dtype=np.float32)) == 1
    assert fused.total_floating(array.array("f", [0.5, 0.25])) == 0.75


def test_fused_f32_specialization_computes_in_f32(fused):
    a = np.array([1.0], dtype=np.float32)
    fused.scale_floating(a, 0.1)  # k becomes f32(0.1); the product is rounded to f32
    assert a[0] == np.float32(1.0) * np.float32(0.1)


def test_fused_type_outside_the_set_lists_accepted_types(fused):
    error = raises(lambda: fused.total_floating(np.arange(3, dtype=np.int64)))
    assert type(error) is TypeError, error
    message = str(error)
    assert "'a'" in message and "f32" in message and "f64" in message, message
    error = raises(lambda: fused.add_integer(np.zeros(3), 1))
    assert type(error) is TypeError, error
    for name in ("i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"):
        assert name in str(error), error
    error = raises(lambda: fused.count_nonzero_numeric(np.zeros(3, dtype=bool)))
    assert type(error) is TypeError, error


def test_fused_name_shared_by_two_arrays_must_agree(fused):
    # T[:] twice: an f32 and an f64 array cannot both be T.
    error = raises(lambda: fused.dot_t(np.zeros(2, np.float32), np.zeros(2, np.float64)))
    assert type(error) is TypeError, error
    assert fused.dot_t(np.ones(2, np.float32), np.ones(2, np.float32)) == 2.0


def test_fused_non_buffer_is_type_error(fused):
    error = raises(lambda: fused.total_floating([1.0, 2.0]))
    assert type(error) is TypeError and "'a'" in str(error), error


# ---------------------------------------------------------------- release / leaks

def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def exporter_released(obj) -> bool:
    """True when no buffer export of `obj` (a bytearray or array.array) is
    alive: resizing either raises BufferError while one is."""
    try:
        if isinstance(obj, bytearray):
            obj.append(0)
            obj.pop()
        else:
            obj.append(obj[0] if len(obj) else 0)
            obj.pop()
    except BufferError:
        return False
    return True


def test_exporter_check_itself_detects_a_live_export():
    data = bytearray(b"abc")
    view = memoryview(data)
    assert not exporter_released(data)
    view.release()
    assert exporter_released(data)


CALLS_THAT_TAKE_BUFFERS = [
    lambda n, data, arr, nd: n.u8_sum(data),
    lambda n, data, arr, nd: n.u8_fill(data, 3),
    lambda n, data, arr, nd: n.read_sum(arr),
    lambda n, data, arr, nd: n.write_first(arr, 1.0),
    lambda n, data, arr, nd: n.read_sum(nd),
    lambda n, data, arr, nd: n.index(arr, 100),          # IndexError in the body
    lambda n, data, arr, nd: n.i64_sum(arr),             # wrong dtype, after the buffer was taken
    lambda n, data, arr, nd: n.sum_2d(data),             # wrong dtype
    lambda n, data, arr, nd: n.sum_2d(nd),               # wrong ndim
    lambda n, data, arr, nd: n.c_sum(nd[::2]),           # not contiguous
    lambda n, data, arr, nd: n.add_into(arr, arr, [1]),  # third argument not a buffer
    lambda n, data, arr, nd: n.add_into(nd, nd, nd),
    lambda n, data, arr, nd: n.add_into(nd, arr, nd[:3]),
]
CALL_IDS = ["u8-read", "u8-write", "array-read", "array-write", "numpy-read", "index-error", "dtype-error",
            "dtype-error-2d", "ndim-error", "contiguous-error", "later-arg-error", "numpy-write", "mixed"]


@pytest.mark.parametrize("call", CALLS_THAT_TAKE_BUFFERS, ids=CALL_IDS)
def test_buffers_are_released_after_every_call(native, call):
    data = bytearray(b"0123456789")
    arr = array.array("d", [1.0, 2.0, 3.0])
    nd = np.arange(8.0)
    refcounts = (sys.getrefcount(data), sys.getrefcount(arr), sys.getrefcount(nd))
    try:
        call(native, data, arr, nd)
    except Exception:  # noqa: BLE001 - released also after a raise
        pass
    assert exporter_released(data), "bytearray still exported after the call"
    assert exporter_released(arr), "array.array still exported after the call"
    assert (sys.getrefcount(data), sys.getrefcount(arr), sys.getrefcount(nd)) == refcounts
    # An ndarray refuses resize(refcheck=True) while a buffer export or any
    # other reference is alive; here only `nd` refers to it.
    nd.resize(9, refcheck=True)
    assert nd.shape == (9,)


CALLS = 1_000_000


def test_no_leak_over_a_million_calls(native):
    a = np.arange(16.0)
    grid = np.arange(12.0).reshape(3, 4)[:, ::2]
    data = bytearray(b"x" * 64)
    frozen = np.arange(4.0)
    frozen.setflags(write=False)
    bad = np.arange(4, dtype=np.int32)
    read_sum, sum_2d, u8_sum, write_first, index = (native.read_sum, native.sum_2d, native.u8_sum,
                                                    native.write_first, native.index)

    def batch(n: int) -> None:
        for _ in range(n):
            read_sum(a)
            sum_2d(grid)
            u8_sum(data)
            write_first(a, 0.0)
        for _ in range(n // 10):
            for bad_call in (lambda: read_sum(bad), lambda: write_first(frozen, 1.0),
                             lambda: index(a, 99), lambda: read_sum(None)):
                try:
                    bad_call()
                except (TypeError, ValueError, IndexError):
                    pass

    refcounts = [sys.getrefcount(x) for x in (a, grid, data, frozen, bad)]
    batch(CALLS // 40)  # warm-up: caches, free lists, first NumPy imports
    gc.collect()
    before = rss_bytes()
    batch(CALLS // 4)   # 4 successful calls per iteration: 10^6 calls, + 10^5 raising ones
    gc.collect()
    grown = rss_bytes() - before
    assert grown < 8 * 2**20, f"RSS grew by {grown / 2**20:.1f} MiB over {CALLS} calls"
    assert [sys.getrefcount(x) for x in (a, grid, data, frozen, bad)] == refcounts, "argument refcounts changed"
    assert exporter_released(data)


def test_no_python_allocations_leak(native):
    a = np.arange(8.0)
    bad = np.arange(4, dtype=np.int32)

    def batch(n: int) -> None:
        for _ in range(n):
            native.read_sum(a)
            native.make(4)
            try:
                native.read_sum(bad)
            except TypeError:
                pass
            try:
                native.index(a, 50)
            except IndexError:
                pass

    batch(2000)
    gc.collect()
    tracemalloc.start()
    try:
        batch(2000)
        gc.collect()
        first, _ = tracemalloc.get_traced_memory()
        batch(20000)
        gc.collect()
        second, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert second - first < 256 * 1024, f"traced Python memory grew by {second - first} bytes over 20000 rounds"


def test_returned_arrays_are_freed(native):
    native.make(1000)
    gc.collect()
    before = rss_bytes()
    for _ in range(20000):
        native.make(1000)  # 8 kB each: 160 MB if none were freed
    gc.collect()
    assert rss_bytes() - before < 16 * 2**20
    assert not math.isnan(native.read_sum(native.make(3)))


# ---------------------------------------------------------------- element semantics

def test_elements_have_pyxc_scalar_semantics(native):
    # Under CPython these are NumPy scalars (wrapping, inf with a warning);
    # in native code an element is a value of its type with pyxc's checks.
    assert native.first_plus_one(np.array([41])) == 42
    assert type(raises(lambda: native.first_plus_one(np.array([2**63 - 1])))) is OverflowError
    assert native.first_over(np.array([3.0]), 2.0) == 1.5
    error = raises(lambda: native.first_over(np.array([3.0]), 0.0))
    assert type(error) is ZeroDivisionError and str(error) == "float division by zero"
    a = np.array([200], dtype=np.uint8)
    assert type(raises(lambda: native.double_first_u8(a))) is OverflowError
    assert a[0] == 200
    b = np.array([100], dtype=np.uint8)
    native.double_first_u8(b)
    assert b[0] == 200


def test_storing_a_float_into_an_int_array_is_a_compile_error(pyxc_bin, tmp_path):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: needs the compiler under test")
    source = tmp_path / "float_into_int.py"
    source.write_text("import pyxc\nfrom pyxc import i64\n\n\n@pyxc.native\n"
                      "def f(a: i64[:], x: float) -> None:\n    a[0] = x\n")
    completed = subprocess.run([pyxc_bin, "check", str(source)], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 1, completed
    assert "float_into_int.py:7:" in completed.stdout + completed.stderr, completed


def test_the_same_buffer_for_several_parameters(native, corpus):
    # The differential harness gives every parameter its own array; here
    # one buffer is all three (and overlapping views), against CPython.
    cpython = corpus.pair("arrays_binding").cpython
    for make in (lambda x: (x, x, x), lambda x: (x[1:], x[:-1], x[1:]), lambda x: (x[::-1], x, x)):
        native_x, python_x = np.arange(6.0), np.arange(6.0)
        native.add_into(*make(native_x))
        cpython.add_into(*make(python_x))
        assert native_x.tolist() == python_x.tolist()


def test_read_only_refused_for_writes_through_a_local_or_a_callee(native, corpus):
    frozen = np.zeros(3)
    frozen.setflags(write=False)
    error = raises(lambda: native.write_via_local(frozen))
    assert type(error) is ValueError and "read-only" in str(error), error
    calls = corpus.pair("arrays_calls").compiled
    frozen_ints = np.zeros(3, dtype=np.int64)
    frozen_ints.setflags(write=False)
    error = raises(lambda: calls.fill_via_helper(frozen_ints, 5))  # the callee writes
    assert type(error) is ValueError and "read-only" in str(error), error
    assert calls.sum_via_helper(frozen_ints) == 1  # the callee only reads
    assert frozen_ints.tolist() == [0, 0, 0]


def test_returning_an_array_parameter_returns_the_argument(native):
    a = np.arange(3.0)
    assert native.scale_and_return(a, 2.0) is a
    assert a.tolist() == [0.0, 2.0, 4.0]
    data = array.array("d", [1.0])
    assert native.scale_and_return(data, 3.0) is data


def test_negative_dimensions_are_value_errors(corpus):
    calls = corpus.pair("arrays_calls").compiled
    for call in (lambda: calls.arange_i64(-1), lambda: calls.zeros_2d(2, -3)):
        error = raises(call)
        assert type(error) is ValueError and str(error) == "negative dimensions are not allowed", error


def test_bool_arrays_take_bool_buffers_only(corpus, pyxc_bin):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: the binding tests need the compiled module")
    flags = corpus.pair("arrays_bool").compiled
    assert flags.count_true(np.array([True, False, True])) == 2
    assert flags.count_true(memoryview(bytearray(b"\x01\x00\x01\x01")).cast("?")) == 3
    error = raises(lambda: flags.count_true(np.array([1, 0], dtype=np.uint8)))
    assert type(error) is TypeError and "bool" in str(error) and "'?'" in str(error), error
    mask = flags.new_mask(np.array([np.nan, 1.0]))
    assert type(mask) is np.ndarray and mask.dtype == np.bool_ and mask.tolist() == [True, False]


def test_array_loops_release_the_gil(corpus, pyxc_bin):
    if pure_mode():
        pytest.skip("PYXC_E2E_PURE=1: the binding tests need the compiled module")
    import threading
    kernels = corpus.pair("arrays_kernels").compiled
    out = np.zeros((300, 300), dtype=np.int64)
    kernels.mandelbrot(out[:2, :2], -2.0, 1.0, -1.5, 1.5, 10)  # warm-up
    counter = [0]
    stop = threading.Event()
    started = threading.Event()

    def spin():
        started.set()
        while not stop.is_set():
            counter[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    started.wait()
    try:
        before = counter[0]
        total = kernels.mandelbrot(out, -2.0, 1.0, -1.5, 1.5, 300)
        during = counter[0] - before
    finally:
        stop.set()
        thread.join()
    assert total == int(out.sum()) and total > 0
    # With the GIL held for the whole call the other thread could not run
    # a single bytecode between `before` and the end of the call.
    assert during > 1000, f"the other thread advanced only {during} times during the native call"
