// prange code must compile warning-free with both compilers, and the inner
// loop of a prange body must still vectorize (the chunk lambda works on
// copies of the array views, not references into the caller's frame).
#include <gtest/gtest.h>


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

TEST(EmitParallel, CompilesWithoutWarnings) {
  Emitted emitted = emitPython(kParallel);
  ASSERT_EQ(emitted.diagnostics, "");
  for (const std::string& cxx : testCompilers()) {
    CommandResult result = compileEmitted(emitted.cpp, cxx, "-std=c++20 -O2 -fsyntax-only -Wall -Wextra -Werror");
    EXPECT_EQ(result.exitCode, 0) << cxx << ":\n" << result.output;
  }
}

TEST(EmitParallel, InnerLoopOfAPrangeBodyVectorizes) {
  Emitted emitted = emitPython(kVectorizable);
  ASSERT_EQ(emitted.diagnostics, "");
  CommandResult result = compileEmitted(emitted.cpp, PYXC_TEST_CXX, "-std=c++20 -O3 -fPIC -c -fopt-info-vec-optimized");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_TRUE(reportsVectorizedLoopInPython(result.output)) << result.output;
}

}  // namespace
