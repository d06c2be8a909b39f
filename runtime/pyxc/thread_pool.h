// The native worker threads that run prange chunks and .aio calls. They never
// hold the GIL and never touch Python objects: whoever posts a task converts
// arguments before and results after, on a thread that holds the GIL.
//
// One pool per process, shared by every module built with the same pool ABI
// (kSharedPoolAbi): the first module imported publishes its pool's
// SharedPoolApi (shared_pool.h, at module init, GIL held) and later modules
// post through it; a module that finds an incompatible one keeps its own. The
// pool is created on first use with PYXC_NUM_THREADS workers (default: the
// number of CPUs) and never destroyed: joining at exit would wait for
// whatever is still running, other modules hold its API, and CPython never
// unloads extension modules, so the publishing module's code stays mapped.
#pragma once

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "gil_annotations.h"

namespace pyxc::rt {

// A unit of work: run(data) on some worker. It must not throw (workers have
// nowhere to send an exception); the poster owns `data` and frees it, usually
// from inside run.
struct PoolTask {
  void (*run)(void* data) noexcept;
  void* data;
};

// Threads to use: PYXC_NUM_THREADS when it is a positive integer, else the
// number of CPUs (at least 1).
inline unsigned configured_thread_count() {
  if (const char* text = std::getenv("PYXC_NUM_THREADS")) {
    char* end = nullptr;
    long value = std::strtol(text, &end, 10);
    if (end != text && *end == '\0' && value > 0) return static_cast<unsigned>(value > 1024 ? 1024 : value);
  }
  unsigned cpus = std::thread::hardware_concurrency();
  return cpus ? cpus : 1u;
}

class ThreadPool {
 public:
  // Throws when a thread cannot be started (after joining those that were).
  explicit ThreadPool(unsigned workers) : size_(workers ? workers : 1u) {
    try {
      threads_.reserve(size_);
      for (unsigned i = 0; i < size_; ++i) threads_.emplace_back([this] { work(); });
    } catch (...) {
      stop_and_join();
      throw;
    }
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool() { stop_and_join(); }

  unsigned size() const { return size_; }

  // Queued behind earlier tasks (.aio calls: first come, first served).
  void post(PoolTask task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(task);
    }
    wake_.notify_one();
  }

  // Ahead of queued tasks: prange helpers, whose caller is already running
  // chunks and waits for them.
  void post_urgent(PoolTask task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_front(task);
    }
    wake_.notify_one();
  }

 private:
  void stop_and_join() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

  PYXC_RUNS_WITHOUT_GIL void work() noexcept {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      PoolTask task = queue_.front();
      queue_.pop_front();
      lock.unlock();
      task.run(task.data);
      lock.lock();
    }
  }

  unsigned size_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<PoolTask> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// What modules share: a plain C table, so that a module calls another
// module's pool without sharing any C++ type or symbol with it. The layout
// of a given kSharedPoolAbi never changes; anything else (a field, a
// different meaning) takes a new number, and with it a new capsule name
// (shared_pool.h), so modules of different pyxc versions that agree on the
// number share one pool and the others keep their own. Every function is
// callable from any thread, with or without the GIL, and never throws.
inline constexpr uint32_t kSharedPoolAbi = 1;

struct SharedPoolApi {
  uint32_t abi;          // kSharedPoolAbi of the module that filled it in
  uint32_t struct_size;  // sizeof(SharedPoolApi) there
  // Worker threads (at least 1); starts them on the first call. 1 too when
  // no thread could be started, so that loops then run on their caller.
  unsigned (*size)() noexcept;
  // Queue run(data) behind earlier tasks / ahead of them; false when it
  // could not be queued (no memory, no thread could be started).
  bool (*post)(void (*run)(void*) noexcept, void* data) noexcept;
  bool (*post_urgent)(void (*run)(void*) noexcept, void* data) noexcept;
};

// Whether `api` (published by some module) can be called by this one.
inline bool shared_pool_api_compatible(const SharedPoolApi* api) {
  return api && api->abi == kSharedPoolAbi && api->struct_size >= sizeof(SharedPoolApi) && api->size &&
         api->post && api->post_urgent;
}

// Internal linkage: each module has its own copy of the code below (a
// function with external linkage would be merged across modules by the
// dynamic linker, whatever pyxc version built them); only the table is shared.
namespace {

std::atomic<ThreadPool*> module_thread_pool{nullptr};
std::once_flag module_thread_pool_atfork;

// This module's own pool, created on first use. After fork() the child has
// no worker threads: it forgets the parent's pool (leaked: its mutex may be
// held) and creates its own on first use; modules posting through this
// module's SharedPoolApi then reach the new one. No lock here, so that none
// can be left held across a fork.
inline ThreadPool& own_thread_pool() {
  ThreadPool* pool = module_thread_pool.load(std::memory_order_acquire);
  if (pool) return *pool;
  std::call_once(module_thread_pool_atfork, [] {
    pthread_atfork(nullptr, nullptr, [] { module_thread_pool.store(nullptr); });
  });
  auto* created = new ThreadPool(configured_thread_count());
  if (module_thread_pool.compare_exchange_strong(pool, created, std::memory_order_acq_rel))
    return *created;
  delete created;  // another thread won the race; its pool is `pool`
  return *pool;
}

// What the table calls, from any module's threads (GIL or not: hence the
// markers, which pyxc-verify cannot reach through the table's pointers).
PYXC_RUNS_WITHOUT_GIL unsigned own_pool_size() noexcept {
  try {
    return own_thread_pool().size();
  } catch (...) {
    return 1;
  }
}

PYXC_RUNS_WITHOUT_GIL bool own_pool_post(void (*run)(void*) noexcept, void* data) noexcept {
  try {
    own_thread_pool().post(PoolTask{run, data});
    return true;
  } catch (...) {
    return false;
  }
}

PYXC_RUNS_WITHOUT_GIL bool own_pool_post_urgent(void (*run)(void*) noexcept, void* data) noexcept {
  try {
    own_thread_pool().post_urgent(PoolTask{run, data});
    return true;
  } catch (...) {
    return false;
  }
}

// The table this module publishes when it is the first to need one.
const SharedPoolApi own_pool_api = {kSharedPoolAbi, sizeof(SharedPoolApi), &own_pool_size, &own_pool_post,
                                    &own_pool_post_urgent};

// The pool this module posts to: set once, at module init with the GIL held
// (join_shared_pool in shared_pool.h), before any of its tasks exists; the
// module's own pool until then (and in the runtime's unit tests, which have
// no Python).
std::atomic<const SharedPoolApi*> module_pool_api{&own_pool_api};

// Makes `api` the pool of this module; false (and nothing changed) when it
// is not compatible.
inline bool use_pool_api(const SharedPoolApi* api) {
  if (!shared_pool_api_compatible(api)) return false;
  module_pool_api.store(api, std::memory_order_release);
  return true;
}

// A handle on the module's pool, cheap to copy.
class WorkerPool {
 public:
  explicit WorkerPool(const SharedPoolApi* api) : api_(api) {}
  unsigned size() const noexcept { return api_->size(); }
  bool post(PoolTask task) const noexcept { return api_->post(task.run, task.data); }
  bool post_urgent(PoolTask task) const noexcept { return api_->post_urgent(task.run, task.data); }

 private:
  const SharedPoolApi* api_;
};

// The pool prange and .aio post to. No Python API and no lock: callable
// from workers and after fork.
inline WorkerPool thread_pool() { return WorkerPool(module_pool_api.load(std::memory_order_acquire)); }

}  // namespace

}  // namespace pyxc::rt
