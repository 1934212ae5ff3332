#include "core/text.hpp"

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

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of neighbours ("bnad" -> "band") each cost one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t columns = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * columns);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) {
    at(i, 0) = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    at(0, j) = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& choices) {
  // A third of the word's length, at least 1 and at most 3 edits, is a typo;
  // anything further is a different word and suggesting it would mislead.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& choice : choices) {
    std::size_t distance = edit_distance(word, choice);
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

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
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
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) {
        return false;
      }
      code = (code << 6U) | (next & 0x3FU);
    }
    static constexpr std::array<std::uint32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

int display_width(std::string_view text) {
  int width = 0;
  bool in_escape = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (in_escape) {
      in_escape = byte != 'm';
      continue;
    }
    if (byte == 0x1B) {
      in_escape = true;
      continue;
    }
    if ((byte & 0xC0U) != 0x80U) {
      ++width;
    }
  }
  return width;
}

void wrap_into(std::string& out, std::string_view text, int first_width, int width, int indent) {
  int used = 0;
  int limit = first_width;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') {
      ++i;
    }
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end == i) {
      break;
    }
    const std::string_view word = text.substr(i, end - i);
    const int word_width = display_width(word);
    if (used > 0 && used + 1 + word_width > limit) {
      out += '\n';
      out.append(static_cast<std::size_t>(indent), ' ');
      used = 0;
      limit = width;
    }
    if (used > 0) {
      out += ' ';
      ++used;
    }
    out += word;
    used += word_width;
    i = end;
  }
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

std::string terminal_safe(std::string_view text) {
  // Almost all text is plain printable ASCII: copy it in one go.
  if (std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte >= 0x20 && byte < 0x7F) || byte == '\n' || byte == '\t';
      })) {
    return std::string(text);
  }
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const bool control = (byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F;
      if (control) {
        out += replacement;
      } else {
        out += static_cast<char>(byte);
      }
      ++i;
      continue;
    }
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    const std::string_view sequence = text.substr(i, length);
    if (byte < 0xC2 || byte > 0xF4 || sequence.size() != length || !is_valid_utf8(sequence)) {
      out += replacement;
      ++i;
      continue;
    }
    std::uint32_t code = byte & (length == 2 ? 0x1FU : length == 3 ? 0x0FU : 0x07U);
    for (std::size_t k = 1; k < length; ++k) {
      code = (code << 6U) | (static_cast<unsigned char>(sequence[k]) & 0x3FU);
    }
    const bool hidden = (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
                        (code >= 0x2066 && code <= 0x2069) || code == 0x200E || code == 0x200F || code == 0x061C;
    if (hidden) {
      out += replacement;
    } else {
      out += sequence;
    }
    i += length;
  }
  return out;
}

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
