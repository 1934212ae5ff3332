#include "core/plan/lint.hpp"

#include "core/model/text.hpp"
#include "core/plan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace valgus {

namespace {

// The muscles of `side` (a problem's overactive or underactive list, groups
// expanded) that `worked` holds, by name, each once.
std::vector<std::string> met(const Catalogue& catalogue, const std::vector<std::string>& side,
                             const std::vector<std::string>& worked) {
  std::vector<std::string> names;
  for (const auto& id : side) {
    for (const auto& muscle : catalogue.expand_muscles(id)) {
      const std::string name = catalogue.muscle_name(muscle);
      if (std::find(worked.begin(), worked.end(), muscle) != worked.end() &&
          std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(name);
      }
    }
  }
  return names;
}

bool serves_any(const Catalogue& catalogue, const Exercise& exercise) {
  return std::any_of(catalogue.problems.begin(), catalogue.problems.end(),
                     [&](const Problem& problem) { return !matching_muscles(catalogue, problem, exercise).empty(); });
}

// Forms and skills: a later form must serve what its main exercise serves,
// or the planner keeps the first form; a skill needs a line to teach it by.
void lint_forms_and_skills(const Catalogue& catalogue, std::vector<Diagnostic>& warnings) {
  std::vector<std::string> untaught;  // skills warned about, each once
  for (const Exercise& exercise : catalogue.exercises) {
    const Exercise* main = exercise.from_week > 0 ? catalogue.find_exercise(exercise.variant_of) : nullptr;
    if (main != nullptr && exercise.phase != Phase::integrate && serves_any(catalogue, *main) &&
        !serves_any(catalogue, exercise)) {
      warnings.push_back({exercise.where, fmt::format("\"{}\" is a later form of \"{}\" but serves none of its "
                                                      "problems, so it is never planned; tag the muscles it works",
                                                      exercise.id, main->id)});
    }
    for (const auto& id : exercise.skills) {
      const Exercise* skill = catalogue.find_exercise(id);
      if (skill != nullptr && skill->teach.empty() &&
          std::find(untaught.begin(), untaught.end(), id) == untaught.end()) {
        untaught.push_back(id);
        warnings.push_back({skill->where, fmt::format("\"{}\" relies on the skill \"{}\", which has no \"teach\" "
                                                      "line; its summary is shown instead, add a one-line \"teach\"",
                                                      exercise.id, id)});
      }
    }
  }
}

}  // namespace

std::vector<Diagnostic> lint_catalogue(const Catalogue& catalogue) {
  std::vector<Diagnostic> warnings;
  lint_forms_and_skills(catalogue, warnings);
  for (const Exercise& exercise : catalogue.exercises) {
    if (exercise.phase == Phase::integrate) {
      continue;
    }
    std::vector<std::string> worked;
    for (const auto& target : exercise.targets) {
      const auto members = catalogue.expand_muscles(target);
      worked.insert(worked.end(), members.begin(), members.end());
    }
    for (const Problem& problem : catalogue.problems) {
      const auto tight = met(catalogue, problem.overactive, worked);
      const auto weak = met(catalogue, problem.underactive, worked);
      if (tight.empty() || weak.empty()) {
        continue;
      }
      warnings.push_back(
          {exercise.where,
           fmt::format("{} exercise \"{}\" works tight and weak muscles of problem \"{}\" (tight: {}; weak: {}); tag "
                       "only the muscles it really works",
                       to_string(exercise.phase), exercise.id, problem.id, join(tight, ", "), join(weak, ", "))});
    }
  }
  return warnings;
}

std::vector<Diagnostic> figure_warnings(const Catalogue& catalogue) {
  // Every exercise is drawn; one without a figure gets a placeholder. A
  // catalogue with no pose draws nothing, and is not told so per exercise.
  std::vector<Diagnostic> warnings;
  if (catalogue.poses.empty()) {
    return warnings;
  }
  for (const Exercise& exercise : catalogue.exercises) {
    if (!exercise.figure.given()) {
      warnings.push_back({exercise.where, fmt::format("exercise \"{}\" has no \"figure\"; a neutral placeholder is "
                                                      "drawn for it; give it a pose and its start and end",
                                                      exercise.id)});
    }
  }
  return warnings;
}

}  // namespace valgus
