#include "valgus/planner.hpp"

#include "valgus/dose.hpp"
#include "valgus/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace valgus {

std::size_t Plan::exercise_count() const {
  std::size_t count = 0;
  for (const auto& phase : phases) {
    count += phase.exercises.size();
  }
  return count;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

namespace {

std::set<std::string> expand_all(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  std::set<std::string> muscles;
  for (const auto& id : ids) {
    for (auto& muscle : catalogue.expand_muscles(id)) {
      muscles.insert(std::move(muscle));
    }
  }
  return muscles;
}

}  // namespace

std::vector<std::string> matching_muscles(const Catalogue& catalogue, const Problem& problem,
                                          const Exercise& exercise) {
  const std::vector<std::string>* wanted = nullptr;
  switch (exercise.phase) {
    case Phase::release:
    case Phase::stretch: wanted = &problem.overactive; break;
    case Phase::strengthen: wanted = &problem.underactive; break;
    case Phase::integrate: return {};
  }
  const auto worked = expand_all(catalogue, exercise.targets);
  std::vector<std::string> matches;
  for (const auto& id : *wanted) {
    const auto members = catalogue.expand_muscles(id);
    if (std::any_of(members.begin(), members.end(), [&](const std::string& m) { return worked.count(m) > 0; })) {
      matches.push_back(id);
    }
  }
  return matches;
}

bool serves(const Catalogue& catalogue, const Problem& problem, const Exercise& exercise) {
  return exercise.phase == Phase::integrate || !matching_muscles(catalogue, problem, exercise).empty();
}

PlannedExercise describe_exercise(const Catalogue& catalogue, const Exercise& exercise) {
  PlannedExercise planned;
  planned.exercise = exercise;
  planned.dose = exercise.dose;
  for (const auto& target : exercise.targets) {
    planned.target_names.push_back(catalogue.muscle_name(target));
  }
  for (const auto& item : exercise.equipment) {
    const Equipment* known = catalogue.find_equipment(item);
    if (known == nullptr || !known->household) {
      planned.equipment_names.push_back(catalogue.equipment_name(item));
    }
  }
  planned.seconds = estimate_seconds(planned.dose);
  return planned;
}

const Problem& require_problem(const Catalogue& catalogue, std::string_view id) {
  const Problem* problem = catalogue.find_problem(id);
  if (problem == nullptr) {
    const auto valid = catalogue.problem_ids();
    throw Error(ExitCode::usage, fmt::format("unknown problem \"{}\"{}; valid problems: {}", id,
                                             did_you_mean_suffix(id, valid), join(valid, ", ")));
  }
  return *problem;
}

Phase require_phase(std::string_view name) {
  if (const auto phase = parse_phase(name)) {
    return *phase;
  }
  std::vector<std::string> valid;
  for (const Phase phase : all_phases) {
    valid.emplace_back(to_string(phase));
  }
  throw Error(ExitCode::usage, fmt::format("unknown phase \"{}\"{}; valid phases: {}", name,
                                           did_you_mean_suffix(name, valid), join(valid, ", ")));
}

void sort_in_plan_order(std::vector<PlannedExercise>& exercises) {
  std::stable_sort(exercises.begin(), exercises.end(), [](const PlannedExercise& a, const PlannedExercise& b) {
    return std::make_pair(a.exercise.phase, a.exercise.region) < std::make_pair(b.exercise.phase, b.exercise.region);
  });
}

std::vector<std::string> parse_equipment_list(const Catalogue& catalogue, std::string_view list) {
  std::vector<std::string> items;
  std::vector<std::string> valid{"none"};
  for (const auto& item : catalogue.equipment) {
    if (!item.household) {
      valid.push_back(item.id);
    }
  }
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = trim(list.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) {
      continue;
    }
    if (item != "none" && catalogue.find_equipment(item) == nullptr) {
      throw Error(ExitCode::usage, fmt::format("unknown equipment \"{}\"{}; valid equipment: {}", item,
                                               did_you_mean_suffix(item, valid), join(valid, ", ")));
    }
    if (item != "none" && std::find(items.begin(), items.end(), item) == items.end()) {
      items.push_back(item);
    }
  }
  return items;
}

bool can_do_with(const Catalogue& catalogue, const Exercise& exercise, const std::vector<std::string>& available) {
  return std::all_of(exercise.equipment.begin(), exercise.equipment.end(), [&](const std::string& id) {
    const Equipment* item = catalogue.find_equipment(id);
    return (item != nullptr && item->household) || std::find(available.begin(), available.end(), id) != available.end();
  });
}

namespace {

std::vector<const Problem*> resolve_problems(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  const auto valid = catalogue.problem_ids();
  if (ids.empty()) {
    throw Error(ExitCode::usage,
                fmt::format("no problem given; choose one or more of --{} (or --all)", join(valid, ", --")));
  }
  std::vector<const Problem*> problems;
  for (const auto& id : ids) {
    const Problem* problem = &require_problem(catalogue, id);
    if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
      problems.push_back(problem);
    }
  }
  // Catalogue order, so "--pronation --hip-rotation" and the reverse agree.
  std::sort(problems.begin(), problems.end());
  return problems;
}

}  // namespace

Plan make_plan(const Catalogue& catalogue, const Request& request) {
  const auto problems = resolve_problems(catalogue, request.problems);

  Plan plan;
  for (const Problem* problem : problems) {
    plan.problems.push_back(*problem);
  }
  for (const Phase phase : all_phases) {
    plan.phases.push_back(PlannedPhase{phase, {}, 0});
  }

  // Catalogue order is the tie-breaker: collect in that order, then sort
  // stably by phase and region.
  std::vector<PlannedExercise> chosen;
  for (const Exercise& exercise : catalogue.exercises) {
    if (!exercise.variant_of.empty()) {
      continue;  // only ever planned in place of its main exercise
    }
    std::vector<Reason> reasons;
    for (const Problem* problem : problems) {
      const auto muscles = matching_muscles(catalogue, *problem, exercise);
      if (exercise.phase != Phase::integrate && muscles.empty()) {
        continue;
      }
      Reason reason{problem->id, problem->name, muscles, {}};
      for (const auto& id : muscles) {
        reason.muscle_names.push_back(catalogue.muscle_name(id));
      }
      reasons.push_back(std::move(reason));
    }
    if (reasons.empty()) {
      continue;
    }
    PlannedExercise planned = describe_exercise(catalogue, exercise);
    planned.reasons = std::move(reasons);
    chosen.push_back(std::move(planned));
  }
  sort_in_plan_order(chosen);
  for (auto& planned : chosen) {
    auto& phase = plan.phases[static_cast<std::size_t>(planned.exercise.phase)];
    phase.seconds += planned.seconds;
    plan.seconds += planned.seconds;
    phase.exercises.push_back(std::move(planned));
  }
  plan.habits = catalogue.habits;
  plan.notes = catalogue.notes;
  return plan;
}

}  // namespace valgus
