#include "core/model/background.hpp"

#include <pthread.h>
#include <sched.h>

#include <system_error>
#include <utility>

namespace valgus {

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
  try {
    worker_ = std::thread([job = std::move(job)] {
      try {
        job();
      } catch (...) {  // NOLINT(bugprone-empty-catch): the later step meets it again
      }
    });
  } catch (const std::system_error&) {
    return;  // no thread to be had: the later step does the work
  }
  // Linux starts a new thread on its parent's core and moves it to an idle
  // one at its next balancing, which on a virtual machine came several
  // milliseconds later: as long as the job. Given the other cores only, it
  // starts on one of them at once (measured: 0.1 ms).
  (void)::pthread_setaffinity_np(worker_.native_handle(), sizeof others, &others);
}

Background::~Background() {
  if (worker_.joinable()) {
    worker_.join();
  }
}

}  // namespace valgus
