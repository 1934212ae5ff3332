// Wording every human-readable format shares, so text and Markdown say the
// same thing in the same words.

#include "render/wording.hpp"

#include "core/model/dose.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace valgus {

std::string_view phase_purpose(Phase phase) {
  switch (phase) {
    case Phase::release: return "self-massage the tight muscles";
    case Phase::stretch: return "lengthen the tight muscles";
    case Phase::strengthen: return "wake up the weak muscles";
    case Phase::integrate: return "keep hip, knee and foot in line";
  }
  return "";
}

std::string phase_title(Phase phase) { return capitalised(std::string(to_string(phase))); }

std::string why_line(const PlannedExercise& planned) {
  if (planned.exercise.phase == Phase::integrate) {
    std::vector<std::string> problems;
    for (const auto& reason : planned.reasons) {
      problems.push_back(reason.problem_name);
    }
    return fmt::format("{} — hold hip, knee and foot in line under load",
                       problems.size() > 2 ? std::string("every problem chosen") : join(problems, ", "));
  }
  const char* state = planned.exercise.phase == Phase::strengthen ? "weak" : "tight";
  std::vector<std::string> parts;
  for (const auto& reason : planned.reasons) {
    parts.push_back(fmt::format("{} — {} {}", reason.problem_name, state, join(reason.muscle_names, ", ")));
  }
  return join(parts, "; ");
}

std::string session_line(const Plan& plan, const SessionWords& words) {
  std::string line = fmt::format("about {} {}", display_minutes(plan.seconds), words.minutes);
  if (plan.budget_minutes) {
    line += fmt::format(fmt::runtime(plan.over_budget ? words.over_budget : words.budget), *plan.budget_minutes);
  }
  line += fmt::format("{}{} exercises", words.separator, plan.exercise_count());
  if (plan.week > 1) {
    line += fmt::format("{}week {}", words.separator, plan.week);
  }
  return line;
}

std::string day_name(int day) {
  return day >= 0 && day < 7 ? std::string(weekday_names[static_cast<std::size_t>(day)].short_name)
                             : fmt::format("day {}", day);
}

std::string day_list(const std::vector<int>& days) {
  std::vector<std::string> names;
  for (const int day : days) {
    names.push_back(day_name(day));
  }
  return join(names, ", ");
}

std::string weekday_name(Date date) {
  return std::string(weekday_names.at(static_cast<std::size_t>(weekday(date))).long_name);
}

namespace {

// "about 13 min", or plainly that nothing fits: a session the budget
// leaves empty is not "about 0 min".
std::string session_minutes(const PlannedSession& session, const SessionWords& words) {
  return session.seconds > 0 ? fmt::format("about {} {}", display_minutes(session.seconds), words.minutes)
                             : std::string("no exercise fits");
}

}  // namespace

std::string schedule_line(const Plan& plan, const SessionWords& words) {
  std::string line;
  if (plan.sessions.size() == 1) {
    std::vector<std::string> names;
    for (const int day : plan.sessions.front().days) {
      names.push_back(day_name(day));
    }
    const PlannedSession& session = plan.sessions.front();
    line = fmt::format("{}, {}{}", join(names, " · "), session_minutes(session, words),
                       session.seconds > 0 ? " each" : "");
  } else {
    std::vector<std::string> parts;
    for (const auto& session : plan.sessions) {
      parts.push_back(fmt::format("{}: {} · {}", session.id, day_list(session.days), session_minutes(session, words)));
    }
    line = join(parts, "; ");
  }
  if (plan.week > 1) {
    line += fmt::format("{}week {}", words.separator, plan.week);
  }
  return line;
}

std::string dose_and_equipment(const PlannedExercise& planned) {
  std::string text = format_dose(planned.dose);
  if (!planned.equipment_names.empty()) {
    text += " · " + join(planned.equipment_names, ", ");
  }
  return text;
}

const PlannedExercise* find_planned(const std::vector<PlannedPhase>& phases, std::string_view id) {
  for (const auto& phase : phases) {
    for (const auto& planned : phase.exercises) {
      if (planned.exercise.id == id) {
        return &planned;
      }
    }
  }
  return nullptr;
}

std::vector<std::pair<int, const PlannedSession*>> session_days(const std::vector<PlannedSession>& sessions) {
  std::vector<std::pair<int, const PlannedSession*>> days;
  for (const auto& session : sessions) {
    for (const int day : session.days) {
      days.emplace_back(day, &session);
    }
  }
  std::sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return days;
}

std::string number_text(double value) { return fmt::format("{}", value); }

std::string self_test_answer(const SelfTest& test) {
  if (test.unit == Unit::yes_no) {
    return fmt::format("{} Yes is positive.", test.question);
  }
  const std::string unit(to_string(test.unit));
  return fmt::format("{} In {} ({}-{}); {} {} {} is positive.", test.question, unit, test.range.min, test.range.max,
                     to_string(test.comparison), number_text(test.threshold.value_or(0)), unit);
}

std::string stage_changes_text(const StageState& stage, const Plan& plan, const std::vector<int>& weeks) {
  const bool easier =
      stage.decisions.back().move == StageMove::step_back || stage.decisions.back().move == StageMove::resume;
  if (stage.stage == 0 || weeks.size() <= static_cast<std::size_t>(stage.stage)) {
    return easier ? "Back to the starting forms and doses while the knee settles."
                  : "The starting forms and doses; harder ones come when your log shows you are ready.";
  }
  const int after = weeks.at(static_cast<std::size_t>(stage.stage - 1));
  const int week = weeks.at(static_cast<std::size_t>(stage.stage));
  // What this stage brings: a harder form joining, or a progression due.
  std::vector<std::string> names;
  for (const auto& phase : plan.phases) {
    for (const PlannedExercise& planned : phase.exercises) {
      const Exercise& exercise = planned.exercise;
      const bool joins = !planned.form_of.empty() && exercise.from_week > after && exercise.from_week <= week;
      const bool progresses = std::any_of(exercise.progressions.begin(), exercise.progressions.end(),
                                          [&](const Progression& p) { return p.week > after && p.week <= week; });
      const std::string name = joins ? fmt::format("{} in place of {}", exercise.name, planned.form_of) : exercise.name;
      if ((joins || progresses) && std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(name);
      }
    }
  }
  const std::string lead = easier ? "Easier again, back to this stage" : "Harder from this stage";
  if (names.empty()) {
    return lead + ": the doses of this stage, as each exercise shows.";
  }
  return fmt::format("{}: {} (\"This stage\" under an exercise says how).", lead, join_and(names));
}

std::vector<std::string> pain_guide(const Plan& plan) {
  const auto rule = [&](ProgressionKind kind) -> const ProgressionRule* {
    for (const ProgressionRule& candidate : plan.progression_rules) {
      if (parse_progression_kind(candidate.id) == kind) {
        return &candidate;
      }
    }
    return nullptr;
  };
  const ProgressionRule* hold = rule(ProgressionKind::hold);
  const ProgressionRule* step_back = rule(ProgressionKind::step_back);
  const ProgressionRule* pause = rule(ProgressionKind::pause);
  std::vector<std::string> lines;
  if (hold != nullptr) {
    const int below = step_back != nullptr ? step_back->pain_at_least : 11;
    lines.push_back(below - 1 > hold->pain_at_least
                        ? fmt::format("Pain of {} to {} out of 10, during a session or the next morning: keep the "
                                      "doses as they are; do not make them harder.",
                                      hold->pain_at_least, below - 1)
                        : fmt::format("Pain of {} out of 10, during a session or the next morning: keep the doses "
                                      "as they are; do not make them harder.",
                                      hold->pain_at_least));
  }
  if (step_back != nullptr) {
    lines.push_back(
        fmt::format("Pain of {} out of 10 or more: go back to the easier doses of the weeks before and "
                    "leave out jumps and hops until the pain settles.",
                    step_back->pain_at_least));
  }
  std::vector<std::string> signs;
  for (const Symptom& symptom : plan.symptoms) {
    signs.push_back(symptom.name);
  }
  if (pause != nullptr || !signs.empty()) {
    const std::string what = pause != nullptr && !signs.empty() ? fmt::format("Pain of {} out of 10 or more, or {}",
                                                                              pause->pain_at_least, join_or(signs))
                             : pause != nullptr ? fmt::format("Pain of {} out of 10 or more", pause->pain_at_least)
                                                : capitalised(join_or(signs));
    lines.push_back(what + ": stop the programme and see a doctor or physiotherapist before you train again.");
  }
  return lines;
}

}  // namespace valgus
