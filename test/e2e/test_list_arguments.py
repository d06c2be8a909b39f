"""The `list[T]` boundary: what a Python caller may pass, what it gets back,
and the errors for everything else (docs/semantics.md, "Lists")."""
from pathlib import Path

import numpy as np
import pytest

from programs_support import build_subject_copy, import_compiled

SUBJECT = Path(__file__).resolve().parent / "subjects" / "list_arguments_subject.py"


@pytest.fixture(scope="module")
def lists(pyxc_bin, tmp_path_factory):
    copy = build_subject_copy(pyxc_bin, SUBJECT, tmp_path_factory.mktemp("list_args"))
    return import_compiled(copy, "list_arguments_subject")


def test_argument_is_copied_in(lists):
    xs = [1, 2, 3]
    assert lists.total(xs) == 6
    assert xs == [1, 2, 3]


def test_returned_list_holds_python_values(lists):
    out = lists.halves([1.0, 3.0])
    assert type(out) is list and out == [0.5, 1.5]
    assert all(type(v) is float for v in out)
    fresh = lists.flags(3)
    assert fresh == [True, False, True] and all(type(v) is bool for v in fresh)
    assert lists.flags(3) is not fresh


def test_numbers_python_converts_are_accepted(lists):
    # int accepts what CPython's `operator.index` accepts; f64 any real number.
    assert lists.total([True, np.int64(4), np.int8(-1)]) == 4
    assert lists.halves([1, np.float32(0.5)]) == [0.5, 0.25]


@pytest.mark.parametrize("bad, message", [
    ([1, "x"], "total() argument 'xs': element 1 must be int, not str"),
    ([1, 2, 1.5], "total() argument 'xs': element 2 must be int, not float"),
    ([None], "total() argument 'xs': element 0 must be int, not NoneType"),
    ((1, 2), "total() argument 'xs' must be list, not tuple"),
    (np.arange(3), "total() argument 'xs' must be list, not numpy.ndarray"),
    (None, "total() argument 'xs' must be list, not NoneType"),
])
def test_wrong_argument_is_a_type_error_naming_parameter_and_element(lists, bad, message):
    with pytest.raises(TypeError) as info:
        lists.total(bad)
    assert str(info.value) == message


def test_float_element_type_error(lists):
    with pytest.raises(TypeError, match=r"halves\(\) argument 'xs': element 1 must be float, not str"):
        lists.halves([1.0, "2"])


def test_out_of_range_element_names_its_index(lists):
    with pytest.raises(OverflowError, match=r"total\(\) argument 'xs\[1\]' is out of range for i64"):
        lists.total([0, 2**63])
    with pytest.raises(OverflowError, match=r"small\(\) argument 'xs\[2\]' is out of range for i32"):
        lists.small([0, 1, -2**31 - 1])
    assert lists.small([2**31 - 1, -2**31]) == 2
