"""Rebuilding a changed module at import, for editable installs.

Asked for by `__pyxc__/rebuild.json` beside the module (written by an
editable install with `rebuild-on-import`, holding the `pyxc build` options
and the directory to run it in) or by PYXC_REBUILD=1; PYXC_REBUILD=0 turns
it off. It runs before the artifact is loaded: a shared library cannot be
reloaded once it is, so staleness is judged by modification times here,
and the loader's own source check still guards what is then loaded. The
compiled-artifact cache makes an unneeded rebuild (only Python code of the
module changed) cost a cache hit.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# json and subprocess are imported only when a rebuild is asked for: this
# module is imported by every `import pyxc`.


def _requested(artifact: Path) -> dict | None:
    flag = os.environ.get("PYXC_REBUILD", "").strip().lower()
    if flag in ("0", "false", "no"):
        return None
    marker = artifact.parent / "rebuild.json"
    if marker.is_file():
        import json

        try:
            return json.loads(marker.read_text())
        except (OSError, ValueError):
            return {}
    return {} if flag else None


def rebuild_if_stale(source_file: str, artifact: Path) -> str | None:
    """Rebuilds when asked and the source is newer than the artifact;
    returns a problem description when the rebuild failed."""
    request = _requested(artifact)
    if request is None:
        return None
    try:
        source_time = os.stat(source_file).st_mtime
    except OSError:
        return None
    if artifact.is_file() and artifact.stat().st_mtime >= source_time:
        return None
    import subprocess

    from .build._compile import BuildError, find_pyxc

    try:
        pyxc = find_pyxc()
    except BuildError as error:
        return str(error)
    options = request.get("options") or ["--python", sys.executable]
    cwd = request.get("cwd")
    target = os.path.relpath(source_file, cwd) if cwd else source_file
    completed = subprocess.run([pyxc, "build", *options, target], cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        return f"rebuilding on import failed (exit {completed.returncode}): {completed.stderr.strip()}"
    return None
