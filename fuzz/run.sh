#!/usr/bin/env bash
# Fuzzes the front end (parse -> check -> emit -> render) with libFuzzer.
#
#   fuzz/run.sh [SECONDS]        default 60
#
# Configures and builds build-fuzz/ (clang-19, ASan+UBSan+coverage), seeds
# a corpus from the repository's Python files (test/e2e/programs,
# test/lit, examples: whole and one function at a time, fuzz/split_seeds.py),
# then fuzzes for SECONDS. Exits non-zero when
# libFuzzer finds a crash, a sanitizer report, a leak, a hang or an
# out-of-memory; the input is saved under build-fuzz/fuzz-work/artifacts/ and
# printed (base64) so a CI log is enough to reproduce it:
#   build-fuzz/pyxc_fuzz ARTIFACT
# Environment:
#   PYXC_FUZZ_BUILD   build directory (default build-fuzz/)
#   PYXC_FUZZ_SEEDS   0: arbitrary bytes only: no seeds, and a corpus of its
#                     own (fuzz-work/corpus-bytes) instead of fuzz-work/corpus
#   PYXC_FUZZ_JOBS    >1: run that many fuzzing processes (-fork)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${PYXC_FUZZ_BUILD:-$root/build-fuzz}
work=$build/fuzz-work
jobs=${PYXC_FUZZ_JOBS:-1}

started=$(date +%s)
CC=clang-19 CXX=clang++-19 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYXC_BUILD_VERIFY=OFF \
  -DPYXC_FUZZ=ON -DPYXC_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" pyxc_fuzz
echo "fuzz/run.sh: build took $(($(date +%s) - started)) s"

# Seeds are regenerated every run (the sources change); the corpus libFuzzer
# grows is kept between local runs and never committed.
corpus=$work/corpus
[[ ${PYXC_FUZZ_SEEDS:-1} != 0 ]] || corpus=$work/corpus-bytes
rm -rf "$work/seeds" && mkdir -p "$work/seeds" "$corpus" "$work/artifacts"
touch "$work/started"
if [[ ${PYXC_FUZZ_SEEDS:-1} != 0 ]]; then
  shopt -s globstar nullglob
  (cd "$root" && python3 fuzz/split_seeds.py "$work/seeds" test/e2e/programs/*.py test/lit/**/*.py examples/**/*.py)
fi
echo "fuzz/run.sh: $(ls "$work/seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) inputs in the kept corpus"

# -timeout: one input taking longer is a hang. -rss_limit_mb: the front end
# of an 8 KB module needs far less. -max_len: the largest seed is ~8 KB.
status=0
fork=()
[[ $jobs -gt 1 ]] && fork=(-fork="$jobs" -ignore_crashes=0)
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1} UBSAN_OPTIONS=print_stacktrace=1 \
  "$build/pyxc_fuzz" -dict="$root/fuzz/tokens.dict" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=1 -max_len=16384 -print_final_stats=1 "${fork[@]}" \
  -artifact_prefix="$work/artifacts/" "$corpus" "$work/seeds" || status=$?

echo "fuzz/run.sh: corpus now $(ls "$corpus" | wc -l) inputs"
if [[ $status -ne 0 ]]; then
  find "$work/artifacts" -type f -newer "$work/started" | while read -r a; do
    echo "fuzz/run.sh: finding $a (base64):"
    base64 -w0 "$a" && echo
  done
  echo "fuzz/run.sh: libFuzzer failed ($status): fix the compiler, keep the input as a test (test/lit/fuzz-regressions/)"
fi
exit $status
