// `.aio(...)` of a compiled function: the call runs on the process's native
// worker pool (thread_pool.h) and resolves an asyncio future in the caller's
// running loop (docs/semantics.md, "asyncio and threads").
//
// Caller thread (GIL held): the wrapper converts the arguments, then
// submit_aio() creates loop.create_future(), moves the converted arguments
// and the body into a job and posts it to the pool. Worker (no GIL): runs the
// body, pushes the job onto the loop's completion stack and, when the stack
// was empty, writes the loop's eventfd. Loop thread (GIL held): the eventfd's
// reader (loop.add_reader) takes every finished job at once, sets the
// futures that are still pending (result or exception) and destroys the jobs,
// which releases the argument buffers. Thousands of completions cost one
// wakeup, and workers never wait for the GIL. A done callback on each future
// lets a worker skip a call cancelled before it started; a loop without
// add_reader gets a watcher thread instead (start_aio_watcher).
#pragma once

#include <Python.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

#include "errors.h"
#include "gil.h"
#include "gil_annotations.h"
#include "thread_pool.h"

namespace pyxc::rt {

struct AioJob;

// What workers share with one event loop: the stack of finished jobs and the
// eventfd the loop watches. Atomically reference counted, because a worker
// still writes the eventfd after the loop may have taken (and freed) its job.
struct AioCompletions {
  std::atomic<AioJob*> finished{nullptr};
  std::atomic<int64_t> refs{1};
  int eventfd = -1;

  void retain() { refs.fetch_add(1, std::memory_order_relaxed); }
  PYXC_RUNS_WITHOUT_GIL void release() noexcept {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      if (eventfd >= 0) ::close(eventfd);
      delete this;
    }
  }
};

// Set (by a done callback of the future, on the loop thread) when the future
// is cancelled; a worker that has not started the call yet then skips it.
// Shared by the job and the callback; both drop it with the GIL held.
struct AioCancelFlag {
  std::atomic<bool> cancelled{false};
  int refs = 2;
  void release() {
    if (--refs == 0) delete this;
  }
};

// One `.aio` call in flight. `run_body` runs on a worker without the GIL; `take_result`
// (a new reference, or nullptr with the Python error set) and `destroy` run on
// the loop thread with the GIL.
struct AioJob {
  void (*run_body)(AioJob*) noexcept;
  PyObject* (*take_result)(AioJob*);
  void (*destroy)(AioJob*);
  AioJob* next = nullptr;
  PyObject* future = nullptr;  // strong reference, touched only with the GIL
  AioCompletions* completions = nullptr;
  AioCancelFlag* cancel_flag = nullptr;
  bool skipped = false;  // set by the worker before it hands the job to the loop
};

namespace detail {

template <class F>
struct AioCall final : AioJob {
  using R = std::invoke_result_t<F&>;
  using Value = std::conditional_t<std::is_void_v<R>, int, R>;

  explicit AioCall(F&& f) noexcept : body(std::move(f)) {
    AioJob::run_body = &AioCall::run;
    AioJob::take_result = &AioCall::result_to_py;
    AioJob::destroy = &AioCall::destroy_call;
  }

  PYXC_RUNS_WITHOUT_GIL static void run(AioJob* job) noexcept {
    auto* call = static_cast<AioCall*>(job);
    detail::run_catching(call->body, call->result, call->error);
  }
  static PyObject* result_to_py(AioJob* job) {
    auto* call = static_cast<AioCall*>(job);
    return detail::finish<R>(call->result, call->error);
  }
  static void destroy_call(AioJob* job) { delete static_cast<AioCall*>(job); }

  F body;  // owns the converted arguments (BufferArgs: released here, with the GIL)
  std::optional<Value> result;
  std::optional<Error> error;
};

// The pool task of a job: run it, then hand it to its loop.
PYXC_RUNS_WITHOUT_GIL inline void run_aio_job(void* data) noexcept {
  auto* job = static_cast<AioJob*>(data);
  AioCompletions* completions = job->completions;  // the loop may free `job` once it is pushed
  if (job->cancel_flag->cancelled.load(std::memory_order_relaxed))
    job->skipped = true;
  else
    job->run_body(job);
  AioJob* head = completions->finished.load(std::memory_order_relaxed);
  do {
    job->next = head;
  } while (!completions->finished.compare_exchange_weak(head, job, std::memory_order_release,
                                                        std::memory_order_relaxed));
  if (head == nullptr) {  // the loop may be asleep: wake it (once per batch)
    uint64_t one = 1;
    ssize_t written = ::write(completions->eventfd, &one, sizeof one);
    (void)written;  // only fails when the counter is full, and then the loop is awake anyway
  }
  completions->release();
}

}  // namespace detail

// Internal linkage: each extension module keeps its own loop channels and
// cached lookups (see function.h for why).
namespace {

PyObject* aio_get_running_loop = nullptr;  // asyncio.events._get_running_loop
PyObject* aio_channels = nullptr;          // weakref.WeakKeyDictionary: loop -> capsule(AioCompletions)
PyObject* aio_cached_loop = nullptr;       // weakref to the loop of the last call
AioCompletions* aio_cached_completions = nullptr;  // its completions (alive while that loop is)
PyObject* aio_name_create_future = nullptr;
PyObject* aio_name_done = nullptr;
PyObject* aio_name_set_result = nullptr;
PyObject* aio_name_set_exception = nullptr;
PyObject* aio_name_add_reader = nullptr;
PyObject* aio_name_add_done_callback = nullptr;

const char* const kAioCapsuleName = "pyxc.aio_completions";

// Sets the future of a finished job (unless it was cancelled or otherwise
// done: then the result is dropped) and destroys the job. Never leaves an
// error set: a failure to set the future is reported as unraisable.
inline void complete_aio_job(AioJob* job) {
  PyObject* done = PyObject_CallMethodNoArgs(job->future, aio_name_done);
  int is_done = done ? PyObject_IsTrue(done) : -1;
  Py_XDECREF(done);
  if (is_done == 0 && job->skipped) {  // not reached: only a cancelled future skips
    PyObject* cancelled = PyObject_CallMethod(job->future, "cancel", nullptr);
    Py_XDECREF(cancelled);
  } else if (is_done == 0) {
    PyObject* value = job->take_result(job);
    PyObject* outcome = nullptr;
    if (value) {
      outcome = PyObject_CallMethodOneArg(job->future, aio_name_set_result, value);
      Py_DECREF(value);
    } else {
      PyObject *type, *exception, *traceback;
      PyErr_Fetch(&type, &exception, &traceback);
      PyErr_NormalizeException(&type, &exception, &traceback);
      if (exception) {
        if (traceback) PyException_SetTraceback(exception, traceback);
        outcome = PyObject_CallMethodOneArg(job->future, aio_name_set_exception, exception);
      }
      Py_XDECREF(type);
      Py_XDECREF(exception);
      Py_XDECREF(traceback);
    }
    if (outcome) Py_DECREF(outcome);
  }
  if (PyErr_Occurred()) PyErr_WriteUnraisable(job->future);
  Py_DECREF(job->future);
  job->cancel_flag->release();
  job->destroy(job);
}

// The eventfd's reader callback (loop thread, GIL held).
inline PyObject* drain_aio_completions(PyObject* capsule, PyObject*) {
  auto* completions = static_cast<AioCompletions*>(PyCapsule_GetPointer(capsule, kAioCapsuleName));
  if (!completions) return nullptr;
  // Read the eventfd before taking the stack: a worker pushing after the
  // exchange finds it empty and writes again, so no wakeup is lost.
  uint64_t count;
  ssize_t got = ::read(completions->eventfd, &count, sizeof count);
  (void)got;  // EAGAIN: a spurious wakeup, or a batch already taken
  AioJob* stack = completions->finished.exchange(nullptr, std::memory_order_acquire);
  AioJob* in_order = nullptr;  // the stack is newest first; complete oldest first
  while (stack) {
    AioJob* next = stack->next;
    stack->next = in_order;
    in_order = stack;
    stack = next;
  }
  while (in_order) {
    AioJob* next = in_order->next;
    complete_aio_job(in_order);
    in_order = next;
  }
  Py_RETURN_NONE;
}

PyMethodDef aio_drain_def = {"pyxc_aio_drain", drain_aio_completions, METH_NOARGS, nullptr};

// Loops without add_reader (a custom loop, say): a daemon Python thread
// waits on the eventfd without the GIL and asks the loop to drain with
// call_soon_threadsafe. It holds the loop weakly and ends once the loop is
// closed or gone (checked at least every second). `self` is the tuple
// (drain, weakref to the loop).
inline PyObject* watch_aio_completions(PyObject* self, PyObject*) {
  PyObject* drain = PyTuple_GET_ITEM(self, 0);
  PyObject* loop_ref = PyTuple_GET_ITEM(self, 1);
  auto* completions = static_cast<AioCompletions*>(PyCapsule_GetPointer(PyCFunction_GET_SELF(drain), kAioCapsuleName));
  if (!completions) return nullptr;
  for (;;) {
    int ready;
    Py_BEGIN_ALLOW_THREADS
    pollfd watched{completions->eventfd, POLLIN, 0};
    ready = ::poll(&watched, 1, 1000);
    Py_END_ALLOW_THREADS
    PyObject* loop = PyWeakref_GET_OBJECT(loop_ref);
    if (loop == Py_None) break;
    uint64_t count;
    if (ready > 0 && ::read(completions->eventfd, &count, sizeof count) == sizeof count) {
      // Read before the drain takes the stack (see drain_aio_completions).
      PyObject* scheduled = PyObject_CallMethod(loop, "call_soon_threadsafe", "O", drain);
      if (!scheduled) break;  // the loop is closed
      Py_DECREF(scheduled);
      continue;
    }
    PyObject* closed = PyObject_CallMethod(loop, "is_closed", nullptr);
    int is_closed = closed ? PyObject_IsTrue(closed) : 1;
    Py_XDECREF(closed);
    if (is_closed) break;
  }
  PyErr_Clear();
  Py_RETURN_NONE;
}

PyMethodDef aio_watch_def = {"pyxc_aio_watch", watch_aio_completions, METH_NOARGS, nullptr};

// Starts the watcher thread of `drain` for `loop`; false with an error set.
inline bool start_aio_watcher(PyObject* loop, PyObject* drain) {
  PyObject* loop_ref = PyWeakref_NewRef(loop, nullptr);
  PyObject* state = loop_ref ? PyTuple_Pack(2, drain, loop_ref) : nullptr;
  Py_XDECREF(loop_ref);
  PyObject* watch = state ? PyCFunction_New(&aio_watch_def, state) : nullptr;
  Py_XDECREF(state);
  PyObject* threading = watch ? PyImport_ImportModule("threading") : nullptr;
  PyObject* thread = nullptr;
  if (threading) {
    PyObject* thread_type = PyObject_GetAttrString(threading, "Thread");
    PyObject* no_args = thread_type ? PyTuple_New(0) : nullptr;
    PyObject* kwargs = no_args ? Py_BuildValue("{s:O,s:s,s:O}", "target", watch, "name", "pyxc-aio-watcher",
                                               "daemon", Py_True)
                               : nullptr;
    thread = kwargs ? PyObject_Call(thread_type, no_args, kwargs) : nullptr;
    Py_XDECREF(kwargs);
    Py_XDECREF(no_args);
    Py_XDECREF(thread_type);
  }
  PyObject* started = thread ? PyObject_CallMethod(thread, "start", nullptr) : nullptr;
  Py_XDECREF(started);
  Py_XDECREF(thread);
  Py_XDECREF(threading);
  Py_XDECREF(watch);
  return started != nullptr;
}

const char* const kAioCancelCapsuleName = "pyxc.aio_cancel_flag";

// future.add_done_callback(...) of every .aio future.
inline PyObject* note_aio_future_done(PyObject* capsule, PyObject* future) {
  auto* flag = static_cast<AioCancelFlag*>(PyCapsule_GetPointer(capsule, kAioCancelCapsuleName));
  if (!flag) return nullptr;
  PyObject* cancelled = PyObject_CallMethod(future, "cancelled", nullptr);
  if (!cancelled) return nullptr;
  if (cancelled == Py_True) flag->cancelled.store(true, std::memory_order_relaxed);
  Py_DECREF(cancelled);
  Py_RETURN_NONE;
}

PyMethodDef aio_done_def = {"pyxc_aio_done", note_aio_future_done, METH_O, nullptr};

inline void release_aio_cancel_capsule(PyObject* capsule) {
  if (auto* flag = static_cast<AioCancelFlag*>(PyCapsule_GetPointer(capsule, kAioCancelCapsuleName)))
    flag->release();
}

// A new cancel flag whose done callback is registered on `future`; nullptr
// with an error set on failure.
inline AioCancelFlag* watch_aio_cancel(PyObject* future) {
  auto* flag = new (std::nothrow) AioCancelFlag;
  if (!flag) {
    PyErr_NoMemory();
    return nullptr;
  }
  PyObject* capsule = PyCapsule_New(flag, kAioCancelCapsuleName, release_aio_cancel_capsule);
  if (!capsule) {
    delete flag;
    return nullptr;
  }
  PyObject* callback = PyCFunction_New(&aio_done_def, capsule);
  Py_DECREF(capsule);
  PyObject* added = callback ? PyObject_CallMethodOneArg(future, aio_name_add_done_callback, callback) : nullptr;
  Py_XDECREF(callback);
  if (!added) {
    flag->release();  // the job's reference; the capsule's went with the callback
    return nullptr;
  }
  Py_DECREF(added);
  return flag;
}

inline void release_aio_capsule(PyObject* capsule) {
  if (auto* completions = static_cast<AioCompletions*>(PyCapsule_GetPointer(capsule, kAioCapsuleName)))
    completions->release();
}

inline bool aio_init_once() {
  if (aio_get_running_loop) return true;
  PyObject* events = PyImport_ImportModule("asyncio.events");
  PyObject* weakref = events ? PyImport_ImportModule("weakref") : nullptr;
  PyObject* get_loop = weakref ? PyObject_GetAttrString(events, "_get_running_loop") : nullptr;
  PyObject* channels = get_loop ? PyObject_CallMethod(weakref, "WeakKeyDictionary", nullptr) : nullptr;
  Py_XDECREF(events);
  Py_XDECREF(weakref);
  if (!channels) {
    Py_XDECREF(get_loop);
    return false;
  }
  aio_name_create_future = PyUnicode_InternFromString("create_future");
  aio_name_done = PyUnicode_InternFromString("done");
  aio_name_set_result = PyUnicode_InternFromString("set_result");
  aio_name_set_exception = PyUnicode_InternFromString("set_exception");
  aio_name_add_reader = PyUnicode_InternFromString("add_reader");
  aio_name_add_done_callback = PyUnicode_InternFromString("add_done_callback");
  if (!aio_name_create_future || !aio_name_done || !aio_name_set_result || !aio_name_set_exception ||
      !aio_name_add_reader || !aio_name_add_done_callback) {
    Py_DECREF(get_loop);
    Py_DECREF(channels);
    return false;
  }
  aio_channels = channels;
  aio_get_running_loop = get_loop;  // last: marks the state complete
  return true;
}

// A new channel for `loop`: an eventfd the loop watches, registered in
// aio_channels. Borrowed completions, or nullptr with an error set.
inline AioCompletions* create_aio_channel(PyObject* loop) {
  int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd < 0) {
    PyErr_SetFromErrno(PyExc_OSError);
    return nullptr;
  }
  auto* completions = new AioCompletions;
  completions->eventfd = fd;
  PyObject* capsule = PyCapsule_New(completions, kAioCapsuleName, release_aio_capsule);
  if (!capsule) {
    completions->release();
    return nullptr;
  }
  PyObject* drain = PyCFunction_New(&aio_drain_def, capsule);
  PyObject* fd_object = drain ? PyLong_FromLong(fd) : nullptr;
  PyObject* added = fd_object ? PyObject_CallMethodObjArgs(loop, aio_name_add_reader, fd_object, drain, nullptr)
                              : nullptr;
  Py_XDECREF(fd_object);
  if (!added && drain && PyErr_ExceptionMatches(PyExc_NotImplementedError)) {
    PyErr_Clear();
    if (start_aio_watcher(loop, drain)) added = Py_NewRef(Py_None);
  }
  Py_XDECREF(drain);
  if (!added) {
    Py_DECREF(capsule);
    return nullptr;
  }
  Py_DECREF(added);
  int stored = PyObject_SetItem(aio_channels, loop, capsule);
  Py_DECREF(capsule);  // the loop's reader and aio_channels hold it
  return stored < 0 ? nullptr : completions;
}

// The completions of the running `loop` (borrowed), creating its channel on
// the first call in that loop.
inline AioCompletions* aio_completions_for(PyObject* loop) {
  if (aio_cached_loop && PyWeakref_GET_OBJECT(aio_cached_loop) == loop) return aio_cached_completions;
  AioCompletions* completions = nullptr;
  if (PyObject* capsule = PyObject_GetItem(aio_channels, loop)) {
    completions = static_cast<AioCompletions*>(PyCapsule_GetPointer(capsule, kAioCapsuleName));
    Py_DECREF(capsule);  // aio_channels keeps it while the loop lives
  } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyErr_Clear();
    completions = create_aio_channel(loop);
  }
  if (!completions) return nullptr;
  PyObject* loop_ref = PyWeakref_NewRef(loop, nullptr);
  if (!loop_ref) return nullptr;
  Py_XSETREF(aio_cached_loop, loop_ref);
  aio_cached_completions = completions;
  return completions;
}

}  // namespace

namespace {

// The part of submit_aio that does not depend on the body (one copy per
// module, not one per function): finds the loop, makes the future, posts
// `job`. Destroys `job` on failure (GIL held, so its buffers are released).
[[gnu::noinline]] inline PyObject* submit_aio_job(AioJob* job) {
  auto fail = [job](PyObject* future) -> PyObject* {
    Py_XDECREF(future);
    job->destroy(job);
    return nullptr;
  };
  if (!aio_init_once()) return fail(nullptr);
  PyObject* loop = PyObject_CallNoArgs(aio_get_running_loop);
  if (!loop) return fail(nullptr);
  if (loop == Py_None) {
    Py_DECREF(loop);
    PyErr_SetString(PyExc_RuntimeError, "no running event loop");
    return fail(nullptr);
  }
  AioCompletions* completions = aio_completions_for(loop);
  PyObject* future = completions ? PyObject_CallMethodNoArgs(loop, aio_name_create_future) : nullptr;
  Py_DECREF(loop);
  if (!future) return fail(nullptr);
  AioCancelFlag* cancel_flag = watch_aio_cancel(future);
  if (!cancel_flag) return fail(future);
  job->future = Py_NewRef(future);
  job->cancel_flag = cancel_flag;
  job->completions = completions;
  completions->retain();
  if (!thread_pool().post(PoolTask{&detail::run_aio_job, job})) {  // no memory, or no thread could be started
    completions->release();
    Py_DECREF(job->future);
    job->cancel_flag->release();
    PyErr_SetString(PyExc_RuntimeError, "pyxc .aio could not start a worker");
    return fail(future);
  }
  return future;
}

}  // namespace

// Runs body() on the worker pool and returns an asyncio future of the running
// loop that resolves to to_py(result), or to the Python exception of the
// pyxc::rt::Error it threw. GIL held; nullptr with an error set when there is
// no running loop (RuntimeError, as asyncio.get_running_loop()). `body` owns
// the converted arguments: it is destroyed on the loop thread, with the GIL.
template <class F>
PyObject* submit_aio(F&& body) {
  auto* job = new (std::nothrow) detail::AioCall<std::decay_t<F>>(std::forward<F>(body));
  if (!job) return PyErr_NoMemory();
  return submit_aio_job(job);
}

}  // namespace pyxc::rt
