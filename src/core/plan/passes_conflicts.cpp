// No muscle is both loosened and strengthened in one plan.
//
// Policy: release and stretch win. Overactive muscles are loosened first in
// the continuum, and strengthening a muscle the plan is trying to lengthen
// works against it, so when a strengthen exercise works (groups expanded) a
// muscle that a release or stretch exercise of the plan works, the
// strengthen exercise goes: it is replaced by the first substitute that
// serves the same problems without the conflict (its variants, then its
// declared alternatives, then other strengthen exercises in catalogue
// order), or left out when there is none. Either way an adjustment says
// which muscles and why. The pass runs after fit_equipment, so it sees the
// release and stretch exercises the person can actually do, and substitutes
// only with equipment they have. fit_budget may later drop a release or
// stretch exercise; the strengthen exercise stays out, which is the safe
// side.

#include "core/model/text.hpp"
#include "core/plan/passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace valgus {

namespace {

// Muscle id to the loosening phases (release, stretch) that work it.
using Loosened = std::map<std::string, std::set<Phase>, std::less<>>;

Loosened loosened_muscles(const Catalogue& catalogue, const std::vector<PlannedExercise>& exercises) {
  Loosened loosened;
  for (const auto& planned : exercises) {
    const Phase phase = planned.exercise.phase;
    if (phase != Phase::release && phase != Phase::stretch) {
      continue;
    }
    for (const auto& target : planned.exercise.targets) {
      for (auto& muscle : catalogue.expand_muscles(target)) {
        loosened[muscle].insert(phase);
      }
    }
  }
  return loosened;
}

// The muscles `exercise` would strengthen that the plan loosens, each once,
// in the order its targets name them.
std::vector<std::string> conflicts_of(const Catalogue& catalogue, const Exercise& exercise, const Loosened& loosened) {
  std::vector<std::string> found;
  for (const auto& target : exercise.targets) {
    for (auto& muscle : catalogue.expand_muscles(target)) {
      if (loosened.count(muscle) != 0 && std::find(found.begin(), found.end(), muscle) == found.end()) {
        found.push_back(std::move(muscle));
      }
    }
  }
  return found;
}

// "it would strengthen biceps femoris, which this plan releases and stretches"
std::string why(const Catalogue& catalogue, const std::vector<std::string>& muscles, const Loosened& loosened) {
  std::vector<std::string> names;
  std::set<Phase> phases;
  for (const auto& muscle : muscles) {
    names.push_back(catalogue.muscle_name(muscle));
    const auto& in = loosened.find(muscle)->second;
    phases.insert(in.begin(), in.end());
  }
  const bool released = phases.count(Phase::release) != 0;
  const bool stretched = phases.count(Phase::stretch) != 0;
  const char* verb = released && stretched ? "releases and stretches" : released ? "releases" : "stretches";
  return fmt::format("it would strengthen {}, which this plan {}", join(names, ", "), verb);
}

// Whether `candidate` serves every problem `planned` was chosen for.
bool serves_same(const Catalogue& catalogue, const PlannedExercise& planned, const Exercise& candidate) {
  return std::all_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& reason) {
    const Problem* problem = catalogue.find_problem(reason.problem_id);
    return problem != nullptr && !matching_muscles(catalogue, *problem, candidate).empty();
  });
}

const Exercise* substitute_for(const PlanInput& in, const PlannedExercise& planned, const Loosened& loosened,
                               const std::set<std::string>& used) {
  const Catalogue& catalogue = in.catalogue;
  const Exercise& original = planned.exercise;
  const auto fits = [&](const Exercise* candidate) {
    return candidate != nullptr && candidate->phase == original.phase && used.count(candidate->id) == 0 &&
           drill_allowed(*candidate, in.position) &&
           (!in.request.equipment || can_do_with(catalogue, *candidate, *in.request.equipment)) &&
           conflicts_of(catalogue, *candidate, loosened).empty() && serves_same(catalogue, planned, *candidate);
  };
  std::vector<const Exercise*> ordered;
  for (const auto& exercise : catalogue.exercises) {
    if (exercise.variant_of == original.id) {
      ordered.push_back(&exercise);
    }
  }
  for (const auto& id : original.alternatives) {
    ordered.push_back(catalogue.find_exercise(id));
  }
  for (const auto& exercise : catalogue.exercises) {
    if (exercise.variant_of.empty()) {
      ordered.push_back(&exercise);
    }
  }
  const auto found = std::find_if(ordered.begin(), ordered.end(), fits);
  return found == ordered.end() ? nullptr : *found;
}

}  // namespace

void passes::keep_muscles_apart(const PlanInput& in, Draft& draft) {
  if (!in.request.days.empty()) {
    return;  // a week keeps them apart session by session (core/plan/week_model)
  }
  const Catalogue& catalogue = in.catalogue;
  const Loosened loosened = loosened_muscles(catalogue, draft.exercises);
  if (loosened.empty()) {
    return;
  }
  std::set<std::string> used;
  for (const auto& planned : draft.exercises) {
    used.insert(planned.exercise.id);
  }
  std::vector<PlannedExercise> kept;
  for (auto& planned : draft.exercises) {
    const auto conflicts = planned.exercise.phase == Phase::strengthen
                               ? conflicts_of(catalogue, planned.exercise, loosened)
                               : std::vector<std::string>{};
    if (conflicts.empty()) {
      kept.push_back(std::move(planned));
      continue;
    }
    const std::string reason = why(catalogue, conflicts, loosened);
    if (const Exercise* substitute = substitute_for(in, planned, loosened, used)) {
      draft.adjustments.push_back({AdjustmentKind::substituted, fmt::format("{} instead of {}: {}", substitute->name,
                                                                            planned.exercise.name, reason)});
      used.insert(substitute->id);
      PlannedExercise replacement = describe_exercise(catalogue, *substitute);
      replacement.reasons = std::move(planned.reasons);
      kept.push_back(std::move(replacement));
    } else {
      draft.adjustments.push_back(
          {AdjustmentKind::left_out, fmt::format("{} left out: {}", planned.exercise.name, reason)});
    }
  }
  draft.exercises = std::move(kept);
}

}  // namespace valgus
