#pragma once

// Parses catalogue files on worker threads, ahead of the loader, which takes
// the trees in file order. Parsing YAML is nine tenths of loading a large
// catalogue and files are independent, so a folder of many files loads in
// a fraction of the time on a machine with several cores. The results, and
// every error message, are the same as parsing one file after another.

#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/yaml_tree.hpp"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace valgus {

// One file's tree, or what stopped the parse.
struct ParsedFile {
  YamlDocument document;
  std::exception_ptr failure;  // an Error from parse_yaml, or bad_alloc
};

// Worker threads worth starting for `files`: none for small inputs (a
// thread costs more than it saves), otherwise one per core beyond the
// calling thread, which parses too (at most 8 parsers, one per file).
[[nodiscard]] unsigned parse_threads(const std::vector<CatalogueFile>& files);

class ParseAhead {
 public:
  // With threads == 0 each file is parsed by take() itself.
  ParseAhead(const std::vector<CatalogueFile>& files, unsigned threads);
  ~ParseAhead();
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;
  ParseAhead(ParseAhead&&) = delete;
  ParseAhead& operator=(ParseAhead&&) = delete;

  // File `index`'s result. Call once per file, in order 0, 1, 2, ...
  // While a worker is still on it, the caller parses a later file itself
  // rather than wait: with `threads` workers, threads + 1 files are parsed
  // at once.
  [[nodiscard]] ParsedFile take(std::size_t index);

 private:
  void work();

  const std::vector<CatalogueFile>& files_;
  std::size_t window_ = 0;  // files parsed but not yet taken, at most
  std::mutex mutex_;
  std::condition_variable parsed_;                  // a result is ready
  std::condition_variable taken_;                   // room in the window, or stopping
  std::vector<std::optional<ParsedFile>> results_;  // empty: not parsed yet, or taken
  std::size_t next_ = 0;                            // the next file a worker claims
  std::size_t taken_count_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace valgus
