// A build's warning flags reach the checker (`pyxc build --verify` passes
// them on), but a warning clang gives and g++ does not, even under -Werror,
// is neither a finding nor "cannot parse": exit 0. (A random program's
// `bool & bool` once failed every verified build this way.)
// RUN: %pyxc-verify %s -- -Wall -Wextra -Werror 2>&1 | %FileCheck %s --allow-empty --implicit-check-not=error
#include <pyxc/runtime.h>

static bool both__impl(bool a_, int64_t b_) {
  return static_cast<bool>(static_cast<bool>(a_ ^ (b_ > 7)) & (b_ < 3 ? true : a_));
}

static PyObject* both__vectorcall(PyObject*, PyObject* const* args, size_t, PyObject*) {
  bool a_ = args[0] == Py_True;
  int64_t b_ = 0;
  return pyxc::rt::call_nogil([&]() { return both__impl(a_, b_); });
}
