"""The random-program harness checked without a compiler: generated
programs run on the oracle agree with themselves (so the generator only
makes programs CPython runs without NameError/TypeError), and a wrong
"compiled" side is caught and reduced to a small program."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

import random_stats
from differential import OracleAgain, PlainCPython
from program_lists import (ArrayNew, ForList, ListAppend, ListItem, ListLen, ListNew, ListReduce, ListStore,
                           ListTruth)
from program_model import Assign, Bin, Call, Compare, ForRange, Function, If, Index, Lit, Module, Param, Return, Var
from program_tuples import ForZip, Unpack
from program_strategies import modules
from test_random_programs import QUIET, check_module


@pytest.fixture(autouse=True)
def _not_counted():
    """The summary line counts the compiled runs only."""
    saved, raised = dict(random_stats.STATS), dict(random_stats.RAISED)
    yield
    random_stats.STATS.clear()
    random_stats.STATS.update(saved)
    random_stats.RAISED.clear()
    random_stats.RAISED.update(raised)


@settings(max_examples=8, derandomize=True, **QUIET)
@given(module=modules(5, 12))
def test_generated_programs_run_on_the_oracle(module, tmp_path_factory):
    check_module(module, OracleAgain(), tmp_path_factory.mktemp("oracle"), 10)


def test_a_wrong_compiled_side_is_detected_and_reduced(tmp_path):
    square = Function("square", (Param("p0", "i64"),), "i64", (),
                      (Return(Bin("i64", "*", Var("i64", "p0"), Var("i64", "p0"))),))
    with pytest.raises(AssertionError) as failure:
        check_module(Module((square,)), PlainCPython(), tmp_path, 200)
    report = str(failure.value)
    assert "OverflowError" in report and "def square(p0: int) -> int:" in report


@settings(max_examples=3, derandomize=True, **QUIET)
@given(module=modules(10, 20))
def _any_generated_batch_is_caught(module, work_dir, caught):
    try:
        check_module(module, PlainCPython(), work_dir, 30)
    except AssertionError as error:
        caught.append(str(error))


def test_wrong_compiled_side_is_caught_on_generated_programs(tmp_path):
    caught = []
    _any_generated_batch_is_caught(work_dir=tmp_path, caught=caught)
    assert caught, "plain CPython passed for pyxc on every generated batch: the comparison cannot fail"
    # The reducer leaves a short program: the header plus a few lines.
    assert min(len(report.split("--- minimal program ---")[1].split("--- its oracle")[0].splitlines())
               for report in caught) < 30


def test_tuple_statements_render_for_both_sides(tmp_path):
    """Unpack and ForZip: the same targets on both sides; the oracle reads
    array elements through float()/int() (NumPy scalars in CPython), the
    native side only for fused arrays."""
    body = (Unpack(("v0", "v1"), ("i64", "i64"), (Var("i64", "p0"), Lit("i64", 3)), "indexed", "t1"),
            ForZip("i2", 1, ("x3", "x4"), ("a0", "a1"), ("f64_1", "floating_1"), (False, True),
                   (Assign("v0", "i64", Bin("i64", "+", Var("i64", "v0"), Var("i64", "i2"))),)),
            Return(Var("i64", "v0")))
    function = Function("f", (Param("p0", "i64"), Param("a0", "f64_1"), Param("a1", "floating_1")), "i64",
                        (("v0", "i64", Lit("i64", 0)), ("v1", "i64", Lit("i64", 0))), body)
    native = function.source(oracle=False)
    assert "    t1 = (p0, 3)\n    v0, v1 = t1[1], t1[-2]\n" in native
    assert "    for i2, (x3, _item1) in enumerate(zip(a0, reversed(a1)), 1):\n        x4 = float(_item1)\n" in native
    assert "for i2, (_item1, _item2) in enumerate(zip(a0, reversed(a1)), 1):" in function.source(oracle=True)
    check_module(Module((function,)), OracleAgain(), tmp_path, 20)


def test_list_and_allocation_statements_render_for_both_sides(tmp_path):
    """ListNew (display, repeat, comprehensions over range and arrays with
    a filter), appends, stores, `if xs:`, for over a list, sum/min/max/len,
    and np.zeros/np.full/np.arange locals: annotated lists on the native
    side, the oracle's comprehension over `a.tolist()` (Python scalars) and
    its checked int sum."""
    i64, f64 = "i64", "f64"
    body = (ListNew("l1", i64, "display", (Var(i64, "p0"), Lit(i64, 2))),
            ListNew("l2", f64, "repeat", (Lit(f64, 0.5),), Var(i64, "p0")),
            ListNew("l3", f64, "array", (), None, "x4", "a0", Bin(f64, "*", Var(f64, "x4"), Lit(f64, 2.0)),
                    (Compare("bool", (">",), (Var(f64, "x4"), Lit(f64, 0.0))),)),
            ListNew("l5", i64, "range", (), Lit(i64, 4), "i6", "", Var(i64, "i6")),
            ArrayNew("z7", "i64_1", "arange", (Lit(i64, 0), Var(i64, "p0"), Lit(i64, 2))),
            ArrayNew("z8", "f64_1", "full", (Lit(i64, 3), Lit(f64, 1.5))),
            ForRange("i9", (Lit(i64, 3),), (ListAppend("l1", Index(i64, "z7", "i64_1", (Var(i64, "i9"),))),)),
            ListStore("l1", Lit(i64, -1), ListLen(i64, "l3")),
            If(ListTruth("bool", "l3"), (Assign("v0", f64, ListReduce(f64, "max", "l3")),),
               (Assign("v0", f64, ListItem(f64, "l2", Lit(i64, -1))),)),
            ForList("x10", "l5", (Assign("v0", f64, Bin(f64, "+", Var(f64, "v0"), Call(f64, "float", (Var(i64, "x10"),)))),)),
            Return(Bin(f64, "+", Var(f64, "v0"), Call(f64, "float", (ListReduce(i64, "sum", "l1"),)))))
    function = Function("f", (Param("p0", i64), Param("a0", "f64_1")), f64, (("v0", f64, Lit(f64, 0.0)),), body)
    native = function.source(oracle=False)
    assert "    l1: list[int] = [p0, 2]\n    l2: list[float] = [0.5] * p0\n" in native
    assert "    l3: list[float] = [(x4 * 2.0) for x4 in a0 if (x4 > 0.0)]\n" in native
    assert "    l5: list[int] = [i6 for i6 in range(4)]\n    z7 = np.arange(0, p0, 2)\n" in native
    assert "    if l3:\n" in native and "    for x10 in l5:\n" in native and "l1[(-1)] = len(l3)" in native
    oracle = function.source(oracle=True)
    assert "    l3 = [(x4 * 2.0) for x4 in a0.tolist() if (x4 > 0.0)]\n" in oracle
    assert "_sum_i64(l1)" in oracle and "l1.append(int(z7[i9]))" in oracle
    check_module(Module((function,)), OracleAgain(), tmp_path, 30)
