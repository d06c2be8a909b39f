// prange code must compile warning-free with both compilers, and the inner
// loop of a prange body must still vectorize (the chunk lambda works on
// copies of the array views, not references into the caller's frame).
#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/emit/emit_test_util.h"

using namespace pyxc::emit::testing;

namespace {

const char kParallel[] = R"PY(
@pyxc.native
def stats(a: f64[:], n: int) -> tuple[float, float, float, int]:
    s = 0.0
    lo = math.inf
    hi = -math.inf
    count = 0
    for i in pyxc.prange(n, num_threads=2):
        if i >= a.shape[0]:
            continue
        v = a[i]
        s += v
        lo = min(lo, v)
        hi = max(hi, v)
        count -= 1
    else:
        count += 1
    return s, lo, hi, count

@pyxc.native(fastmath=True)
def nested(m: f64[:, :]) -> float:
    total = 0.0
    for i in pyxc.prange(m.shape[0]):
        row = 0.0
        for j in pyxc.prange(0, m.shape[1], 1):
            row += m[i, j]
        total += row
    return total

@pyxc.native
def unused_index(n: int) -> int:
    c = 0
    for i in pyxc.prange(n - 1, -1, -1):
        c += 1
    return c
)PY";

const char kVectorizable[] = R"PY(
@pyxc.native(boundscheck=False, wraparound=False)
def scale_rows(m: f64[:, ::1], out: f64[:, ::1]) -> None:
    for i in pyxc.prange(m.shape[0]):
        for j in range(m.shape[1]):
            out[i, j] = m[i, j] * 2.0
)PY";

std::vector<std::string> compilers() {
  std::vector<std::string> out{PYXC_TEST_CXX};
  std::string clang = PYXC_TEST_CLANGXX;
  if (!clang.empty() && clang.find("NOTFOUND") == std::string::npos && clang != out[0]) out.push_back(clang);
  return out;
}

TEST(EmitParallel, CompilesWithoutWarnings) {
  Emitted emitted = emitPython(kParallel);
  ASSERT_EQ(emitted.diagnostics, "");
  std::string dir = makeTempDir("pyxc-emit-parallel");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/m.cpp", emitted.cpp);
  for (const std::string& cxx : compilers()) {
    CommandResult result = runCommand(cxx + " -std=c++20 -O2 -fsyntax-only -Wall -Wextra -Werror " +
                                      runtimeIncludeFlags() + " " + dir + "/m.cpp");
    EXPECT_EQ(result.exitCode, 0) << cxx << ":\n" << result.output;
  }
  std::filesystem::remove_all(dir);
}

TEST(EmitParallel, InnerLoopOfAPrangeBodyVectorizes) {
  Emitted emitted = emitPython(kVectorizable);
  ASSERT_EQ(emitted.diagnostics, "");
  std::string dir = makeTempDir("pyxc-emit-parallel-vec");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/m.cpp", emitted.cpp);
  CommandResult result = runCommand(std::string(PYXC_TEST_CXX) + " -std=c++20 -O3 -fPIC -c -fopt-info-vec-optimized " +
                                    runtimeIncludeFlags() + " " + dir + "/m.cpp -o " + dir + "/m.o");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  bool vectorized = false;
  size_t at = 0;
  while ((at = result.output.find("m.py:", at)) != std::string::npos) {
    std::string line = result.output.substr(at, result.output.find('\n', at) - at);
    vectorized = vectorized || line.find("loop vectorized") != std::string::npos;
    at += line.size();
  }
  EXPECT_TRUE(vectorized) << result.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
