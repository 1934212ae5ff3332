#pragma once

// The terminal: what standard output can show (a terminal's width, whether
// colour is welcome), lines typed at standard input (the prompts of assess
// and go, answers piped in), and, as `valgus go` uses it, raw keys (no echo,
// no line editing), a hidden cursor on the alternate screen, a key read with
// a timeout and a screen redrawn in place. Whatever ends the program puts the terminal back as it was: the
// destructor, and a handler for SIGINT, SIGTERM, SIGHUP (the terminal
// closed) and SIGQUIT that restores it before the signal does what it would
// have done.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// Whether standard input and standard output are both terminals.
[[nodiscard]] bool interactive_terminal();

// What standard output is, for deciding width and colour once.
struct OutputTerminal {
  bool is_terminal = false;
  int columns = 0;  // 0: the terminal does not say (or no terminal)
  // NO_COLOR is unset or empty and TERM names a terminal that is not
  // "dumb": escapes will not show as garbage.
  bool colour_welcome = false;
  // The locale (LC_ALL, else LC_CTYPE, else LANG) is UTF-8: characters
  // beyond ASCII, such as braille figures, will show.
  bool utf8 = false;
};
[[nodiscard]] OutputTerminal output_terminal();

// The next line of standard input without its line end; none at the end of
// input. Works on a terminal in its own canonical mode (the terminal edits
// the line, nothing here changes its settings) and on a pipe alike.
[[nodiscard]] std::optional<std::string> read_line();

// Writes `prompt` to standard output, then reads a line. At the end of
// input a newline closes the prompt's line, so what follows starts on a
// line of its own.
[[nodiscard]] std::optional<std::string> ask_line(std::string_view prompt);

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

  // What a signal that ends the session (Ctrl-C) prints on standard error
  // once the screen is restored; kept up to date as the session goes (at
  // most 2 KiB, copied; safe against a signal at any moment).
  static void set_interrupt_note(std::string_view note);

  // Columns and rows now (80 × 24 when the terminal does not say).
  [[nodiscard]] static int width();
  [[nodiscard]] static int height();
  // Whether the terminal was resized (SIGWINCH) since the last call.
  [[nodiscard]] static bool take_resized();
  // Whether the session came back from Ctrl-Z (fg) since the last call.
  [[nodiscard]] static bool take_continued();

  // The next key, waiting at most `timeout_ms` (0: do not wait). Escape
  // sequences (arrows, function keys) are read and dropped.
  [[nodiscard]] Key read_key(int timeout_ms);

  // Writes to standard output, checked (Error(io_error) on failure).
  static void write(std::string_view text);
  // Draws `lines` over the previous screen from the top-left corner, each
  // line's rest and the screen below cleared; `bell` rings as it shows.
  static void redraw(const std::vector<std::string>& lines, bool bell);

 private:
  // Bytes read but not yet handed out (keys typed ahead).
  std::array<char, 64> pending_{};
  std::size_t pending_size_ = 0;
  std::size_t pending_at_ = 0;
};

}  // namespace valgus
