// The Markdown handout: CommonMark plus GFM task lists and tables, so it
// renders the same in any viewer and a coach can edit it.

#include "core/dose.hpp"
#include "core/text.hpp"
#include "render/render.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

namespace valgus {
namespace {

// Catalogue text is data, not markup: escape everything Markdown (or the
// HTML it may carry) would act on, and keep it on one line so it cannot
// leave the list item or table cell it is written into.
std::string inline_text(std::string_view raw) {
  const std::string text = terminal_safe(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
      case '!':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  // A line that starts "1. ", "2) ", "- ", "+ " or "---"/"===" would become
  // a list, a rule or a heading wherever this text starts a line (a
  // paragraph, a list item): escape that first marker. Leading spaces
  // would make code; drop them.
  const std::size_t start = out.find_first_not_of(' ');
  out.erase(0, start == std::string::npos ? out.size() : start);
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
    out.insert(digits, 1, '\\');
  } else if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) {
    out.insert(0, 1, '\\');
  }
  return out;
}

// A week's table with a row per exercise and a column per day to tick.
std::string make_tick_table(const std::vector<std::string>& rows) {
  std::string table = "| Exercise | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n";
  table += "| --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |\n";
  for (const auto& row : rows) {
    table += row + "\n";
  }
  return table;
}

}  // namespace

std::string render_plan_markdown(const Plan& plan) {
  std::string out = "# Knee valgus routine\n\n";
  // The banner: one blockquote of the top notes, a paragraph each, so a
  // handout opens with safety before anything else.
  std::string banner;
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::top) {
      banner +=
          fmt::format("{}> **{}:** {}\n", banner.empty() ? "" : ">\n", inline_text(note.title), inline_text(note.text));
    }
  }
  if (!banner.empty()) {
    out += banner + "\n";
  }
  std::vector<std::string> names;
  for (const auto& problem : plan.problems) {
    names.push_back(inline_text(problem.name));
  }
  out += fmt::format("**For:** {}  \n", join(names, ", "));
  out += "**Session:** " + session_line(plan, markdown_session_words) + "\n\n";
  out += "Work through the four phases in order and tick each exercise as you finish it.\n";
  if (!plan.adjustments.empty()) {
    out += "\n## Adjusted for you\n\n";
    for (const auto& adjustment : plan.adjustments) {
      out += "- " + inline_text(capitalised(adjustment.text)) + "\n";
    }
  }

  int number = 0;
  std::vector<std::string> table_rows;
  for (const auto& phase : plan.phases) {
    out += fmt::format("\n## {}. {} — {}\n\n", static_cast<int>(phase.phase) + 1, phase_title(phase.phase),
                       phase_purpose(phase.phase));
    if (phase.exercises.empty()) {
      out += inline_text(capitalised(phase.empty_reason)) + ".\n";
    }
    if (phase.phase == Phase::integrate && plan.position) {
      out += fmt::format("**When {}:** {}\n\n", inline_text(plan.position->name), inline_text(plan.position->advice));
    }
    bool first = true;
    for (const auto& planned : phase.exercises) {
      ++number;
      if (!first) {
        out += '\n';
      }
      first = false;
      std::string heading = fmt::format("- [ ] **{}. {}** · {}", number, inline_text(planned.exercise.name),
                                        inline_text(format_dose(planned.dose)));
      if (!planned.equipment_names.empty()) {
        heading += " · " + inline_text(join(planned.equipment_names, ", "));
      }
      heading += fmt::format(" · about {} min", display_minutes(planned.seconds));
      out += heading + "\n\n";
      for (const auto& change : planned.progress) {
        out += "  *This week:* " + inline_text(change) + "\n\n";
      }
      out += "  *Why:* " + inline_text(why_line(planned)) + "\n\n";
      for (const auto& skill : planned.skills_taught) {
        out += "  *New skill, " + inline_text(skill.name) + ":* " + inline_text(skill.how) + "\n\n";
      }
      int step = 0;
      for (const auto& text : planned.exercise.steps) {
        out += fmt::format("  {}. {}\n", ++step, inline_text(text));
      }
      for (const auto& cue : planned.exercise.cues) {
        out += "\n  *Tip:* " + inline_text(cue) + "\n";
      }
      table_rows.push_back(
          fmt::format("| {}. {} |   |   |   |   |   |   |   |", number, inline_text(planned.exercise.name)));
    }
  }

  const std::string tick_table = make_tick_table(table_rows);
  if (plan.weeks <= 1) {
    out += "\n## Weekly tick table\n\n" + tick_table;
  } else {
    const int last = plan.week + plan.weeks - 1;
    out += fmt::format("\n## Progression, weeks {} to {}\n\n", plan.week, last);
    if (plan.schedule.empty()) {
      out += "Nothing changes in these weeks: keep the doses above, and make each rep cleaner.\n";
    } else {
      out += "| Week | Exercise | Change | Dose from then on |\n| :-: | --- | --- | --- |\n";
      for (const auto& row : plan.schedule) {
        out += fmt::format("| {} | {} | {} | {} |\n", row.week, inline_text(row.exercise), inline_text(row.change),
                           inline_text(row.dose));
      }
    }
    if (plan.programme.empty()) {
      for (int week = plan.week; week <= last; ++week) {
        out += fmt::format("\n## Week {}\n\n", week) + tick_table;
      }
    }
    // Each week as `plan --week N` plans it: what left or joined, its
    // exercises, and its time when that is not the first week's.
    for (const auto& week : plan.programme) {
      out += fmt::format("\n## Week {}\n\n", week.week);
      for (const auto& change : week.changes) {
        out += "- " + inline_text(capitalised(change)) + "\n";
      }
      const bool retimed = display_minutes(week.seconds) != display_minutes(plan.seconds);
      if (retimed) {
        out += fmt::format("{}About {} min a session{}.\n", week.changes.empty() ? "" : "\n",
                           display_minutes(week.seconds),
                           week.over_budget ? ", over the budget: even the shortest session is longer" : "");
      }
      if (!week.changes.empty() || retimed) {
        out += "\n";
      }
      std::vector<std::string> rows;
      for (const auto& phase : week.phases) {
        for (const auto& planned : phase.exercises) {
          rows.push_back(fmt::format("| {}. {} |   |   |   |   |   |   |   |", rows.size() + 1,
                                     inline_text(planned.exercise.name)));
        }
      }
      out += make_tick_table(rows);
    }
  }

  if (!plan.habits.empty()) {
    out += "\n## Avoid during the day\n\n";
    for (const auto& habit : plan.habits) {
      out += fmt::format("- **{}:** {}\n", inline_text(capitalised(habit.name)), inline_text(habit.advice));
    }
  }
  for (const auto& note : plan.notes) {
    if (note.placement != Placement::end) {
      continue;
    }
    out += fmt::format("\n## {}\n\n{}\n", inline_text(note.title), inline_text(note.text));
  }
  return out;
}

std::string render_list_markdown(const std::vector<PlannedExercise>& exercises, bool show_origin) {
  std::string out = "# Exercise catalogue\n";
  for (const Phase phase : all_phases) {
    std::string rows;
    for (const auto& planned : exercises) {
      if (planned.exercise.phase != phase) {
        continue;
      }
      rows += fmt::format(
          "| `{}` | {} | {} | {} | {} | {} |", planned.exercise.id, inline_text(planned.exercise.name),
          to_string(planned.exercise.region), inline_text(join(planned.target_names, ", ")),
          inline_text(format_dose(planned.dose)),
          planned.equipment_names.empty() ? std::string("none") : inline_text(join(planned.equipment_names, ", ")));
      rows += show_origin ? " " + inline_text(planned.exercise.origin) + " |\n" : std::string("\n");
    }
    if (rows.empty()) {
      continue;
    }
    out += fmt::format("\n## {}\n\n", phase_title(phase));
    out += show_origin ? "| Id | Exercise | Region | Works | Dose | Equipment | Origin |\n"
                       : "| Id | Exercise | Region | Works | Dose | Equipment |\n";
    out += show_origin ? "| --- | --- | --- | --- | --- | --- | --- |\n" : "| --- | --- | --- | --- | --- | --- |\n";
    out += rows;
  }
  if (exercises.empty()) {
    out += "\nNo exercise matches these filters.\n";
  }
  return out;
}

}  // namespace valgus
