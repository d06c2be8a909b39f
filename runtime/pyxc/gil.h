// Running a native body and turning its result or C++ exception into Python.
#pragma once

#include <Python.h>

#include <exception>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

#include "convert.h"
#include "errors.h"
#include "python_errors.h"

namespace pyxc::rt {

namespace detail {

// Runs body() and catches every C++ exception into `error` (never lets one
// escape: the caller may not hold the GIL).
template <class F, class R = std::invoke_result_t<F>>
bool run_catching(F& body, std::optional<std::conditional_t<std::is_void_v<R>, int, R>>& result,
                  std::optional<Error>& error) noexcept {
  try {
    if constexpr (std::is_void_v<R>) {
      body();
      result.emplace(0);
    } else {
      result.emplace(body());
    }
    return true;
  } catch (Error& e) {
    error.emplace(std::move(e));
  } catch (const std::bad_alloc&) {
    error.emplace(Error{Exc::MemoryError, {}});
  } catch (const std::exception& e) {
    try {
      error.emplace(Error{Exc::RuntimeError, e.what()});
    } catch (...) {
      error.emplace(Error{Exc::MemoryError, {}});
    }
  } catch (...) {
    // The message outgrows the small-string buffer: building it can throw
    // bad_alloc, which must not leave this noexcept function (pyxc-verify).
    try {
      error.emplace(Error{Exc::RuntimeError, "unknown C++ exception in native code"});
    } catch (...) {
      error.emplace(Error{Exc::MemoryError, {}});
    }
  }
  return false;
}

template <class R, class Value>
PyObject* finish(std::optional<Value>& result, std::optional<Error>& error) {
  if (error) {
    set_python_error(*error);
    return nullptr;
  }
  if constexpr (std::is_void_v<R>) {
    Py_INCREF(Py_None);
    return Py_None;
  } else {
    return to_py(std::move(*result));
  }
}

}  // namespace detail

// Releases the GIL around body(); returns to_py(result) (None for void), or
// nullptr with the Python exception set.
template <class F>
PyObject* call_nogil(F&& body) {
  using R = std::invoke_result_t<F>;
  std::optional<std::conditional_t<std::is_void_v<R>, int, R>> result;
  std::optional<Error> error;
  PyThreadState* state = PyEval_SaveThread();
  detail::run_catching(body, result, error);
  PyEval_RestoreThread(state);
  return detail::finish<R>(result, error);
}

// As call_nogil, keeping the GIL (straight-line bodies, see docs/semantics.md).
template <class F>
PyObject* call_with_gil(F&& body) {
  using R = std::invoke_result_t<F>;
  std::optional<std::conditional_t<std::is_void_v<R>, int, R>> result;
  std::optional<Error> error;
  detail::run_catching(body, result, error);
  return detail::finish<R>(result, error);
}

}  // namespace pyxc::rt
