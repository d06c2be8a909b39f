"""``python -m pyxc ARGS``: runs the ``pyxc`` executable with the same arguments."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path


def find_executable() -> str | None:
    explicit = os.environ.get("PYXC_EXECUTABLE")
    if explicit:
        return explicit
    name = "pyxc.exe" if os.name == "nt" else "pyxc"
    scripts = sysconfig.get_path("scripts")
    if scripts:
        candidate = Path(scripts) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("pyxc")


def main(argv: list[str]) -> int:
    executable = find_executable()
    if executable is None:
        print(
            "pyxc: the pyxc executable was not found (looked in "
            f"{sysconfig.get_path('scripts')} and on PATH); reinstall pyxc",
            file=sys.stderr,
        )
        return 2
    env = dict(os.environ)
    # Build for the interpreter that ran `python -m pyxc` unless told otherwise.
    env.setdefault("PYXC_PYTHON", sys.executable)
    try:
        return subprocess.call([executable, *argv], env=env)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
