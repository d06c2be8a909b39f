"""The pyxc Python package: markers, the decorator, and the loader that binds
compiled functions from __pyxc__/ (using runtime/example_module.cpp, built
here, as the artifact of runtime/example_module.py)."""
from __future__ import annotations

import importlib.util
import inspect
import itertools
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))
sys.path.insert(0, str(REPO / "test" / "runtime"))

import pyxc  # noqa: E402
from example_build import EXAMPLE_PY, build_example  # noqa: E402
from pyxc import f32, f64, i32, i64, u8  # noqa: E402

_module_names = itertools.count()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    monkeypatch.delenv("PYXC_DISABLE", raising=False)
    monkeypatch.delenv("PYXC_REQUIRE_COMPILED", raising=False)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory) -> Path:
    return build_example(tmp_path_factory.mktemp("built"))


def import_path(path: Path):
    name = f"pyxc_test_module_{next(_module_names)}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_recording(path: Path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = import_path(path)
    fallbacks = [w for w in caught if issubclass(w.category, pyxc.PyxcFallbackWarning)]
    return module, fallbacks


@pytest.fixture
def project(tmp_path, built_example):
    """tmp/example_module.py with its compiled artifact in tmp/__pyxc__/."""
    source = tmp_path / "example_module.py"
    shutil.copy(EXAMPLE_PY, source)
    (tmp_path / "__pyxc__").mkdir()
    shutil.copy(built_example, tmp_path / "__pyxc__" / built_example.name)
    return source


SIMPLE_MODULE = '''
import pyxc

@pyxc.native
def twice(x: int) -> int:
    """Doubles."""
    return 2 * x

@pyxc.native(boundscheck=False)
def thrice(x: int) -> int:
    return 3 * x
'''


# ---- markers -----------------------------------------------------------------

def test_array_markers():
    assert repr(f64[:]) == "pyxc.f64[:]"
    assert repr(f64[:, ::1]) == "pyxc.f64[:, ::1]"
    assert repr(pyxc.u8[::1]) == "pyxc.u8[::1]"
    assert repr(f32[:, :, :]) == "pyxc.f32[:, :, :]"
    assert f64[:, ::1] == pyxc.f64[:, ::1] and f64[:, ::1] != f64[:, :]
    assert (f64[:].ndim, f64[:, ::1].ndim, f64[:, ::1].contiguous) == (1, 2, True)
    assert hash(f64[::1]) == hash(f64[::1])
    assert repr(pyxc.floating[:]) == "pyxc.floating[:]"
    for bad in (lambda: f64[::1, :], lambda: f64[1], lambda: f64[::2], lambda: f64[0:3]):
        with pytest.raises(TypeError):
            bad()


def test_scalar_markers_are_casts():
    assert f32(1.5) == 1.5 and isinstance(f32(1), float)
    assert i32(3.7) == 3 and i64(-3.7) == -3 and isinstance(u8(2.0), int)
    assert repr(i64) == "pyxc.i64"
    names = ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64"]
    assert all(isinstance(getattr(pyxc, n), pyxc.ScalarType) for n in names)


def test_fused_and_misc_exports():
    assert set(pyxc.floating.members) == {f32, f64}
    assert len(pyxc.integer.members) == 8
    assert len(pyxc.numeric.members) == 10
    T = pyxc.fused("T", f32, f64)
    assert T.name == "T" and T.members == (f32, f64)
    with pytest.raises(TypeError):
        pyxc.fused("T", f32)
    assert list(pyxc.prange(2, 10, 3)) == [2, 5, 8]
    assert issubclass(pyxc.PyxcFallbackWarning, UserWarning)
    assert pyxc.__version__ == "0.1.0"
    assert (Path(pyxc.get_include()) / "pyxc" / "runtime.h").is_file()


def test_directives_are_validated():
    with pytest.raises(TypeError, match="unknown directive 'bounds'"):
        pyxc.native(bounds=False)
    with pytest.raises(TypeError, match="True or False"):
        pyxc.native(boundscheck=0)
    with pytest.raises(TypeError):
        pyxc.native(42)
    decorator = pyxc.native(boundscheck=False, wraparound=False, cdivision=True,
                            overflowcheck=False, fastmath=True)
    assert callable(decorator)


# ---- fallback ----------------------------------------------------------------

def test_no_artifact_falls_back_with_one_warning(tmp_path):
    source = tmp_path / "simple.py"
    source.write_text(SIMPLE_MODULE)
    module, fallbacks = import_recording(source)
    assert inspect.isfunction(module.twice) and module.twice.py is module.twice
    assert module.twice(4) == 8 and module.thrice(2) == 6
    assert len(fallbacks) == 1  # once per module, not per function
    message = str(fallbacks[0].message)
    assert "no compiled artifact" in message
    assert f"pyxc build {source}" in message
    assert fallbacks[0].filename == str(source)  # points at the user's module


def test_disable_forces_python(project, monkeypatch):
    monkeypatch.setenv("PYXC_DISABLE", "1")
    module, fallbacks = import_recording(project)
    assert inspect.isfunction(module.add) and module.add.py is module.add
    assert fallbacks == []


def test_require_compiled_raises(tmp_path, monkeypatch):
    monkeypatch.setenv("PYXC_REQUIRE_COMPILED", "1")
    source = tmp_path / "simple.py"
    source.write_text(SIMPLE_MODULE)
    with pytest.raises(ImportError, match="no compiled artifact"):
        import_path(source)


def test_each_import_warns_and_require_compiled_still_raises(tmp_path, monkeypatch):
    source = tmp_path / "simple.py"
    source.write_text(SIMPLE_MODULE)
    assert len(import_recording(source)[1]) == 1
    assert len(import_recording(source)[1]) == 1  # a second import warns again
    monkeypatch.setenv("PYXC_REQUIRE_COMPILED", "1")
    with pytest.raises(ImportError):
        import_path(source)


def test_require_compiled_accepts_a_fresh_artifact(project, monkeypatch):
    monkeypatch.setenv("PYXC_REQUIRE_COMPILED", "1")
    module = import_path(project)
    assert type(module.add).__name__ == "NativeFunction"


def test_broken_artifact_falls_back(tmp_path):
    source = tmp_path / "simple.py"
    source.write_text(SIMPLE_MODULE)
    (tmp_path / "__pyxc__").mkdir()
    (tmp_path / "__pyxc__" / f"simple{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(
        b"not a shared library")
    module, fallbacks = import_recording(source)
    assert module.twice(1) == 2 and len(fallbacks) == 1
    assert "cannot load" in str(fallbacks[0].message)


# ---- binding -----------------------------------------------------------------

def test_fresh_artifact_is_bound(project):
    module, fallbacks = import_recording(project)
    assert fallbacks == []
    python_module = import_python_only(project)
    for name in ["add", "checked_sum", "harmonic", "divmod_", "clamp", "count_down"]:
        native = getattr(module, name)
        reference = getattr(python_module, name)
        assert type(native).__name__ == "NativeFunction", name
        assert native.__name__ == name and native.__qualname__ == name
        assert native.__module__ == module.__name__
        assert native.__doc__ == reference.__doc__
        assert str(inspect.signature(native)) == str(inspect.signature(reference))
        assert native.py.__code__.co_code == reference.__code__.co_code
        assert not hasattr(native, "__wrapped__")
    assert module.add(2, b=0.5) == 2.5
    assert module.divmod_(-7, 2, scale=3) == (-12, 1)
    with pytest.raises(ValueError, match="limit exceeded"):
        module.checked_sum(10, 3)


def test_bound_functions_pickle_by_reference(project):
    import pickle

    module = import_path(project)
    sys.modules[module.__name__] = module
    try:
        assert pickle.loads(pickle.dumps(module.add)) is module.add
    finally:
        del sys.modules[module.__name__]


def import_python_only(path: Path):
    previous = os.environ.get("PYXC_DISABLE")
    os.environ["PYXC_DISABLE"] = "1"
    try:
        return import_path(path)
    finally:
        if previous is None:
            del os.environ["PYXC_DISABLE"]
        else:
            os.environ["PYXC_DISABLE"] = previous


def test_docstring_is_copied(project):
    module = import_path(project)
    assert type(module.add).__name__ == "NativeFunction"
    assert module.add.__doc__ == "Adds an int and a float."
    assert module.harmonic.__doc__ is None


def test_edited_source_is_stale(project):
    text = project.read_text()
    project.write_text(text.replace("s += 1.0 / i", "s += 2.0 / i"))
    module, fallbacks = import_recording(project)
    # One stale function makes the whole artifact stale.
    assert all(inspect.isfunction(getattr(module, n)) for n in ["add", "harmonic", "clamp"])
    assert len(fallbacks) == 1
    assert "stale" in str(fallbacks[0].message) and "harmonic" in str(fallbacks[0].message)
    assert module.harmonic(2) == 3.0


def test_unrelated_edits_keep_the_artifact(project):
    project.write_text("# a comment added after the build\n" + project.read_text() +
                       "\n\ndef helper():\n    return 1\n")
    module, fallbacks = import_recording(project)
    assert fallbacks == [] and type(module.add).__name__ == "NativeFunction"


def test_function_added_after_build_falls_back_alone(project):
    project.write_text(project.read_text() +
                       "\n\n@pyxc.native\ndef new_one(x: int) -> int:\n    return x\n")
    module, fallbacks = import_recording(project)
    assert type(module.add).__name__ == "NativeFunction"
    assert inspect.isfunction(module.new_one) and module.new_one.py is module.new_one
    assert len(fallbacks) == 1 and "new_one" in str(fallbacks[0].message)


def test_unreadable_source_trusts_the_artifact(project):
    code = compile(project.read_text(), str(project), "exec")
    project.unlink()
    namespace = {"__name__": "vanished"}
    with warnings.catch_warnings():
        warnings.simplefilter("error", pyxc.PyxcFallbackWarning)
        exec(code, namespace)
    assert type(namespace["add"]).__name__ == "NativeFunction"


def test_python_dash_m_runs_the_executable(tmp_path):
    fake = tmp_path / "pyxc"
    fake.write_text('#!/bin/sh\necho "args:$*"\necho "python:$PYXC_PYTHON"\nexit 3\n')
    fake.chmod(0o755)
    env = dict(os.environ, PYTHONPATH=str(REPO / "python"), PYXC_EXECUTABLE=str(fake))
    env.pop("PYXC_PYTHON", None)
    result = subprocess.run([sys.executable, "-m", "pyxc", "build", "x y"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 3
    assert "args:build x y" in result.stdout
    assert f"python:{sys.executable}" in result.stdout
