#pragma once

// The terminal as `valgus go` uses it: raw keys (no echo, no line editing),
// a hidden cursor on the alternate screen, the width, and a key read with a
// timeout. Whatever ends the program puts the terminal back as it was: the
// destructor, and a handler for SIGINT, SIGTERM, SIGHUP (the terminal
// closed) and SIGQUIT that restores it before the signal does what it would
// have done.

#include <array>
#include <cstddef>
#include <string_view>

namespace valgus {

// Whether standard input and standard output are both terminals.
[[nodiscard]] bool interactive_terminal();

enum class KeyKind {
  none,       // no key within the timeout (or a signal, a resize)
  enter,      // Enter (or Return)
  character,  // one printable character, in Key::character
  closed,     // the terminal is gone: end of input or a read error
};

struct Key {
  KeyKind kind = KeyKind::none;
  char character = 0;
};

// Raw mode on standard input and the alternate screen on standard output,
// for as long as it lives. One at a time.
class RawTerminal {
 public:
  // Throws Error(usage) when standard input is not a terminal.
  RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;
  RawTerminal(RawTerminal&&) = delete;
  RawTerminal& operator=(RawTerminal&&) = delete;
  ~RawTerminal();

  // Columns and rows now (80 × 24 when the terminal does not say).
  [[nodiscard]] static int width();
  [[nodiscard]] static int height();
  // Whether the terminal was resized (SIGWINCH) since the last call.
  [[nodiscard]] static bool take_resized();

  // The next key, waiting at most `timeout_ms` (0: do not wait). Escape
  // sequences (arrows, function keys) are read and dropped.
  [[nodiscard]] Key read_key(int timeout_ms);

  // Writes to standard output, checked (Error(io_error) on failure).
  static void write(std::string_view text);

 private:
  // Bytes read but not yet handed out (keys typed ahead).
  std::array<char, 64> pending_{};
  std::size_t pending_size_ = 0;
  std::size_t pending_at_ = 0;
};

}  // namespace valgus
