#!/usr/bin/env bash
# The one property the fuzz target cannot afford per input: every module
# that `pyxc emit` accepts gives C++ that compiles (SPEC §2: a checked
# module never fails in the toolchain). Runs `pyxc emit` on each input of a
# corpus and `c++ -fsyntax-only` on what it prints; copies each input whose
# C++ does not compile, or whose emit exits other than 0 or 1, to OUT.
#
#   fuzz/compile_corpus.sh [CORPUS_DIR] [OUT_DIR]
#   (defaults: build-fuzz/fuzz-work/corpus, build-fuzz/fuzz-work/compile-failures)
# Needs build/pyxc (the ordinary build). Slow (~1 s per emitted module), so
# not part of CI; run it after a long fuzzing session.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/build-fuzz/fuzz-work/corpus}
out=${2:-$root/build-fuzz/fuzz-work/compile-failures}
pyxc=${PYXC_BIN:-$root/build/pyxc}
pyinc=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['include'])")
mkdir -p "$out"
export root out pyxc pyinc

check_one() {
  local input=$1 cpp rc=0
  cpp=$(mktemp --suffix=.cpp)
  # The module name comes from the file name: give every input a valid one.
  local py
  py=$(mktemp -d)/fuzz_input.py
  cp "$input" "$py"
  "$pyxc" emit --no-line-directives "$py" >"$cpp" 2>/dev/null || rc=$?
  if [[ $rc -gt 1 ]]; then
    echo "exit $rc: $input"; cp "$input" "$out/"
  elif [[ $rc -eq 0 && -s $cpp ]]; then
    if ! c++ -std=c++20 -fsyntax-only -I"$root/runtime" -I"$pyinc" "$cpp" 2>/dev/null; then
      echo "does not compile: $input"; cp "$input" "$out/"
    fi
    echo emitted >>"$out/.emitted"
  fi
  rm -rf "$cpp" "$(dirname "$py")"
}
export -f check_one
rm -f "$out/.emitted"
find "$corpus" -type f -print0 | xargs -0 -n1 -P"${PYXC_JOBS:-2}" bash -c 'check_one "$0"'
emitted=$(wc -l <"$out/.emitted" 2>/dev/null || echo 0)
failures=$(find "$out" -type f ! -name .emitted | wc -l)
echo "compile_corpus: $(find "$corpus" -type f | wc -l) inputs, $emitted emitted C++, $failures failures in $out"
[[ $failures -eq 0 ]]
