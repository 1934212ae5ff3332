// Wording every human-readable format shares, so text and Markdown say the
// same thing in the same words.

#include "render/wording.hpp"

#include "core/dose.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

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

std::string number_text(double value) { return fmt::format("{}", value); }

std::string self_test_answer(const SelfTest& test) {
  if (test.unit == Unit::yes_no) {
    return fmt::format("yes or no: {}; yes is positive", test.measurement);
  }
  const std::string unit(to_string(test.unit));
  return fmt::format("{}, in {} ({}-{}); {} {} {} is positive", test.measurement, unit, test.range.min, test.range.max,
                     to_string(test.comparison), number_text(test.threshold.value_or(0)), unit);
}

}  // namespace valgus
