#pragma once

// The sqlite3 command-line program for the log store's tests: they build
// old-version and hand-edited logs and look inside them with it, so that no
// test source includes SQLite (tests/e2e/layers.sh).

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace valgus::test {

inline std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Runs `sql` on `db` with the sqlite3 program; its standard output, trimmed.
inline std::string sqlite(const std::filesystem::path& db, const std::string& sql) {
  const std::filesystem::path script = db.string() + ".sql";
  write_file(script, sql);
  const std::string command = "sqlite3 -batch '" + db.string() + "' < '" + script.string() + "' 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 256> chunk{};
  while (std::fgets(chunk.data(), static_cast<int>(chunk.size()), pipe) != nullptr) {
    out += chunk.data();
  }
  REQUIRE(::pclose(pipe) == 0);
  std::filesystem::remove(script);
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace valgus::test
