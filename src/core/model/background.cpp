#include "core/model/background.hpp"

#include <pthread.h>
#include <sched.h>
#include <csignal>

#include <memory>
#include <utility>

namespace valgus {
namespace {

// The job and the cores the thread may use once it runs.
struct Start {
  std::function<void()> job;
  cpu_set_t cores;
};

void* run(void* start) {
  const std::unique_ptr<Start> owned(static_cast<Start*>(start));
  // Started on the other cores for a quick start; from now on, as free as
  // the process (and so are the threads the job starts).
  (void)::pthread_setaffinity_np(::pthread_self(), sizeof owned->cores, &owned->cores);
  try {
    owned->job();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the later step meets it again
  }
  return nullptr;
}

// This thread's signals blocked for its scope, then as they were.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t all;
    sigfillset(&all);
    (void)::pthread_sigmask(SIG_BLOCK, &all, &before_);
  }
  ~SignalsBlocked() { (void)::pthread_sigmask(SIG_SETMASK, &before_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;
  SignalsBlocked(SignalsBlocked&&) = delete;
  SignalsBlocked& operator=(SignalsBlocked&&) = delete;

 private:
  sigset_t before_{};
};

class Attributes {
 public:
  Attributes() : made_(::pthread_attr_init(&attributes_) == 0) {}
  ~Attributes() {
    if (made_) {
      (void)::pthread_attr_destroy(&attributes_);
    }
  }
  Attributes(const Attributes&) = delete;
  Attributes& operator=(const Attributes&) = delete;
  Attributes(Attributes&&) = delete;
  Attributes& operator=(Attributes&&) = delete;

  [[nodiscard]] bool made() const { return made_; }
  pthread_attr_t* get() { return &attributes_; }

 private:
  pthread_attr_t attributes_{};
  bool made_;
};

}  // namespace

Background::Background(std::function<void()> job) {
  auto start = std::make_unique<Start>();
  start->job = std::move(job);
  CPU_ZERO(&start->cores);
  if (::sched_getaffinity(0, sizeof start->cores, &start->cores) != 0) {
    return;
  }
  cpu_set_t others = start->cores;
  const int here = ::sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE) {
    CPU_CLR(static_cast<unsigned>(here), &others);
  }
  if (CPU_COUNT(&others) == 0) {
    return;
  }
  Attributes attributes;
  if (!attributes.made()) {
    return;
  }
  // Linux starts a new thread on its parent's core and moves it to an idle
  // one at its next balancing, which on a virtual machine came several
  // milliseconds later: as long as the job. Created on the other cores, it
  // starts on one of them at once (measured: 0.1 ms).
  (void)::pthread_attr_setaffinity_np(attributes.get(), sizeof others, &others);
  // Signals stay this thread's: the job's thread starts with them blocked
  // (the mask is inherited), so a handler never runs on it.
  const SignalsBlocked blocked;
  if (::pthread_create(&worker_, attributes.get(), run, start.get()) == 0) {
    (void)start.release();  // the thread's now
    started_ = true;
  }  // else no thread to be had: the later step does the work
}

Background::~Background() {
  if (started_) {
    (void)::pthread_join(worker_, nullptr);
  }
}

}  // namespace valgus
