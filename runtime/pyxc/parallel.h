// `for i in prange(...)`: the iteration space split into chunks that the
// calling thread and helper tasks on the process's worker pool claim from a
// shared counter. No Python API here: chunks run without the GIL.
//
// Why this shape:
// - The number of chunks depends only on the trip count and the thread cap,
//   never on timing, so reductions (one partial per chunk, combined in
//   chunk order by the generated code) give the same result on every run
//   with the same cap.
// - The caller runs chunks itself and only waits for chunks some helper has
//   already claimed. A helper that starts late (queued behind .aio calls, or
//   every worker busy because this loop itself runs on a worker) finds no
//   chunk left and returns, touching only the reference-counted loop state,
//   never the caller's frame. So a loop always finishes, even alone.
// - A loop started inside a chunk (nested prange, or a native function with
//   a prange called from a prange body) runs serially on its thread: the
//   outer loop already occupies the threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "errors.h"
#include "gil_annotations.h"
#include "thread_pool.h"

namespace pyxc::rt {

// How a loop of `trips` iterations is run: `chunks` chunks on up to
// `threads` threads (the caller included).
struct ParallelPlan {
  uint64_t trips = 0;
  uint64_t chunks = 0;
  unsigned threads = 1;
};

// Chunks per thread: enough slack that a thread slowed by others (2 cores
// shared with other processes) does not hold up the loop, few enough that
// per-chunk costs (a partial per reduction, an atomic claim) stay small.
inline constexpr uint64_t kChunksPerThread = 4;

inline uint64_t parallel_chunk_count(uint64_t trips, unsigned cap) {
  if (trips == 0) return 0;
  uint64_t wanted = cap <= 1 ? 1 : uint64_t(cap) * kChunksPerThread;
  return std::min(trips, wanted);
}

// Chunk c covers the iterations [chunk_begin(c), chunk_begin(c + 1)).
inline uint64_t parallel_chunk_begin(const ParallelPlan& plan, uint64_t chunk) {
  return static_cast<uint64_t>(static_cast<unsigned __int128>(plan.trips) * chunk / plan.chunks);
}

namespace {
// Set while this thread runs a chunk: a loop started there runs serially.
thread_local bool running_parallel_chunk = false;
}  // namespace

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_bad_num_threads(int64_t requested) {
  raise(Exc::ValueError, "prange() num_threads must be at least 1, not " + std::to_string(requested));
}

// The value of `num_threads=k`, which must be at least 1 (as for
// ThreadPoolExecutor(max_workers=k)).
inline int64_t checked_num_threads(int64_t requested) {
  if (requested < 1) [[unlikely]] raise_bad_num_threads(requested);
  return requested;
}

// requested: the num_threads= argument (checked_num_threads), or 0 when not given (then the pool
// size, PYXC_NUM_THREADS or the number of CPUs, is the cap).
inline ParallelPlan parallel_plan(uint64_t trips, int64_t requested) {
  ParallelPlan plan;
  plan.trips = trips;
  unsigned cap = 1;
  if (requested != 1 && trips > 1 && !running_parallel_chunk) {
    unsigned pool = thread_pool().size();
    cap = requested > 0 ? static_cast<unsigned>(std::min<int64_t>(requested, pool)) : pool;
  }
  plan.chunks = parallel_chunk_count(trips, cap);
  plan.threads = static_cast<unsigned>(std::min<uint64_t>(cap, plan.chunks));
  if (plan.threads == 0) plan.threads = 1;
  return plan;
}

// Reduction partials, one per chunk, each starting at the operator's
// identity. Not std::vector: vector<bool> packs bits, and chunks on
// different threads would write the same word.
template <class T>
std::unique_ptr<T[]> reduction_partials(uint64_t chunks, T identity) {
  std::unique_ptr<T[]> partials(new T[chunks ? chunks : 1]);
  std::fill(partials.get(), partials.get() + (chunks ? chunks : 1), identity);
  return partials;
}

// Identities of `x = min(x, e)` / `x = max(x, e)` with Python's min/max
// (the first argument wins ties and NaN comparisons): min(x, +inf) is x.
template <class T>
constexpr T min_identity() {
  if constexpr (std::numeric_limits<T>::has_infinity) return std::numeric_limits<T>::infinity();
  return std::numeric_limits<T>::max();
}
template <class T>
constexpr T max_identity() {
  if constexpr (std::numeric_limits<T>::has_infinity) return -std::numeric_limits<T>::infinity();
  return std::numeric_limits<T>::lowest();
}

namespace detail {

// Shared by the caller and its helper tasks; freed by whoever leaves last.
struct ParallelLoop {
  std::atomic<int> references{1};
  std::atomic<uint64_t> next_chunk{0};
  std::atomic<uint64_t> finished_chunks{0};
  // The lowest chunk that raised so far (none: UINT64_MAX).
  std::atomic<uint64_t> failed_chunk{UINT64_MAX};
  ParallelPlan plan;
  // Valid while some chunk is unfinished (the caller waits for all of them).
  // Runs one chunk and records its failure: noexcept, so that nothing can
  // leave a worker (pyxc-verify checks this).
  void (*run_chunk)(ParallelLoop* loop, uint64_t chunk, uint64_t begin, uint64_t end) noexcept = nullptr;
  void* body = nullptr;
  std::mutex mutex;
  std::condition_variable all_finished;
  std::optional<Error> error;  // the failure of the lowest-numbered chunk
  uint64_t error_chunk = 0;

  void record(uint64_t chunk, Error failure) {
    uint64_t lowest = failed_chunk.load(std::memory_order_relaxed);
    while (chunk < lowest && !failed_chunk.compare_exchange_weak(lowest, chunk, std::memory_order_relaxed)) {
    }
    std::lock_guard<std::mutex> lock(mutex);
    if (!error || chunk < error_chunk) {
      error = std::move(failure);
      error_chunk = chunk;
    }
  }

  // Claims and runs chunks until none is left. A chunk after one that
  // failed is skipped (still counted as finished); the chunks before it all
  // run, so the failure that surfaces is the serial loop's: the first
  // failing iteration in iteration order.
  PYXC_RUNS_WITHOUT_GIL void run_chunks() noexcept {
    bool outer = running_parallel_chunk;
    running_parallel_chunk = true;
    for (;;) {
      uint64_t chunk = next_chunk.fetch_add(1, std::memory_order_relaxed);
      if (chunk >= plan.chunks) break;
      if (chunk < failed_chunk.load(std::memory_order_relaxed)) {
        run_chunk(this, chunk, parallel_chunk_begin(plan, chunk), parallel_chunk_begin(plan, chunk + 1));
      }
      if (finished_chunks.fetch_add(1, std::memory_order_acq_rel) + 1 == plan.chunks) {
        std::lock_guard<std::mutex> lock(mutex);
        all_finished.notify_all();
      }
    }
    running_parallel_chunk = outer;
  }

  void release() noexcept {
    if (references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

  PYXC_RUNS_WITHOUT_GIL static void help(void* data) noexcept {
    auto* loop = static_cast<ParallelLoop*>(data);
    loop->run_chunks();
    loop->release();
  }
};

// The chunk function of a Body, called by run_chunks on any thread.
template <class Body>
PYXC_RUNS_WITHOUT_GIL void run_body(ParallelLoop* loop, uint64_t chunk, uint64_t begin, uint64_t end) noexcept {
  try {
    (*static_cast<Body*>(loop->body))(chunk, begin, end);
  } catch (Error& e) {
    loop->record(chunk, std::move(e));
  } catch (const std::bad_alloc&) {
    loop->record(chunk, Error{Exc::MemoryError, {}});
  } catch (...) {
    Error failure{Exc::MemoryError, {}};  // if even the message cannot be built
    try {
      failure = Error{Exc::RuntimeError, "unexpected C++ exception in a parallel loop"};
    } catch (...) {
    }
    loop->record(chunk, std::move(failure));
  }
}

}  // namespace detail

// Runs body(chunk, begin, end) for every chunk of `plan`, where [begin, end)
// are iteration numbers (0 <= begin < end <= plan.trips). Returns when all
// chunks have run. If chunks raise, the chunks after the lowest failing one
// that have not started are skipped and its exception is rethrown: a chunk
// stops at its first exception and every chunk before it runs to its end,
// so that is the exception the serial loop raises (later iterations may
// have run too).
template <class Body>
void parallel_for(const ParallelPlan& plan, Body& body) {
  if (plan.chunks == 0) return;
  if (plan.threads <= 1) {
    bool outer = running_parallel_chunk;
    running_parallel_chunk = true;
    struct Restore {
      bool value;
      ~Restore() { running_parallel_chunk = value; }
    } restore{outer};
    for (uint64_t chunk = 0; chunk < plan.chunks; ++chunk)
      body(chunk, parallel_chunk_begin(plan, chunk), parallel_chunk_begin(plan, chunk + 1));
    return;
  }
  auto* loop = new detail::ParallelLoop;
  loop->plan = plan;
  loop->body = &body;
  loop->run_chunk = &detail::run_body<Body>;
  WorkerPool pool = thread_pool();
  loop->references.fetch_add(static_cast<int>(plan.threads - 1), std::memory_order_relaxed);
  for (unsigned i = 1; i < plan.threads; ++i) {
    // A helper that could not be queued is a reference nobody will drop;
    // the caller then runs its chunks.
    if (!pool.post_urgent(PoolTask{&detail::ParallelLoop::help, loop})) loop->release();
  }
  loop->run_chunks();
  std::optional<Error> error;
  {
    std::unique_lock<std::mutex> lock(loop->mutex);
    loop->all_finished.wait(lock, [&] {
      return loop->finished_chunks.load(std::memory_order_acquire) == plan.chunks;
    });
    error = std::move(loop->error);
  }
  loop->release();
  if (error) throw Error(std::move(*error));
}

}  // namespace pyxc::rt
