// Reading catalogue files and folders from disk, with the limits that keep
// any input quick and bounded: every size is known from fstat before a byte
// of content is read.

#include "io/catalogue_files.hpp"

#include "core/model/error.hpp"
#include "io/xdg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
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
  return {ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(error_number))};
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

// A file that fstat says is empty really is when a read gives nothing. One
// byte is read, only from such files; a read that fails or would block
// (/proc/kmsg) counts as data, so the file is refused.
bool really_empty(int fd) {
  char byte = 0;
  ssize_t got = 0;
  do {
    got = ::read(fd, &byte, 1);
  } while (got < 0 && errno == EINTR);
  return got == 0;
}

// A regular file opened and measured, not yet read.
struct OpenFile {
  std::string path;
  FileDescriptor fd;
  std::size_t size = 0;
};

// "4 MiB", "64 KiB": a limit in the unit it was set in.
std::string size_words(std::size_t bytes) {
  constexpr std::size_t kib = 1024;
  if (bytes % (kib * kib) == 0) {
    return fmt::format("{} MiB", bytes / (kib * kib));
  }
  return bytes % kib == 0 ? fmt::format("{} KiB", bytes / kib) : fmt::format("{} bytes", bytes);
}

// `what` names the kind of file in messages: "a catalogue file".
OpenFile open_regular_file(const std::string& path, std::size_t max_bytes, std::string_view what) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    throw cannot_read(path, errno);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    throw cannot_read(path, errno);
  }
  if (!S_ISREG(info.st_mode)) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}, not {}", path, kind_of(info.st_mode), what));
  }
  if (info.st_size == 0 && !really_empty(fd.get())) {
    // /proc, /sys, debugfs and the like say 0 bytes and then give data: the
    // size cannot be checked before reading, so such a file is not read.
    throw Error(ExitCode::no_input,
                fmt::format("cannot read {}: not a regular file with a known size, not {}", path, what));
  }
  if (info.st_size > static_cast<off_t>(max_bytes)) {
    throw Error(ExitCode::bad_data, SourceLocation{path, 0, 0},
                fmt::format("the file is {} bytes, more than the {} {} may have{}", info.st_size, size_words(max_bytes),
                            what, what == catalogue_file ? "; split it into several files" : ""));
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

// How many skipped entries of one folder are named before the rest are
// counted: a folder of 100,000 other files gives six lines, not 100,000.
constexpr std::size_t named_skipped_entries = 5;

// The first `named_skipped_entries` skipped lines in name order, and how
// many there were, without keeping every line of a huge folder.
class SkippedEntries {
 public:
  void add(std::string line) {
    ++count_;
    if (first_.size() == named_skipped_entries && line >= first_.back()) {
      return;
    }
    first_.insert(std::upper_bound(first_.begin(), first_.end(), line), std::move(line));
    if (first_.size() > named_skipped_entries) {
      first_.pop_back();
    }
  }
  void report(const std::string& folder, std::vector<std::string>& skipped) const {
    skipped.insert(skipped.end(), first_.begin(), first_.end());
    if (count_ > first_.size()) {
      skipped.push_back(fmt::format("{}: and {} more entries skipped", folder, count_ - first_.size()));
    }
  }

 private:
  std::vector<std::string> first_;
  std::size_t count_ = 0;
};

// The *.yaml files of a folder in name order; anything else is listed in
// `skipped`, the first few by name and the rest as a count.
std::vector<std::string> folder_files(const std::string& path, std::vector<std::string>& skipped) {
  std::vector<std::string> names;
  std::size_t yaml_files = 0;
  SkippedEntries skipped_here;
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    const auto& entry = *it;
    std::string name = entry.path().string();
    std::error_code ignored;
    if (entry.path().extension() != ".yaml") {
      skipped_here.add(name + ": skipped: only *.yaml files are read");
    } else if (entry.is_directory(ignored)) {
      skipped_here.add(name + ": skipped: a folder; catalogue folders are not read recursively");
    } else if (++yaml_files <= max_catalogue_files) {  // past the limit, only count
      names.push_back(std::move(name));
    }
  }
  if (error) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, error.message()));
  }
  if (yaml_files > max_catalogue_files) {
    throw Error(ExitCode::bad_data, SourceLocation{path, 0, 0},
                fmt::format("{} catalogue files, more than the {} a folder may hold", yaml_files, max_catalogue_files));
  }
  std::sort(names.begin(), names.end());
  skipped_here.report(path, skipped);
  return names;
}

void check_total(const std::string& path, std::size_t total) {
  if (total > max_catalogue_total_bytes) {
    throw Error(ExitCode::bad_data, SourceLocation{path, 0, 0},
                fmt::format("the catalogue files add up to more than {} MiB; load fewer at once",
                            max_catalogue_total_bytes / (std::size_t{1024} * 1024)));
  }
}

}  // namespace

std::string user_catalogue_dir() {
  const std::string base = xdg_base("XDG_DATA_HOME", ".local/share");
  return base.empty() ? base : base + "/valgus/exercises";
}

std::string read_input_file(const std::string& path, std::size_t max_bytes, std::string_view what) {
  return read_open_file(open_regular_file(path, max_bytes, what));
}

CatalogueInput read_catalogue_sources(const std::vector<CatalogueSource>& sources) {
  // First open and measure every file, so a set of files over the total is
  // refused before any content is read. Each is closed again: a folder may
  // hold more files than a process may have open (ulimit -n is often 1024).
  struct Pending {
    std::string path;
    int layer;
    const std::string* origin;
  };
  std::vector<Pending> pending;
  CatalogueInput input;
  std::size_t total = 0;
  int layer = 0;
  for (const CatalogueSource& source : sources) {
    ++layer;
    const std::size_t pending_before = pending.size();
    const std::size_t total_before = total;
    try {
      struct stat info {};
      if (::stat(source.path.c_str(), &info) != 0) {
        throw cannot_read(source.path, errno);
      }
      std::vector<std::string> paths =
          S_ISDIR(info.st_mode) ? folder_files(source.path, input.skipped) : std::vector<std::string>{source.path};
      for (auto& path : paths) {
        total += open_regular_file(path, max_catalogue_file_bytes, catalogue_file).size;
        check_total(path, total);
        pending.push_back(Pending{std::move(path), layer, &source.origin});
      }
    } catch (const Error& error) {
      if (!source.optional || error.code() != ExitCode::no_input) {
        throw;
      }
      pending.resize(pending_before);
      total = total_before;
      input.skipped.push_back(std::string(error.what()) + "; going on without " + source.path);
    }
  }
  // Then read them; a file that grew since is measured again and still
  // counts against the limits.
  total = 0;
  input.files.reserve(pending.size());
  for (const Pending& item : pending) {
    const OpenFile file = open_regular_file(item.path, max_catalogue_file_bytes, catalogue_file);
    total += file.size;
    check_total(item.path, total);
    input.files.push_back(CatalogueFile{item.path, read_open_file(file), item.layer, *item.origin});
  }
  return input;
}

}  // namespace valgus
