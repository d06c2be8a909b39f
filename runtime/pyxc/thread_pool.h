// The native worker threads that run prange chunks and .aio calls. They never
// hold the GIL and never touch Python objects: whoever posts a task converts
// arguments before and results after, on a thread that holds the GIL.
//
// One pool per extension module (internal linkage, like the rest of the
// runtime), created on first use with PYXC_NUM_THREADS workers (default: the
// number of CPUs). It is never destroyed: joining at exit would wait for
// whatever is still running, and extension modules are never unloaded.
#pragma once

#include <pthread.h>

#include <atomic>
#include <condition_variable>
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
  explicit ThreadPool(unsigned workers) : size_(workers ? workers : 1u) {
    threads_.reserve(size_);
    for (unsigned i = 0; i < size_; ++i) threads_.emplace_back([this] { work(); });
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

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

// Internal linkage: each extension module owns its pool (a function with
// external linkage would be merged across modules by the dynamic linker).
namespace {

std::atomic<ThreadPool*> module_thread_pool{nullptr};
std::once_flag module_thread_pool_atfork;

// The module's pool, created on first use. After fork() the child has no
// worker threads: it forgets the parent's pool (leaked: its mutex may be
// held) and creates its own on first use. No lock here, so that none can be
// left held across a fork.
inline ThreadPool& thread_pool() {
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

}  // namespace

}  // namespace pyxc::rt
