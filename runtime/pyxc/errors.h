// Exceptions raised by native code. Kept free of <Python.h>: native bodies run
// without the GIL and report errors as C++ exceptions, which the call wrappers
// (gil.h) turn into Python exceptions once the GIL is held again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace pyxc::rt {

enum class Exc {
  ValueError,
  TypeError,
  IndexError,
  KeyError,
  ZeroDivisionError,
  OverflowError,
  ArithmeticError,
  AssertionError,
  RuntimeError,
  NotImplementedError,
  UnboundLocalError,
  MemoryError,
  RecursionError,
};

struct Error {
  Exc type;
  std::string message;  // empty: the exception is raised without arguments
  // A Python exception raised inside `with pyxc.gil():` (with_gil.h): the
  // exception object itself (an owned reference whose deleter takes the GIL),
  // restored unchanged by set_python_error; `type` and `message` are unused.
  std::shared_ptr<void> python = nullptr;
};

// noinline keeps the throw out of hot loops: the checks stay a compare and a
// never-taken branch to a cold call.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise(Exc type, std::string message) {
  throw Error{type, std::move(message)};
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_unbound_local(const char* name) {
  throw Error{Exc::UnboundLocalError, std::string("cannot access local variable '") + name +
                                          "' where it is not associated with a value"};
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_assertion(std::string message = {}) {
  throw Error{Exc::AssertionError, std::move(message)};
}

// Recursion between native functions is bounded like Python's: functions in
// a call cycle take a budget (the caller's minus one) and raise at zero
// instead of overflowing the C stack. Entry from Python starts from
// sys.getrecursionlimit() (capped: native frames live on the thread's C
// stack), a call from a non-recursive native function from CPython's
// default limit.
inline constexpr int64_t kDefaultRecursionLimit = 1000;
inline constexpr int64_t kMaxNativeRecursion = 20000;

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_recursion_error() {
  throw Error{Exc::RecursionError, "maximum recursion depth exceeded"};
}

}  // namespace pyxc::rt
