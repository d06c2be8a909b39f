// What generated code does, and the GIL-aware patterns a worker may use:
// nothing is reported and the exit status is 0.
// RUN: %pyxc-verify %s 2>&1 | %FileCheck %s --allow-empty --implicit-check-not=error
#include <pyxc/gil_annotations.h>
#include <pyxc/runtime.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

static int64_t total__impl(int64_t n_);

static PyObject* total__vectorcall(PyObject*, PyObject* const* args, size_t, PyObject*) {
  int64_t n_{};
  if (!pyxc::rt::from_py(args[0], &n_, "total", "n")) return nullptr;
  return pyxc::rt::call_nogil([&]() { return total__impl(n_); });
}

#line 3 "pkg/total.py"
static int64_t total__impl(int64_t n_) {
  int64_t s_ = 0;
#line 4 "pkg/total.py"
  for (int64_t i = 0; i < n_; ++i) s_ = pyxc::rt::add(s_, i);
  if (s_ < 0) pyxc::rt::raise(pyxc::rt::Exc::ValueError, "negative");
  return s_;
}

// Catches what it calls; takes the GIL before touching objects.
PYXC_RUNS_WITHOUT_GIL void worker(bool failed, PyObject* result) noexcept {
  try {
    if (failed) throw std::runtime_error("no result");
  } catch (...) {
  }
  PyGILState_STATE gil = PyGILState_Ensure();
  Py_DECREF(result);
  PyGILState_Release(gil);
}

PyObject* wait_for(PyObject* object) {
  Py_INCREF(object);
  Py_BEGIN_ALLOW_THREADS
  try {
    throw std::runtime_error("caught in the region");
  } catch (...) {
  }
  Py_END_ALLOW_THREADS
  return object;
}

// A worker loop in the style of runtime/pyxc/thread_pool.h: the standard
// locks' std::system_error (a broken lock invariant) is not counted, and a
// task called through a noexcept function pointer cannot throw.
struct Queue {
  std::mutex mutex;
  std::condition_variable wake;
  void (*task)(void*) noexcept = nullptr;
  bool stopping = false;

  PYXC_RUNS_WITHOUT_GIL void work() noexcept {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [this] { return stopping || task; });
      if (stopping) return;
      auto run = task;
      task = nullptr;
      lock.unlock();
      run(nullptr);
      lock.lock();
    }
  }
};
