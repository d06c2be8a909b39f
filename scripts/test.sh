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
echo "== golden tests (lit + FileCheck)"
lit -q test/lit || status=1
echo "== end-to-end tests (pytest)"
python3 -m pytest -q test || status=1
# Sanitizer stages (scripts/sanitizers.sh, docs/testing.md); each says how
# long it took, so the CI's time budget can be checked from its log.
for stage in asan tsan; do
  echo "== sanitizers: $stage"
  start=$SECONDS
  bash scripts/sanitizers.sh "$stage" || status=1
  echo "== sanitizers: $stage took $((SECONDS - start)) s"
done
exit $status
