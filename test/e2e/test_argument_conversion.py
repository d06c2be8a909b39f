"""How a compiled function converts the Python objects it is given, for
every scalar parameter type: one table of arguments and, per kind of
parameter (int, float, bool), the expected outcome. docs/semantics.md
("Argument conversion") states the rules and why; in short, an integer
parameter converts like operator.index, a float parameter like float(), a
bool parameter takes only True/False (and NumPy's bool), and a failure is a
TypeError or OverflowError naming the function and the parameter.

The plain-Python fallback runs the same def, which accepts anything (a def
annotated `x: int` returns a str it is given), so the expectations here are
the documented rules, not the fallback's result. Each case is also called
by keyword: keyword arguments go through the same conversion.
"""
from __future__ import annotations

import decimal
import enum
import fractions
import math
import operator
from dataclasses import dataclass
from pathlib import Path

import pytest

from programs_support import build_subject_copy, import_compiled

numpy = pytest.importorskip("numpy")

SUBJECT = Path(__file__).resolve().parent / "subjects" / "conversion_subject.py"

# Declared type -> (kind, lowest and highest value of an integer type, name in messages).
PARAMETERS = {
    "int": ("int", -(2**63), 2**63 - 1, "i64"),
    "i8": ("int", -(2**7), 2**7 - 1, "i8"),
    "i16": ("int", -(2**15), 2**15 - 1, "i16"),
    "i32": ("int", -(2**31), 2**31 - 1, "i32"),
    "i64": ("int", -(2**63), 2**63 - 1, "i64"),
    "u8": ("int", 0, 2**8 - 1, "u8"),
    "u16": ("int", 0, 2**16 - 1, "u16"),
    "u32": ("int", 0, 2**32 - 1, "u32"),
    "u64": ("int", 0, 2**64 - 1, "u64"),
    "float": ("float", None, None, "f64"),
    "f64": ("float", None, None, "f64"),
    "f32": ("float", None, None, "f32"),
    "bool": ("bool", None, None, "bool"),
}


# --- argument objects -----------------------------------------------------

class Index:
    """Has __index__ only (an integer in disguise, like NumPy integers)."""
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return f"Index({self.value!r})"


class IntOnly:
    """Has __int__ only: Python no longer treats that as an integer (range(IntOnly()) fails)."""
    def __int__(self):
        return 7


class FloatLike:
    def __float__(self):
        return 2.5


class BadIndex:
    def __index__(self):
        return "7"


class RaisingIndex:
    def __index__(self):
        raise ZeroDivisionError("from __index__")


class BadFloat:
    def __float__(self):
        return "2.5"


class RaisingFloat:
    def __float__(self):
        raise KeyError("from __float__")


class Color(enum.IntEnum):
    RED = 3


class MyInt(int):
    pass


class MyFloat(float):
    pass


# --- expectations ---------------------------------------------------------

CONVERTS = "converts"   # int params: operator.index (range-checked); float: float(); bool: the value
WRONG_TYPE = "wrong type"  # TypeError "f() argument 'x' must be <kind>, not <type>"


@dataclass(frozen=True)
class Raises:
    error: type
    pattern: str  # a regex; {f} is the function name


OUT_OF_FLOAT = Raises(OverflowError, r"{f}\(\) argument 'x' is an int too large to convert to float")

# label, argument, outcome for an int parameter, for a float one, for a bool one
CASES = [
    ("True", True, CONVERTS, CONVERTS, CONVERTS),
    ("False", False, CONVERTS, CONVERTS, CONVERTS),
    ("zero", 0, CONVERTS, CONVERTS, WRONG_TYPE),
    ("one", 1, CONVERTS, CONVERTS, WRONG_TYPE),
    ("minus-one", -1, CONVERTS, CONVERTS, WRONG_TYPE),
    ("2**53+1", 2**53 + 1, CONVERTS, CONVERTS, WRONG_TYPE),  # float: rounds as float() does
    ("2**64", 2**64, CONVERTS, CONVERTS, WRONG_TYPE),
    ("-2**64", -(2**64), CONVERTS, CONVERTS, WRONG_TYPE),
    ("10**400", 10**400, CONVERTS, OUT_OF_FLOAT, WRONG_TYPE),
    ("-10**400", -(10**400), CONVERTS, OUT_OF_FLOAT, WRONG_TYPE),
    ("float-1.0", 1.0, WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("float-1.5", 1.5, WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("float-neg-zero", -0.0, WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("float-nan", math.nan, WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("float-inf", math.inf, WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("float-1e300", 1e300, WRONG_TYPE, CONVERTS, WRONG_TYPE),  # f32: inf, as numpy.float32(1e300)
    ("int-subclass", MyInt(4), CONVERTS, CONVERTS, WRONG_TYPE),
    ("IntEnum", Color.RED, CONVERTS, CONVERTS, WRONG_TYPE),
    ("float-subclass", MyFloat(1.5), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("__index__", Index(7), CONVERTS, CONVERTS, WRONG_TYPE),
    ("__index__-2**70", Index(2**70), CONVERTS, CONVERTS, WRONG_TYPE),
    ("__index__-10**400", Index(10**400), CONVERTS, OUT_OF_FLOAT, WRONG_TYPE),
    ("__int__-only", IntOnly(), WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("__float__", FloatLike(), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("__index__-returns-str", BadIndex(), Raises(TypeError, r"__index__ returned non-int \(type str\)"),
     Raises(TypeError, r"__index__ returned non-int \(type str\)"), WRONG_TYPE),
    ("__index__-raises", RaisingIndex(), Raises(ZeroDivisionError, "from __index__"),
     Raises(ZeroDivisionError, "from __index__"), WRONG_TYPE),
    ("__float__-returns-str", BadFloat(), WRONG_TYPE, Raises(TypeError, r"__float__ returned non-float"),
     WRONG_TYPE),
    ("__float__-raises", RaisingFloat(), WRONG_TYPE, Raises(KeyError, "from __float__"), WRONG_TYPE),
    ("Fraction", fractions.Fraction(1, 2), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("Decimal", decimal.Decimal("1.5"), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("complex", 1j, WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("None", None, WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("str", "1", WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("bytes", b"1", WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("list", [1], WRONG_TYPE, WRONG_TYPE, WRONG_TYPE),
    ("np.int8", numpy.int8(-5), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.int32", numpy.int32(5), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.int64-max", numpy.int64(2**63 - 1), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.int64-minus-one", numpy.int64(-1), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.uint8", numpy.uint8(200), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.uint64-max", numpy.uint64(2**64 - 1), CONVERTS, CONVERTS, WRONG_TYPE),
    ("np.float64", numpy.float64(2.5), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("np.float32", numpy.float32(0.1), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("np.float16", numpy.float16(0.5), WRONG_TYPE, CONVERTS, WRONG_TYPE),
    ("np.bool-true", numpy.bool_(True), WRONG_TYPE, CONVERTS, CONVERTS),  # no __index__ in NumPy
    ("np.bool-false", numpy.bool_(False), WRONG_TYPE, CONVERTS, CONVERTS),
]


def range_cases():
    """Each integer type at and just past both ends of its range."""
    for declared, (kind, low, high, _) in PARAMETERS.items():
        if kind != "int":
            continue
        for label, value in (("low", low), ("high", high), ("below-low", low - 1), ("above-high", high + 1)):
            yield pytest.param(declared, value, id=f"{declared}-{label}")


def to_f32(value: float) -> float:
    """value rounded to single precision, as numpy.float32(value) (inf beyond its range)."""
    with numpy.errstate(over="ignore"):
        return float(numpy.float32(value))


def expected_outcome(declared: str, argument, rule):
    """("returned", value, type) or ("raised", exception type, regex)."""
    kind, low, high, native = PARAMETERS[declared]
    function = f"take_{declared}"
    if rule == WRONG_TYPE:
        given = type(argument).__name__
        return ("raised", TypeError, rf"{function}\(\) argument 'x' must be {kind}, not (\w+\.)?{given}$")
    if isinstance(rule, Raises):
        return ("raised", rule.error, rule.pattern.format(f=function))
    if kind == "bool":
        return ("returned", bool(argument), bool)
    if kind == "int":
        value = operator.index(argument)
        if low <= value <= high:
            return ("returned", value, int)
        return ("raised", OverflowError, rf"{function}\(\) argument 'x' is out of range for {native}$")
    value = float(argument)
    return ("returned", to_f32(value) if native == "f32" else value, float)


def check(call, expected):
    if expected[0] == "returned":
        result = call()
        _, value, result_type = expected
        assert type(result) is result_type, (result, expected)
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(result)
        else:
            assert result == value and math.copysign(1, result) == math.copysign(1, value), (result, value)
    else:
        _, error, pattern = expected
        with pytest.raises(error, match=pattern):
            call()


@pytest.fixture(scope="module")
def compiled(pyxc_bin, tmp_path_factory):
    directory = tmp_path_factory.mktemp("conversion")
    build_subject_copy(pyxc_bin, SUBJECT, directory)
    return import_compiled(directory / SUBJECT.name, "conversion_subject")


def table():
    for declared, (kind, *_rest) in PARAMETERS.items():
        column = {"int": 2, "float": 3, "bool": 4}[kind]
        for case in CASES:
            yield pytest.param(declared, case[1], case[column], id=f"{declared}-{case[0]}")


@pytest.mark.parametrize(("declared", "argument", "rule"), list(table()))
def test_conversion_table(compiled, declared, argument, rule):
    function = getattr(compiled, f"take_{declared}")
    expected = expected_outcome(declared, argument, rule)
    check(lambda: function(argument), expected)
    check(lambda: function(x=argument), expected)


@pytest.mark.parametrize(("declared", "value"), list(range_cases()))
def test_integer_range_edges(compiled, declared, value):
    function = getattr(compiled, f"take_{declared}")
    expected = expected_outcome(declared, value, CONVERTS)
    check(lambda: function(value), expected)
    check(lambda: function(Index(value)), expected)  # the same check after __index__
    check(lambda: function(x=value), expected)


def test_no_argument_is_converted_by_the_fallback(compiled):
    # Why the table is not compared with the Python def: it takes anything.
    assert compiled.take_int.py("1") == "1" and compiled.take_bool.py(None) is None


# --- keyword arguments, defaults, fused scalars ---------------------------

@pytest.mark.parametrize("call", [
    lambda f: f(1), lambda f: f(-128, 65535), lambda f: f(True, c=2), lambda f: f(a=3, d=True),
    lambda f: f(numpy.int8(2), numpy.uint16(3), c=numpy.float32(0.25), d=numpy.bool_(True)),
    lambda f: f(a=Index(5), b=Index(6), c=Index(2)), lambda f: f(1, b=MyInt(2), c=MyFloat(0.5)),
], ids=["defaults", "range-ends", "bool-and-int-keyword", "keywords", "numpy-scalars", "index-keywords",
        "subclasses"])
def test_keywords_and_defaults_convert_like_positionals(compiled, call):
    converted = call(compiled.mixed)
    # The Python def, given the same values already converted by the rules.
    def as_declared(f):
        return call(lambda a, b=7, *, c=0.5, d=False: f(operator.index(a), operator.index(b), c=float(c),
                                                         d=bool(d)))
    assert converted == as_declared(compiled.mixed.py) and type(converted) is float


@pytest.mark.parametrize(("call", "error", "pattern"), [
    (lambda f: f(128), OverflowError, r"mixed\(\) argument 'a' is out of range for i8"),
    (lambda f: f(a=-129), OverflowError, r"mixed\(\) argument 'a' is out of range for i8"),
    (lambda f: f(1, b=-1), OverflowError, r"mixed\(\) argument 'b' is out of range for u16"),
    (lambda f: f(1, 2**16), OverflowError, r"mixed\(\) argument 'b' is out of range for u16"),
    (lambda f: f(1, b=1.0), TypeError, r"mixed\(\) argument 'b' must be int, not float"),
    (lambda f: f(1, c=None), TypeError, r"mixed\(\) argument 'c' must be float, not NoneType"),
    (lambda f: f(1, c=10**400), OverflowError, r"mixed\(\) argument 'c' is an int too large to convert to float"),
    (lambda f: f(1, d=1), TypeError, r"mixed\(\) argument 'd' must be bool, not int"),
    (lambda f: f(None, d=None), TypeError, r"mixed\(\) argument 'a' must be int, not NoneType"),
], ids=["a-positional", "a-keyword", "b-keyword", "b-positional", "b-float", "c-None", "c-huge-int", "d-int",
        "first-bad-argument-reported"])
def test_keyword_errors_name_the_parameter(compiled, call, error, pattern):
    with pytest.raises(error, match=pattern):
        call(compiled.mixed)


@pytest.mark.parametrize(("argument", "expected"), [
    (1.5, 3.0),
    (numpy.float64(0.1), 0.2),
    (numpy.float32(0.1), float(numpy.float32(0.1) * numpy.float32(2.0))),
], ids=["float-picks-f64", "np.float64-picks-f64", "np.float32-picks-f32"])
def test_fused_scalar_dispatch(compiled, argument, expected):
    for result in (compiled.fused_twice(argument), compiled.fused_twice(x=argument)):
        assert result == expected and type(result) is float


def test_fused_scalar_wrong_type_names_the_parameter(compiled):
    with pytest.raises(TypeError, match=r"fused_twice\(\) argument 'x' must be float, not NoneType"):
        compiled.fused_twice(None)
    with pytest.raises(TypeError, match=r"fused_twice\(\) argument 'x' must be float, not str"):
        compiled.fused_twice(x="1.5")


def test_fused_scalar_int_keeps_double_precision(compiled):
    assert compiled.fused_twice(2**24 + 1) == compiled.fused_twice.py(2**24 + 1)


# --- tuple parameters -----------------------------------------------------
# docs/semantics.md "Tuples": a tuple or a list of the declared length; any
# other type or length is a TypeError naming the function, the parameter
# and both types (SPEC: "Passing a wrong type raises TypeError naming the
# parameter and both types"); items convert by the table above.

@pytest.mark.parametrize(("argument", "expected"), [
    ((1.5, 2), (1.5, 2)),
    ([1.5, 2], (1.5, 2)),
    ((2, True), (2.0, 1)),
    ((numpy.float32(0.5), numpy.int64(-3)), (0.5, -3)),
    ((MyFloat(0.25), Index(9)), (0.25, 9)),
], ids=["tuple", "list", "int-and-bool-items", "numpy-items", "subclass-and-index-items"])
def test_tuple_parameter_converts_each_item(compiled, argument, expected):
    for result in (compiled.take_pair(argument), compiled.take_pair(t=argument)):
        assert result == expected and type(result) is tuple
        assert [type(v) for v in result] == [float, int]


@pytest.mark.parametrize(("call", "error", "pattern"), [
    (lambda m: m.take_pair((1.0,)), TypeError,
     r"take_pair\(\) argument 't' must be tuple\[f64, i64\] \(2 elements\), not a tuple of 1 element$"),
    (lambda m: m.take_pair(t=(1.0, 2, 3)), TypeError,
     r"take_pair\(\) argument 't' must be tuple\[f64, i64\] \(2 elements\), not a tuple of 3 elements$"),
    (lambda m: m.take_pair([]), TypeError,
     r"take_pair\(\) argument 't' must be tuple\[f64, i64\] \(2 elements\), not a list of 0 elements$"),
    (lambda m: m.take_pair(None), TypeError, r"take_pair\(\) argument 't' must be tuple\[f64, i64\], not NoneType$"),
    (lambda m: m.take_pair(1.5), TypeError, r"take_pair\(\) argument 't' must be tuple\[f64, i64\], not float$"),
    (lambda m: m.take_pair(iter((1.0, 2))), TypeError,
     r"take_pair\(\) argument 't' must be tuple\[f64, i64\], not tuple_iterator$"),
    (lambda m: m.take_pair(numpy.array([1.0, 2.0])), TypeError,
     r"take_pair\(\) argument 't' must be tuple\[f64, i64\], not numpy.ndarray$"),
    (lambda m: m.take_pair((1.0, 2.0)), TypeError, r"take_pair\(\) argument 't' must be int, not float$"),
    (lambda m: m.take_pair(("1", 2)), TypeError, r"take_pair\(\) argument 't' must be float, not str$"),
    (lambda m: m.take_pair((1.0, 2**63)), OverflowError, r"take_pair\(\) argument 't' is out of range for i64$"),
    (lambda m: m.take_nested((True, (1, 2.0, 3))), TypeError,
     r"take_nested\(\) argument 't' must be tuple\[u8, f32\] \(2 elements\), not a tuple of 3 elements$"),
    (lambda m: m.take_nested((1, (1, 2.0))), TypeError, r"take_nested\(\) argument 't' must be bool, not int$"),
    (lambda m: m.take_nested((True, (256, 2.0))), OverflowError,
     r"take_nested\(\) argument 't' is out of range for u8$"),
    (lambda m: m.fused_with_pair(1.5, (1, 2, 3)), TypeError,
     r"fused_with_pair\(\) argument 't' must be tuple\[i64, i64\] \(2 elements\), not a tuple of 3 elements$"),
    (lambda m: m.fused_with_pair(numpy.float32(1.5), t=("a", 2)), TypeError,
     r"fused_with_pair\(\) argument 't' must be int, not str$"),
], ids=["too-short", "too-long-keyword", "empty-list", "None", "float", "iterator", "ndarray", "float-for-int-item",
        "str-item", "item-out-of-range", "nested-too-long", "nested-int-for-bool", "nested-out-of-range",
        "fused-function-wrong-length", "fused-function-wrong-item"])
def test_tuple_parameter_errors_name_the_parameter(compiled, call, error, pattern):
    with pytest.raises(error, match=pattern):
        call(compiled)


def test_tuple_parameters_nested_and_fused(compiled):
    assert compiled.take_nested((numpy.bool_(True), [255, 0.1])) == (True, (255, float(numpy.float32(0.1))))
    assert compiled.fused_with_pair(1.5, (5, 2)) == 4.5
    result = compiled.fused_with_pair(numpy.float32(0.1), [5, 2])
    assert result == float(numpy.float32(0.1) * numpy.float32(3)) and type(result) is float
