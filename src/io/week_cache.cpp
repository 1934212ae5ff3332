#include "io/week_cache.hpp"

#include "core/model/error.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"
#include "io/word_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

namespace valgus {

namespace {

// A key holds one line per candidate exercise; a catalogue of thousands of
// exercises that all serve the problems still gives well under this.
constexpr std::size_t max_week_file_bytes = std::size_t{4} << 20;
constexpr std::string_view answer_line = "answer\n";
// The last line: a file cut short (a crash between write and rename on a
// filesystem that does not order them) never reads as a shorter answer.
constexpr std::string_view end_line = "end\n";

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

}  // namespace

FileWeekStore::FileWeekStore(std::string folder, std::size_t max_files)
    : folder_(std::move(folder)), max_files_(max_files), binary_(binary_stamp()) {}

std::string FileWeekStore::path_of(const std::string& key) const {
  return fmt::format("{}/{:016x}", folder_, fnv1a(binary_) ^ fnv1a(key));
}

std::optional<std::string> FileWeekStore::find(const std::string& key) {
  std::string text;
  try {
    text = read_input_file(path_of(key), max_week_file_bytes, "cached week");
  } catch (const Error&) {
    return std::nullopt;  // missing, unreadable, too large or not a file: solve again
  }
  const std::string head = binary_ + key + std::string(answer_line);
  if (text.size() < head.size() + end_line.size() || text.compare(0, head.size(), head) != 0 ||
      text.compare(text.size() - end_line.size(), end_line.size(), end_line) != 0) {
    return std::nullopt;
  }
  return text.substr(head.size(), text.size() - head.size() - end_line.size());
}

void FileWeekStore::keep(const std::string& key, const std::string& answer) {
  const std::string path = path_of(key);
  std::string temporary = path + ".XXXXXX";
  try {
    create_private_folders(folder_);
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
      return;
    }
    // No fsync: a week lost in a crash is solved again next time.
    try {
      write_all(fd, binary_ + key + std::string(answer_line) + answer + std::string(end_line), temporary);
    } catch (const Error&) {
      ::close(fd);
      ::unlink(temporary.c_str());
      return;
    }
    if (::close(fd) != 0 || std::rename(temporary.c_str(), path.c_str()) != 0) {
      ::unlink(temporary.c_str());
      return;
    }
    trim();
  } catch (const Error&) {
    // A read-only or full cache folder only makes the next run slower.
  }
}

void FileWeekStore::trim() const {
  std::error_code error;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  for (std::filesystem::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error)) {
    std::error_code time_error;
    const auto time = it->last_write_time(time_error);
    if (!time_error) {
      files.emplace_back(time, it->path());
    }
  }
  if (error || files.size() <= max_files_) {
    return;
  }
  std::sort(files.begin(), files.end());
  const std::size_t remove = files.size() - max_files_ / 2;
  for (std::size_t i = 0; i < remove; ++i) {
    std::filesystem::remove(files[i].second, error);
  }
}

std::unique_ptr<WeekStore> user_week_store() {
  const std::string base = cache_dir();
  if (base.empty()) {
    return nullptr;
  }
  return std::make_unique<FileWeekStore>(base + "/weeks");
}

}  // namespace valgus
