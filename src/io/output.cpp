#include "io/output.hpp"

#include "core/model/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {

void write_all(int fd, std::string_view text, std::string_view name) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote < 0) {
      throw Error(ExitCode::io_error, name.empty() ? fmt::format("write error: {}", std::strerror(errno))
                                                   : fmt::format("cannot write {}: {}", name, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(wrote);
  }
}

void write_stdout(std::string_view text) { write_all(STDOUT_FILENO, text); }

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? std::string("/") : path.substr(0, slash);
}

namespace {

Error cannot_create(const std::string& path, int error_number) {
  return {ExitCode::cannot_create, fmt::format("cannot create {}: {}", path, std::strerror(error_number))};
}

// A file being written that failed: the file the person named, not the
// temporary one it is written through.
Error write_error(const std::string& target, int error_number) {
  return {ExitCode::io_error, fmt::format("cannot write {}: {}", target, std::strerror(error_number))};
}

// ---- A named temporary file must not outlive Ctrl-C, kill or a closed
// terminal. The handler may only touch static storage and call
// async-signal-safe functions: it removes the file named in `doomed_path`,
// then lets the signal do what it would have done.

constexpr std::array<int, 3> cleanup_signals{SIGINT, SIGTERM, SIGHUP};
std::array<char, PATH_MAX> doomed_path{};
volatile std::sig_atomic_t doomed_armed = 0;

void remove_temporary_and_reraise(int signal_number) {
  if (doomed_armed != 0) {
    ::unlink(doomed_path.data());
    doomed_armed = 0;
  }
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  ::sigaction(signal_number, &default_action, nullptr);
  // Still blocked while the handler runs: delivered, with the default
  // action, as soon as it returns.
  ::raise(signal_number);
}

// Installs the handler for as long as a file is being written, and puts
// back what was there. A signal the caller ignores (nohup) stays ignored.
class SignalCleanup {
 public:
  SignalCleanup() {
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_reraise;
    sigemptyset(&action.sa_mask);
    for (const int signal_number : cleanup_signals) {
      sigaddset(&action.sa_mask, signal_number);
    }
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
      struct sigaction previous {};
      ::sigaction(cleanup_signals[i], nullptr, &previous);
      if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler == SIG_IGN) {
        continue;
      }
      installed_[i] = ::sigaction(cleanup_signals[i], &action, &previous_[i]) == 0;
    }
  }
  SignalCleanup(const SignalCleanup&) = delete;
  SignalCleanup& operator=(const SignalCleanup&) = delete;
  ~SignalCleanup() {
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
      if (installed_[i]) {
        ::sigaction(cleanup_signals[i], &previous_[i], nullptr);
      }
    }
  }

 private:
  std::array<struct sigaction, cleanup_signals.size()> previous_{};
  std::array<bool, cleanup_signals.size()> installed_{};
};

// Holds the cleanup signals back while a name is created, armed, published
// or removed, so the handler never sees a half-done step.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (const int signal_number : cleanup_signals) {
      sigaddset(&held, signal_number);
    }
    ::pthread_sigmask(SIG_BLOCK, &held, &previous_);
  }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_{};
};

// Call with the signals held.
void arm(const std::string& path) {
  if (path.size() < doomed_path.size()) {
    std::memcpy(doomed_path.data(), path.c_str(), path.size() + 1);
    doomed_armed = 1;
  }
}
void disarm() { doomed_armed = 0; }

// ".valgus-" and six random letters or digits, in the folder of `target`.
std::string temporary_name(const std::string& target) {
  static constexpr std::string_view letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static unsigned counter = 0;
  std::array<unsigned char, 6> bytes{};
  if (::getrandom(bytes.data(), bytes.size(), GRND_NONBLOCK) != static_cast<ssize_t>(bytes.size())) {
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    unsigned long mix = static_cast<unsigned long>(now.tv_nsec) ^ (static_cast<unsigned long>(::getpid()) << 16U);
    mix += ++counter * 2654435761UL;
    for (auto& byte : bytes) {
      byte = static_cast<unsigned char>(mix);
      mix = (mix >> 8U) | (mix << 56U);
    }
  }
  std::string name = folder_of(target) + "/.valgus-";
  for (const unsigned char byte : bytes) {
    name += letters[byte % letters.size()];
  }
  return name;
}

// The file being written: anonymous (O_TMPFILE) where the filesystem has
// it, so nothing is ever left behind; else named, removed on every way out.
class TemporaryFile {
 public:
  TemporaryFile() = default;
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    close_quietly();
    forget_name(true);
  }

  // False when the filesystem has no anonymous files (FAT, FUSE, old kernels).
  bool open_anonymous(const std::string& target, std::optional<mode_t> mode) {
    fd_ = ::open(folder_of(target).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode ? 0600 : 0666);
    if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
      return false;
    }
    check_opened(target, mode);
    return true;
  }

  void open_named(const std::string& target, std::optional<mode_t> mode) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      const SignalsHeld held;
      std::string name = temporary_name(target);
      fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ? 0600 : 0666);
      if (fd_ >= 0) {
        name_ = std::move(name);
        arm(name_);
        break;
      }
      if (errno != EEXIST) {
        break;
      }
    }
    check_opened(target, mode);
  }

  void write(std::string_view text, const std::string& target) const {
    write_all(fd_, text, target);
    if (::fsync(fd_) != 0) {
      throw write_error(target, errno);
    }
  }

  // Gives the anonymous file the name `to`, failing if `to` exists;
  // returns 0 or the reason.
  [[nodiscard]] int link_anonymous(const std::string& to) const {
    if (::linkat(fd_, "", AT_FDCWD, to.c_str(), AT_EMPTY_PATH) == 0) {
      return 0;
    }
    if (errno == EEXIST) {
      return EEXIST;
    }
    // Without CAP_DAC_READ_SEARCH, the documented way is through /proc.
    const std::string self = fmt::format("/proc/self/fd/{}", fd_);
    return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, to.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
  }

  // Names the anonymous file with a fresh temporary name (call with the
  // signals held); false if it cannot be named.
  bool name_anonymous(const std::string& target) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name = temporary_name(target);
      const int error = link_anonymous(name);
      if (error == 0) {
        name_ = std::move(name);
        arm(name_);
        return true;
      }
      if (error != EEXIST) {
        return false;
      }
    }
    return false;
  }

  void close(const std::string& target) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
      throw write_error(target, errno);
    }
  }
  void close_quietly() {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  [[nodiscard]] const std::string& name() const { return name_; }

  // The name is gone (renamed into place) or is to be removed; call with
  // the signals held.
  void forget_name(bool remove) {
    if (name_.empty()) {
      return;
    }
    const SignalsHeld held;
    disarm();
    if (remove) {
      ::unlink(name_.c_str());
    }
    name_.clear();
  }

 private:
  void check_opened(const std::string& target, std::optional<mode_t> mode) const {
    if (fd_ < 0) {
      throw cannot_create(target, errno);
    }
    // A file replaced with --force keeps its permission bits, never
    // set-user-ID, set-group-ID or sticky. FAT has no modes and refuses:
    // not a reason to fail.
    if (mode) {
      (void)::fchmod(fd_, *mode);
    }
  }

  int fd_ = -1;
  std::string name_;
};

// The checks before anything is written. Returns the permission bits of a
// regular file that --force replaces, nothing for a new file.
std::optional<mode_t> check_target(const std::string& path, bool force, const std::string& exists_message) {
  struct stat existing {};
  if (::lstat(path.c_str(), &existing) != 0) {
    return std::nullopt;  // new; or the create says why not
  }
  struct stat pointed {};
  if (S_ISLNK(existing.st_mode) && ::stat(path.c_str(), &pointed) != 0 && errno == ENOENT) {
    throw Error(ExitCode::cannot_create,
                fmt::format("{} is a symbolic link to a missing file; remove it or choose another name", path));
  }
  // Not even --force replaces these, so do not suggest it.
  if (!S_ISREG(existing.st_mode)) {
    throw Error(ExitCode::cannot_create, fmt::format("{} is not a regular file; refusing to replace it", path));
  }
  if (!force) {
    throw Error(ExitCode::cannot_create, exists_message);
  }
  return existing.st_mode & 0777;
}

// O_TMPFILE: written, then linked into place (or, with --force, linked to a
// temporary name and renamed over the target at once). False when the
// filesystem cannot do it; nothing is left behind then.
bool write_anonymously(const std::string& path, std::string_view text, bool force, std::optional<mode_t> mode,
                       const std::string& exists_message) {
  TemporaryFile temporary;
  if (!temporary.open_anonymous(path, mode)) {
    return false;
  }
  temporary.write(text, path);  // synced: closing later can report nothing new
  const SignalsHeld held;
  if (!force) {
    const int error = temporary.link_anonymous(path);
    if (error == EEXIST) {
      throw Error(ExitCode::cannot_create, exists_message);
    }
    return error == 0;
  }
  if (!temporary.name_anonymous(path)) {
    return false;
  }
  if (::rename(temporary.name().c_str(), path.c_str()) != 0) {
    throw cannot_create(path, errno);
  }
  temporary.forget_name(false);
  return true;
}

}  // namespace

void publish_without_replacing(const std::string& from, const std::string& to, NoClobberStep first,
                               const std::string& exists_message) {
  int error = EPERM;
  if (first == NoClobberStep::link) {
    if (::link(from.c_str(), to.c_str()) == 0) {
      ::unlink(from.c_str());
      return;
    }
    error = errno;
  }
  // No hard links here (FAT, exFAT, some SMB and FUSE): a rename that
  // refuses an existing target is as safe.
  if (error != EEXIST && first != NoClobberStep::exclusive_create) {
    error = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0 ? 0 : errno;
    if (error == 0) {
      return;
    }
  }
  // Nor that (libfuse 2 file systems, old kernels): take the name with an
  // exclusive create, then rename over our own empty file. Readers see
  // nothing, an empty file, then the whole new one.
  if (error == EINVAL || error == ENOSYS || error == EOPNOTSUPP || first == NoClobberStep::exclusive_create) {
    const int placeholder = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    error = placeholder < 0 ? errno : 0;
    if (placeholder >= 0) {
      ::close(placeholder);
      if (::rename(from.c_str(), to.c_str()) == 0) {
        return;
      }
      error = errno;
      ::unlink(to.c_str());
    }
  }
  if (error == EEXIST) {
    throw Error(ExitCode::cannot_create, exists_message.empty() ? to + " already exists" : exists_message);
  }
  throw cannot_create(to, error);
}

void check_file_target(const std::string& path, bool force, std::string_view if_exists) {
  const std::string exists_message =
      if_exists.empty() ? path + " already exists" : fmt::format("{} already exists; {}", path, if_exists);
  (void)check_target(path, force, exists_message);
  const std::size_t slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  struct stat status {};
  if (::stat(folder.c_str(), &status) != 0) {
    throw cannot_create(path, errno);
  }
  if (!S_ISDIR(status.st_mode)) {
    throw cannot_create(path, ENOTDIR);
  }
}

void write_file_atomically(const std::string& path, std::string_view text, bool force, std::string_view if_exists) {
  const std::string exists_message =
      if_exists.empty() ? path + " already exists" : fmt::format("{} already exists; {}", path, if_exists);
  const std::optional<mode_t> mode = check_target(path, force, exists_message);
  const SignalCleanup cleanup;
  if (write_anonymously(path, text, force, mode, exists_message)) {
    return;
  }

  TemporaryFile temporary;
  temporary.open_named(path, mode);
  temporary.write(text, path);
  temporary.close(path);
  const SignalsHeld held;
  if (force) {
    if (::rename(temporary.name().c_str(), path.c_str()) != 0) {
      throw cannot_create(path, errno);
    }
  } else {
    publish_without_replacing(temporary.name(), path, NoClobberStep::link, exists_message);
  }
  temporary.forget_name(false);
}

}  // namespace valgus

namespace valgus {

void create_private_folders(const std::string& folder) {
  struct stat status {};
  if (folder.empty() || folder == "/" || folder == "." || ::stat(folder.c_str(), &status) == 0) {
    return;
  }
  const std::size_t slash = folder.find_last_of('/');
  if (slash != std::string::npos && slash > 0) {
    create_private_folders(folder.substr(0, slash));
  }
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", folder, std::strerror(errno)));
  }
}

void create_parent_folders(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash != std::string::npos) {
    create_private_folders(slash == 0 ? std::string("/") : path.substr(0, slash));
  }
}

}  // namespace valgus
