// The worker pool behind prange and .aio: every task runs once, urgent tasks
// overtake queued ones, PYXC_NUM_THREADS is honoured, a pool created in
// a forked child works, and a module posts through the SharedPoolApi it
// adopted (another module's pool) only when that table is compatible.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "pyxc/thread_pool.h"

namespace {

using pyxc::rt::PoolTask;
using pyxc::rt::ThreadPool;

struct Counter {
  std::mutex mutex;
  std::condition_variable done;
  int remaining;
  std::atomic<int> runs{0};
};

void count_one(void* data) noexcept {
  auto* counter = static_cast<Counter*>(data);
  counter->runs.fetch_add(1);
  std::lock_guard<std::mutex> lock(counter->mutex);
  if (--counter->remaining == 0) counter->done.notify_all();
}

TEST(ThreadPool, RunsEveryTaskOnce) {
  ThreadPool pool(3);
  Counter counter;
  counter.remaining = 10000;
  for (int i = 0; i < 10000; ++i) pool.post({count_one, &counter});
  std::unique_lock<std::mutex> lock(counter.mutex);
  ASSERT_TRUE(counter.done.wait_for(lock, std::chrono::seconds(30),
                                    [&] { return counter.remaining == 0; }));
  EXPECT_EQ(counter.runs.load(), 10000);
}

// One worker blocked on a gate: tasks queue up behind it, and an urgent
// task posted last runs before the others.
struct Gate {
  std::mutex mutex;
  std::condition_variable opened;
  bool open = false;
  std::vector<int> order;
};

struct Step {
  Gate* gate;
  int id;
};

void wait_at_gate(void* data) noexcept {
  auto* gate = static_cast<Gate*>(data);
  std::unique_lock<std::mutex> lock(gate->mutex);
  gate->opened.wait(lock, [&] { return gate->open; });
}

void record(void* data) noexcept {
  auto* step = static_cast<Step*>(data);
  std::lock_guard<std::mutex> lock(step->gate->mutex);
  step->gate->order.push_back(step->id);
}

TEST(ThreadPool, UrgentTasksOvertakeQueuedOnes) {
  Gate gate;
  std::vector<Step> steps = {{&gate, 1}, {&gate, 2}, {&gate, 3}};
  {
    ThreadPool pool(1);
    pool.post({wait_at_gate, &gate});
    pool.post({record, &steps[0]});
    pool.post({record, &steps[1]});
    pool.post_urgent({record, &steps[2]});
    {
      std::lock_guard<std::mutex> lock(gate.mutex);
      gate.open = true;
    }
    gate.opened.notify_all();
  }  // the destructor runs what is queued, then joins
  EXPECT_EQ(gate.order, (std::vector<int>{3, 1, 2}));
}

TEST(ThreadPool, ThreadCountComesFromTheEnvironment) {
  setenv("PYXC_NUM_THREADS", "3", 1);
  EXPECT_EQ(pyxc::rt::configured_thread_count(), 3u);
  setenv("PYXC_NUM_THREADS", "zero", 1);
  EXPECT_GE(pyxc::rt::configured_thread_count(), 1u);
  setenv("PYXC_NUM_THREADS", "-2", 1);
  EXPECT_GE(pyxc::rt::configured_thread_count(), 1u);
  unsetenv("PYXC_NUM_THREADS");
  EXPECT_GE(pyxc::rt::configured_thread_count(), 1u);
}

TEST(ThreadPool, ForkedChildGetsItsOwnPool) {
  Counter before;
  before.remaining = 1;
  pyxc::rt::thread_pool().post({count_one, &before});
  {
    std::unique_lock<std::mutex> lock(before.mutex);
    before.done.wait(lock, [&] { return before.remaining == 0; });
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Counter after;
    after.remaining = 100;
    for (int i = 0; i < 100; ++i) pyxc::rt::thread_pool().post({count_one, &after});
    std::unique_lock<std::mutex> lock(after.mutex);
    bool finished = after.done.wait_for(lock, std::chrono::seconds(20),
                                        [&] { return after.remaining == 0; });
    _exit(finished ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A pool published by "another module": counts what is posted to it and
// runs each task at once on the posting thread.
std::atomic<int> fake_posts{0};
std::atomic<int> fake_urgent_posts{0};

unsigned fake_size() noexcept { return 5; }
bool fake_post(void (*run)(void*) noexcept, void* data) noexcept {
  fake_posts.fetch_add(1);
  run(data);
  return true;
}
bool fake_post_urgent(void (*run)(void*) noexcept, void* data) noexcept {
  fake_urgent_posts.fetch_add(1);
  run(data);
  return true;
}

// Puts the module back on its own pool when a test ends.
struct OwnPoolAgain {
  ~OwnPoolAgain() { EXPECT_TRUE(pyxc::rt::use_pool_api(&pyxc::rt::own_pool_api)); }
};

TEST(ThreadPool, PostsGoToTheAdoptedPool) {
  using pyxc::rt::SharedPoolApi;
  const SharedPoolApi fake = {pyxc::rt::kSharedPoolAbi, sizeof(SharedPoolApi), fake_size, fake_post,
                              fake_post_urgent};
  OwnPoolAgain restore;
  ASSERT_TRUE(pyxc::rt::use_pool_api(&fake));
  Counter counter;
  counter.remaining = 2;
  EXPECT_EQ(pyxc::rt::thread_pool().size(), 5u);
  EXPECT_TRUE(pyxc::rt::thread_pool().post({count_one, &counter}));
  EXPECT_TRUE(pyxc::rt::thread_pool().post_urgent({count_one, &counter}));
  EXPECT_EQ(counter.runs.load(), 2);
  EXPECT_EQ(fake_posts.load(), 1);
  EXPECT_EQ(fake_urgent_posts.load(), 1);
}

TEST(ThreadPool, IncompatibleTablesAreRefused) {
  using pyxc::rt::SharedPoolApi;
  OwnPoolAgain restore;
  const SharedPoolApi newer = {pyxc::rt::kSharedPoolAbi + 1, sizeof(SharedPoolApi), fake_size, fake_post,
                               fake_post_urgent};
  const SharedPoolApi shorter = {pyxc::rt::kSharedPoolAbi, sizeof(SharedPoolApi) - 1, fake_size, fake_post,
                                 fake_post_urgent};
  const SharedPoolApi incomplete = {pyxc::rt::kSharedPoolAbi, sizeof(SharedPoolApi), fake_size, nullptr,
                                    fake_post_urgent};
  for (const SharedPoolApi* table : {&newer, &shorter, &incomplete, static_cast<const SharedPoolApi*>(nullptr)})
    EXPECT_FALSE(pyxc::rt::use_pool_api(table));
  int posts = fake_posts.load();
  Counter counter;
  counter.remaining = 1;
  ASSERT_TRUE(pyxc::rt::thread_pool().post({count_one, &counter}));  // still the module's own pool
  std::unique_lock<std::mutex> lock(counter.mutex);
  ASSERT_TRUE(counter.done.wait_for(lock, std::chrono::seconds(30), [&] { return counter.remaining == 0; }));
  EXPECT_EQ(fake_posts.load(), posts);
}

}  // namespace
