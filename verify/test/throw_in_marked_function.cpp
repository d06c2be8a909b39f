// A worker entry point must turn every C++ exception into something the
// GIL-holding side reports: an uncaught call that may throw is a finding,
// the same call inside try/catch(...) is not.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <pyxc/gil_annotations.h>

#include <functional>
#include <vector>

PYXC_RUNS_WITHOUT_GIL void drain(std::vector<int>& out) {
  try {
    out.push_back(1);
  } catch (...) {
  }
#line 50 "pkg/drain.py"
  out.push_back(2);
}
// CHECK: pkg/drain.py:50: error: exception can leave the GIL-free region uncaught: call to {{.*}} (no body visible, not noexcept) at {{.*}} (C++: {{.*}}throw_in_marked_function.cpp:16:3)
// CHECK-NOT: error
