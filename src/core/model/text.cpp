#include "core/model/text.hpp"

#include <uniwidth.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace valgus {

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += parts[i];
  }
  return out;
}

namespace {
std::string join_last(const std::vector<std::string>& parts, std::string_view last) {
  if (parts.size() <= 1) {
    return parts.empty() ? std::string() : parts.front();
  }
  const std::vector<std::string> head(parts.begin(), parts.end() - 1);
  return join(head, ", ") + std::string(last) + parts.back();
}
}  // namespace

std::string join_and(const std::vector<std::string>& parts) { return join_last(parts, " and "); }
std::string join_or(const std::vector<std::string>& parts) { return join_last(parts, " or "); }

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    std::string item = trim(text.substr(from, comma - from));
    if (!item.empty()) {
      items.push_back(std::move(item));
    }
    from = comma + 1;
  }
  return items;
}

namespace {

// Optimal string alignment distance (insertions, deletions, substitutions
// and swaps of neighbours, "bnad" -> "band", each cost one edit), computed
// only as far as `limit`: anything further is limit + 1. Three rows, not a
// table, and only the diagonal band |i - j| <= limit (no cell outside it
// can be within the limit), so two ids of any length cost length x
// (2 limit + 1) steps and three rows of memory, not length x length.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t too_far = limit + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) {
    return too_far;
  }
  const std::size_t columns = b.size() + 1;
  std::vector<std::size_t> before(columns, too_far);  // row i - 2
  std::vector<std::size_t> above(columns, too_far);   // row i - 1
  std::vector<std::size_t> row(columns, too_far);     // row i
  for (std::size_t j = 0; j < columns && j <= limit; ++j) {
    above[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > limit ? i - limit : 1;
    const std::size_t high = std::min(b.size(), i + limit);
    row[0] = i <= limit ? i : too_far;
    if (low > 1) {
      row[low - 1] = too_far;  // left of the band: read by the first cell
    }
    std::size_t smallest = row[0];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      row[j] = std::min(d, too_far);
      smallest = std::min(smallest, row[j]);
    }
    if (high < b.size()) {
      row[high + 1] = too_far;  // right of the band: read by the next row
    }
    if (smallest > limit) {
      return too_far;  // every later row is at least as far
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above[b.size()];
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& choices) {
  // A third of the word's length, at least 1 and at most 3 edits, is a typo;
  // anything further is a different word and suggesting it would mislead.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& choice : choices) {
    std::size_t distance = bounded_edit_distance(word, choice, limit);
    // A prefix ("hip" for "hip-rotation") is a likely intent too.
    if (word.size() >= 3 && choice.compare(0, word.size(), word) == 0) {
      distance = std::min(distance, limit);
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = choice;
    }
  }
  return best;
}

std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& choices) {
  const auto guess = did_you_mean(word, choices);
  return guess ? " (did you mean \"" + *guess + "\"?)" : std::string();
}

Utf8Char utf8_char_at(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) {
    return Utf8Char{lead, 1, true};
  }
  std::size_t length = 0;
  std::uint32_t code = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code = lead & 0x07U;
  } else {
    return Utf8Char{};
  }
  if (offset + length > text.size()) {
    return Utf8Char{};
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[offset + k]);
    if ((next & 0xC0U) != 0x80U) {
      return Utf8Char{};
    }
    code = (code << 6U) | (next & 0x3FU);
  }
  static constexpr std::array<std::uint32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return Utf8Char{};
  }
  return Utf8Char{code, length, true};
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = utf8_char_at(text, i);
    if (!c.valid) {
      return false;
    }
    i += c.length;
  }
  return true;
}

std::size_t count_characters(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool is_hidden_control(std::uint32_t code) {
  const bool c0 = code < 0x20 && code != '\t' && code != '\n';
  const bool c1 = code >= 0x7F && code <= 0x9F;  // DEL too
  const bool bidi = (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x200E ||
                    code == 0x200F || code == 0x061C;
  return c0 || c1 || bidi || code == 0xFEFF;
}

bool is_line_break(std::uint32_t code) { return code == '\n' || code == 0x2028 || code == 0x2029; }

std::string fold_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of spaces, tabs and line breaks; which of them it holds.
    std::size_t end = i;
    bool folds = false;
    while (end < text.size()) {
      const Utf8Char c = utf8_char_at(text, end);
      if (c.valid && (c.code == '\t' || is_line_break(c.code))) {
        folds = true;
      } else if (!(c.valid && c.code == ' ')) {
        break;
      }
      end += c.length;
    }
    if (end == i) {
      const std::size_t length = utf8_char_at(text, i).length;
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    if (folds) {
      out += ' ';
    } else {
      out.append(text.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

namespace {

// Columns of one character that is not ESC. libunistring's uc_width
// follows Unicode's EastAsianWidth.txt (W and F are 2) and general
// categories (Mn, Me and Cf are 0); a control (-1) shows as U+FFFD.
int char_width(std::uint32_t code) {
  if (code >= 0x20 && code < 0x7F) {
    return 1;
  }
  const int width = uc_width(code, "UTF-8");
  return width < 0 ? 1 : width;
}

// What the terminal draws as one piece: a colour escape (ESC up to its
// final 'm', no columns) or one character (an invalid byte is one column,
// as the U+FFFD it becomes).
struct Piece {
  std::size_t length = 1;
  int width = 1;
};

Piece unit_at(std::string_view text, std::size_t offset) {
  if (text[offset] == '\x1b') {
    const std::size_t end = text.find('m', offset);
    return Piece{end == std::string_view::npos ? text.size() - offset : end - offset + 1, 0};
  }
  const Utf8Char c = utf8_char_at(text, offset);
  return c.valid ? Piece{c.length, char_width(c.code)} : Piece{1, 1};
}

bool is_wrap_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

int display_width(std::string_view text) {
  int width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // plain ASCII, nearly all text
      ++width;
      ++i;
      continue;
    }
    const Piece unit = unit_at(text, i);
    width += unit.width;
    i += unit.length;
  }
  return width;
}

void wrap_into(std::string& out, std::string_view text, int first_width, int width, int indent) {
  int used = 0;
  int limit = first_width;
  const auto new_line = [&] {
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
    used = 0;
    limit = width;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_wrap_space(text[i])) {
      ++i;
    }
    std::size_t end = i;
    while (end < text.size() && !is_wrap_space(text[end])) {
      ++end;
    }
    if (end == i) {
      break;
    }
    const std::string_view word = text.substr(i, end - i);
    const int word_width = display_width(word);
    if (used > 0 && used + 1 + word_width > limit) {
      new_line();
    }
    if (used > 0) {
      out += ' ';
      ++used;
    }
    if (used + word_width <= limit) {
      out += word;
      used += word_width;
    } else {
      // Wider than a whole line (a URL, text without spaces): split it at
      // the width, between characters; a mark of no width stays with the
      // character before it, and every line holds at least one character.
      std::size_t k = 0;
      while (k < word.size()) {
        const Piece unit = unit_at(word, k);
        if (used > 0 && unit.width > 0 && used + unit.width > limit) {
          new_line();
        }
        out += word.substr(k, unit.length);
        used += unit.width;
        k += unit.length;
      }
    }
    i = end;
  }
}

bool plain_words(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') {
    return false;
  }
  char before = 'a';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || (c == ' ' && before == ' ')) {
      return false;
    }
    before = c;
  }
  return true;
}

std::pair<int, int> position_in(std::string_view text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      ++column;
    }
  }
  return {line, column};
}

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// terminal_safe, keeping tab and newline only when `keep_layout`.
std::string neutralise(std::string_view text, bool keep_layout) {
  const auto kept = [keep_layout](std::uint32_t code) {
    return !is_hidden_control(code) && (keep_layout || (code != '\n' && code != '\t'));
  };
  // Almost all text is plain printable ASCII: copy it in one go (the
  // ASCII part of is_hidden_control, inline: this runs on every text shown).
  if (std::all_of(text.begin(), text.end(), [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte >= 0x20 && byte < 0x7F) || (keep_layout && (byte == '\n' || byte == '\t'));
      })) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const Utf8Char c = utf8_char_at(text, i);
    if (c.valid && kept(c.code)) {
      out += text.substr(i, c.length);
    } else {
      out += replacement;
    }
    i += c.length;
  }
  return out;
}

}  // namespace

std::string terminal_safe(std::string_view text) { return neutralise(text, true); }

std::string one_line(std::string_view text) { return neutralise(text, false); }

std::string clean_note(std::string_view text) { return trim(one_line(fold_white_space(text))); }

namespace {

// The escapes C++ and YAML double-quoted strings share; `other` writes
// every other character.
template <typename Other>
std::string double_quoted(std::string_view text, Other other) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: other(out, c);
    }
  }
  out += '"';
  return out;
}

}  // namespace

std::string cpp_string_literal(std::string_view text) {
  return double_quoted(text, [](std::string& out, char c) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default: out += c;
    }
  });
}

std::string yaml_double_quoted(std::string_view text) {
  // terminal_safe: no control characters reach the file.
  return double_quoted(terminal_safe(text), [](std::string& out, char c) { out += c == '\t' ? ' ' : c; });
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string capitalised(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

}  // namespace valgus
