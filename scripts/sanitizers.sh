#!/usr/bin/env bash
# The sanitizer stages of scripts/test.sh (docs/testing.md, "Sanitizers"):
#   asan  pyxc built with ASan+UBSan (build-asan/): its unit and lit tests
#         with leak detection, then the pytest suite with every generated
#         module built with -fsanitize=address,undefined as well, the
#         runtimes preloaded into CPython
#   tsan  the concurrency tests (pytest -m concurrency) with the generated
#         modules built with -fsanitize=thread, libtsan preloaded
# `bash scripts/sanitizers.sh asan|tsan` runs one stage on its own (after
# scripts/setup.sh). Any sanitizer report fails the stage.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The interpreter itself, not a pyenv shim: a shim is a bash script, and a
# preloaded runtime would run (and, for TSan, crash) bash as well.
python=$(python3 -c 'import sys; print(sys.executable)')
runtime() { g++ -print-file-name="$1"; }

asan_stage() {
  # No pyxc-verify here (PYXC_BUILD_VERIFY=OFF): this stage runs with
  # PYXC_VERIFY=0 and none of its tests is the checker's own (those are
  # verify/test, run by scripts/test.sh), and its libTooling sources were
  # the costliest part of this build. test_verify.py finds the installed one.
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYXC_SANITIZE=ON \
    -DPYXC_BUILD_VERIFY=OFF >/dev/null
  ninja -C build-asan
  local status=0
  # Leak detection stays on here: these processes are pyxc's own binaries.
  ctest --test-dir build-asan --output-on-failure -j2 || status=1
  PYXC_BIN="$root/build-asan/pyxc" lit -q test/lit || status=1
  # CPython, NumPy and the C++ compiler (children that inherit the
  # preload) are not instrumented and free little at exit by design, so
  # LeakSanitizer would report them on every run: leaks are off in this
  # run. Reference leaks of compiled code live in CPython's own allocator,
  # where LSan cannot see them anyway; the refcount tests cover those.
  # The CI's time budget (90 min on 2 cores, this stage included) and
  # CPython's own slowdown under a preloaded ASan allocator: the
  # differential tests draw 30 Hypothesis examples per function here
  # instead of 200 (their edge-value cross products and listed cases all
  # run); the benchmark gate (test/bench), the examples and the concurrency
  # benchmarks time things, which an instrumented interpreter distorts, and
  # run no code the other tests do not run instrumented. RSS bounds cannot
  # hold under ASan's quarantine (test_no_leaks, two test_arrays_binding
  # tests); the CPU-vs-wall parallelism check is a timing test too.
  # The packaging tests build and install pyxc in fresh virtual
  # environments with pip: they test packaging, run no code that this
  # stage instruments, and are the slowest part of the suite. The RSS bound
  # of test_no_leaks cannot hold here (ASan's quarantine keeps freed memory
  # on purpose); its refcount and allocated-block bounds still run.
  # No -g here: debug info holds the build directory, and test_cache checks
  # that builds of one key in different directories give the same bytes.
  # PYXC_VERIFY=0: the main run already verified the same generated C++
  # (the sanitizer flags change the binary, not the source the checker reads).
  # Two pytest-xdist workers, as in scripts/test.sh (they inherit the preload).
  env PYXC_BIN="$root/build-asan/pyxc" PYXC_VERIFY=0 \
    PYXC_EXTRA_CXXFLAGS="${PYXC_EXTRA_CXXFLAGS:-} -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    LD_PRELOAD="$(runtime libasan.so) $(runtime libubsan.so)" \
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    PYXC_HYPOTHESIS_PROFILE=sanitizer \
    "$python" -m pytest -q -p no:cacheprovider -n "${PYXC_TEST_JOBS:-2}" --dist loadgroup test \
    --ignore=test/e2e/test_install.py --ignore=test/e2e/test_build_frontends.py \
    --ignore=test/e2e/test_poetry.py --ignore=test/e2e/test_docker_ci.py \
    --ignore=test/bench --ignore=test/e2e/test_examples.py --ignore=test/e2e/test_perf_concurrency.py \
    --ignore=test/e2e/test_clang_corpus.py \
    --deselect=test/e2e/test_no_leaks.py::test_rss_stays_flat \
    --deselect=test/e2e/test_arrays_binding.py::test_no_leak_over_a_million_calls \
    --deselect=test/e2e/test_arrays_binding.py::test_returned_arrays_are_freed \
    --deselect=test/runtime/test_example_module.py::test_two_threads_run_in_parallel \
    || status=1
  return $status
}

# The runtime's own concurrency unit tests (the worker pool, prange, .aio:
# test/runtime/*_test.cpp named so), built with -fsanitize=thread.
# die_after_fork=0: a test forks a multi-threaded process on purpose (the
# child must get a fresh pool), which TSan otherwise refuses outright.
tsan_runtime_tests() {
  local out="$root/build/tsan" status=0 test name
  mkdir -p "$out"
  local py_include py_ldflags
  py_include=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
  py_ldflags=$("$(dirname "$python")/python3-config" --embed --ldflags)
  local tests=()
  for test in test/runtime/*_test.cpp; do
    case "$(basename "$test")" in *thread*|*parallel*|*prange*|*aio*) tests+=("$test") ;; esac
  done
  # Compiled two at a time (the machine has 2 cores), then run one by one:
  # each test starts threads of its own.
  local -A pid_of=()
  for test in "${tests[@]}"; do
    name=$(basename "$test" .cpp)
    [ "$(jobs -rp | wc -l)" -lt 2 ] || wait -n || true
    # shellcheck disable=SC2086  # py_ldflags is a list of flags
    g++ -std=c++20 -O1 -g1 -fsanitize=thread -Wall -Wextra -Werror -Iruntime -Itest/runtime -I"$py_include" \
      "$test" -o "$out/$name" -lgtest_main -lgtest -pthread $py_ldflags &
    pid_of[$name]=$!
  done
  for test in "${tests[@]}"; do
    name=$(basename "$test" .cpp)
    wait "${pid_of[$name]}" || { echo "tsan: $test did not compile" >&2; status=1; continue; }
    TSAN_OPTIONS="halt_on_error=1:die_after_fork=0:suppressions=$root/test/tsan-cpython.supp" "$out/$name" \
      --gtest_brief=1 || status=1
  done
  return $status
}

tsan_stage() {
  : "${PYXC_BIN:=$(command -v pyxc)}"
  local status=0
  tsan_runtime_tests || status=1
  # halt_on_error: the first race fails the test that caused it. -g1: line
  # numbers (the #line ones of the .py) in the race reports.
  # PYXC_TEST_PRELOAD_HERE_ONLY: only this interpreter gets libtsan (see
  # test/conftest.py); pyxc, g++ and shells run as usual.
  env PYXC_BIN="$PYXC_BIN" PYXC_VERIFY=0 \
    PYXC_EXTRA_CXXFLAGS="${PYXC_EXTRA_CXXFLAGS:-} -g1 -fsanitize=thread" \
    LD_PRELOAD="$(runtime libtsan.so)" PYXC_TEST_PRELOAD_HERE_ONLY=1 \
    TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/test/tsan-cpython.supp" \
    "$python" -m pytest -q -p no:cacheprovider -m concurrency test || status=1
  return $status
}

case "${1:-}" in
  asan) asan_stage ;;
  tsan) tsan_stage ;;
  *) echo "usage: $0 asan|tsan" >&2; exit 2 ;;
esac
