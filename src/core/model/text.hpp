#pragma once

// Small text helpers shared by the loader, the command line and renderers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace valgus {

[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);
// "a", "a and b", "a, b and c"; join_or: "a, b or c".
[[nodiscard]] std::string join_and(const std::vector<std::string>& parts);
[[nodiscard]] std::string join_or(const std::vector<std::string>& parts);

// "a, b,,c " -> {"a", "b", "c"}: a comma-separated list as options, answers
// and the log's columns hold it, each item trimmed, empty ones dropped.
[[nodiscard]] std::vector<std::string> split_list(std::string_view text);

// The closest of `choices` to `word`, if it is close enough to be a typo.
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& choices);

// " (did you mean "x"?)" or "".
[[nodiscard]] std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& choices);

// True when `text` is well-formed UTF-8 (no overlong forms or surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

// One character of UTF-8 text: its code point and length in bytes. A byte
// that starts no well-formed character is `valid == false`, length 1.
struct Utf8Char {
  std::uint32_t code = 0;
  std::size_t length = 1;
  bool valid = false;
};
[[nodiscard]] Utf8Char utf8_char_at(std::string_view text, std::size_t offset);

// Characters (code points) in valid UTF-8 `text`.
[[nodiscard]] std::size_t count_characters(std::string_view text);

// The one rule for catalogue text and what reaches a terminal: characters
// that act on a terminal or reorder what it shows without being seen. C0
// controls other than tab and newline, DEL, C1 controls, bidirectional
// controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and
// the byte-order mark U+FEFF.
[[nodiscard]] bool is_hidden_control(std::uint32_t code);

// Line breaks a one-line field must not hold: newline, U+2028, U+2029.
[[nodiscard]] bool is_line_break(std::uint32_t code);

// Runs of white space that hold a tab or a line break (newline, U+2028,
// U+2029) become one space; runs of plain spaces stay as they are.
[[nodiscard]] std::string fold_white_space(std::string_view text);

// Columns `text` takes in a terminal, colour escapes ignored: 2 for East
// Asian Wide and Fullwidth characters (CJK, most emoji), 0 for combining
// marks and format characters, 1 for the rest, and 1 for a byte or control
// that terminal_safe turns into U+FFFD.
[[nodiscard]] int display_width(std::string_view text);

// Appends `text` to `out` wrapped at white space: the first line at most
// `first_width` columns (after a label), the others `width`, continuation
// lines indented by `indent` spaces, no final newline. A word wider than a
// whole line is split at the width between characters (a combining mark
// stays with its base), so no line overflows.
void wrap_into(std::string& out, std::string_view text, int first_width, int width, int indent);

// Whether `text` is words of printable ASCII with single spaces between
// them and none at either end: what wrap_into and terminal_safe leave as it
// is when it fits on a line.
[[nodiscard]] bool plain_words(std::string_view text);

// The 1-based line and column (in characters) of byte `offset` of `text`.
[[nodiscard]] std::pair<int, int> position_in(std::string_view text, std::size_t offset);

// `text` made safe to print on a terminal: hidden controls (see
// is_hidden_control) become U+FFFD, and so does every byte of invalid
// UTF-8; tab and newline stay, for text laid out over several lines. The
// loader already refuses them; this is the second line of defence for text
// from anywhere else.
[[nodiscard]] std::string terminal_safe(std::string_view text);

// terminal_safe, and tab, newline and carriage return become U+FFFD too:
// what must stay on one line, such as an error message, whatever a
// command-line argument or a file name holds.
[[nodiscard]] std::string one_line(std::string_view text);

// A note as valgus keeps and lists it (typed with `log --note`, or read
// from a log another program edited): one line, each run of white space
// holding a tab or line break one space; hidden controls (the catalogue's
// rule, is_hidden_control), carriage returns and invalid UTF-8 as U+FFFD;
// no white space at either end. A repair, not a refusal: a note is typed
// after a session, and a Latin-1 terminal should not cost it.
[[nodiscard]] std::string clean_note(std::string_view text);

// Quoting for the two languages valgus writes. Both escape '"', '\\' and
// newline alike but are not one function: C++ takes "\?" (no trigraph
// warnings) which YAML refuses, and the YAML, written for people, gets
// terminal-safe text with tabs as spaces.

// `text` as a C++ string literal, exactly (UTF-8 passes through).
[[nodiscard]] std::string cpp_string_literal(std::string_view text);

// `text` as a YAML double-quoted scalar: always valid, whatever the text
// holds (control characters become U+FFFD as in terminal_safe).
[[nodiscard]] std::string yaml_double_quoted(std::string_view text);

// The first letter upper-cased: "Hip internal rotation and adduction".
[[nodiscard]] std::string capitalised(std::string text);

// Leading and trailing white space removed.
[[nodiscard]] std::string trim(std::string_view text);

}  // namespace valgus
