"""Self-tests of the array side of the differential harness (no compiler
needed): annotations are read right, drawn layouts are what they claim,
each side gets its own buffers, and a difference in a return value, an
in-place effect (even a stray write next to a view) or an exception is
caught. If these pass vacuously, the array corpus proves nothing."""
from __future__ import annotations

import inspect
import math
import types

import numpy as np
import pytest
from hypothesis import given, settings

import pyxc
from pyxc import f32, f64, i8, u8
from outcomes import Raised, Returned, compare, from_numpy, same_array, same_value
from programs_support import ProgramPair
from scalar_types import (LAYOUTS_ND, ArrayInput, ArrayPlan, ArraySpec, FusedScalar, ReturnSpec,
                          ScalarType, array_input_from, layouts_for, param_type_of)
from test_differential import FunctionUnderTest

F64 = ScalarType("f64")


def test_annotations_are_read():
    assert param_type_of(f64[:]) == ArraySpec(F64, 1, False)
    assert param_type_of(pyxc.i32[:, ::1]) == ArraySpec(ScalarType("i32"), 2, True)
    assert param_type_of(u8[:, :, :, :]) == ArraySpec(ScalarType("u8"), 4, False)
    floating = param_type_of(pyxc.floating[:])
    assert floating.element == FusedScalar("floating", (ScalarType("f32"), F64))
    assert param_type_of(pyxc.floating) == FusedScalar("floating", (ScalarType("f32"), F64))
    namespace = {"pyxc": pyxc, "f64": f64}
    assert param_type_of("bool[:, :]", namespace) == ArraySpec(ScalarType("bool"), 2, False)
    assert param_type_of("f64[::1]", namespace) == ArraySpec(F64, 1, True)
    assert param_type_of("int", namespace) == ScalarType("i64")
    assert param_type_of(int) == ScalarType("i64")


@pytest.mark.parametrize("layout", LAYOUTS_ND)
@pytest.mark.parametrize("shape", [(0, 3), (1, 1), (3, 4), (2, 3, 2), (2, 1, 3, 2)])
def test_layouts_hold_the_logical_values(layout, shape):
    values = tuple(float(v) for v in range(math.prod(shape)))
    recipe = ArrayInput("float64", shape, layout, values)
    view, base = recipe.build()
    assert view.shape == shape
    assert view.ravel(order="C").tolist() == list(values)
    assert np.shares_memory(view, base) or view.size == 0
    big = math.prod(shape) > 1 and shape[0] > 1 and shape[-1] > 1
    if layout in ("C", "offset"):
        assert view.flags.c_contiguous
    if layout == "offset":
        assert base.shape[0] == shape[0] + 2
    if big and layout == "reversed":
        assert all(s < 0 for s in view.strides)
    if big and layout == "strided":
        assert not view.flags.c_contiguous and not view.flags.f_contiguous
    if big and layout == "fortran" or big and layout == "swapped" and shape[1] > 1:
        assert not view.flags.c_contiguous


def test_contiguous_parameters_only_get_contiguous_layouts():
    spec = ArraySpec(F64, 2, True)
    assert set(layouts_for(spec)) == {"C", "offset"}
    assert "fortran" not in layouts_for(ArraySpec(F64, 1, False))


def test_each_build_is_a_fresh_buffer():
    recipe = ArrayInput("int64", (3,), "strided", (1, 2, 3))
    first, _ = recipe.build()
    second, _ = recipe.build()
    first[0] = 100
    assert second[0] == 1 and not np.shares_memory(first, second)


def test_same_array_rules():
    assert same_array(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]))
    assert not same_array(np.array([0.0]), np.array([-0.0]))
    assert not same_array(np.array([1.0]), np.array([1.0], dtype=np.float32))
    assert not same_array(np.zeros((2, 3)), np.zeros((3, 2)))
    assert same_array(np.array([1, 2], dtype=np.uint8), np.array([1, 2], dtype=np.uint8))
    assert same_value(np.array([1.0]), np.array([1.0]))


def test_numpy_scalars_of_cpython_become_python_scalars():
    assert type(from_numpy(np.float32(1.5))) is float
    assert type(from_numpy(np.int8(3))) is int
    assert type(from_numpy(np.bool_(True))) is bool
    assert from_numpy((np.int64(1), np.float64(2.0))) == (1, 2.0)
    i64 = ReturnSpec("scalar", scalar=ScalarType("i64"))
    assert compare(Returned(np.int64(3)), Returned(3), i64, may_overflow=False) is None
    # The compiled side itself must give a Python int, not a NumPy scalar.
    assert compare(Returned(3), Returned(np.int64(3)), i64, may_overflow=False) is not None


def test_explicit_cases_become_recipes():
    spec = ArraySpec(ScalarType("i32"), 2, False)
    recipe = array_input_from([[1, 2], [3, 4]], spec)
    assert recipe == ArrayInput("int32", (2, 2), "C", (1, 2, 3, 4))
    assert array_input_from([], spec).shape == (0, 0)
    assert array_input_from(np.arange(3, dtype=np.uint8), ArraySpec(ScalarType("u8"), 1, False)).dtype == "uint8"


def make_under_test(reference, other, bounds=None):
    module = types.SimpleNamespace(reference=reference, PYXC_TEST_ARGS={"reference": bounds or {}})
    compiled = types.SimpleNamespace(reference=other)
    pair = ProgramPair("fake", ["reference"], compiled, module)
    return FunctionUnderTest(pair, "reference")


def _double(a: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] * 2.0


def _double_but_last(a: f64[:]) -> None:
    for i in range(len(a) - 1):
        a[i] = a[i] * 2.0


def _stray_write(a: f64[:]) -> None:
    _double(a)
    base = a.base if a.base is not None else a
    if base.size > a.size:  # writes next to the view: into a sentinel
        base.reshape(-1)[-1] = 0.0


def _raise_after_one(a: f64[:]) -> None:
    if len(a):
        a[0] = 5.0
        raise ValueError("stop")


def _raise_after_none(a: f64[:]) -> None:
    if len(a):
        raise ValueError("stop")


def _sum(a: f64[:]) -> f64:
    return float(sum(float(x) for x in a))


def _sum_plus(a: f64[:]) -> f64:
    return _sum(a) + 1e-9


@pytest.mark.parametrize(("reference", "other"), [
    (_double, _double_but_last), (_double, _stray_write), (_raise_after_one, _raise_after_none),
    (_sum, _sum_plus),
])
def test_differences_are_caught(reference, other):
    under_test = make_under_test(reference, other, {"a": (1.0, 8.0)})
    cases = under_test.edge_cases()
    assert cases
    failures = 0
    for case in cases:
        try:
            under_test.check(case)
        except AssertionError:
            failures += 1
    assert failures, "no edge case told the two functions apart"


def test_identical_functions_agree_and_sides_do_not_share_buffers():
    seen = []

    def record(a: f64[:]) -> None:
        seen.append(a)
        _double(a)

    under_test = make_under_test(record, record)
    for case in under_test.edge_cases()[:40]:
        seen.clear()
        under_test.check(case)
        assert len(seen) == 2 and (seen[0].size == 0 or not np.shares_memory(seen[0], seen[1]))


# Probes record what they were called with (an assert inside them would
# only be an exception both sides raise alike).
OBSERVED: list = []


def _fused_probe(a: pyxc.floating[:], b: pyxc.floating[:], k: pyxc.floating) -> None:
    OBSERVED.append((a.dtype, b.dtype, k))


def test_fused_parameters_share_one_member():
    under_test = make_under_test(_fused_probe, _fused_probe)
    OBSERVED.clear()
    for case in under_test.edge_cases():
        under_test.check(case)

    @settings(max_examples=60)
    @given(under_test.strategy())
    def draws(args):
        under_test.check(args)

    draws()
    assert {str(a) for a, _, _ in OBSERVED} == {"float32", "float64"}
    for a, b, k in OBSERVED:
        assert a == b
        if a == np.float32 and not math.isnan(k):
            assert k == float(np.float32(k)), "an f32 scalar must be representable in f32"


def _shapes(a: f64[:, :], b: f64[:, :], out: f64[:]) -> None:
    OBSERVED.append((a.shape, b.shape, out.shape))


SHAPES = {"a": {"shape": ("n", "p")}, "b": {"shape": ("p", "m")}, "out": {"shape": ("n",)}}


def test_named_axes_match_across_parameters():
    under_test = make_under_test(_shapes, _shapes, dict(SHAPES, _exact_shapes=True))
    OBSERVED.clear()

    @settings(max_examples=40)
    @given(under_test.strategy())
    def draws(args):
        under_test.check(args)

    draws()
    assert OBSERVED
    for a, b, out in OBSERVED:
        assert a[1] == b[0] and out[0] == a[0]


def test_shapes_sometimes_mismatch_unless_indices_are_unchecked():
    def matched(observed):
        return sum(a[1] == b[0] and out[0] == a[0] for a, b, out in observed)

    under_test = make_under_test(_shapes, _shapes, SHAPES)
    OBSERVED.clear()

    @settings(max_examples=120)
    @given(under_test.strategy())
    def draws(args):
        under_test.check(args)

    draws()
    assert 0 < matched(OBSERVED) < len(OBSERVED), "shapes should mostly, not always, match"
    plan = ArrayPlan(under_test.parameters, under_test.scalars, SHAPES, mismatch=False)
    OBSERVED.clear()

    @settings(max_examples=60)
    @given(plan.strategy())
    def unchecked(args):
        under_test.check(args)

    unchecked()
    assert matched(OBSERVED) == len(OBSERVED)


def test_draws_cover_empty_single_and_layouts():
    plan = ArrayPlan([inspect.Parameter("a", inspect.Parameter.POSITIONAL_OR_KEYWORD)],
                     [ArraySpec(F64, 2, False)], {})
    seen_layouts, sizes = set(), set()

    @settings(max_examples=150)
    @given(plan.strategy())
    def draws(args):
        seen_layouts.add(args[0].layout)
        sizes.add(min(len(args[0].values), 2))

    draws()
    assert seen_layouts == set(LAYOUTS_ND) and sizes == {0, 1, 2}
    edges = plan.edge_cases(1000)
    flat = [v for (recipe,) in edges for v in recipe.values]
    assert any(math.isnan(v) for v in flat) and math.inf in flat and -math.inf in flat
    assert any(v == 0.0 and math.copysign(1.0, v) < 0 for v in flat) and 5e-324 in flat


def test_int_elements_respect_their_dtype():
    plan = ArrayPlan([inspect.Parameter("a", inspect.Parameter.POSITIONAL_OR_KEYWORD)],
                     [ArraySpec(ScalarType("i8"), 1, False)], {})

    @settings(max_examples=60)
    @given(plan.strategy())
    def draws(args):
        args[0].build()  # NumPy 2 refuses out-of-range Python ints
        assert all(-128 <= v <= 127 for v in args[0].values)

    draws()
    assert i8 is pyxc.i8 and f32 is pyxc.f32


def test_raised_outcomes_compare_types_and_messages():
    spec = ReturnSpec("none")
    index = Raised(IndexError, "index 3 is out of bounds for axis 0 with size 3")
    assert compare(index, index, spec, may_overflow=False) is None
    assert compare(index, Raised(IndexError, "index out of range"), spec, may_overflow=False)
    assert compare(index, Raised(ValueError, index.message), spec, may_overflow=False)
