"""The calling convention of compiled functions: arguments, errors,
metadata, the GIL, and the import-time fallback rules (SPEC.md §1, §2)."""
from __future__ import annotations

import inspect
import shutil
import threading
import time
import uuid
import warnings
from pathlib import Path

import pytest

from programs_support import (build_subject_copy, artifact_path, import_compiled, import_cpython,
                              import_module_from)

SUBJECT = Path(__file__).resolve().parent / "subjects" / "binding_subject.py"


@pytest.fixture(scope="session")
def built_subject_dir(pyxc_bin, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("binding")
    build_subject_copy(pyxc_bin, SUBJECT, directory)
    return directory


@pytest.fixture()
def fresh_copy(built_subject_dir, tmp_path) -> Path:
    """A copy of the built subject (source and __pyxc__/) that a test may change."""
    target = tmp_path / "copy"
    shutil.copytree(built_subject_dir, target)
    return target / SUBJECT.name


@pytest.fixture(scope="session")
def compiled(built_subject_dir):
    return import_compiled(built_subject_dir / SUBJECT.name, "binding_subject")


@pytest.fixture(scope="session")
def cpython(built_subject_dir):
    return import_cpython(built_subject_dir / SUBJECT.name, "binding_subject__cpython")


def unique_name() -> str:
    return f"binding_subject_{uuid.uuid4().hex[:8]}"


def outcome(call):
    try:
        return ("returned", call())
    except Exception as error:
        return ("raised", type(error), str(error))


def is_compiled(function) -> bool:
    return not inspect.isfunction(function) and callable(getattr(function, "py", None))


# --- arguments -----------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda f: f(1), lambda f: f(1, 2), lambda f: f(1, 2, 4.0), lambda f: f(a=5),
    lambda f: f(1, c=2.0), lambda f: f(c=-1.0, b=7, a=2), lambda f: f(True),
    lambda f: f(1, 2, 3),  # an int for a float parameter is converted
], ids=["positional", "two", "three", "keyword-only-a", "skip-b", "all-keywords-reordered",
        "bool-for-int", "int-for-float"])
def test_arguments_bind_like_python(compiled, call):
    assert is_compiled(compiled.weighted)
    assert outcome(lambda: call(compiled.weighted)) == outcome(lambda: call(compiled.weighted.py))


@pytest.mark.parametrize("call", [
    lambda f: f(), lambda f: f(1, 2, 3, 4), lambda f: f(1, a=2), lambda f: f(1, d=3),
    lambda f: f(b=2), lambda f: f(1, 2, b=3),
], ids=["missing", "too-many", "duplicate", "unexpected-keyword", "missing-with-keyword",
        "duplicate-positional-keyword"])
def test_arity_errors_match_cpython_messages(compiled, call):
    expected = outcome(lambda: call(compiled.weighted.py))
    assert expected[0] == "raised" and expected[1] is TypeError
    assert outcome(lambda: call(compiled.weighted)) == expected


@pytest.mark.parametrize(("call", "parameter", "given"), [
    (lambda m: m.weighted("x"), "a", "str"),
    (lambda m: m.weighted(1.5), "a", "float"),
    (lambda m: m.weighted(1, None), "b", "NoneType"),
    (lambda m: m.weighted(1, 2, "0.5"), "c", "str"),
    (lambda m: m.flag_value(1, 2.0), "p", "int"),
    (lambda m: m.flag_value(True, [1.0]), "x", "list"),
])
def test_wrong_type_names_the_parameter(compiled, call, parameter, given):
    with pytest.raises(TypeError) as raised:
        call(compiled)
    message = str(raised.value)
    assert f"'{parameter}'" in message and given in message, message


def test_out_of_range_int_is_overflow(compiled):
    with pytest.raises(OverflowError):
        compiled.weighted(2**63)
    assert compiled.weighted(2**63 - 1, 0) == float(2**63 - 1)


def test_index_objects_are_accepted(compiled):
    class Index:
        def __index__(self):
            return 4
    assert compiled.weighted(Index()) == compiled.weighted.py(4)


# --- metadata --------------------------------------------------------------

@pytest.mark.parametrize("attribute", ["__name__", "__qualname__", "__doc__", "__module__"])
def test_metadata_copied_from_def(compiled, attribute):
    assert getattr(compiled.weighted, attribute) == getattr(compiled.weighted.py, attribute)


def test_signature_equals_python_def(compiled, cpython):
    assert inspect.signature(compiled.weighted) == inspect.signature(cpython.weighted)
    assert inspect.signature(compiled.spin) == inspect.signature(cpython.spin)


def test_py_is_the_original_function(compiled):
    original = compiled.weighted.py
    assert inspect.isfunction(original)
    assert original.__code__.co_name == "weighted"
    assert original(2, 4, 0.25) == 3.0


def test_plain_python_callers_use_the_compiled_function(compiled):
    assert compiled.plain_caller(1000) == compiled.spin.py(1000) + 1


# --- the GIL -----------------------------------------------------------------

def loop_iterations_per_second() -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < 0.1:
        count += 1
    return count / (time.perf_counter() - start)


def main_thread_share(long_call) -> tuple[float, float]:
    """Runs `long_call` in a thread and counts the main thread's loop
    iterations meanwhile; returns (iterations / what a free main thread
    would do in that time, seconds the call took)."""
    rate = loop_iterations_per_second()
    started = threading.Event()
    window = {}

    def worker():
        started.set()
        t0 = time.perf_counter()
        long_call()
        window["seconds"] = time.perf_counter() - t0

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    progressed = 0
    while thread.is_alive():
        progressed += 1
    thread.join()
    return progressed / (rate * window["seconds"]), window["seconds"]


# With the GIL held for a whole call the main thread runs only until the
# worker enters native code (about one 5 ms switch interval); released, it
# runs at its normal rate on a free core. 5% leaves room for a loaded
# machine (~50 ms of progress, ten switch intervals).
GIL_FREE_SHARE = 0.05


def test_gil_probe_detects_a_gil_holder():
    # sum() over a range is a C loop that never releases the GIL: the probe
    # must see (almost) no progress, or the test below proves nothing.
    share, seconds = main_thread_share(lambda: sum(range(20_000_000)))
    assert seconds > 0.2
    assert share < GIL_FREE_SHARE, f"probe saw {share:.1%} progress beside a GIL holder"


def test_gil_released_during_native_loop(compiled):
    n = 1_000_000
    start = time.perf_counter()
    compiled.spin(n)
    per_iteration = (time.perf_counter() - start) / n
    n = int(0.6 / max(per_iteration, 1e-10))  # about 0.6 s of native work
    share, seconds = main_thread_share(lambda: compiled.spin(n))
    assert seconds > 0.2, "the native loop was too short to tell"
    assert share > GIL_FREE_SHARE, (
        f"the main thread ran at {share:.1%} of its free rate during {seconds:.2f}s of native work: "
        "the GIL was not released")


# --- fallback and environment switches -------------------------------------

def import_collecting_warnings(path: Path, **env):
    import pyxc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = import_module_from(path, unique_name(), **env)
    fallbacks = [w for w in caught if issubclass(w.category, pyxc.PyxcFallbackWarning)]
    return module, fallbacks


def test_fresh_artifact_is_used_without_warning(fresh_copy):
    module, fallbacks = import_collecting_warnings(fresh_copy)
    assert is_compiled(module.weighted) and is_compiled(module.spin)
    assert fallbacks == []


def test_missing_artifact_falls_back_and_warns_once(fresh_copy):
    artifact_path(fresh_copy).unlink()
    module, fallbacks = import_collecting_warnings(fresh_copy)
    assert inspect.isfunction(module.weighted) and inspect.isfunction(module.spin)
    assert module.weighted(1) == 2.5
    assert len(fallbacks) == 1, [str(w.message) for w in fallbacks]


def test_missing_artifact_with_require_compiled_is_import_error(fresh_copy):
    artifact_path(fresh_copy).unlink()
    with pytest.raises(ImportError):
        import_module_from(fresh_copy, unique_name(), PYXC_REQUIRE_COMPILED="1")


def test_stale_artifact_falls_back_to_the_new_source(fresh_copy):
    source = fresh_copy.read_text()
    changed = source.replace("return a + b * c", "return a - b * c")
    assert changed != source
    fresh_copy.write_text(changed)
    module, fallbacks = import_collecting_warnings(fresh_copy)
    assert inspect.isfunction(module.weighted), "a stale artifact was used"
    # One stale function makes the whole artifact stale (compiled functions
    # call each other directly).
    assert inspect.isfunction(module.spin)
    assert module.weighted(1) == -0.5
    assert len(fallbacks) == 1


def test_stale_artifact_with_require_compiled_is_import_error(fresh_copy):
    fresh_copy.write_text(fresh_copy.read_text().replace("return a + b * c", "return a - b * c"))
    with pytest.raises(ImportError):
        import_module_from(fresh_copy, unique_name(), PYXC_REQUIRE_COMPILED="1")


def test_unrelated_edit_keeps_artifact_fresh(fresh_copy):
    fresh_copy.write_text(fresh_copy.read_text() + "\n\ndef added_later(x):\n    return x\n")
    module, fallbacks = import_collecting_warnings(fresh_copy)
    assert is_compiled(module.weighted) and fallbacks == []


def test_disable_forces_python_without_warning(fresh_copy):
    module, fallbacks = import_collecting_warnings(fresh_copy, PYXC_DISABLE="1")
    assert inspect.isfunction(module.weighted) and inspect.isfunction(module.spin)
    assert fallbacks == []
