// parallel_for: chunks cover the iteration space exactly once for any range
// and thread cap, the chunk count depends only on trips and cap, the
// lowest-numbered failing chunk's exception surfaces once, and a loop
// started inside a chunk or on a pool worker finishes (serially if need be),
// also when the pool can queue none of its helpers.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "pyxc/builtins.h"
#include "pyxc/parallel.h"

namespace {

using pyxc::rt::Error;
using pyxc::rt::Exc;
using pyxc::rt::ParallelPlan;

// Runs prange(start, stop, step) and returns how often each value was visited.
std::vector<int> visit_counts(int64_t start, int64_t stop, int64_t step, int64_t threads,
                              std::vector<int64_t>* values = nullptr) {
  uint64_t trips = pyxc::rt::range_length(start, stop, step);
  ParallelPlan plan = pyxc::rt::parallel_plan(trips, threads);
  std::vector<std::atomic<int>> counts(trips);
  std::vector<uint64_t> chunk_begin(plan.chunks, ~uint64_t{0});
  auto body = [&](uint64_t chunk, uint64_t begin, uint64_t end) {
    EXPECT_LT(begin, end);
    chunk_begin[chunk] = begin;
    for (uint64_t k = begin; k < end; ++k) {
      if (values) (*values)[k] = pyxc::rt::range_at(start, step, k);
      counts[k].fetch_add(1);
    }
  };
  if (values) values->assign(trips, 0);
  pyxc::rt::parallel_for(plan, body);
  for (uint64_t c = 1; c < plan.chunks; ++c) EXPECT_LT(chunk_begin[c - 1], chunk_begin[c]);
  std::vector<int> result;
  for (auto& count : counts) result.push_back(count.load());
  return result;
}

TEST(ParallelFor, CoversEveryIterationOnce) {
  const int64_t ranges[][3] = {{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {0, 1000, 1}, {5, 1003, 7}, {10, -10, -3},
                               {-5, 5, 2}, {100, 0, -1}, {3, 3, -1}, {0, 17, 100}};
  for (const auto& r : ranges) {
    for (int64_t threads : {int64_t{0}, int64_t{1}, int64_t{2}, int64_t{3}, int64_t{8}, int64_t{64}}) {
      std::vector<int64_t> values;
      std::vector<int> counts = visit_counts(r[0], r[1], r[2], threads, &values);
      for (int count : counts) EXPECT_EQ(count, 1) << r[0] << " " << r[1] << " " << r[2] << " t=" << threads;
      int64_t expected = r[0];
      for (int64_t value : values) {
        EXPECT_EQ(value, expected);
        expected += r[2];
      }
    }
  }
}

TEST(ParallelFor, ExtremeRangesDoNotOverflow) {
  uint64_t trips = pyxc::rt::range_length(INT64_MIN, INT64_MAX, INT64_MAX / 3);
  ParallelPlan plan = pyxc::rt::parallel_plan(trips, 2);
  std::atomic<uint64_t> total{0};
  auto body = [&](uint64_t, uint64_t begin, uint64_t end) { total += end - begin; };
  pyxc::rt::parallel_for(plan, body);
  EXPECT_EQ(total.load(), trips);
  EXPECT_EQ(pyxc::rt::parallel_chunk_begin(ParallelPlan{UINT64_MAX, 8, 2}, 8), UINT64_MAX);
}

TEST(ParallelFor, ChunkCountDependsOnlyOnTripsAndCap) {
  EXPECT_EQ(pyxc::rt::parallel_chunk_count(0, 4), 0u);
  EXPECT_EQ(pyxc::rt::parallel_chunk_count(1000, 1), 1u);
  EXPECT_EQ(pyxc::rt::parallel_chunk_count(1000, 2), 2 * pyxc::rt::kChunksPerThread);
  EXPECT_EQ(pyxc::rt::parallel_chunk_count(3, 2), 3u);
  ParallelPlan a = pyxc::rt::parallel_plan(1000, 2), b = pyxc::rt::parallel_plan(1000, 2);
  EXPECT_EQ(a.chunks, b.chunks);
}

TEST(ParallelFor, NumThreadsOneRunsOnTheCaller) {
  ParallelPlan plan = pyxc::rt::parallel_plan(1000, 1);
  EXPECT_EQ(plan.threads, 1u);
  EXPECT_EQ(plan.chunks, 1u);
  std::thread::id caller = std::this_thread::get_id();
  bool elsewhere = false;
  auto body = [&](uint64_t, uint64_t, uint64_t) { elsewhere |= std::this_thread::get_id() != caller; };
  pyxc::rt::parallel_for(plan, body);
  EXPECT_FALSE(elsewhere);
}

TEST(ParallelFor, UsesSeveralThreadsWhenAllowed) {
  if (pyxc::rt::thread_pool().size() < 2) GTEST_SKIP() << "pool has one worker";
  ParallelPlan plan = pyxc::rt::parallel_plan(64, 2);
  EXPECT_EQ(plan.threads, 2u);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  auto body = [&](uint64_t, uint64_t, uint64_t) {
    // Long enough that the helper claims a chunk before the caller is done.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
  };
  // A loaded machine may start the helper late: a few tries.
  for (int attempt = 0; attempt < 10 && threads.size() < 2; ++attempt) pyxc::rt::parallel_for(plan, body);
  EXPECT_EQ(threads.size(), 2u);
}

TEST(ParallelFor, RejectsNumThreadsBelowOne) {
  for (int64_t bad : {int64_t{0}, int64_t{-1}, INT64_MIN}) {
    try {
      pyxc::rt::checked_num_threads(bad);
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.type, Exc::ValueError);
    }
  }
  EXPECT_EQ(pyxc::rt::checked_num_threads(3), 3);
}

TEST(ParallelFor, LowestFailingChunkSurfacesOnce) {
  for (int64_t threads : {int64_t{1}, int64_t{2}, int64_t{4}}) {
    ParallelPlan plan = pyxc::rt::parallel_plan(1000, threads);
    std::atomic<int> after_failure{0};
    auto body = [&](uint64_t, uint64_t begin, uint64_t end) {
      for (uint64_t k = begin; k < end; ++k) {
        if (k == 700) pyxc::rt::raise(Exc::IndexError, "late");
        if (k == 300) pyxc::rt::raise(Exc::ZeroDivisionError, "early");
        if (k > 300) after_failure++;
      }
    };
    try {
      pyxc::rt::parallel_for(plan, body);
      FAIL() << "no exception";
    } catch (const Error& e) {
      EXPECT_EQ(e.type, Exc::ZeroDivisionError) << threads;
      EXPECT_EQ(e.message, "early");
    }
  }
}

TEST(ParallelFor, NestedLoopRunsSeriallyInsideAChunk) {
  ParallelPlan outer = pyxc::rt::parallel_plan(8, 0);
  std::atomic<int> total{0};
  std::atomic<unsigned> inner_threads{0};
  auto body = [&](uint64_t, uint64_t begin, uint64_t end) {
    for (uint64_t k = begin; k < end; ++k) {
      ParallelPlan inner = pyxc::rt::parallel_plan(100, 0);
      inner_threads = std::max(inner_threads.load(), inner.threads);
      auto inner_body = [&](uint64_t, uint64_t b, uint64_t e) { total += static_cast<int>(e - b); };
      pyxc::rt::parallel_for(inner, inner_body);
    }
  };
  pyxc::rt::parallel_for(outer, body);
  EXPECT_EQ(total.load(), 800);
  EXPECT_EQ(inner_threads.load(), 1u);
}

// A loop run from a pool task while every worker is busy (the .aio case):
// its helpers queue behind, find nothing left, and must not touch the
// finished loop's frame.
struct PoolLoop {
  std::mutex mutex;
  std::condition_variable done;
  int finished = 0;
  std::atomic<bool> release_blockers{false};
  std::atomic<int64_t> sum{0};
};

void run_loop_on_worker(void* data) noexcept {
  auto* state = static_cast<PoolLoop*>(data);
  {
    ParallelPlan plan = pyxc::rt::parallel_plan(10000, 0);
    std::vector<int64_t> partials(plan.chunks, 0);
    auto body = [&](uint64_t chunk, uint64_t begin, uint64_t end) {
      for (uint64_t k = begin; k < end; ++k) partials[chunk] += static_cast<int64_t>(k);
    };
    pyxc::rt::parallel_for(plan, body);
    for (int64_t p : partials) state->sum += p;
  }
  std::lock_guard<std::mutex> lock(state->mutex);
  ++state->finished;
  state->done.notify_all();
}

void block_worker(void* data) noexcept {
  auto* state = static_cast<PoolLoop*>(data);
  while (!state->release_blockers.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(ParallelFor, FinishesOnABusyPoolWorker) {
  auto* state = new PoolLoop;  // leaked on purpose: late helpers may run after the test
  unsigned workers = pyxc::rt::thread_pool().size();
  for (unsigned i = 0; i + 1 < workers; ++i) pyxc::rt::thread_pool().post({block_worker, state});
  pyxc::rt::thread_pool().post({run_loop_on_worker, state});
  {
    std::unique_lock<std::mutex> lock(state->mutex);
    ASSERT_TRUE(state->done.wait_for(lock, std::chrono::seconds(30), [&] { return state->finished == 1; }));
  }
  state->release_blockers = true;
  EXPECT_EQ(state->sum.load(), int64_t{10000} * 9999 / 2);
}

// A pool that claims 4 workers and queues nothing (out of memory, or no
// thread could be started): the caller runs every chunk itself.
unsigned four_workers() noexcept { return 4; }
bool refuse(void (*)(void*) noexcept, void*) noexcept { return false; }

TEST(ParallelFor, FinishesWhenNoHelperCanBeQueued) {
  using pyxc::rt::SharedPoolApi;
  const SharedPoolApi refusing = {pyxc::rt::kSharedPoolAbi, sizeof(SharedPoolApi), four_workers, refuse, refuse};
  ASSERT_TRUE(pyxc::rt::use_pool_api(&refusing));
  ParallelPlan plan = pyxc::rt::parallel_plan(100, 0);
  EXPECT_EQ(plan.threads, 4u);
  std::thread::id caller = std::this_thread::get_id();
  bool elsewhere = false;
  int64_t sum = 0;
  auto body = [&](uint64_t, uint64_t begin, uint64_t end) {
    elsewhere |= std::this_thread::get_id() != caller;
    for (uint64_t k = begin; k < end; ++k) sum += int64_t(k);
  };
  pyxc::rt::parallel_for(plan, body);
  EXPECT_TRUE(pyxc::rt::use_pool_api(&pyxc::rt::own_pool_api));
  EXPECT_FALSE(elsewhere);
  EXPECT_EQ(sum, 99 * 100 / 2);
}

}  // namespace
