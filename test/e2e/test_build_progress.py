"""`pyxc build` of several modules on a terminal: one status line redrawn in
place on stderr (modules done / total, compiled, from the cache, the slowest
so far), cleared before the closing summary line. The plain form for logs
is test/lit/cli/build-progress-plain.test."""
from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

MODULE = "import pyxc\n\n\n@pyxc.native\ndef add(a: int, b: int) -> int:\n    return a + b + {n}\n"


def build_on_a_terminal(pyxc_bin: str, tree: Path, cache: Path) -> bytes:
    master, slave = pty.openpty()
    env = dict(os.environ, PYXC_CACHE_DIR=str(cache), TERM="xterm")
    try:
        completed = subprocess.run([pyxc_bin, "build", "-j2", str(tree)], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=slave, env=env, timeout=600)
    finally:
        os.close(slave)
    output = b""
    try:
        while chunk := os.read(master, 4096):
            output += chunk
    except OSError:  # EIO: the terminal's other side is closed and drained
        pass
    os.close(master)
    assert completed.returncode == 0, output.decode(errors="replace")
    return output


def test_a_terminal_gets_one_status_line_redrawn_in_place(pyxc_bin, tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    for n in range(3):
        (tree / f"m{n}.py").write_text(MODULE.format(n=n))
    output = build_on_a_terminal(pyxc_bin, tree, tmp_path / "cache").decode()
    # Redrawn with a carriage return and erase-line, never one line per module.
    assert "\r\x1b[K" in output, repr(output)
    assert "[1/3]" not in output
    statuses = [part for part in output.split("\r\x1b[K") if part]
    assert any(s.startswith("pyxc build: 3/3 modules, 3 compiled, 0 from the cache; slowest ") for s in statuses), statuses
    # The status line is cleared before the summary, the last line.
    summary = output.rsplit("\r\x1b[K", 1)[1]
    assert summary.startswith("pyxc build: 3 modules in ") and summary.endswith("\r\n"), repr(summary)
    assert "3 compiled, 0 from the cache; slowest " in summary

    shutil.rmtree(tree / "__pyxc__")
    again = build_on_a_terminal(pyxc_bin, tree, tmp_path / "cache").decode()
    assert "pyxc build: 3/3 modules, 0 compiled, 3 from the cache" in again, repr(again)
    assert "slowest" not in again
