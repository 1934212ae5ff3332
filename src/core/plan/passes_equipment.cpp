// Fitting the plan to the equipment a person has.

#include "core/model/text.hpp"
#include "core/plan/passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
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

// Finds substitutes in the order a person would want them: the same move
// with other equipment, the alternatives the catalogue declares, then the
// first exercise of the catalogue (in catalogue order) that works the same
// muscles. Candidates are indexed once per plan and searched with cursors
// that only move forward (the set of exercises already used only grows), so
// a plan lacking equipment for thousands of exercises stays linear instead
// of scanning the whole catalogue for each of them.
class SubstituteFinder {
 public:
  SubstituteFinder(const Catalogue& catalogue, const std::vector<std::string>& available,
                   const std::optional<Position>& position)
      : catalogue_(catalogue), available_(available), position_(position) {
    for (std::size_t i = 0; i < catalogue.exercises.size(); ++i) {
      const Exercise& exercise = catalogue.exercises[i];
      if (!exercise.variant_of.empty()) {
        variants_[exercise.variant_of].push_back(&exercise);
      }
      if (!can_do_with(catalogue, exercise, available) || !drill_allowed(exercise, position)) {
        continue;
      }
      doable_[static_cast<std::size_t>(exercise.phase)].push_back(&exercise);
      if (exercise.phase == Phase::integrate) {
        for (const auto& target : exercise.targets) {
          for (const auto& muscle : catalogue.expand_muscles(target)) {
            auto& list = by_muscle_[muscle].candidates;
            if (list.empty() || list.back().first != i) {
              list.emplace_back(i, &exercise);
            }
          }
        }
      }
    }
  }

  // The substitute for `planned` not in `used`; null when there is none.
  const Exercise* find(const PlannedExercise& planned, const std::set<std::string>& used) {
    const auto fresh = [&](const Exercise* candidate) { return used.count(candidate->id) == 0; };
    if (const Exercise* declared = declared_substitute(planned.exercise, fresh)) {
      return declared;
    }
    if (planned.exercise.phase == Phase::integrate) {
      return first_sharing_muscle(planned.exercise, fresh, true);
    }
    Cursor& cursor = cursors_[key_of(planned)];
    const auto& candidates = doable_[static_cast<std::size_t>(planned.exercise.phase)];
    for (; cursor.next < candidates.size(); ++cursor.next) {
      const Exercise* candidate = candidates[cursor.next];
      if (fresh(candidate) && can_replace(catalogue_, planned, *candidate)) {
        return candidate;  // the cursor stays: once used, it is skipped
      }
    }
    return nullptr;
  }

  // The same, ignoring what is used: what would have stood in.
  const Exercise* find_any(const PlannedExercise& planned) {
    const auto always = [](const Exercise*) { return true; };
    if (const Exercise* declared = declared_substitute(planned.exercise, always)) {
      return declared;
    }
    if (planned.exercise.phase == Phase::integrate) {
      return first_sharing_muscle(planned.exercise, always, false);
    }
    const std::string key = key_of(planned);
    const auto cached = any_.find(key);
    if (cached != any_.end()) {
      return cached->second;
    }
    const Exercise* found = nullptr;
    for (const Exercise* candidate : doable_[static_cast<std::size_t>(planned.exercise.phase)]) {
      if (can_replace(catalogue_, planned, *candidate)) {
        found = candidate;
        break;
      }
    }
    any_.emplace(key, found);
    return found;
  }

 private:
  struct Cursor {
    std::size_t next = 0;
  };
  struct MuscleList {
    std::vector<std::pair<std::size_t, const Exercise*>> candidates;  // (catalogue index, exercise)
    std::size_t next = 0;                                             // candidates before it are used
  };

  template <typename Fresh>
  const Exercise* declared_substitute(const Exercise& original, Fresh fresh) const {
    const auto usable = [&](const Exercise* candidate) {
      return candidate != nullptr && fresh(candidate) && candidate->phase == original.phase &&
             can_do_with(catalogue_, *candidate, available_) && drill_allowed(*candidate, position_);
    };
    const auto variants = variants_.find(original.id);
    if (variants != variants_.end()) {
      for (const Exercise* candidate : variants->second) {
        if (usable(candidate)) {
          return candidate;
        }
      }
    }
    for (const auto& id : original.alternatives) {
      const Exercise* candidate = catalogue_.find_exercise(id);
      if (usable(candidate)) {
        return candidate;
      }
    }
    return nullptr;
  }

  // The first candidate in catalogue order working any muscle `original`
  // works: the smallest head among the lists of its muscles.
  // With `skip_used`, candidates already used are skipped for good.
  template <typename Fresh>
  const Exercise* first_sharing_muscle(const Exercise& original, Fresh fresh, bool skip_used) {
    std::pair<std::size_t, const Exercise*> best{0, nullptr};
    for (const auto& target : original.targets) {
      for (const auto& muscle : catalogue_.expand_muscles(target)) {
        const auto found = by_muscle_.find(muscle);
        if (found == by_muscle_.end()) {
          continue;
        }
        MuscleList& list = found->second;
        std::size_t at = skip_used ? list.next : 0;
        while (at < list.candidates.size() && !fresh(list.candidates[at].second)) {
          ++at;
        }
        if (skip_used) {
          list.next = at;  // used ones never come back
        }
        if (at < list.candidates.size() && (best.second == nullptr || list.candidates[at].first < best.first)) {
          best = list.candidates[at];
        }
      }
    }
    return best.second;
  }

  static std::string key_of(const PlannedExercise& planned) {
    std::string key(to_string(planned.exercise.phase));
    for (const Reason& reason : planned.reasons) {
      key += '|' + reason.problem_id;
    }
    return key;
  }

  const Catalogue& catalogue_;
  const std::vector<std::string>& available_;
  const std::optional<Position>& position_;  // a drill stands in only for its position
  std::map<std::string, std::vector<const Exercise*>> variants_;
  std::array<std::vector<const Exercise*>, 4> doable_;
  std::map<std::string, MuscleList> by_muscle_;
  std::map<std::string, Cursor> cursors_;
  std::map<std::string, const Exercise*> any_;
};

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
  SubstituteFinder finder(catalogue, available, in.position);
  std::vector<PlannedExercise> kept;
  std::vector<const Exercise*> left_out;
  for (auto& planned : draft.exercises) {
    const auto missing = missing_equipment(catalogue, planned.exercise, available);
    if (missing.empty()) {
      kept.push_back(std::move(planned));
      continue;
    }
    const std::string lacking = "no " + equipment_names(catalogue, missing);
    if (const Exercise* substitute = finder.find(planned, used)) {
      draft.adjustments.push_back(
          {AdjustmentKind::substituted,
           fmt::format("{}: {} instead of {}", lacking, substitute->name, planned.exercise.name), Phase::release,
           std::nullopt, substitute->id,
           fmt::format("{}: {} left out ({} could stand in, but the week has no room for it)", lacking,
                       planned.exercise.name, substitute->name)});
      used.insert(substitute->id);
      PlannedExercise replacement = describe_exercise(catalogue, *substitute);
      replacement.reasons = std::move(planned.reasons);
      kept.push_back(std::move(replacement));
    } else if (const Exercise* twin = finder.find_any(planned)) {
      // What would have replaced it is in the plan already.
      draft.adjustments.push_back(
          {AdjustmentKind::left_out,
           fmt::format("{}: {} left out ({} is in the plan)", lacking, planned.exercise.name, twin->name),
           Phase::release, std::nullopt, twin->id, fmt::format("{}: {} left out", lacking, planned.exercise.name)});
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
