// Where the log lives, checked before SQLite opens anything: whatever is
// wrong with the path is named as itself (the folder that is a file, the
// link to nothing, the -wal that is a folder), with 66 when reading and 73
// when writing, instead of SQLite blaming valgus.db.

#include "io/log_store_impl.hpp"
#include "io/output.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace valgus {

namespace {

using Access = LogStore::Access;

Error path_error(Access access, const std::string& file, const std::string& why) {
  return access == Access::read ? Error(ExitCode::no_input, fmt::format("cannot read {}: {}", file, why))
                                : Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", file, why));
}

// The nearest folder above `path` that exists but is not a folder: what a
// "Not a directory" means.
std::string file_in_the_way(const std::string& path) {
  for (std::string at = folder_of(path); at != "/" && at != "."; at = folder_of(at)) {
    struct stat info {};
    if (::stat(at.c_str(), &info) == 0) {
      return S_ISDIR(info.st_mode) ? std::string() : at;
    }
  }
  return {};
}

}  // namespace

bool log_store_detail::check_log_path(const std::string& path, Access access) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    struct stat link {};
    if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      std::array<char, PATH_MAX> target{};
      const ssize_t length = ::readlink(path.c_str(), target.data(), target.size() - 1);
      throw path_error(access, path,
                       fmt::format("it is a symbolic link to {}, which does not exist; remove the link or restore "
                                   "what it points to",
                                   length > 0 ? std::string(target.data(), static_cast<std::size_t>(length))
                                              : std::string("a missing file")));
    }
    if (error == ENOTDIR) {
      if (const std::string file = file_in_the_way(path); !file.empty()) {
        throw path_error(access, path, fmt::format("{} is a file, not a folder", file));
      }
    }
    if (error != ENOENT) {
      throw path_error(access, path, std::strerror(error));
    }
    return false;  // no log yet
  }
  if (S_ISDIR(info.st_mode)) {
    throw path_error(access, path, std::strerror(EISDIR));
  }
  if (!S_ISREG(info.st_mode)) {
    // A FIFO or a device: refused before anything opens it (an open of a
    // FIFO would wait for a writer forever).
    log_schema::throw_not_a_log(path, "not a regular file");
  }
  // SQLite keeps -wal and -shm beside the log and would name only the log.
  // When the log or its folder is not ours to write, SQLite reads without
  // them and a writer is refused for the log itself (check_writable).
  const bool ours = ::access(folder_of(path).c_str(), W_OK) == 0 && ::access(path.c_str(), W_OK) == 0;
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::string companion = path + suffix;
    struct stat beside {};
    if (::lstat(companion.c_str(), &beside) != 0) {
      continue;
    }
    if (!S_ISREG(beside.st_mode)) {
      throw path_error(access, companion, S_ISDIR(beside.st_mode) ? std::strerror(EISDIR) : "not a regular file");
    }
    // Read through them, a WAL log needs both readable and writable. (One
    // gone since the lstat was removed by the last valgus to close the log.)
    if (ours && ::access(companion.c_str(), R_OK | W_OK) != 0 && errno != ENOENT) {
      const int error = errno;
      throw access == Access::read
          ? Error(ExitCode::no_input, fmt::format("cannot read {}: {}", companion, std::strerror(error)))
          : Error(ExitCode::cannot_create, fmt::format("cannot write {}: {}", companion, std::strerror(error)));
    }
  }
  return true;
}

void LogStore::check_path(const std::string& path, Access access) {
  (void)log_store_detail::check_log_path(path, access);
}

}  // namespace valgus
