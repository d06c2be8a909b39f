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

// Rows, slices, views of native arrays, row loops, views as arguments.
const char kViews[] = R"PY(
@pyxc.native
def total(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += x
    return s

@pyxc.native
def first_c(a: f64[::1]) -> float:
    return a[0]

@pyxc.native
def views(m: f64[:, ::1], i: int, k: int) -> float:
    row = m[i]
    row[0] = 1.0
    m[i][1] += 2.0
    inner = row[1:-1]
    s = total(m[:, k]) + total(inner[::k]) + first_c(m[i]) + first_c(m[1:][0])
    for r in m:
        s += total(r)
    for x in pyxc.zeros(4)[::2]:
        s += x
    n, p = m[1:, ::2].shape
    return s + len(row) + n + p + m[i].ndim
)PY";

// A loop over a row view (local `row = m[i]`) with the default index
// checks: the range check before the loop covers `row[j]` and `out[j]`.
const char kRowLoop[] = R"PY(
@pyxc.native
def add_rows(m: f64[:, ::1], out: f64[::1]) -> None:
    for i in range(m.shape[0]):
        row = m[i]
        for j in range(row.shape[0]):
            out[j] += row[j]
)PY";

TEST(EmitArrays, ViewsCompileWithoutWarnings) {
  Emitted emitted = emitPython(kViews);
  ASSERT_EQ(emitted.diagnostics, "");
  for (const std::string& cxx : testCompilers()) {
    CommandResult result = compileEmitted(emitted.cpp, cxx, "-std=c++20 -O2 -fsyntax-only -Wall -Wextra -Werror");
    EXPECT_EQ(result.exitCode, 0) << cxx << "\n" << result.output;
  }
}

TEST(EmitArrays, RowViewLoopVectorizes) {
  Emitted emitted = emitPython(kRowLoop);
  ASSERT_EQ(emitted.diagnostics, "");
  CommandResult result = compileEmitted(emitted.cpp, PYXC_TEST_CXX, "-std=c++20 -O3 -fPIC -c -fopt-info-vec-optimized");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_TRUE(reportsVectorizedLoopInPython(result.output)) << result.output;
}

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
