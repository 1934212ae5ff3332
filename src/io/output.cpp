#include "io/output.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {

void write_all(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote < 0) {
      throw Error(ExitCode::io_error, fmt::format("write error: {}", std::strerror(errno)));
    }
    done += static_cast<std::size_t>(wrote);
  }
}

void write_stdout(std::string_view text) { write_all(STDOUT_FILENO, text); }

namespace {

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? std::string("/") : path.substr(0, slash);
}

// Removes the temporary file unless the write got all the way through.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::string& target) : path_(folder_of(target) + "/.valgus-XXXXXX") {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) {
      throw Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", target, std::strerror(errno)));
    }
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    if (!kept_) {
      ::unlink(path_.c_str());
    }
  }

  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::string& path() const { return path_; }

  void close() {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
      throw Error(ExitCode::io_error, fmt::format("write error: {}", std::strerror(errno)));
    }
  }
  void keep() { kept_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

}  // namespace

void write_file_atomically(const std::string& path, std::string_view text, bool force, std::string_view if_exists) {
  const std::string exists_message =
      if_exists.empty() ? path + " already exists" : fmt::format("{} already exists; {}", path, if_exists);
  struct stat existing {};
  const bool exists = ::lstat(path.c_str(), &existing) == 0;
  if (exists && !force) {
    throw Error(ExitCode::cannot_create, exists_message);
  }
  if (exists && !S_ISREG(existing.st_mode)) {
    throw Error(ExitCode::cannot_create, fmt::format("{} is not a regular file; refusing to replace it", path));
  }

  TemporaryFile temporary(path);
  // mkstemp makes the file 0600; a handout should be as readable as any file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(temporary.fd(), exists ? (existing.st_mode & 07777) : (0666 & ~mask));
  write_all(temporary.fd(), text);
  if (::fsync(temporary.fd()) != 0) {
    throw Error(ExitCode::io_error, fmt::format("write error: {}", std::strerror(errno)));
  }
  temporary.close();

  if (force) {
    if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
      throw Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", path, std::strerror(errno)));
    }
  } else {
    // link() fails if the target appeared meanwhile: never clobber.
    if (::link(temporary.path().c_str(), path.c_str()) != 0) {
      const int saved = errno;
      if (saved == EEXIST) {
        throw Error(ExitCode::cannot_create, exists_message);
      }
      throw Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", path, std::strerror(saved)));
    }
  }
  temporary.keep();
  if (!force) {
    ::unlink(temporary.path().c_str());
  }
}

}  // namespace valgus
