#pragma once

// A folder of its own for one test, removed with everything in it at the end
// of the scope, even what a test made unreadable or unwritable.

#include <filesystem>
#include <string>

#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): mkdtemp

namespace valgus::test {

struct TempDir {
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "valgus-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ignored;
    for (const auto& entry : fs::recursive_directory_iterator(path, ignored)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::permissions(path, fs::perms::owner_all, ignored);
    fs::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  std::filesystem::path path;
};

}  // namespace valgus::test
