#include "compiler/driver/bench.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace pyxc::driver {
namespace {

// `pyxc bench` must run the harness in the same Python the workers use, so
// the --python among the forwarded arguments wins over the environment.
TEST(BenchPython, ExplicitOptionWins) {
  setenv("PYXC_PYTHON", "/env/python", 1);
  EXPECT_EQ(benchPython({"benchmarks", "--python", "/opt/py/bin/python3", "--samples", "5"}), "/opt/py/bin/python3");
  EXPECT_EQ(benchPython({"--python=/opt/py3"}), "/opt/py3");
  EXPECT_EQ(benchPython({"--samples", "5"}), "/env/python");
  unsetenv("PYXC_PYTHON");
  EXPECT_EQ(benchPython({}), "python3");
  // A dangling --python is the harness's usage error to report, not ours.
  EXPECT_EQ(benchPython({"--python"}), "python3");
}

}  // namespace
}  // namespace pyxc::driver
