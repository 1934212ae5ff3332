// The rule engine: which exercises serve which problems, and why.

#include "core/plan/passes.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

namespace valgus {

namespace {

// The muscle ids `ids` name, groups expanded, sorted: views into the
// catalogue, so no string is copied (this runs once per exercise).
using MuscleSet = std::vector<std::string_view>;

MuscleSet expand_all(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  MuscleSet muscles;
  for (const auto& id : ids) {
    if (const MuscleGroup* group = catalogue.find_muscle_group(id)) {
      muscles.insert(muscles.end(), group->members.begin(), group->members.end());
    } else {
      muscles.emplace_back(id);
    }
  }
  std::sort(muscles.begin(), muscles.end());
  return muscles;
}

bool contains(const MuscleSet& set, std::string_view muscle) {
  return std::binary_search(set.begin(), set.end(), muscle);
}

// A problem's muscles with their groups expanded, worked out once per plan
// rather than once per exercise (catalogues can hold many thousands).
struct ProblemMuscles {
  const Problem* problem = nullptr;
  std::vector<std::pair<std::string, std::vector<std::string>>> overactive;
  std::vector<std::pair<std::string, std::vector<std::string>>> underactive;

  ProblemMuscles(const Catalogue& catalogue, const Problem& p) : problem(&p) {
    for (const auto& id : p.overactive) {
      overactive.emplace_back(id, catalogue.expand_muscles(id));
    }
    for (const auto& id : p.underactive) {
      underactive.emplace_back(id, catalogue.expand_muscles(id));
    }
  }

  // Release and stretch meet overactive muscles, strengthen underactive
  // ones; integration meets none (it serves every problem).
  [[nodiscard]] std::vector<std::string> matches(Phase phase, const MuscleSet& worked) const {
    const auto* wanted = phase == Phase::strengthen ? &underactive : &overactive;
    std::vector<std::string> found;
    if (phase == Phase::integrate) {
      return found;
    }
    for (const auto& [id, members] : *wanted) {
      if (std::any_of(members.begin(), members.end(), [&](const std::string& m) { return contains(worked, m); })) {
        found.push_back(id);
      }
    }
    return found;
  }
};

}  // namespace

bool drill_allowed(const Exercise& exercise, const std::optional<Position>& position) {
  return !exercise.drill || (position && std::find(exercise.positions.begin(), exercise.positions.end(),
                                                   position->id) != exercise.positions.end());
}

std::vector<std::string> matching_muscles(const Catalogue& catalogue, const Problem& problem,
                                          const Exercise& exercise) {
  return ProblemMuscles(catalogue, problem).matches(exercise.phase, expand_all(catalogue, exercise.targets));
}

bool serves(const Catalogue& catalogue, const Problem& problem, const Exercise& exercise) {
  return exercise.phase == Phase::integrate || !matching_muscles(catalogue, problem, exercise).empty();
}

bool shares_muscle(const Catalogue& catalogue, const Exercise& a, const Exercise& b) {
  const auto theirs = expand_all(catalogue, b.targets);
  const auto ours = expand_all(catalogue, a.targets);
  return std::any_of(ours.begin(), ours.end(), [&](std::string_view m) { return contains(theirs, m); });
}

void passes::select(const PlanInput& in, Draft& draft) {
  const Catalogue& catalogue = in.catalogue;
  std::vector<ProblemMuscles> expanded;
  for (const Problem* problem : in.problems) {
    expanded.emplace_back(catalogue, *problem);
  }
  std::vector<PlannedExercise> chosen;
  std::vector<std::string> waiting;  // impact drills left out for pain
  for (const Exercise& exercise : catalogue.exercises) {
    if (!exercise.variant_of.empty()) {
      continue;  // only ever planned in place of its main exercise
    }
    if (!drill_allowed(exercise, in.position)) {
      continue;  // a position drill only for the position --when names
    }
    if (exercise.from_week > in.request.week) {
      continue;  // a harder drill joins the programme from its week
    }
    if (exercise.impact && in.request.leave_out_impact) {
      waiting.push_back(exercise.name);
      continue;
    }
    const auto worked = expand_all(catalogue, exercise.targets);
    std::vector<Reason> reasons;
    for (const auto& muscles_of : expanded) {
      const Problem* problem = muscles_of.problem;
      const auto muscles = muscles_of.matches(exercise.phase, worked);
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
  sort_in_plan_order(chosen);  // the later passes report adjustments in plan order
  draft.exercises = std::move(chosen);
  if (!waiting.empty()) {
    draft.adjustments.push_back(
        {AdjustmentKind::left_out, fmt::format("left out while pain has stepped the programme back (jumps, hops and "
                                               "drops wait until it moves on again): {}",
                                               join(waiting, "; "))});
  }
}

}  // namespace valgus
