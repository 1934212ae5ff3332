#pragma once

// A job run on another core while this thread goes on: work that only makes
// a later step faster (export loads the PDF module and its fonts while the
// weeks are planned; the PDF lays out half its texts). The later step does
// the work itself when the job has not, so a job that fails or never runs
// changes nothing but the time.

#include <pthread.h>

#include <functional>

namespace valgus {

class Background {
 public:
  // No job.
  Background() = default;
  // Starts `job` on a thread of its own, started on the cores other than
  // this thread's and then free to use the process's, every signal blocked
  // (a handler runs on this thread only); nothing where the process may use
  // one core only (the job would only take turns with this thread). What
  // the job throws is dropped: the later step meets it again and reports
  // it.
  explicit Background(std::function<void()> job);
  // Waits for the job.
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  Background(Background&&) = delete;
  Background& operator=(Background&&) = delete;

  // Whether a job was started.
  [[nodiscard]] bool started() const { return started_; }

 private:
  pthread_t worker_{};
  bool started_ = false;
};

}  // namespace valgus
