#pragma once

// What the terminal renderers share (render_text.cpp, render_text_week.cpp):
// the writer that wraps to the width and paints only when colour is on,
// and the parts of a plan both layouts print the same way. Internal to
// src/render.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace valgus::text_detail {

class TextWriter {
 public:
  explicit TextWriter(const TextStyle& style) : style_(style) {}

  // `first` starts the first line, `indent` the rest; text wraps in between.
  void paragraph(std::string_view first, std::string_view raw_text, int indent) {
    paragraph(first, display_width(first), raw_text, indent);
  }

  // The same, the width of `first` known (a listing computes it as it pads).
  void paragraph(std::string_view first, int first_width, std::string_view raw_text, int indent) {
    out_ += first;
    const int room = std::max(20, style_.width - first_width);
    // Most text is one line of plain words: printable ASCII, single spaces
    // and no space at either end, which wrapping would leave as it is.
    if (raw_text.size() <= static_cast<std::size_t>(room) && plain_words(raw_text)) {
      out_ += raw_text;
      out_ += '\n';
      return;
    }
    const std::string text = terminal_safe(raw_text);
    wrap_into(out_, text, room, std::max(20, style_.width - indent), indent);
    out_ += '\n';
  }

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }

  // Catalogue text is neutralised here and in paragraph(): nothing from a
  // file can reach the terminal as an escape sequence. What is painted is
  // a name or a title on a line of its own: one_line, so no line break in
  // it can break the layout.
  [[nodiscard]] std::string paint(std::string_view text, std::string_view code) const {
    if (!style_.color) {
      return one_line(text);
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", code, one_line(text));
  }

  [[nodiscard]] std::string bold(std::string_view text) const { return paint(text, "1"); }
  [[nodiscard]] std::string dim(std::string_view text) const { return paint(text, "2"); }

  // "left ...... right", right-aligned to the width.
  // When both do not fit, `right` goes right-aligned on a line of its own.
  void spread(const std::string& left, const std::string& right) {
    const int gap = style_.width - display_width(left) - display_width(right);
    if (right.empty()) {
      out_ += left + '\n';
      return;
    }
    if (gap >= 1) {
      out_ += left + std::string(static_cast<std::size_t>(gap), ' ') + right + '\n';
      return;
    }
    out_ += left + '\n';
    out_ += std::string(static_cast<std::size_t>(std::max(0, style_.width - display_width(right))), ' ') + right + '\n';
  }

  [[nodiscard]] bool fits(std::string_view left, std::string_view right) const {
    return display_width(left) + 1 + display_width(right) <= style_.width;
  }

  void rule() {
    std::string bar;
    for (int i = 0; i < style_.width; ++i) {
      bar += "─";
    }
    line(dim(bar));
  }

  [[nodiscard]] int width() const { return style_.width; }
  [[nodiscard]] std::string take() { return std::exchange(out_, {}); }
  // Writes on after `text` (take() gives it back with what follows): a
  // caller's buffer is reused, not copied.
  void continue_from(std::string&& text) { out_ = std::move(text); }

 private:
  const TextStyle& style_;
  std::string out_;
};

inline std::string minutes_label(std::int64_t seconds) {
  return seconds > 0 ? fmt::format("~{} min", display_minutes(seconds)) : "";
}

inline std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return text;
}

// The dose line, this week's changes, skills, steps and tips of an
// exercise, indented by `indent`.
void exercise_details(TextWriter& w, const PlannedExercise& planned, int indent);
// Title, problems and the safety banner.
void plan_head(TextWriter& w, const Plan& plan);
// Habits to avoid and the notes placed at the end (safety last).
void plan_tail(TextWriter& w, const Plan& plan);
// " 1. Adductor roll — 30 s each side · foam roller        ~1 min".
void session_item(TextWriter& w, int number, const PlannedExercise& planned);
// The "adjusted for you" block, when there is anything in it.
void adjustments(TextWriter& w, const Plan& plan, const LimitOptions& options);
// A week of sessions: schedule, adjustments, sessions, then how to do each
// exercise once.
void week_body(TextWriter& w, const Plan& plan, const LimitOptions& options);

}  // namespace valgus::text_detail
