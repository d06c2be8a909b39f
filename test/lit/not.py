"""Fallback for LLVM's `not`: runs a command and inverts its success.

Exit 0 becomes 1, any failure becomes 0, like `not` without --crash: a
signal-killed command also counts as failure here, so tests that must not
crash check the exit code explicitly instead.
"""
import subprocess
import sys

if len(sys.argv) < 2:
    sys.exit("usage: not.py COMMAND [ARGS...]")
completed = subprocess.run(sys.argv[1:])
sys.exit(0 if completed.returncode != 0 else 1)
