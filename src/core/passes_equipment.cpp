// Fitting the plan to the equipment a person has.

#include "core/passes.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <utility>

namespace valgus {

bool can_do_with(const Catalogue& catalogue, const Exercise& exercise, const std::vector<std::string>& available) {
  return std::all_of(exercise.equipment.begin(), exercise.equipment.end(), [&](const std::string& id) {
    const Equipment* item = catalogue.find_equipment(id);
    return (item != nullptr && item->household) || std::find(available.begin(), available.end(), id) != available.end();
  });
}

namespace {

std::string names_of(const std::vector<const Exercise*>& exercises) {
  std::vector<std::string> names;
  for (const Exercise* exercise : exercises) {
    names.push_back(exercise->name);
  }
  return join(names, ", ");
}

// Whether `candidate` can stand in for `planned`: same phase, and for every
// reason the original was chosen, it works one of the same muscles (for
// integration, any shared muscle).
bool can_replace(const Catalogue& catalogue, const PlannedExercise& planned, const Exercise& candidate) {
  if (candidate.phase != planned.exercise.phase || candidate.id == planned.exercise.id) {
    return false;
  }
  if (candidate.phase == Phase::integrate) {
    return shares_muscle(catalogue, planned.exercise, candidate);
  }
  return std::all_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& reason) {
    const Problem* problem = catalogue.find_problem(reason.problem_id);
    return problem != nullptr && !matching_muscles(catalogue, *problem, candidate).empty();
  });
}

// Substitutes in the order a person would want them: the same move with
// other equipment, the alternatives the catalogue declares, then any
// exercise of the catalogue that works the same muscles.
const Exercise* find_substitute(const Catalogue& catalogue, const PlannedExercise& planned,
                                const std::vector<std::string>& available, const std::set<std::string>& used) {
  const Exercise& original = planned.exercise;
  const auto usable = [&](const Exercise* candidate) {
    return candidate != nullptr && used.count(candidate->id) == 0 && can_do_with(catalogue, *candidate, available) &&
           candidate->phase == original.phase;
  };
  for (const Exercise& candidate : catalogue.exercises) {
    if (candidate.variant_of == original.id && usable(&candidate)) {
      return &candidate;
    }
  }
  for (const auto& id : original.alternatives) {
    const Exercise* candidate = catalogue.find_exercise(id);
    if (usable(candidate)) {
      return candidate;
    }
  }
  for (const Exercise& candidate : catalogue.exercises) {
    if (usable(&candidate) && can_replace(catalogue, planned, candidate)) {
      return &candidate;
    }
  }
  return nullptr;
}

std::vector<std::string> missing_equipment(const Catalogue& catalogue, const Exercise& exercise,
                                           const std::vector<std::string>& available) {
  std::vector<std::string> missing;
  for (const auto& id : exercise.equipment) {
    const Equipment* item = catalogue.find_equipment(id);
    if ((item == nullptr || !item->household) && std::find(available.begin(), available.end(), id) == available.end()) {
      missing.push_back(id);
    }
  }
  return missing;
}

std::string equipment_names(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    names.push_back(catalogue.equipment_name(id));
  }
  return join(names, " or ");
}

// For each phase the person's equipment emptied: the single item that
// brings back the most of it (ties go to the item listed first).
void say_what_unlocks(const Catalogue& catalogue, const std::vector<std::string>& available,
                      const std::vector<PlannedExercise>& kept, const std::vector<const Exercise*>& left_out,
                      std::vector<Adjustment>& adjustments) {
  for (const Phase phase : all_phases) {
    const bool empty =
        std::none_of(kept.begin(), kept.end(), [&](const PlannedExercise& p) { return p.exercise.phase == phase; });
    std::vector<const Exercise*> lost;
    std::copy_if(left_out.begin(), left_out.end(), std::back_inserter(lost),
                 [&](const Exercise* e) { return e->phase == phase; });
    if (!empty || lost.empty()) {
      continue;
    }
    const Equipment* best = nullptr;
    std::vector<const Exercise*> best_unlocks;
    for (const Equipment& item : catalogue.equipment) {
      auto with_item = available;
      with_item.push_back(item.id);
      std::vector<const Exercise*> unlocks;
      std::copy_if(lost.begin(), lost.end(), std::back_inserter(unlocks),
                   [&](const Exercise* e) { return can_do_with(catalogue, *e, with_item); });
      if (unlocks.size() > best_unlocks.size()) {
        best = &item;
        best_unlocks = std::move(unlocks);
      }
    }
    adjustments.push_back({AdjustmentKind::unlock,
                           best == nullptr
                               ? fmt::format("nothing in the {} phase fits your equipment", to_string(phase))
                               : fmt::format("nothing in the {} phase fits your equipment; a {} would unlock {}",
                                             to_string(phase), best->name, names_of(best_unlocks)),
                           phase});
  }
}

}  // namespace

void passes::fit_equipment(const PlanInput& in, Draft& draft) {
  if (!in.request.equipment) {
    return;  // not said: everything is there
  }
  const Catalogue& catalogue = in.catalogue;
  const std::vector<std::string>& available = *in.request.equipment;
  std::set<std::string> used;
  for (const auto& planned : draft.exercises) {
    used.insert(planned.exercise.id);
  }
  std::vector<PlannedExercise> kept;
  std::vector<const Exercise*> left_out;
  for (auto& planned : draft.exercises) {
    const auto missing = missing_equipment(catalogue, planned.exercise, available);
    if (missing.empty()) {
      kept.push_back(std::move(planned));
      continue;
    }
    const std::string lacking = "no " + equipment_names(catalogue, missing);
    if (const Exercise* substitute = find_substitute(catalogue, planned, available, used)) {
      draft.adjustments.push_back({AdjustmentKind::substituted, fmt::format("{}: {} instead of {}", lacking,
                                                                            substitute->name, planned.exercise.name)});
      used.insert(substitute->id);
      PlannedExercise replacement = describe_exercise(catalogue, *substitute);
      replacement.reasons = std::move(planned.reasons);
      kept.push_back(std::move(replacement));
    } else if (const Exercise* twin = find_substitute(catalogue, planned, available, {})) {
      // What would have replaced it is in the plan already.
      draft.adjustments.push_back({AdjustmentKind::left_out, fmt::format("{}: {} left out ({} is in the plan)", lacking,
                                                                         planned.exercise.name, twin->name)});
    } else {
      draft.adjustments.push_back(
          {AdjustmentKind::left_out, fmt::format("{}: {} left out", lacking, planned.exercise.name)});
      left_out.push_back(catalogue.find_exercise(planned.exercise.id));
    }
  }
  say_what_unlocks(catalogue, available, kept, left_out, draft.adjustments);
  draft.exercises = std::move(kept);
}

}  // namespace valgus
