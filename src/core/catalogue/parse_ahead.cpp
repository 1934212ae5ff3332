#include "core/catalogue/parse_ahead.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

namespace valgus {
namespace {

// Below this much text a thread costs more than it saves.
constexpr std::size_t min_parallel_bytes = std::size_t{256} * 1024;
constexpr unsigned max_parse_threads = 8;

ParsedFile parse_one(const CatalogueFile& file) {
  try {
    return ParsedFile{parse_yaml(file.path, file.text), nullptr};
  } catch (...) {
    return ParsedFile{YamlDocument{}, std::current_exception()};
  }
}

}  // namespace

unsigned parse_threads(const std::vector<CatalogueFile>& files) {
  std::size_t bytes = 0;
  for (const auto& file : files) {
    bytes += file.text.size();
  }
  if (files.size() < 2 || bytes < min_parallel_bytes) {
    return 0;
  }
  // The calling thread parses too, so one worker fewer than cores.
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>({cores, max_parse_threads, files.size()})) - 1;
}

ParseAhead::ParseAhead(const std::vector<CatalogueFile>& files, unsigned threads)
    : files_(files), window_(std::size_t{2} * (threads + 1)), results_(files.size()) {
  workers_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) {
    try {
      workers_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      // No more threads (RLIMIT_NPROC, a container's pids limit): parse
      // with the workers there are, or on the calling thread alone.
      break;
    }
  }
}

ParseAhead::~ParseAhead() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  taken_.notify_all();
  for (auto& worker : workers_) {
    worker.join();
  }
}

ParsedFile ParseAhead::take(std::size_t index) {
  if (workers_.empty()) {
    return parse_one(files_.at(index));
  }
  std::unique_lock lock(mutex_);
  for (;;) {
    if (results_.at(index)) {
      ParsedFile result = std::move(*results_[index]);
      results_[index].reset();
      ++taken_count_;
      lock.unlock();
      taken_.notify_all();
      return result;
    }
    if (next_ == index) {
      // Nobody has started this file: parse it here.
      ++next_;
      ++taken_count_;
      lock.unlock();
      taken_.notify_all();
      return parse_one(files_[index]);
    }
    if (next_ < files_.size() && next_ < taken_count_ + window_) {
      // A worker is on this file: parse a later one meanwhile instead of
      // waiting, so the calling thread is always one of the parsers.
      const std::size_t later = next_++;
      lock.unlock();
      ParsedFile result = parse_one(files_[later]);
      lock.lock();
      results_[later].emplace(std::move(result));
      continue;
    }
    parsed_.wait(lock);
  }
}

void ParseAhead::work() {
  for (;;) {
    std::size_t index = 0;
    {
      std::unique_lock lock(mutex_);
      // Bounded look-ahead keeps memory to a few trees, not the whole folder.
      taken_.wait(lock, [&] { return stopping_ || next_ >= files_.size() || next_ < taken_count_ + window_; });
      if (stopping_ || next_ >= files_.size()) {
        return;
      }
      index = next_++;
    }
    ParsedFile result = parse_one(files_[index]);
    {
      const std::lock_guard lock(mutex_);
      results_[index].emplace(std::move(result));
    }
    parsed_.notify_all();
  }
}

}  // namespace valgus
