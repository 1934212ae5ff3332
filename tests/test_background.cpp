// A job on another core (core/model/background.cpp): it runs beside this
// thread, off this thread's core, is waited for, and changes nothing when
// it throws or cannot run.

#include "core/model/background.hpp"

#include <doctest/doctest.h>

#include <sched.h>
#include <csignal>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace valgus {
namespace {

int allowed_cores() {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  return ::sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 0;
}

// This thread held to one core for the scope, then given its cores back.
class OneCore {
 public:
  OneCore() {
    CPU_ZERO(&before_);
    (void)::sched_getaffinity(0, sizeof before_, &before_);
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(static_cast<unsigned>(::sched_getcpu()), &one);
    (void)::sched_setaffinity(0, sizeof one, &one);
  }
  ~OneCore() { (void)::sched_setaffinity(0, sizeof before_, &before_); }
  OneCore(const OneCore&) = delete;
  OneCore& operator=(const OneCore&) = delete;
  OneCore(OneCore&&) = delete;
  OneCore& operator=(OneCore&&) = delete;

 private:
  cpu_set_t before_;
};

}  // namespace

TEST_CASE("a job runs on another core beside this thread and is waited for") {
  if (allowed_cores() < 2) {
    MESSAGE("one core: nothing runs beside this thread here");
    return;
  }
  std::atomic<bool> go{false};
  std::atomic<bool> done{false};
  std::atomic<int> its_cores{-1};
  {
    const Background job([&] {
      cpu_set_t mine;
      CPU_ZERO(&mine);
      its_cores = ::sched_getaffinity(0, sizeof mine, &mine) == 0 ? CPU_COUNT(&mine) : -1;
      while (!go) {  // runs while this thread goes on: it lets the job finish
        std::this_thread::yield();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      done = true;
    });
    CHECK(job.started());
    go = true;
  }  // waits
  CHECK(done);
  // Started off this thread's core, then as free as the process.
  CHECK(its_cores == allowed_cores());
}

TEST_CASE("a job runs with every signal blocked, and this thread's mask is as it was") {
  sigset_t before;
  (void)::pthread_sigmask(SIG_SETMASK, nullptr, &before);
  std::atomic<bool> blocked{false};
  {
    const Background job([&] {
      sigset_t mine;
      (void)::pthread_sigmask(SIG_SETMASK, nullptr, &mine);
      blocked = sigismember(&mine, SIGINT) == 1 && sigismember(&mine, SIGTERM) == 1;
    });
    if (!job.started()) {
      return;
    }
  }
  CHECK(blocked);
  sigset_t after;
  (void)::pthread_sigmask(SIG_SETMASK, nullptr, &after);
  CHECK(sigismember(&after, SIGINT) == sigismember(&before, SIGINT));
  CHECK(sigismember(&after, SIGTERM) == sigismember(&before, SIGTERM));
}

TEST_CASE("what a job throws is dropped") {
  std::atomic<bool> ran{false};
  {
    const Background job([&] {
      ran = true;
      throw std::runtime_error("dropped");
    });
    CHECK(job.started() == (allowed_cores() > 1));
  }
  CHECK(ran == (allowed_cores() > 1));
}

TEST_CASE("on one core no job is started: the later step does the work") {
  const OneCore one;
  std::atomic<bool> ran{false};
  {
    const Background job([&] { ran = true; });
    CHECK_FALSE(job.started());
  }
  CHECK_FALSE(ran);
}

TEST_CASE("no job: nothing to wait for") {
  const Background none;
  CHECK_FALSE(none.started());
}

}  // namespace valgus
