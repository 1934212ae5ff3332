#include "core/model/background.hpp"

#include <pthread.h>
#include <sched.h>
#include <csignal>

#include <memory>
#include <utility>

namespace valgus {
namespace {

void* run(void* job) {
  const std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(job));
  try {
    (*owned)();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the later step meets it again
  }
  return nullptr;
}

}  // namespace

Background::Background(std::function<void()> job) {
  cpu_set_t others;
  CPU_ZERO(&others);
  if (::sched_getaffinity(0, sizeof others, &others) != 0) {
    return;
  }
  const int here = ::sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE) {
    CPU_CLR(static_cast<unsigned>(here), &others);
  }
  if (CPU_COUNT(&others) == 0) {
    return;
  }
  // Linux starts a new thread on its parent's core and moves it to an idle
  // one at its next balancing, which on a virtual machine came several
  // milliseconds later: as long as the job. Created on the other cores
  // only, it starts on one of them at once (measured: 0.1 ms).
  pthread_attr_t attributes;
  if (::pthread_attr_init(&attributes) != 0) {
    return;
  }
  (void)::pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
  // Signals stay this thread's: the job's thread starts with them blocked
  // (the mask is inherited), so a handler never runs on it.
  sigset_t all;
  sigset_t before;
  sigfillset(&all);
  (void)::pthread_sigmask(SIG_BLOCK, &all, &before);
  auto owned = std::make_unique<std::function<void()>>(std::move(job));
  if (::pthread_create(&worker_, &attributes, run, owned.get()) == 0) {
    (void)owned.release();  // the thread's now
    started_ = true;
  }  // else no thread to be had: the later step does the work
  (void)::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  (void)::pthread_attr_destroy(&attributes);
}

Background::~Background() {
  if (started_) {
    (void)::pthread_join(worker_, nullptr);
  }
}

}  // namespace valgus
