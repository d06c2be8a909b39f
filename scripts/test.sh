#!/usr/bin/env bash
# The whole test suite: C++ unit tests, lit/FileCheck golden tests, pytest
# end-to-end and differential tests. Sets everything up first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh

PYXC_BIN="$(command -v pyxc)"
export PYXC_BIN
status=0
echo "== unit tests (GoogleTest via ctest)"
ctest --test-dir build --output-on-failure -j2 || status=1
# pyxc-verify is built when Clang 19 is installed (verify/, docs/verify.md):
# its mutation tests run, and every `pyxc build` of the suite below checks
# what it generated (PYXC_VERIFY=1; a clean verdict is cached per module).
if [ -x build/pyxc-verify ]; then
  echo "== pyxc-verify mutation tests (lit + FileCheck)"
  PYXC_VERIFY_BIN="$root/build/pyxc-verify" lit -q verify/test || status=1
  # The installed pyxc runs the installed checker (beside it, or on PATH).
  if command -v pyxc-verify >/dev/null; then
    export PYXC_VERIFY=1
  else
    echo "pyxc-verify was built in build/ but not installed with pyxc: builds are not verified" >&2
    status=1
  fi
fi
echo "== golden tests (lit + FileCheck)"
lit -q test/lit || status=1
echo "== end-to-end tests (pytest)"
python3 -m pytest -q test || status=1
# Bounded: ~1-2 min to build build-fuzz/ from scratch on 2 cores, then 90 s
# of libFuzzer (fuzz/run.sh; docs/testing.md). A finding fails the run and
# its input is printed in the log.
echo "== front-end fuzzing (libFuzzer)"
bash fuzz/run.sh "${PYXC_FUZZ_SECONDS:-90}" || status=1
# Sanitizer stages (scripts/sanitizers.sh, docs/testing.md); each says how
# long it took, so the CI's time budget can be checked from its log.
for stage in asan tsan; do
  echo "== sanitizers: $stage"
  start=$SECONDS
  bash scripts/sanitizers.sh "$stage" || status=1
  echo "== sanitizers: $stage took $((SECONDS - start)) s"
done
exit $status
