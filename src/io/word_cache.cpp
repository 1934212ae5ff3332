#include "io/word_cache.hpp"

#include "core/model/error.hpp"
#include "io/output.hpp"
#include "io/xdg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace valgus {
namespace {

// "path size mtime-ns" of one file or folder; "path -" when it is missing.
std::string stamp(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return path + " -\n";
  }
  return fmt::format("{} {} {}.{:09}\n", path, info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
}

}  // namespace

std::string cache_dir() {
  const std::string base = xdg_base("XDG_CACHE_HOME", ".cache");
  return base.empty() ? base : base + "/valgus";
}

std::string binary_stamp() { return "binary " + stamp("/proc/self/exe"); }

std::string word_cache_key(const std::vector<std::string>& paths) {
  std::string key = binary_stamp();  // a new build may know other words
  for (const auto& path : paths) {
    key += stamp(path);  // a folder's time changes when a file is added or removed
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      continue;
    }
    std::vector<std::string> files;
    for (std::filesystem::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      if (it->path().extension() == ".yaml") {
        files.push_back(it->path().string());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      key += stamp(file);
    }
  }
  return key;
}

std::optional<std::string> read_word_cache(const std::string& name, const std::string& key) {
  const std::string dir = cache_dir();
  if (dir.empty()) {
    return std::nullopt;
  }
  std::ifstream in(dir + "/" + name, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string stored = text.str();
  // The key, an empty line, then the words.
  if (stored.size() <= key.size() || stored.compare(0, key.size(), key) != 0 || stored[key.size()] != '\n') {
    return std::nullopt;
  }
  return stored.substr(key.size() + 1);
}

void write_word_cache(const std::string& name, const std::string& key, const std::string& words) {
  const std::string dir = cache_dir();
  if (dir.empty()) {
    return;
  }
  try {
    create_private_folders(dir);
    write_file_atomically(dir + "/" + name, key + "\n" + words, true);
  } catch (const Error&) {
    // A read-only or full cache folder only makes completion slower.
  }
}

}  // namespace valgus
