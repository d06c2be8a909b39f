"""Tests of the differential harness itself (no compiler needed): the
comparison rules must reject what they should, or the corpus proves nothing."""
import math

import pytest

from outcomes import Raised, Returned, compare, same_value
from programs_support import native_function_names
from scalar_types import ReturnSpec, ScalarType, bounded_edges, int_edges

I64 = ReturnSpec("scalar", scalar=ScalarType("i64"))
I32 = ReturnSpec("scalar", scalar=ScalarType("i32"))
F64 = ReturnSpec("scalar", scalar=ScalarType("f64"))
F32 = ReturnSpec("scalar", scalar=ScalarType("f32"))
BOOL = ReturnSpec("scalar", scalar=ScalarType("bool"))


@pytest.mark.parametrize(("a", "b", "equal"), [
    (1, 1, True), (1, 1.0, False), (True, 1, False), (0.0, -0.0, False), (-0.0, -0.0, True),
    (math.nan, math.nan, True), (math.nan, 1.0, False), (math.inf, math.inf, True),
    ((1, 2.0), (1, 2.0), True), ((1, 2.0), (1, 2), False), ((1,), (1, 2), False),
    (0.1 + 0.2, 0.3, False),
])
def test_same_value(a, b, equal):
    assert same_value(a, b) is equal


def test_value_mismatch_is_reported():
    assert compare(Returned(3), Returned(4), I64, may_overflow=False) is not None


def test_exception_type_and_message():
    zero = Raised(ZeroDivisionError, "integer division or modulo by zero")
    assert compare(zero, zero, I64, may_overflow=False) is None
    assert compare(zero, Raised(ZeroDivisionError, "division by zero"), I64, may_overflow=False)
    assert compare(zero, Raised(ValueError, "integer division or modulo by zero"), I64, may_overflow=False)
    assert compare(zero, Returned(0), I64, may_overflow=False)


def test_int64_overflow_must_raise():
    too_big = Returned(2**63)
    assert compare(too_big, Raised(OverflowError, "x"), I64, may_overflow=False) is None
    assert compare(too_big, Returned(-2**63), I64, may_overflow=False) is not None
    assert compare(Returned(2**31), Raised(OverflowError, ""), I32, may_overflow=False) is None
    assert compare(Returned(2**31 - 1), Raised(OverflowError, ""), I32, may_overflow=False) is not None


def test_may_overflow_only_excuses_overflow():
    assert compare(Returned(5), Raised(OverflowError, ""), I64, may_overflow=True) is None
    assert compare(Returned(5), Raised(ValueError, ""), I64, may_overflow=True) is not None
    assert compare(Returned(5), Returned(6), I64, may_overflow=True) is not None


def test_return_conversion_to_declared_type():
    assert compare(Returned(1), Returned(1.0), F64, may_overflow=False) is None
    assert compare(Returned(True), Returned(1), I64, may_overflow=False) is None
    assert compare(Returned(True), Returned(True), BOOL, may_overflow=False) is None
    assert compare(Returned(0.1), Returned(0.10000000149011612), F32, may_overflow=False) is None
    assert compare(Returned(0.1), Returned(0.1), F32, may_overflow=False) is not None


def test_negative_int_power_and_complex_power():
    assert compare(Returned(0.5), Raised(ValueError, "m"), I64, may_overflow=False) is None
    assert compare(Returned(0.5), Returned(0), I64, may_overflow=False) is not None
    assert compare(Returned(1 + 2j), Raised(ValueError, "m"), F64, may_overflow=False) is None
    assert compare(Returned(1 + 2j), Returned(math.nan), F64, may_overflow=False) is not None


def test_pure_mode_compares_raw():
    assert compare(Returned(2**70), Returned(2**70), I64, may_overflow=False, native_rules=False) is None


def test_native_function_names_reads_all_decorator_forms():
    source = (
        "import pyxc\nfrom pyxc import native\n"
        "@pyxc.native\ndef a(x: int) -> int: return x\n"
        "@pyxc.native(boundscheck=False)\ndef b(x: int) -> int: return x\n"
        "@native\ndef c(x: int) -> int: return x\n"
        "def d(x): return x\n")
    assert native_function_names(source) == ["a", "b", "c"]


def test_edges_respect_bounds_and_type():
    assert all(-2**7 <= v < 2**7 for v in int_edges("i8"))
    assert min(int_edges("u64")) == 0 and max(int_edges("u64")) == 2**64 - 1
    assert bounded_edges(ScalarType("i64"), (0, 30)) == sorted(set(bounded_edges(ScalarType("i64"), (0, 30))))
    assert all(0 <= v <= 30 for v in bounded_edges(ScalarType("i64"), (0, 30)))


def test_complex_exponentiation_overflow():
    cpython = Raised(OverflowError, "complex exponentiation")
    assert compare(cpython, Raised(ValueError, "x"), F64, may_overflow=False) is None
    assert compare(cpython, Returned(math.inf), F64, may_overflow=False) is not None


def test_wrapping_functions_compare_modulo_2_64():
    assert compare(Returned(2**63), Returned(-2**63), I64, may_overflow=False, wraps=True) is None
    assert compare(Returned(2**64 + 5), Returned(5), I64, may_overflow=False, wraps=True) is None
    assert compare(Returned(2**63), Raised(OverflowError, ""), I64, may_overflow=False, wraps=True)
    assert compare(Returned(2**31), Returned(-2**31), I32, may_overflow=False, wraps=True) is None
