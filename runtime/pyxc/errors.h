// Exceptions raised by native code. Kept free of <Python.h>: native bodies run
// without the GIL and report errors as C++ exceptions, which the call wrappers
// (gil.h) turn into Python exceptions once the GIL is held again.
#pragma once

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
};

struct Error {
  Exc type;
  std::string message;  // empty: the exception is raised without arguments
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

}  // namespace pyxc::rt
