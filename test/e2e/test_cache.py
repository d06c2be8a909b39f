"""The compiled-artifact cache (SPEC §3) through `pyxc build`: hits, what
the key covers, corrupt entries rebuilt, concurrent builds, --no-cache,
LRU pruning, stats/clean, `pyxc cache key`, and --compiler-launcher ccache."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

EXT = __import__("importlib.machinery").machinery.EXTENSION_SUFFIXES[0]
MODULE = '''\
import pyxc


@pyxc.native
def poly(x: float, n: int) -> float:
    s = 0.0
    for i in range(n):
        s = s * x + i
    return s
'''


def pyxc(pyxc_bin, *args, cwd, cache, check=True, env=None):
    environ = dict(os.environ, PYXC_CACHE_DIR=str(cache), **(env or {}))
    done = subprocess.run([pyxc_bin, *args], cwd=cwd, env=environ, capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "v1").rglob("*") if p.is_file() and not p.name.startswith("."))


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "kern.py").write_text(MODULE)
    return tmp_path / "src"


def load(path: Path):
    code = f"import sys; sys.path.insert(0, {str(path)!r}); import kern; print(type(kern.poly).__name__, kern.poly(0.5, 10))"
    env = dict(os.environ, PYXC_REQUIRE_COMPILED="1", PYTHONPATH=str(Path(__file__).parents[2] / "python"))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_second_build_is_a_hit_with_the_same_bytes(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    first = pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache)
    assert "cache miss" in first.stderr and len(entries(cache)) == 1
    artifact = tree / "__pyxc__" / f"kern{EXT}"
    built = artifact.read_bytes()
    artifact.unlink()
    second = pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache)
    assert "cache hit" in second.stderr and "c++" not in second.stderr.split("cache hit")[0]
    assert artifact.read_bytes() == built
    assert load(tree).stdout.startswith("NativeFunction")
    stats = pyxc(pyxc_bin, "cache", "stats", cwd=tree, cache=cache).stdout
    assert "entries          1" in stats and "hits             1" in stats and "misses           1" in stats


def test_the_key_covers_source_flags_and_compiler(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache)
    assert "cache hit" in pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache).stderr
    for options in (["-O1"], ["--cxx-flag=-DPYXC_TEST_FLAG=1"], ["--cxx", shutil.which("clang++-19") or "clang++"]):
        if options[0] == "--cxx" and not shutil.which(options[1]):
            continue
        assert "cache miss" in pyxc(pyxc_bin, "build", "-v", *options, "kern.py", cwd=tree, cache=cache).stderr, options
    (tree / "kern.py").write_text(MODULE.replace("s * x + i", "s * x - i"))
    assert "cache miss" in pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache).stderr
    # A changed runtime header is a different binary too.
    runtime = tmp_path / "runtime"
    shutil.copytree(Path(__file__).parents[2] / "runtime" / "pyxc", runtime / "pyxc")
    args = ["build", "-v", "--runtime-dir", str(runtime), "kern.py"]
    assert "cache hit" in pyxc(pyxc_bin, *args, cwd=tree, cache=cache).stderr  # same contents, other place
    with open(runtime / "pyxc" / "runtime.h", "a") as header:
        header.write("\n// changed\n")
    assert "cache miss" in pyxc(pyxc_bin, *args, cwd=tree, cache=cache).stderr


def test_extra_flags_from_the_environment_reach_the_compiler_and_the_key(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    base = os.environ.get("PYXC_EXTRA_CXXFLAGS", "")
    flagged = {"PYXC_EXTRA_CXXFLAGS": f"{base} -DPYXC_TEST_ENV_FLAG=1"}
    pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache)
    built = pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache, env=flagged).stderr
    assert "cache miss" in built and "-DPYXC_TEST_ENV_FLAG=1" in built
    assert "cache hit" in pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache, env=flagged).stderr
    key = lambda env: pyxc(pyxc_bin, "cache", "key", ".", cwd=tree, cache=cache, env=env).stdout.strip()
    assert key(flagged) != key(None)
    # A flag the compiler rejects fails the build with the compiler's words.
    broken = pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache, check=False,
                  env={"PYXC_EXTRA_CXXFLAGS": "-fno-such-flag-pyxc"})
    assert broken.returncode != 0 and "-fno-such-flag-pyxc" in broken.stdout + broken.stderr


def test_a_corrupt_entry_is_rebuilt_never_loaded(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache)
    (entry,) = entries(cache)
    good = entry.read_bytes()
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0xFF  # one flipped bit in the payload
    entry.write_bytes(bytes(damaged))
    rebuilt = pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=tree, cache=cache)
    assert "was corrupt; removed it and rebuilding" in rebuilt.stderr and "cache miss" in rebuilt.stderr
    assert entry.read_bytes() == good
    assert load(tree).stdout.startswith("NativeFunction")
    entry.write_bytes(good[:100])  # truncated
    assert "was corrupt" in pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache).stderr
    assert entry.read_bytes() == good


def test_concurrent_builds_of_one_key_are_safe(pyxc_bin, tmp_path):
    cache = tmp_path / "cache"
    copies = []
    for i in range(6):
        (tmp_path / f"copy{i}").mkdir()
        (tmp_path / f"copy{i}" / "kern.py").write_text(MODULE)
        copies.append(tmp_path / f"copy{i}")
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda d: pyxc(pyxc_bin, "build", "kern.py", cwd=d, cache=cache, check=False), copies))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert len(entries(cache)) == 1
    assert not [p for p in (cache / "v1").rglob(".*") if p.is_file()]  # no temporary left behind
    assert len({(d / "__pyxc__" / f"kern{EXT}").read_bytes() for d in copies}) == 1
    assert "cache hit" in pyxc(pyxc_bin, "build", "-v", "kern.py", cwd=copies[0], cache=cache).stderr


def test_no_cache_neither_reads_nor_writes(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    result = pyxc(pyxc_bin, "build", "-v", "--no-cache", "kern.py", cwd=tree, cache=cache)
    # Not just "cache": the -v command lines contain paths, which may.
    assert "cache hit" not in result.stderr and "cache miss" not in result.stderr
    assert not (cache / "v1").exists()
    pyxc(pyxc_bin, "build", "kern.py", cwd=tree, cache=cache)
    again = pyxc(pyxc_bin, "build", "-v", "--no-cache", "kern.py", cwd=tree, cache=cache)
    assert "cache hit" not in again.stderr and "-shared" in again.stderr  # compiled


def test_prune_removes_least_recently_used_first(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    for level in ("-O0", "-O1", "-O2"):
        pyxc(pyxc_bin, "build", level, "kern.py", cwd=tree, cache=cache)
    assert len(entries(cache)) == 3
    old = time.time() - 3600
    for entry in entries(cache):
        os.utime(entry, (old, old))
    pyxc(pyxc_bin, "build", "-O0", "kern.py", cwd=tree, cache=cache)  # a hit: -O0 is now the newest
    size = max(e.stat().st_size for e in entries(cache))
    pyxc(pyxc_bin, "cache", "prune", "--max-size", str(size), cwd=tree, cache=cache)
    assert len(entries(cache)) == 1
    assert "cache hit" in pyxc(pyxc_bin, "build", "-v", "-O0", "kern.py", cwd=tree, cache=cache).stderr
    # A build that goes over PYXC_CACHE_MAX_SIZE prunes by itself.
    pyxc(pyxc_bin, "build", "-O3", "kern.py", cwd=tree, cache=cache, env={"PYXC_CACHE_MAX_SIZE": str(size + 10)})
    assert len(entries(cache)) == 1
    assert "removed 1 entries" in pyxc(pyxc_bin, "cache", "clean", cwd=tree, cache=cache).stdout
    assert entries(cache) == [] if (cache / "v1").exists() else True


def test_cache_key_is_stable_and_tracks_inputs(pyxc_bin, tree, tmp_path):
    cache = tmp_path / "cache"
    key = lambda *extra: pyxc(pyxc_bin, "cache", "key", *extra, ".", cwd=tree, cache=cache).stdout.strip()
    first = key()
    assert len(first) == 64 and key() == first
    (tree / "notes.py").write_text("x = 1  # no native functions: not part of the key\n")
    assert key() == first
    assert key("-O2") != first
    copy = tmp_path / "elsewhere" / "src"
    shutil.copytree(tree, copy)
    assert pyxc(pyxc_bin, "cache", "key", ".", cwd=copy, cache=cache).stdout.strip() == first  # not the location
    (tree / "kern.py").write_text(MODULE.replace("range(n)", "range(n + 1)"))
    assert key() != first
    (tree / "bad.py").write_text("import pyxc\n@pyxc.native\ndef f(x: int) -> int:\n    return y\n")
    assert pyxc(pyxc_bin, "cache", "key", ".", cwd=tree, cache=cache, check=False).returncode == 1


@pytest.mark.skipif(shutil.which("ccache") is None, reason="ccache not installed (scripts/setup.sh installs it)")
def test_compiler_launcher_ccache_really_runs(pyxc_bin, tree, tmp_path):
    env = {"CCACHE_DIR": str(tmp_path / "ccache"), "CCACHE_NOHASHDIR": "1"}
    args = ["build", "-v", "--no-cache", "--compiler-launcher", "ccache", "kern.py"]
    first = pyxc(pyxc_bin, *args, cwd=tree, cache=tmp_path / "cache", env=env)
    assert first.stderr.startswith("ccache ")
    pyxc(pyxc_bin, *args, cwd=tree, cache=tmp_path / "cache", env=env)
    stats = subprocess.run(["ccache", "--print-stats"], env=dict(os.environ, **env), capture_output=True, text=True)
    counters = dict(line.split("\t") for line in stats.stdout.splitlines() if "\t" in line)
    assert int(counters.get("direct_cache_hit", 0)) + int(counters.get("preprocessed_cache_hit", 0)) == 1, stats.stdout
    assert load(tree).stdout.startswith("NativeFunction")
