"""The PEP 517/660 backend `pyxc.build`, its hooks called from the checkout
(the frontends, in fresh virtual environments, are test_build_frontends.py):
the wheel's contents and metadata, RECORD, reproducibility, the sdist
rebuilding the same wheel, stubs that mypy accepts, editable installs with
rebuild on import, and errors without tracebacks."""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from packaging_support import CHECK_COMPILED, REPO, backend_hook, copy_example, run, wheel_members

EXT = __import__("importlib.machinery").machinery.EXTENSION_SUFFIXES[0]
EPOCH = "1700000000"


@pytest.fixture
def project(tmp_path):
    return copy_example(tmp_path / "project")


@pytest.fixture
def cache_env(tmp_path_factory):
    return {"PYXC_CACHE_DIR": str(tmp_path_factory.getbasetemp() / "backend-cache"), "SOURCE_DATE_EPOCH": EPOCH}


def build(project, pyxc_bin, cache_env, out, hook="build_wheel", *extra) -> Path:
    name = backend_hook(project, pyxc_bin, hook, str(out), *extra, env=cache_env).stdout.strip().splitlines()[-1]
    return out / name


def test_wheel_contents_metadata_and_record(project, pyxc_bin, cache_env, tmp_path):
    wheel = build(project, pyxc_bin, cache_env, tmp_path / "dist")
    # CPython's tag for this interpreter, and the plain platform (never a
    # manylinux claim, which only auditwheel can check).
    python = f"cp{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    assert wheel.name == f"pyxc_example_packaged-1.0.0-{python}-{python}-{platform}.whl"
    members = wheel_members(wheel)
    info = "pyxc_example_packaged-1.0.0.dist-info"
    assert set(members) == {
        "fastkernels/__init__.py", "fastkernels/cli.py", "fastkernels/kernels.py", "fastkernels/stats.py",
        "fastkernels/py.typed", "fastkernels/kernels.pyi", "fastkernels/stats.pyi",
        f"fastkernels/__pyxc__/kernels{EXT}", f"fastkernels/__pyxc__/stats{EXT}",
        f"{info}/METADATA", f"{info}/WHEEL", f"{info}/entry_points.txt", f"{info}/RECORD"}
    metadata = members[f"{info}/METADATA"].decode()
    for line in ("Name: pyxc-example-packaged", "Version: 1.0.0", "Requires-Dist: pyxc>=0.1.0", "Requires-Python: >=3.9",
                 "License: Apache-2.0", "Description-Content-Type: text/markdown"):
        assert line in metadata.splitlines(), line
    wheel_file = members[f"{info}/WHEEL"].decode()
    assert "Root-Is-Purelib: false" in wheel_file
    assert f"Tag: {wheel.name.split('-', 2)[2][:-4]}" in wheel_file
    assert "fastkernels-demo = fastkernels.cli:main" in members[f"{info}/entry_points.txt"].decode()
    record = members[f"{info}/RECORD"].decode().splitlines()
    assert record[-1] == f"{info}/RECORD,,"
    for line in record[:-1]:
        name, digest, size = line.rsplit(",", 2)
        data = members[name]
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert int(size) == len(data)
    assert len(record) == len(members)
    # The archive order puts .dist-info last and RECORD at the very end.
    assert zipfile.ZipFile(wheel).namelist()[-1] == f"{info}/RECORD"


def test_unpacked_wheel_runs_compiled(project, pyxc_bin, cache_env, tmp_path):
    wheel = build(project, pyxc_bin, cache_env, tmp_path / "dist")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = dict(os.environ, PYXC_REQUIRE_COMPILED="1", PYTHONPATH=f"{site}{os.pathsep}{REPO / 'python'}")
    assert "compiled" in run([sys.executable, "-c", CHECK_COMPILED], cwd=tmp_path, env=env).stdout


def test_wheel_is_reproducible_and_the_sdist_rebuilds_it(project, pyxc_bin, cache_env, tmp_path):
    first = build(project, pyxc_bin, cache_env, tmp_path / "a")
    # Compiled again from nothing (an empty cache): the compiler is deterministic too.
    uncached = build(project, pyxc_bin, dict(cache_env, PYXC_CACHE_DIR=str(tmp_path / "empty")), tmp_path / "b")
    assert first.read_bytes() == uncached.read_bytes()
    stamps = {info.date_time for info in zipfile.ZipFile(first).infolist()}
    assert stamps == {time.gmtime(int(EPOCH))[:6]}
    sdist = build(project, pyxc_bin, cache_env, tmp_path / "sdist", "build_sdist")
    assert sdist.name == "pyxc_example_packaged-1.0.0.tar.gz"
    assert sdist.read_bytes() == build(project, pyxc_bin, cache_env, tmp_path / "sdist2", "build_sdist").read_bytes()
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        assert "pyxc_example_packaged-1.0.0/PKG-INFO" in names
        assert "pyxc_example_packaged-1.0.0/src/fastkernels/kernels.py" in names
        assert not [n for n in names if "__pyxc__" in n or n.endswith(".so")]
        tar.extractall(tmp_path / "unpacked")
    from_sdist = build(tmp_path / "unpacked" / "pyxc_example_packaged-1.0.0", pyxc_bin,
                       dict(cache_env, PYXC_CACHE_DIR=str(tmp_path / "fresh-cache")), tmp_path / "c")
    assert from_sdist.read_bytes() == first.read_bytes()
    other_epoch = build(project, pyxc_bin, dict(cache_env, SOURCE_DATE_EPOCH="1710000000"), tmp_path / "d")
    assert other_epoch.read_bytes() != first.read_bytes()


def test_stubs_in_the_wheel_satisfy_mypy(project, pyxc_bin, cache_env, tmp_path):
    pytest.importorskip("mypy")
    wheel = build(project, pyxc_bin, cache_env, tmp_path / "dist")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    (tmp_path / "good.py").write_text(
        "from fastkernels.kernels import count_primes, harmonic, describe\n"
        "from fastkernels.stats import mean_of_squares\n"
        "a: int = count_primes(10)\nb: float = harmonic(10, scale=2.0)\n"
        "c: float = mean_of_squares(3, offset=1.0)\nd = describe(3)\n"
        # .aio: the same arguments, an asyncio.Future of the result that
        # asyncio's combinators take; .py: the Python function.
        "import asyncio\n"
        "async def main() -> None:\n"
        "    e: int = await count_primes.aio(10)\n"
        "    f: tuple[float, int] = await asyncio.gather(mean_of_squares.aio(3, offset=1.0), count_primes.aio(3))\n"
        "    g: asyncio.Future[float] = asyncio.ensure_future(harmonic.aio(10, scale=2.0))\n"
        "    h: float = harmonic.py(10) + await g\n"
        "    reveal_type(count_primes.aio(10))\n"
        "    reveal_type(await mean_of_squares.aio(3))\n"
        "    reveal_type(harmonic.py)\n"
        "    n: str = count_primes.__name__\n")
    (tmp_path / "bad.py").write_text(
        "from fastkernels.kernels import count_primes, harmonic\nfrom fastkernels.stats import mean_of_squares\n"
        "x: str = count_primes(10)\nmean_of_squares(3, 1.0)\n"
        "async def main() -> None:\n"
        "    y: str = await count_primes.aio(10)\n"
        "    harmonic.aio('ten')\n"
        "    mean_of_squares.aio(3, 1.0)\n"
        "    harmonic.py(1, scale='x')\n")
    env = dict(os.environ, MYPYPATH="", PYTHONPATH="")
    mypy = [sys.executable, "-m", "mypy", "--no-incremental", "--python-executable", sys.executable]
    ok = run([*mypy, "--strict", "--no-site-packages", "good.py"], cwd=tmp_path,
             env=dict(env, MYPYPATH=str(site)))
    assert "Success" in ok.stdout
    revealed = [line.split("Revealed type is ")[1] for line in ok.stdout.splitlines() if "Revealed type" in line]
    assert revealed == ['"_asyncio.Future[int]"', '"float"',
                        '"def (n: int, scale: float =) -> float"']
    bad = run([*mypy, "--no-site-packages", "bad.py"], cwd=tmp_path, env=dict(env, MYPYPATH=str(site)), check=False)
    assert bad.returncode == 1
    errors = {line.split(":")[1] for line in bad.stdout.splitlines() if ": error:" in line}
    assert errors == {"3", "4", "6", "7", "8", "9"}, bad.stdout
    assert 'variable has type "str"' in bad.stdout and "Too many positional arguments" in bad.stdout
    assert 'Argument 1 to "aio" of "_harmonic_native" has incompatible type "str"; expected "int"' in bad.stdout
    assert 'Too many positional arguments for "aio" of "_mean_of_squares_native"' in bad.stdout


def test_editable_compiles_in_place_and_rebuilds_on_import(project, pyxc_bin, cache_env, tmp_path):
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "rebuild-on-import = true\n")
    wheel = build(project, pyxc_bin, cache_env, tmp_path / "dist", "build_editable")
    members = wheel_members(wheel)
    (pth,) = [n for n in members if n.endswith(".pth")]
    assert members[pth].decode().strip() == str(project / "src")
    assert not [n for n in members if n.startswith("fastkernels/")]  # the checkout is used, not copies
    package = project / "src" / "fastkernels"
    assert (package / "__pyxc__" / f"kernels{EXT}").is_file()
    assert (package / "__pyxc__" / "rebuild.json").is_file()
    env = dict(os.environ, PYXC_REQUIRE_COMPILED="1", PYXC_EXECUTABLE=pyxc_bin, **cache_env,
               PYTHONPATH=f"{project / 'src'}{os.pathsep}{REPO / 'python'}")
    assert "compiled" in run([sys.executable, "-c", CHECK_COMPILED], cwd=tmp_path, env=env).stdout
    kernels = package / "kernels.py"
    kernels.write_text(kernels.read_text().replace("s += scale / i", "s += 2 * scale / i"))
    check = "import fastkernels.kernels as k; print(type(k.harmonic).__name__, k.harmonic(1))"
    assert run([sys.executable, "-c", check], cwd=tmp_path, env=env).stdout.split() == ["NativeFunction", "2.0"]
    # Without the request, a stale module falls back (and is an error under REQUIRE_COMPILED).
    (package / "__pyxc__" / "rebuild.json").unlink()
    kernels.write_text(kernels.read_text().replace("2 * scale", "3 * scale"))
    stale = run([sys.executable, "-c", check], cwd=tmp_path, env=env, check=False)
    assert stale.returncode != 0 and "stale" in stale.stderr
    assert run([sys.executable, "-c", check], cwd=tmp_path, env=dict(env, PYXC_REBUILD="1")).stdout.split() == \
        ["NativeFunction", "3.0"]


def test_metadata_hook_and_requires(project, pyxc_bin, cache_env, tmp_path):
    name = build(project, pyxc_bin, cache_env, tmp_path / "meta", "prepare_metadata_for_build_wheel")
    assert name.name == "pyxc_example_packaged-1.0.0.dist-info"
    assert (name / "METADATA").read_text().startswith("Metadata-Version:")
    assert backend_hook(project, pyxc_bin, "get_requires_for_build_wheel").stdout.strip() == "[]"


@pytest.mark.parametrize("edit, message", [
    (("[tool.pyxc]", "[tool.pyxc]\nfrobnicate = 1"), "[tool.pyxc] has an unknown key 'frobnicate'"),
    (("opt-level = 3", "opt-level = 9"), "[tool.pyxc] opt-level must be 0..3"),
    (('version = "1.0.0"', 'version = "not a version"'), "version"),
    (('packages = ["src/fastkernels"]', 'packages = ["src/missing"]'), "src/missing does not exist"),
])
def test_config_errors_are_one_line_not_a_traceback(project, pyxc_bin, cache_env, tmp_path, edit, message):
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace(*edit))
    result = backend_hook(project, pyxc_bin, "build_wheel", str(tmp_path), env=cache_env, check=False)
    assert result.returncode == 1
    assert "pyxc.build: error:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_module_the_compiler_rejects_fails_the_build_with_diagnostics(project, pyxc_bin, cache_env, tmp_path):
    (project / "src" / "fastkernels" / "broken.py").write_text(
        "import pyxc\n\n@pyxc.native\ndef f(x: int) -> int:\n    return undefined_name\n")
    result = backend_hook(project, pyxc_bin, "build_wheel", str(tmp_path), env=cache_env, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "broken.py:5:" in result.stderr and "pyxc.build: error:" in result.stderr


def test_pyxc_cache_key_names_exactly_the_entries_a_wheel_build_makes(project, pyxc_bin, tmp_path):
    """What CI keys its cache on (`pyxc cache key src`, run in the project)
    predicts the backend's cache entries, one per compiled module."""
    cache = tmp_path / "cache"
    build(project, pyxc_bin, {"PYXC_CACHE_DIR": str(cache)}, tmp_path / "dist")
    entries = {p.name for p in (cache / "v1").rglob("*") if p.is_file() and not p.name.startswith(".")}
    listed = run([pyxc_bin, "cache", "key", "-v", "--python", sys.executable, "src"], cwd=project,
                 env=dict(os.environ, PYXC_CACHE_DIR=str(cache)))
    module_keys = {line.split()[0] for line in listed.stderr.splitlines() if line.endswith(".py")}
    assert len(entries) == 2 and module_keys == entries


@pytest.mark.parametrize("python_version", ["3.11", "3.12"])
def test_array_and_fused_stubs_accept_numpy_and_reject_wrong_calls(pyxc_bin, tmp_path, python_version):
    pytest.importorskip("mypy")
    pytest.importorskip("numpy")
    shutil.copy(REPO / "test" / "lit" / "packaging" / "Inputs" / "stub_arrays.py", tmp_path / "stub_arrays.py")
    run([pyxc_bin, "stubs", "stub_arrays.py"], cwd=tmp_path)
    (tmp_path / "good.py").write_text(
        "import array\nimport numpy\nfrom stub_arrays import make, scale, total, twice\n"
        "a: float = total(numpy.zeros(3), 0)\nb: float = total(array.array('d', [1.0]), 0)\n"
        "c: int = twice(3)\nd: float = twice(2.5)\nscale(numpy.zeros(3, dtype=numpy.float32), 2.0)\ne = make(3)\n"
        # The overloads hold for .aio and .py too.
        "async def main() -> None:\n"
        "    f: int = await twice.aio(3)\n    g: float = await twice.aio(2.5) + twice.py(1.5)\n"
        "    h: float = await total.aio(numpy.zeros(3), 0)\n    await scale.aio(numpy.zeros(3), 2.0)\n"
        "    reveal_type(twice.aio(3))\n")
    (tmp_path / "bad.py").write_text(
        "from stub_arrays import total, twice\nx: str = twice(1)\n"
        "async def main() -> None:\n    y: str = await twice.aio(1)\n    total.aio(0, 0)\n")
    mypy = [sys.executable, "-m", "mypy", "--no-incremental", "--python-version", python_version]
    ok = run([*mypy, "--strict", "stub_arrays.pyi", "good.py"], cwd=tmp_path).stdout
    assert "Success" in ok and 'Revealed type is "_asyncio.Future[int]"' in ok
    bad = run([*mypy, "bad.py"], cwd=tmp_path, check=False)
    assert bad.returncode == 1 and 'variable has type "str"' in bad.stdout
    assert {line.split(":")[1] for line in bad.stdout.splitlines() if ": error:" in line} == \
        {"2", "4"} | ({"5"} if python_version == "3.12" else set()), bad.stdout
