#pragma once

// Small text helpers shared by the loader, the command line and renderers.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace valgus {

[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);

// The closest of `choices` to `word`, if it is close enough to be a typo.
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& choices);

// " (did you mean "x"?)" or "".
[[nodiscard]] std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& choices);

// True when `text` is well-formed UTF-8 (no overlong forms or surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

// Columns `text` takes in a terminal: one per code point, escapes ignored.
[[nodiscard]] int display_width(std::string_view text);

// Appends `text` to `out` wrapped at spaces: the first line at most
// `first_width` columns (after a label), the others `width`, continuation
// lines indented by `indent` spaces, no final newline. A word longer than
// the width gets a line of its own.
void wrap_into(std::string& out, std::string_view text, int first_width, int width, int indent);

// The 1-based line and column (in characters) of byte `offset` of `text`.
[[nodiscard]] std::pair<int, int> position_in(std::string_view text, std::size_t offset);

// `text` made safe to print on a terminal: control characters (C0 other
// than tab and newline, DEL, C1) and bidirectional overrides become U+FFFD,
// and so does every byte of invalid UTF-8. The loader already refuses
// them; this is the second line of defence for text from anywhere else.
[[nodiscard]] std::string terminal_safe(std::string_view text);

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
