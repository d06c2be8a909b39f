"""`pyxc build` on trees of modules: which modules get artifacts, options,
exit codes, and that what it builds imports and runs (SPEC.md §2)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from programs_support import artifact_path, build, import_compiled, run_pyxc

NATIVE_MODULE = textwrap.dedent('''\
    import pyxc


    @pyxc.native
    def triple(x: int) -> int:
        return 3 * x
    ''')
PLAIN_MODULE = "def helper(x):\n    return x\n"
BROKEN_MODULE = textwrap.dedent('''\
    import pyxc


    @pyxc.native
    def broken(x: int) -> int:
        return x + not_defined
    ''')


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_directory_build_compiles_only_native_modules(pyxc_bin, tmp_path):
    write_tree(tmp_path, {"app/fast.py": NATIVE_MODULE, "app/plain.py": PLAIN_MODULE,
                          "app/sub/deeper.py": NATIVE_MODULE.replace("triple", "deeper")})
    completed = build(pyxc_bin, tmp_path / "app", "-j", "2")
    assert completed.returncode == 0, completed.stderr
    assert artifact_path(tmp_path / "app" / "fast.py").is_file()
    assert artifact_path(tmp_path / "app" / "sub" / "deeper.py").is_file()
    assert not artifact_path(tmp_path / "app" / "plain.py").exists()
    module = import_compiled(tmp_path / "app" / "sub" / "deeper.py", f"deeper_{uuid.uuid4().hex[:6]}")
    assert module.deeper(14) == 42


def test_several_paths_and_options(pyxc_bin, tmp_path):
    write_tree(tmp_path, {"a/one.py": NATIVE_MODULE, "b/two.py": NATIVE_MODULE})
    completed = run_pyxc(pyxc_bin, "build", "-O0", "--no-cache", "--python", sys.executable, "-v",
                         str(tmp_path / "a"), str(tmp_path / "b" / "two.py"))
    assert completed.returncode == 0, completed.stderr
    assert artifact_path(tmp_path / "a" / "one.py").is_file()
    assert artifact_path(tmp_path / "b" / "two.py").is_file()
    assert completed.stdout.strip() or completed.stderr.strip(), "-v printed nothing"


def test_input_error_exits_1_with_diagnostic(pyxc_bin, tmp_path):
    write_tree(tmp_path, {"pkg/broken.py": BROKEN_MODULE})
    completed = build(pyxc_bin, tmp_path / "pkg")
    assert completed.returncode == 1
    assert "broken.py:6:" in completed.stderr and "not_defined" in completed.stderr
    assert not artifact_path(tmp_path / "pkg" / "broken.py").exists()


def test_rebuild_after_edit_is_picked_up(pyxc_bin, tmp_path):
    path = tmp_path / "edited.py"
    path.write_text(NATIVE_MODULE)
    assert build(pyxc_bin, path).returncode == 0
    path.write_text(NATIVE_MODULE.replace("3 * x", "4 * x"))
    assert build(pyxc_bin, path).returncode == 0
    module = import_compiled(path, f"edited_{uuid.uuid4().hex[:6]}")
    assert module.triple(10) == 40


def test_same_module_built_in_two_places_both_work(pyxc_bin, tmp_path):
    first, second = tmp_path / "first" / "cached.py", tmp_path / "second" / "cached.py"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(NATIVE_MODULE)
        assert build(pyxc_bin, path).returncode == 0
    module = import_compiled(second, f"cached_{uuid.uuid4().hex[:6]}")
    assert module.triple(-5) == -15


def test_python_dash_m_pyxc_runs_the_binary(pyxc_bin):
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "python"))
    env["PYXC_EXECUTABLE"] = pyxc_bin  # what `python -m pyxc` runs, in a dev tree
    completed = subprocess.run([sys.executable, "-m", "pyxc", "--version"], capture_output=True,
                               text=True, env=env)
    direct = run_pyxc(pyxc_bin, "--version")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == direct.stdout


@pytest.mark.parametrize("arguments", [["build"], ["build", "-O9", "x.py"], ["frobnicate"]])
def test_usage_errors_exit_2(pyxc_bin, arguments):
    assert run_pyxc(pyxc_bin, *arguments).returncode == 2


def test_jobs_build_modules_concurrently(pyxc_bin, tmp_path):
    """With -j 2, two modules' compiler runs overlap in time; with -j 1 they
    do not. A wrapper compiler records when each run starts and ends."""
    log = tmp_path / "compiler.log"
    wrapper = tmp_path / "slow-c++"
    wrapper.write_text(textwrap.dedent(f'''\
        #!/bin/sh
        echo "start $(date +%s.%N)" >> {log}
        sleep 1
        c++ "$@"; status=$?
        echo "end $(date +%s.%N)" >> {log}
        exit $status
        '''))
    wrapper.chmod(0o755)

    def intervals(jobs: str) -> list[tuple[float, float]]:
        log.unlink(missing_ok=True)
        root = tmp_path / f"j{jobs}"
        write_tree(root, {"a.py": NATIVE_MODULE, "b.py": NATIVE_MODULE.replace("triple", "quadruple")})
        # --no-cache: the cache would ask the wrapper for its --version first.
        completed = build(pyxc_bin, root, "-j", jobs, "-O0", "--no-cache", "--cxx", str(wrapper))
        assert completed.returncode == 0, completed.stderr
        events = [line.split() for line in log.read_text().splitlines()]
        starts = sorted(float(t) for kind, t in events if kind == "start")
        ends = sorted(float(t) for kind, t in events if kind == "end")
        assert len(starts) == len(ends) == 2
        return list(zip(starts, ends))

    (s1, e1), (s2, e2) = intervals("2")
    assert s2 < e1, "with -j 2 the second compile started only after the first ended"
    (s1, e1), (s2, e2) = intervals("1")
    assert s2 >= e1, "with -j 1 two compiles overlapped"
