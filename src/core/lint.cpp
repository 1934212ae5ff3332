#include "core/lint.hpp"

#include "core/text.hpp"

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

}  // namespace

std::vector<Diagnostic> lint_catalogue(const Catalogue& catalogue) {
  std::vector<Diagnostic> warnings;
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

}  // namespace valgus
