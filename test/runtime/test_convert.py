"""from_py/to_py (convert.h) and call_nogil's exception translation (gil.h),
through test/runtime/convert_module.cpp."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from example_build import build_example  # noqa: E402

LIMITS = {
    "i8": (-(2**7), 2**7 - 1), "i16": (-(2**15), 2**15 - 1), "i32": (-(2**31), 2**31 - 1),
    "i64": (-(2**63), 2**63 - 1), "u8": (0, 2**8 - 1), "u16": (0, 2**16 - 1),
    "u32": (0, 2**32 - 1), "u64": (0, 2**64 - 1),
}


@pytest.fixture(scope="module")
def conv(tmp_path_factory):
    path = build_example(tmp_path_factory.mktemp("convert"), "convert_module",
                         HERE / "convert_module.cpp")
    spec = importlib.util.spec_from_file_location("convert_module", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_integer_ranges(conv, name):
    echo = getattr(conv, f"echo_{name}")
    low, high = LIMITS[name]
    for value in (low, high, 0, 1, low + 1, high - 1, 2**30 if high > 2**30 else 5):
        result = echo(value)
        assert result == value and type(result) is int
    for value in (low - 1, high + 1, 2**64, -(2**64), 2**200):
        with pytest.raises(OverflowError, match=f"echo_{name}\\(\\) argument 'x' is out of range for {name}"):
            echo(value)
    assert echo(True) == 1
    with pytest.raises(TypeError, match=f"echo_{name}\\(\\) argument 'x' must be int, not float"):
        echo(1.0)
    with pytest.raises(TypeError, match="must be int, not NoneType"):
        echo(None)


def test_index_objects(conv):
    class Index:
        def __init__(self, value):
            self.value = value

        def __index__(self):
            return self.value

    assert conv.echo_u8(Index(200)) == 200
    with pytest.raises(OverflowError):
        conv.echo_u8(Index(-1))

    class Broken:
        def __index__(self):
            raise KeyError("from __index__")

    with pytest.raises(KeyError, match="from __index__"):
        conv.echo_i64(Broken())


def test_floats(conv):
    assert conv.echo_f64(1.25) == 1.25
    assert conv.echo_f64(3) == 3.0 and type(conv.echo_f64(3)) is float
    assert conv.echo_f64(True) == 1.0
    assert conv.echo_f32(0.1) == pytest.approx(0.1, rel=1e-7) and conv.echo_f32(0.1) != 0.1
    assert conv.echo_f32(1e300) == float("inf")  # as numpy.float32(1e300)
    with pytest.raises(OverflowError, match=r"echo_f64\(\) argument 'x' is an int too large to convert to float"):
        conv.echo_f64(10**400)
    with pytest.raises(TypeError, match=r"echo_f64\(\) argument 'x' must be float, not str"):
        conv.echo_f64("1.0")

    class Float:
        def __float__(self):
            return 2.5

    assert conv.echo_f64(Float()) == 2.5


def test_bools(conv):
    assert conv.echo_bool(True) is True and conv.echo_bool(False) is False
    for value in (1, 0, 1.0, None, "x"):
        with pytest.raises(TypeError, match=r"echo_bool\(\) argument 'x' must be bool"):
            conv.echo_bool(value)


def test_numpy_scalars(conv):
    numpy = pytest.importorskip("numpy")
    assert conv.echo_bool(numpy.bool_(True)) is True
    assert conv.echo_i8(numpy.int8(-5)) == -5
    assert conv.echo_u64(numpy.uint64(2**64 - 1)) == 2**64 - 1
    assert conv.echo_f32(numpy.float32(0.5)) == 0.5
    assert conv.echo_f64(numpy.float16(0.5)) == 0.5
    with pytest.raises(TypeError):
        conv.echo_i32(numpy.float64(1.0))
    with pytest.raises(OverflowError):
        conv.echo_u8(numpy.int64(-1))


def test_exceptions_from_native_bodies(conv):
    with pytest.raises(KeyError, match="missing"):
        conv.throw_kind(0)
    with pytest.raises(MemoryError):
        conv.throw_kind(1)
    with pytest.raises(RuntimeError, match="boom"):
        conv.throw_kind(2)
    with pytest.raises(UnboundLocalError,
                       match="cannot access local variable 'total' where it is not associated"):
        conv.throw_kind(3)
    with pytest.raises(AssertionError) as info:
        conv.throw_kind(4)
    assert info.value.args == ()
    assert conv.throw_kind(7) == (7, 0.5, True)
