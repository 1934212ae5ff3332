// The screen of `valgus go`: the session, the exercise, where the step is
// and its countdown, the exercise's steps as far as they fit, the keys.

#include "render/go_screen.hpp"

#include "render/figure.hpp"

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace valgus {
namespace {

struct Painter {
  bool color = false;
  // Catalogue text reaches the terminal only through one_line or
  // terminal_safe: nothing from a file becomes an escape sequence.
  [[nodiscard]] std::string paint(std::string_view text, std::string_view code) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

// `text` wrapped to `width` after `label`, continuation lines indented.
std::vector<std::string> wrapped(std::string_view label, std::string_view text, int width, int indent) {
  std::string out(label);
  wrap_into(out, one_line(text), std::max(1, width - display_width(label)), std::max(1, width - indent), indent);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = out.find('\n', start);
    lines.push_back(out.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

void add(std::vector<std::string>& lines, const std::vector<std::string>& more, const Painter& painter,
         std::string_view code = {}) {
  for (const std::string& line : more) {
    lines.push_back(code.empty() ? line : painter.paint(line, code));
  }
}

std::string side_name(Side side) {
  return side == Side::left ? "Left side" : side == Side::right ? "Right side" : std::string();
}

// Where the step is: "Left side · set 1 of 2 · rep 3 of 20". A rest or a
// switch says where it leads on its own line, so it has none.
std::string where(const GuideStep& step) {
  if (step.kind == StepKind::rest || step.kind == StepKind::switch_sides) {
    return {};
  }
  std::vector<std::string> parts;
  if (step.side != Side::both) {
    parts.push_back(side_name(step.side));
  }
  if (step.sets > 1) {
    parts.push_back(fmt::format("set {} of {}", step.set, step.sets));
  }
  if (step.kind == StepKind::hold) {
    parts.push_back(fmt::format("rep {} of {}", step.rep, step.reps));
  }
  return capitalised(join(parts, " · "));
}

// "left side, set 2 of 3": what a rest or a switch leads to.
std::string next_part(const GuideStep& step) {
  std::vector<std::string> parts;
  if (step.side != Side::both) {
    parts.emplace_back(step.side == Side::left ? "left side" : "right side");
  }
  if (step.sets > 1) {
    parts.push_back(fmt::format("set {} of {}", step.set, step.sets));
  }
  return join(parts, ", ");
}

// What to do now, with the countdown.
std::string now_line(const GuideStep& step, int left) {
  switch (step.kind) {
    case StepKind::setup: return fmt::format("Get ready: {} (Enter starts now)", format_clock(left));
    case StepKind::hold:
      if (left > step.seconds) {
        return fmt::format("Move into position: {}, then hold {}", format_clock(left - step.seconds),
                           format_clock(step.seconds));
      }
      return fmt::format("Hold: {}", format_clock(left));
    case StepKind::timed: return fmt::format("Go: {}", format_clock(left));
    case StepKind::reps:
      if (step.reps_asked.given()) {
        return fmt::format("Do {} {}, then press Enter", format_range(step.reps_asked),
                           step.reps_asked.max == 1 ? "rep" : "reps");
      }
      return "Do the set, then press Enter";
    case StepKind::rest: return fmt::format("Rest: {} (next: {})", format_clock(left), next_part(step));
    case StepKind::switch_sides: return fmt::format("Switch sides: {} (next: {})", format_clock(left), next_part(step));
  }
  return {};
}

std::string_view now_colour(StepKind kind) {
  switch (kind) {
    case StepKind::rest:
    case StepKind::switch_sides: return "1;33";  // bold yellow: not working
    case StepKind::setup: return "1;36";         // bold cyan: getting ready
    default: return "1;32";                      // bold green: working
  }
}

// Columns a painted line takes: its text without the ANSI colour codes.
int visible_width(const std::string& line) {
  std::string text;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      while (i < line.size() && line[i] != 'm') {
        ++i;
      }
      continue;
    }
    text += line[i];
  }
  return display_width(text);
}

}  // namespace

std::string format_clock(int seconds) {
  if (seconds < 60) {
    return fmt::format("{} s", seconds);
  }
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::vector<std::string> render_go_screen(const GoScreenView& view, const TextStyle& style) {
  const Painter painter{style.color};
  // The figure goes beside the text only when 60 columns of text remain.
  const bool beside = view.figure != nullptr && style.width >= 60 + go_figure_columns;
  const int width = std::max(1, beside ? style.width - go_figure_columns : style.width);
  const std::string heading = fmt::format("Session {} · {} {} · week {}", one_line(view.session),
                                          weekday_name(view.date), to_string(view.date), view.week);
  std::vector<std::string> top;
  add(top, wrapped("", heading, width, 0), painter, "2");
  if (view.exercise != nullptr) {
    add(top,
        wrapped("", fmt::format("Exercise {} of {}: {}", view.index + 1, view.count, view.exercise->exercise.name),
                width, 2),
        painter, "1");
    std::string dose = format_dose(view.exercise->dose);
    if (!view.exercise->equipment_names.empty()) {
      dose += " · " + join(view.exercise->equipment_names, ", ");
    }
    add(top, wrapped("", dose, width, 2), painter);
    if (view.index == 0) {
      for (const std::string& line : view.banner) {
        add(top, wrapped("", line, width, 2), painter, "33");
      }
    }
  }
  top.emplace_back();
  if (view.step != nullptr) {
    const std::string place = where(*view.step);
    if (!place.empty()) {
      add(top, wrapped("", place, width, 2), painter);
    }
    add(top, wrapped("", now_line(*view.step, view.seconds_left), width, 2), painter, now_colour(view.step->kind));
    if (view.paused) {
      add(top, wrapped("", "Paused: space resumes", width, 2), painter, "7");
    }
  }
  std::vector<std::string> keys = wrapped("", "space pause · Enter next · s skip · b back · q quit", width, 0);
  for (std::string& line : keys) {
    line = painter.paint(line, "2");
  }
  std::vector<std::string> steps;
  std::vector<std::string> tips;
  if (view.exercise != nullptr) {
    const std::vector<std::string>& texts = view.exercise->exercise.steps;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const std::string label = fmt::format("{:>2}. ", i + 1);
      add(steps, wrapped(label, texts[i], width, static_cast<int>(label.size())), painter);
    }
    for (const std::string& cue : view.exercise->exercise.cues) {
      add(tips, wrapped("    Tip: ", cue, width, 9), painter);
    }
  }
  // The countdown never goes: the exercise's steps, then its tips, are cut
  // to what fits, after a blank line, and a blank line stays before the keys.
  const auto height = static_cast<std::size_t>(std::max(1, view.height));
  std::vector<std::string> lines = top;
  const std::size_t fixed = lines.size() + keys.size() + 2;
  if ((!steps.empty() || !tips.empty()) && fixed < height) {
    const std::size_t room = height - fixed;
    if (tips.size() >= room) {
      steps.clear();
      tips.resize(room);
    } else if (steps.size() + tips.size() > room) {
      steps.resize(room - tips.size());
      if (!steps.empty()) {
        steps.back() = "    …";
      }
    }
    lines.emplace_back();
    lines.insert(lines.end(), steps.begin(), steps.end());
    lines.insert(lines.end(), tips.begin(), tips.end());
  }
  lines.emplace_back();
  lines.insert(lines.end(), keys.begin(), keys.end());
  if (lines.size() > height) {
    lines.resize(height);
  }
  if (beside) {
    // The figure's rows to the right of the text, from the second line on.
    const std::string figure = render_figure_braille(*view.figure, go_figure_columns - 2);
    std::size_t row = 1;
    for (std::size_t start = 0, end = figure.find('\n'); end != std::string::npos && row < lines.size();
         start = end + 1, end = figure.find('\n', start), ++row) {
      const int shown = visible_width(lines[row]);
      lines[row] += std::string(static_cast<std::size_t>(std::max(0, width - shown) + 2), ' ') +
                    figure.substr(start, end - start);
    }
  }
  return lines;
}

}  // namespace valgus
