// The Markdown handout: CommonMark plus GFM task lists and tables, so it
// renders the same in any viewer and a coach can edit it.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/adjustment_wording.hpp"
#include "render/render.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

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

// The banner: one blockquote of the top notes, a paragraph each, so a
// handout opens with safety before anything else.
std::string banner_of(const Plan& plan) {
  std::string banner;
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::top) {
      banner +=
          fmt::format("{}> **{}:** {}\n", banner.empty() ? "" : ">\n", inline_text(note.title), inline_text(note.text));
    }
  }
  return banner.empty() ? banner : banner + "\n";
}

std::string problems_of(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& problem : plan.problems) {
    names.push_back(inline_text(problem.name));
  }
  return join(names, ", ");
}

std::string adjustments_of(const Plan& plan, const LimitOptions& options) {
  std::string out;
  if (!plan.adjustments.empty()) {
    out += "\n## Adjusted for you\n\n";
    for (const auto& adjustment : plan.adjustments) {
      out += "- " + inline_text(capitalised(adjustment_text(adjustment, options))) + "\n";
    }
  }
  return out;
}

std::string habits_and_notes(const Plan& plan) {
  std::string out;
  if (!plan.habits.empty()) {
    out += "\n## Avoid during the day\n\n";
    for (const auto& habit : plan.habits) {
      out += fmt::format("- **{}:** {}\n", inline_text(capitalised(habit.name)), inline_text(habit.advice));
    }
  }
  if (const auto guide = pain_guide(plan); !guide.empty()) {
    out += "\n## When it hurts\n\n";
    for (const auto& line : guide) {
      out += "- " + inline_text(line) + "\n";
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

// One session as a checklist: a bold phase label each time the phase
// changes (the ids are in plan order), an item per exercise with its dose.
// `level` is the heading's: `##` in a plan, `###` under a week.
std::string session_checklist(const PlannedSession& session, const std::vector<PlannedPhase>& phases,
                              std::string_view level) {
  std::string out = fmt::format("\n{} Session {} — {}, about {} minutes\n", level, session.id, day_list(session.days),
                                display_minutes(session.seconds));
  if (session.exercise_ids.empty()) {
    out += "\nNo exercise fits in this session's minutes.\n";
  }
  bool any = false;
  Phase current = Phase::release;
  for (const auto& id : session.exercise_ids) {
    const PlannedExercise* planned = find_planned(phases, id);
    if (planned == nullptr) {
      continue;
    }
    if (!any || planned->exercise.phase != current) {
      current = planned->exercise.phase;
      any = true;
      out += fmt::format("\n**{}**\n\n", phase_title(current));
    }
    out += fmt::format("- [ ] **{}** · {} · about {} min\n", inline_text(planned->exercise.name),
                       inline_text(dose_and_equipment(*planned)), display_minutes(planned->seconds));
  }
  return out;
}

// Every exercise of the week once, in plan order, with what a session list
// leaves out: steps, tips, why and the skills it teaches.
std::string exercise_reference(const Plan& plan) {
  std::vector<const PlannedExercise*> exercises;
  const auto add = [&](const std::vector<PlannedPhase>& phases) {
    for (const auto& phase : phases) {
      for (const auto& planned : phase.exercises) {
        if (std::none_of(exercises.begin(), exercises.end(),
                         [&](const PlannedExercise* seen) { return seen->exercise.id == planned.exercise.id; })) {
          exercises.push_back(&planned);
        }
      }
    }
  };
  add(plan.phases);
  // A programme's later weeks may bring an exercise the first week has not.
  for (const auto& week : plan.planned_weeks) {
    add(week.phases);
  }
  std::string out = "\n## How to do each exercise\n";
  for (const auto& phase : plan.phases) {
    if (phase.exercises.empty()) {
      out += fmt::format("\n*{}:* {}.\n", phase_title(phase.phase), inline_text(capitalised(phase.empty_reason)));
    }
  }
  if (plan.position) {
    out += fmt::format("\n**When {}:** {}\n", inline_text(plan.position->name), inline_text(plan.position->advice));
  }
  for (const PlannedExercise* planned : exercises) {
    out += fmt::format("\n### {}\n\n*{}* · {} · about {} min\n", inline_text(planned->exercise.name),
                       phase_title(planned->exercise.phase), inline_text(dose_and_equipment(*planned)),
                       display_minutes(planned->seconds));
    for (const auto& change : planned->progress) {
      out += "\n*This week:* " + inline_text(change) + "\n";
    }
    out += "\n*Why:* " + inline_text(why_line(*planned)) + "\n";
    for (const auto& skill : planned->skills_taught) {
      out += "\n*New skill, " + inline_text(skill.name) + ":* " + inline_text(skill.how) + "\n";
    }
    out += "\n";
    int step = 0;
    for (const auto& text : planned->exercise.steps) {
      out += fmt::format("{}. {}\n", ++step, inline_text(text));
    }
    for (const auto& cue : planned->exercise.cues) {
      out += "\n*Tip:* " + inline_text(cue) + "\n";
    }
  }
  return out;
}

// A row per training day: for a plan, the session of the day and a box;
// for a programme, a box per week.
std::string tick_table(const Plan& plan) {
  if (plan.planned_weeks.empty()) {
    std::string out = "| Day | Session | Done |\n| --- | :-: | :-: |\n";
    for (const auto& [day, session] : session_days(plan.sessions)) {
      out += fmt::format("| {} | {} |   |\n", day_name(day), session->id);
    }
    return out;
  }
  std::string out = "| Day |";
  std::string align = "| --- |";
  for (const auto& week : plan.planned_weeks) {
    out += fmt::format(" Week {} |", week.week);
    align += " :-: |";
  }
  out += "\n" + align + "\n";
  for (const int day : plan.days) {
    out += "| " + day_name(day) + " |";
    for (std::size_t i = 0; i < plan.planned_weeks.size(); ++i) {
      out += "   |";
    }
    out += "\n";
  }
  return out;
}

// The progression table, then each week as `plan --week N` plans it: what
// left or joined, and its sessions with that week's doses.
std::string programme_weeks(const Plan& plan) {
  const int last = plan.week + plan.weeks - 1;
  std::string out = fmt::format("\n## Progression, weeks {} to {}\n\n", plan.week, last);
  if (plan.schedule.empty()) {
    out += "Nothing changes in these weeks: keep the doses, and make each rep cleaner.\n";
  } else {
    out += "| Week | Exercise | Change | Dose from then on |\n| :-: | --- | --- | --- |\n";
    for (const auto& row : plan.schedule) {
      out += fmt::format("| {} | {} | {} | {} |\n", row.week, inline_text(row.exercise), inline_text(row.change),
                         inline_text(row.dose));
    }
  }
  for (const auto& week : plan.planned_weeks) {
    out += fmt::format("\n## Week {}\n", week.week);
    if (!week.changes.empty()) {
      out += "\n";
    }
    for (const auto& change : week.changes) {
      out += "- " + inline_text(capitalised(change)) + "\n";
    }
    if (week.over_budget) {
      out += "\nOver the budget: even the shortest session is longer.\n";
    }
    for (const auto& session : week.sessions) {
      out += session_checklist(session, week.phases, "###");
    }
  }
  return out;
}

std::string equipment_line(const Plan& plan, const LimitOptions& options) {
  const std::string assumed = equipment_assumed_text(plan, options);
  return assumed.empty() ? std::string() : fmt::format("**Equipment:** {}.  \n", inline_text(assumed));
}

// A week of sessions: the schedule first, then the sessions (for a
// programme, each week's), how to do each exercise, the tick table.
std::string week_markdown(const Plan& plan, const LimitOptions& options) {
  std::string out = "# Knee valgus routine\n\n" + banner_of(plan);
  out += fmt::format("**For:** {}  \n", problems_of(plan));
  out += equipment_line(plan, options);
  out += "**Schedule:** " + schedule_line(plan, markdown_session_words) + "\n\n";
  out += "| Day | Session | Minutes |\n| --- | :-: | :-: |\n";
  for (const auto& [day, session] : session_days(plan.sessions)) {
    out += fmt::format("| {} | {} | {} |\n", day_name(day), session->id, display_minutes(session->seconds));
  }
  const bool programme = !plan.planned_weeks.empty();
  out += programme ? "\nEach week below lists its sessions with that week's doses: do the day's session in order "
                     "and tick each exercise as you finish it.\n"
                   : "\nDo the day's session in order and tick each exercise as you finish it.\n";
  out += adjustments_of(plan, options);
  if (programme) {
    out += programme_weeks(plan);
  } else {
    for (const auto& session : plan.sessions) {
      out += session_checklist(session, plan.phases, "##");
    }
  }
  out += exercise_reference(plan);
  out += "\n## Tick table\n\n" + tick_table(plan);
  return out + habits_and_notes(plan);
}

}  // namespace

std::string render_plan_markdown(const Plan& plan, const LimitOptions& options) {
  if (!plan.days.empty()) {
    return week_markdown(plan, options);
  }
  // A full routine (--full): every exercise once, phase by phase.
  std::string out = "# Knee valgus routine\n\n" + banner_of(plan);
  out += fmt::format("**For:** {}  \n", problems_of(plan));
  out += equipment_line(plan, options);
  out += "**Session:** " + session_line(plan, markdown_session_words) + "\n\n";
  out += "Work through the four phases in order and tick each exercise as you finish it.\n";
  out += adjustments_of(plan, options);

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
    if (plan.planned_weeks.empty()) {
      for (int week = plan.week; week <= last; ++week) {
        out += fmt::format("\n## Week {}\n\n", week) + tick_table;
      }
    }
    // Each week as `plan --week N` plans it: what left or joined, its
    // exercises, and its time when that is not the first week's.
    for (const auto& week : plan.planned_weeks) {
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

  return out + habits_and_notes(plan);
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
