"""expect_exit.py CODE COMMAND [ARGS...]

Runs COMMAND, forwards its stdout and stderr, and succeeds only when it exits
with exactly CODE. lit's `not` only tells failure from success; pyxc's exit
codes (1 input errors, 2 usage, 3 toolchain) are part of its contract.
A death by signal is always a failure, whatever CODE says.
"""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit("usage: expect_exit.py CODE COMMAND [ARGS...]")
expected = int(sys.argv[1])
completed = subprocess.run(sys.argv[2:], capture_output=True)
sys.stdout.buffer.write(completed.stdout)
sys.stdout.flush()
sys.stderr.buffer.write(completed.stderr)
sys.stderr.flush()
if completed.returncode != expected:
    print(f"expect_exit: {sys.argv[2]} exited with {completed.returncode}, expected {expected}",
          file=sys.stderr)
    sys.exit(1)
