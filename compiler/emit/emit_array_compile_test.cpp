// Array code must compile warning-free, and a contiguous loop must compile
// to plain pointer arithmetic that the C++ compiler vectorizes.
#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/emit/emit_test_util.h"

using namespace pyxc::emit::testing;

namespace {

const char kArrays[] = R"PY(
T = pyxc.fused("T", f32, f64)

@pyxc.native
def dot(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s

@pyxc.native(boundscheck=False, wraparound=False)
def add_rows(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            out[j] += m[i, j]

@pyxc.native
def make(n: int, m: int) -> i32[:, :]:
    g = pyxc.zeros((n, m), i32)
    rows, cols = g.shape
    for i in range(rows):
        for j in range(cols):
            g[i, j] = i * cols + j
    return g

@pyxc.native
def scale(a: T[:], k: T) -> T:
    s = a[0]
    for i in range(a.shape[0]):
        a[i] *= k
    return s

@pyxc.native
def count(flags: u8[:]) -> int:
    n = 0
    for v in flags:
        n += v
    return n + flags.ndim + flags.size

@pyxc.native
def rebind(a: f64[:], n: int) -> f64[:]:
    if n > 0:
        a = pyxc.empty(n, f64)
    return a
)PY";

// The loop over the contiguous axis of `add_rows`, on its own line so the
// vectorizer's report can be matched to it.
const char kVectorizable[] = R"PY(
@pyxc.native(boundscheck=False, wraparound=False)
def add_rows(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            out[j] += m[i, j]
)PY";

TEST(EmitArrays, CompilesWithoutWarnings) {
  Emitted emitted = emitPython(kArrays);
  ASSERT_EQ(emitted.diagnostics, "");
  std::string dir = makeTempDir("pyxc-emit-arrays");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/m.cpp", emitted.cpp);
  CommandResult result = runCommand(std::string(PYXC_TEST_CXX) + " -std=c++20 -O2 -fsyntax-only -Wall -Wextra -Werror " +
                                    runtimeIncludeFlags() + " " + dir + "/m.cpp");
  EXPECT_EQ(result.exitCode, 0) << result.output;
  std::filesystem::remove_all(dir);
}

TEST(EmitArrays, ContiguousInnerLoopVectorizes) {
  Emitted emitted = emitPython(kVectorizable);
  ASSERT_EQ(emitted.diagnostics, "");
  std::string dir = makeTempDir("pyxc-emit-vec");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/m.cpp", emitted.cpp);
  CommandResult result = runCommand(std::string(PYXC_TEST_CXX) + " -std=c++20 -O3 -fPIC -c -fopt-info-vec-optimized " +
                                    runtimeIncludeFlags() + " " + dir + "/m.cpp -o " + dir + "/m.o");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  // `#line` maps the C++ back to m.py, whose only loops are add_rows'.
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
