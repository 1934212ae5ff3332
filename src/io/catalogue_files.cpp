// Reading catalogue files and folders from disk, with the limits that keep
// any input quick and bounded: every size is known from fstat before a byte
// of content is read.

#include "io/catalogue_files.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {
namespace {

// Closes its descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileDescriptor& operator=(FileDescriptor&&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

Error cannot_read(const std::string& path, int error_number) {
  return Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(error_number)));
}

std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "a folder";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "a device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  return "not a regular file";
}

// A regular file opened and measured, not yet read.
struct OpenFile {
  std::string path;
  FileDescriptor fd;
  std::size_t size = 0;
};

OpenFile open_regular_file(const std::string& path, std::size_t max_bytes) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    throw cannot_read(path, errno);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    throw cannot_read(path, errno);
  }
  if (!S_ISREG(info.st_mode)) {
    throw Error(ExitCode::no_input,
                fmt::format("cannot read {}: {}, not a catalogue file", path, kind_of(info.st_mode)));
  }
  if (info.st_size > static_cast<off_t>(max_bytes)) {
    throw Error(
        ExitCode::bad_data, SourceLocation{path, 0, 0},
        fmt::format("the file is {} bytes, more than the {} MiB {}", info.st_size,
                    max_bytes / (std::size_t{1024} * 1024),
                    max_bytes == max_catalogue_file_bytes ? "a catalogue file may have; split it into several files"
                                                          : "valgus reads"));
  }
  return OpenFile{path, std::move(fd), static_cast<std::size_t>(info.st_size)};
}

std::string read_open_file(const OpenFile& file) {
  std::string text;
  text.resize(file.size);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t got = ::read(file.fd.get(), text.data() + done, text.size() - done);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      throw cannot_read(file.path, errno);
    }
    if (got == 0) {
      break;  // the file shrank while we read it
    }
    done += static_cast<std::size_t>(got);
  }
  text.resize(done);
  return text;
}

// The *.yaml files of a folder in name order; anything else is listed in
// `skipped`.
std::vector<std::string> folder_files(const std::string& path, std::vector<std::string>& skipped) {
  std::vector<std::string> names;
  std::vector<std::string> skipped_here;
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    const auto& entry = *it;
    const std::string name = entry.path().string();
    std::error_code ignored;
    if (entry.path().extension() != ".yaml") {
      skipped_here.push_back(name + ": skipped: only *.yaml files are read");
    } else if (entry.is_directory(ignored)) {
      skipped_here.push_back(name + ": skipped: a folder; catalogue folders are not read recursively");
    } else {
      names.push_back(name);
    }
  }
  if (error) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, error.message()));
  }
  if (names.size() > max_catalogue_files) {
    throw Error(
        ExitCode::bad_data, SourceLocation{path, 0, 0},
        fmt::format("{} catalogue files, more than the {} a folder may hold", names.size(), max_catalogue_files));
  }
  std::sort(names.begin(), names.end());
  std::sort(skipped_here.begin(), skipped_here.end());
  skipped.insert(skipped.end(), skipped_here.begin(), skipped_here.end());
  return names;
}

}  // namespace

std::string user_catalogue_dir() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  if (data_home != nullptr && data_home[0] == '/') {
    return std::string(data_home) + "/valgus/exercises";
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') {
    return std::string(home) + "/.local/share/valgus/exercises";
  }
  return {};
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  return read_open_file(open_regular_file(path, max_bytes));
}

CatalogueInput read_catalogue_sources(const std::vector<CatalogueSource>& sources) {
  // First open and measure every file, so a set of files over the total is
  // refused before any content is read.
  struct Pending {
    OpenFile file;
    int layer;
    const std::string* origin;
  };
  std::vector<Pending> pending;
  CatalogueInput input;
  std::size_t total = 0;
  int layer = 0;
  for (const CatalogueSource& source : sources) {
    ++layer;
    struct stat info {};
    if (::stat(source.path.c_str(), &info) != 0) {
      throw cannot_read(source.path, errno);
    }
    const std::vector<std::string> paths =
        S_ISDIR(info.st_mode) ? folder_files(source.path, input.skipped) : std::vector<std::string>{source.path};
    for (const auto& path : paths) {
      OpenFile file = open_regular_file(path, max_catalogue_file_bytes);
      total += file.size;
      if (total > max_catalogue_total_bytes) {
        throw Error(ExitCode::bad_data, SourceLocation{path, 0, 0},
                    fmt::format("the catalogue files add up to more than {} MiB; load fewer at once",
                                max_catalogue_total_bytes / (std::size_t{1024} * 1024)));
      }
      pending.push_back(Pending{std::move(file), layer, &source.origin});
    }
  }
  input.files.reserve(pending.size());
  for (const Pending& item : pending) {
    input.files.push_back(CatalogueFile{item.file.path, read_open_file(item.file), item.layer, *item.origin});
  }
  return input;
}

}  // namespace valgus
