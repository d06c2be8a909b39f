// A noexcept helper reached without the GIL that lets an exception out calls
// std::terminate: the call that leaks is reported, inside the helper.
// RUN: %expect-exit 1 %pyxc-verify %s 2>&1 | %FileCheck %s
#include <pyxc/runtime.h>

#include <string>

static int64_t parse(const std::string& text) noexcept {
  return std::stoll(text);
}

static PyObject* parse__vectorcall(PyObject*, PyObject* const*, size_t, PyObject*) {
  std::string text = "12";
  return pyxc::rt::call_nogil([&]() { return parse(text); });
}
// CHECK: noexcept_terminates.cpp:9: error: exception can leave noexcept 'parse' without the GIL (std::terminate): {{.*}} (C++: {{.*}}noexcept_terminates.cpp:9:10)
// CHECK-NOT: error
