// Array code must compile warning-free, and a contiguous loop must compile
// to plain pointer arithmetic that the C++ compiler vectorizes.
#include <gtest/gtest.h>


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
  CommandResult result = compileEmitted(emitted.cpp, PYXC_TEST_CXX, "-std=c++20 -O2 -fsyntax-only -Wall -Wextra -Werror");
  EXPECT_EQ(result.exitCode, 0) << result.output;
}

TEST(EmitArrays, ContiguousInnerLoopVectorizes) {
  Emitted emitted = emitPython(kVectorizable);
  ASSERT_EQ(emitted.diagnostics, "");
  CommandResult result = compileEmitted(emitted.cpp, PYXC_TEST_CXX, "-std=c++20 -O3 -fPIC -c -fopt-info-vec-optimized");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  // `#line` maps the C++ back to m.py, whose only loops are add_rows'.
  EXPECT_TRUE(reportsVectorizedLoopInPython(result.output)) << result.output;
}

}  // namespace
