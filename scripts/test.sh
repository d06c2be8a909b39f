#!/usr/bin/env bash
# The test suite (docs/testing.md). Sets everything up first.
#
#   bash scripts/test.sh          setup, C++ unit tests (ctest), pyxc-verify's
#                                 lit tests, the lit/FileCheck goldens and every
#                                 pytest test (end to end, differential, random
#                                 programs, bench harness, packaging)
#   bash scripts/test.sh --full   the same, then front-end fuzzing and the ASan
#                                 and TSan stages (what .ci/run calls)
#
# Every stage prints `== <stage> took N s (CPU N s)`; the run ends with a
# table of the stages and the closing summary line of the main pytest run.
# Environment: PYXC_TEST_JOBS (pytest-xdist workers, default 2; 0: one
# process), PYXC_FUZZ_SECONDS (default 90), PYXC_CACHE_DIR (default: a
# fresh cache for this run, shared by its stages, removed at the end).
set -euo pipefail
full=0
case "${1:-}" in
  "") ;;
  --full) full=1 ;;
  *) echo "usage: $0 [--full]" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

status=0
stage_lines=()
# CPU seconds (user + system) of this shell's finished children, from the
# `times` builtin, into $children_cpu_s. It must run in this shell, not in
# a command substitution: a subshell's `times` counts its own children
# only, from zero (which made every stage read "CPU 0 s").
children_cpu_s=0
read_children_cpu() {
  local file
  file=$(mktemp)
  times >"$file"
  children_cpu_s=$(awk 'NR == 2 { n = split($0, t, /[ ms]+/); s = 0
                 for (i = 1; i + 1 <= n; i += 2) s += t[i] * 60 + t[i + 1]
                 printf "%d", s }' "$file")
  rm -f "$file"
}
# stage NAME COMMAND...: runs one stage, says how long it took, and records
# a failure without stopping the run.
stage() {
  local name=$1 rc=0 start=$SECONDS cpu_start
  shift
  read_children_cpu
  cpu_start=$children_cpu_s
  echo "== $name"
  "$@" || rc=$?
  local line
  read_children_cpu
  line="$name took $((SECONDS - start)) s (CPU $((children_cpu_s - cpu_start)) s)"
  [ $rc -eq 0 ] || { line+=", FAILED (exit $rc)"; status=1; }
  echo "== $line"
  stage_lines+=("$line")
}

stage setup bash scripts/setup.sh

PYXC_BIN="$(command -v pyxc)"
export PYXC_BIN
# One compiled-artifact cache for the whole run: a module that lit, pytest
# and the pytest workers build alike is compiled (and verified) once.
if [ -z "${PYXC_CACHE_DIR:-}" ]; then
  PYXC_CACHE_DIR=$(mktemp -d -t pyxc-test-cache-XXXXXX)
  trap 'rm -rf "$PYXC_CACHE_DIR"' EXIT
fi
export PYXC_CACHE_DIR
cache_stats() { echo "pyxc cache after $1: $(pyxc cache stats 2>&1 | tr '\n' ' ')"; }

stage ctest ctest --test-dir build --output-on-failure -j2
# pyxc-verify is built when Clang 19 is installed (verify/, docs/verify.md):
# its mutation tests run, and every `pyxc build` of the suite below checks
# what it generated (PYXC_VERIFY=1; a clean verdict is cached per module).
if [ -x build/pyxc-verify ]; then
  stage "verify lit" env PYXC_VERIFY_BIN="$root/build/pyxc-verify" lit -q verify/test
  # The installed pyxc runs the installed checker (beside it, or on PATH).
  if command -v pyxc-verify >/dev/null; then
    export PYXC_VERIFY=1
  else
    echo "pyxc-verify was built in build/ but not installed with pyxc: builds are not verified" >&2
    status=1
  fi
fi
stage lit lit -q test/lit
cache_stats lit

# pytest-xdist: the tests of a file stay on one worker, a file that sets
# PYXC_SPREAD_OVER_WORKERS spreads its tests (test/conftest.py); work done
# once per run is shared by the workers (test/e2e/once_per_run.py).
pytest_log=$(mktemp)
color=()
[ -t 1 ] && color=(--color=yes)
main_pytest() {
  python3 -m pytest -q -p no:cacheprovider "${color[@]}" -n "${PYXC_TEST_JOBS:-2}" --dist loadgroup \
    --durations=15 test 2>&1 | tee "$pytest_log"
}
stage pytest main_pytest
cache_stats pytest

if [ $full -eq 1 ]; then
  # Bounded: ~1-2 min to build build-fuzz/ from scratch on 2 cores, then 90 s
  # of libFuzzer (fuzz/run.sh; docs/testing.md). A finding fails the run and
  # its input is printed in the log.
  stage fuzz bash fuzz/run.sh "${PYXC_FUZZ_SECONDS:-90}"
  # Sanitizer stages (scripts/sanitizers.sh, docs/testing.md).
  stage asan bash scripts/sanitizers.sh asan
  stage tsan bash scripts/sanitizers.sh tsan
fi

echo "== stages"
for line in "${stage_lines[@]}"; do echo "   $line"; done
# CI reads the closing line: the main pytest run's summary.
summary=$(grep -E '(passed|failed|errors?|skipped|deselected|xfailed|xpassed|no tests ran)\b.* in [0-9.]+s' \
  "$pytest_log" | tail -1 || true)
rm -f "$pytest_log"
echo "${summary:-pytest printed no summary line}"
exit $status
