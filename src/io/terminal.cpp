#include "io/terminal.hpp"

#include "core/model/error.hpp"
#include "io/output.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace valgus {
namespace {

// The alternate screen keeps the guided session off the scrollback, and the
// cursor is hidden while it counts down; leaving puts both back.
constexpr std::string_view enter_screen = "\x1b[?1049h\x1b[?25l";
constexpr std::string_view leave_screen = "\x1b[?25h\x1b[?1049l";

// ---- What the signal handler may touch: static storage only, and only
// async-signal-safe calls (tcsetattr, write, sigaction, sigprocmask, raise).

constexpr std::array<int, 4> ending_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct termios saved_termios {};
struct termios raw_termios {};
volatile std::sig_atomic_t raw_active = 0;
volatile std::sig_atomic_t resized = 0;
volatile std::sig_atomic_t continued = 0;  // back from Ctrl-Z
// What to say on stderr when a signal ends the session, once the screen is
// back: two buffers, the one in use flipped only after the other is written,
// so the handler never reads a half-written note.
constexpr std::size_t note_capacity = 2048;
std::array<std::array<char, note_capacity>, 2> notes{};
std::array<std::size_t, 2> note_sizes{};
volatile std::sig_atomic_t note_in_use = 0;

// TCSAFLUSH: keys typed for the session (a last Enter, q) are dropped, not
// left for the pain question or the shell.
void restore_now() {
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
  // Nothing to do if the terminal is gone: the write fails, that is all.
  [[maybe_unused]] const ssize_t written = ::write(STDOUT_FILENO, leave_screen.data(), leave_screen.size());
}

void restore_and_reraise(int signal_number) {
  if (raw_active != 0) {
    restore_now();
    raw_active = 0;
    const auto which = static_cast<std::size_t>(note_in_use);
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, notes.at(which).data(), note_sizes.at(which));
  }
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
  // The default action now ends the program with the signal, as the shell
  // and the parent expect (exit status 128 + n).
  ::raise(signal_number);
}

void note_resize(int /*signal_number*/) { resized = 1; }

struct sigaction previous_tstp {};
bool tstp_installed = false;

// Ctrl-Z: the terminal back to normal, then stopped as usual; on `fg` the
// session's screen comes back, redrawn (as after a resize).
void suspend(int signal_number) {
  const bool was_raw = raw_active != 0;
  if (was_raw) {
    restore_now();
  }
  struct sigaction stop {};
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  struct sigaction ours {};
  ::sigaction(signal_number, &stop, &ours);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
  ::raise(signal_number);  // stopped here until SIGCONT
  ::sigaction(signal_number, &ours, nullptr);
  if (was_raw && raw_active != 0) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw_termios);
    [[maybe_unused]] const ssize_t written = ::write(STDOUT_FILENO, enter_screen.data(), enter_screen.size());
    resized = 1;
    continued = 1;
  }
}

std::array<struct sigaction, ending_signals.size()> previous_actions{};
std::array<bool, ending_signals.size()> installed{};
struct sigaction previous_winch {};

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = restore_and_reraise;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : ending_signals) {
    sigaddset(&action.sa_mask, signal_number);
  }
  for (std::size_t i = 0; i < ending_signals.size(); ++i) {
    struct sigaction previous {};
    ::sigaction(ending_signals[i], nullptr, &previous);
    // A signal the caller ignores (nohup) stays ignored.
    if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler == SIG_IGN) {
      installed[i] = false;
      continue;
    }
    installed[i] = ::sigaction(ending_signals[i], &action, &previous_actions[i]) == 0;
  }
  struct sigaction winch {};
  winch.sa_handler = note_resize;
  sigemptyset(&winch.sa_mask);
  // No SA_RESTART: the wait for a key returns at once, and the screen is
  // redrawn at the new width.
  ::sigaction(SIGWINCH, &winch, &previous_winch);
  struct sigaction tstp {};
  tstp.sa_handler = suspend;
  sigemptyset(&tstp.sa_mask);
  for (const int signal_number : ending_signals) {
    sigaddset(&tstp.sa_mask, signal_number);
  }
  struct sigaction current {};
  ::sigaction(SIGTSTP, nullptr, &current);
  // Without job control (SIGTSTP ignored) Ctrl-Z stays a no-op.
  tstp_installed = !((current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_IGN) &&
                   ::sigaction(SIGTSTP, &tstp, &previous_tstp) == 0;
}

void remove_handlers() {
  for (std::size_t i = 0; i < ending_signals.size(); ++i) {
    if (installed[i]) {
      ::sigaction(ending_signals[i], &previous_actions[i], nullptr);
      installed[i] = false;
    }
  }
  ::sigaction(SIGWINCH, &previous_winch, nullptr);
  if (tstp_installed) {
    ::sigaction(SIGTSTP, &previous_tstp, nullptr);
    tstp_installed = false;
  }
}

struct winsize window_size() {
  struct winsize size {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
    size = {};
  }
  return size;
}

}  // namespace

bool interactive_terminal() { return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1; }

OutputTerminal output_terminal() {
  OutputTerminal output;
  output.is_terminal = ::isatty(STDOUT_FILENO) == 1;
  if (output.is_terminal) {
    output.columns = window_size().ws_col;
  }
  const char* no_color = std::getenv("NO_COLOR");
  // A terminal that says it is "dumb" (Emacs shell buffers, some CI logs)
  // or says nothing shows escapes as garbage, as git and grep know.
  const char* term = std::getenv("TERM");
  const bool smart_terminal = term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
  output.colour_welcome = (no_color == nullptr || *no_color == '\0') && smart_terminal;
  // The first of these that is set decides, as setlocale(3) would.
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
      std::string lower(value);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      output.utf8 = lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
      break;
    }
  }
  return output;
}

std::optional<std::string> read_line() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    return std::nullopt;
  }
  return line;
}

std::optional<std::string> ask_line(std::string_view prompt) {
  write_stdout(prompt);
  std::optional<std::string> line = read_line();
  if (!line) {
    write_stdout("\n");
  }
  return line;
}

void RawTerminal::set_interrupt_note(std::string_view note) {
  const std::size_t spare = note_in_use == 0 ? 1 : 0;
  const std::size_t size = std::min(note.size(), note_capacity);
  std::copy_n(note.data(), size, notes.at(spare).data());
  note_sizes.at(spare) = size;
  note_in_use = static_cast<std::sig_atomic_t>(spare);
}

RawTerminal::RawTerminal() {
  struct termios original {};
  if (::tcgetattr(STDIN_FILENO, &original) != 0) {
    throw Error(ExitCode::usage, std::string("standard input is not a terminal: ") + std::strerror(errno));
  }
  saved_termios = original;
  raw_active = 1;
  install_handlers();
  struct termios raw = original;
  // Keys arrive one by one, unseen; ISIG stays so Ctrl-C and Ctrl-\ end the
  // session through the handler above.
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  // Ctrl-Z suspends through the handler above: the terminal is restored
  // first, and the screen comes back on fg.
  raw_termios = raw;
  if (::tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0) {
    const int error = errno;
    raw_active = 0;
    remove_handlers();
    throw Error(ExitCode::io_error, std::string("cannot set up the terminal: ") + std::strerror(error));
  }
  resized = 0;
  try {
    write(enter_screen);
  } catch (...) {
    restore_now();
    raw_active = 0;
    remove_handlers();
    throw;
  }
}

RawTerminal::~RawTerminal() {
  // The handler must not restore twice, nor race the restore here.
  sigset_t block;
  sigset_t old;
  sigemptyset(&block);
  for (const int signal_number : ending_signals) {
    sigaddset(&block, signal_number);
  }
  ::sigprocmask(SIG_BLOCK, &block, &old);
  if (raw_active != 0) {
    restore_now();
    raw_active = 0;
  }
  remove_handlers();
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
}

int RawTerminal::width() {
  const struct winsize size = window_size();
  return size.ws_col > 0 ? static_cast<int>(size.ws_col) : 80;
}

int RawTerminal::height() {
  const struct winsize size = window_size();
  return size.ws_row > 0 ? static_cast<int>(size.ws_row) : 24;
}

bool RawTerminal::take_resized() {
  if (resized == 0) {
    return false;
  }
  resized = 0;
  return true;
}

bool RawTerminal::take_continued() {
  const bool was = continued != 0;
  continued = 0;
  return was;
}

Key RawTerminal::read_key(int timeout_ms) {
  if (pending_at_ >= pending_size_) {
    pending_at_ = 0;
    pending_size_ = 0;
    struct pollfd input {};
    input.fd = STDIN_FILENO;
    input.events = POLLIN;
    const int ready = ::poll(&input, 1, timeout_ms);
    if (ready <= 0) {
      return {};  // timeout, or a signal (a resize) came first
    }
    if ((input.revents & POLLIN) == 0) {
      return Key{KeyKind::closed, 0};
    }
    const ssize_t got = ::read(STDIN_FILENO, pending_.data(), pending_.size());
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
      return {};
    }
    if (got <= 0) {
      return Key{KeyKind::closed, 0};
    }
    pending_size_ = static_cast<std::size_t>(got);
  }
  const char byte = pending_.at(pending_at_++);
  if (byte == '\x1b') {
    // An escape sequence arrives in one read: the rest of it goes too.
    pending_at_ = pending_size_;
    return {};
  }
  if (byte == '\n' || byte == '\r') {
    return Key{KeyKind::enter, 0};
  }
  const auto code = static_cast<unsigned char>(byte);
  if (code < 0x20 || code >= 0x7f) {
    return {};
  }
  return Key{KeyKind::character, byte};
}

void RawTerminal::write(std::string_view text) { write_all(STDOUT_FILENO, text); }

void RawTerminal::redraw(const std::vector<std::string>& lines, bool bell) {
  std::string text = bell ? "\a\x1b[H" : "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    text += lines[i];
    text += "\x1b[K";
    // No newline after the last line: on a full screen it would scroll.
    if (i + 1 < lines.size()) {
      text += "\r\n";
    }
  }
  text += "\x1b[J";
  write(text);
}

}  // namespace valgus
