// Passes on the order: plan order with the person's position first; and what
// the plan says about the final exercises.

#include "core/model/text.hpp"
#include "core/plan/passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

namespace valgus {

bool trains_position(const PlannedExercise& planned, const std::optional<Position>& position) {
  const auto& positions = planned.exercise.positions;
  return position && std::find(positions.begin(), positions.end(), position->id) != positions.end();
}

void passes::order(const PlanInput& in, Draft& draft) {
  auto& chosen = draft.exercises;
  sort_in_plan_order(chosen);
  const std::optional<Position>& position = in.position;
  if (!position) {
    return;
  }
  // Integration exercises that train the position where the knee caves come
  // first within their phase, its drills before the rest. Integration is the
  // last phase, so this keeps every other phase in place. What the plan says
  // about it is written once the budget has had its say (state_adjustments).
  const auto rank = [&](const PlannedExercise& planned) {
    if (planned.exercise.phase != Phase::integrate) {
      return 0;
    }
    if (!trains_position(planned, position)) {
      return 3;
    }
    return planned.exercise.drill ? 1 : 2;
  };
  // Drills by priority, so the essential one leads the way into the others.
  const auto key = [&](const PlannedExercise& planned) {
    const int r = rank(planned);
    return std::make_pair(r, r == 1 ? planned.exercise.priority : 0);
  };
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](const PlannedExercise& a, const PlannedExercise& b) { return key(a) < key(b); });
}

// Written from the final exercises, after every pass that can leave one out,
// so each message names only what the plan holds and counts only that.
void passes::state_adjustments(const PlanInput& in, Draft& draft) {
  const auto& chosen = draft.exercises;
  // A statement that an exercise is in the plan holds only if the week kept it.
  for (Adjustment& adjustment : draft.adjustments) {
    const bool kept = std::any_of(chosen.begin(), chosen.end(), [&](const PlannedExercise& planned) {
      return planned.exercise.id == adjustment.relies_on;
    });
    if (!adjustment.relies_on.empty() && !kept) {
      adjustment.kind = AdjustmentKind::left_out;
      adjustment.text = adjustment.otherwise;
    }
  }
  for (const auto& planned : chosen) {
    if (!planned.form_of.empty()) {
      draft.adjustments.push_back(
          {AdjustmentKind::progressed,
           fmt::format("week {}: {} in place of {}, the same movement made harder (from week {})", in.request.week,
                       planned.exercise.name, planned.form_of, planned.exercise.from_week)});
    }
    if (!planned.progress.empty()) {
      draft.adjustments.push_back(
          {AdjustmentKind::progressed,
           fmt::format("week {}: {}: {}", in.request.week, planned.exercise.name, join(planned.progress, " "))});
    }
  }
  const Side side = in.request.side;
  const auto one_sided = std::count_if(chosen.begin(), chosen.end(), [&](const PlannedExercise& planned) {
    return side != Side::both && planned.dose.extra_set_side == side;
  });
  if (one_sided > 0) {
    draft.adjustments.push_back(
        {AdjustmentKind::side,
         fmt::format("{} leg caves more: one extra set on the {} in {}", to_string(side), to_string(side),
                     one_sided == 1 ? std::string("the one-sided exercise")
                                    : fmt::format("each of the {} one-sided exercises", one_sided))});
  }
  const std::optional<Position>& position = in.position;
  if (!position) {
    return;
  }
  std::vector<std::string> names;
  for (const auto& planned : chosen) {
    if (trains_position(planned, position)) {
      names.push_back(planned.exercise.name);
    }
  }
  draft.adjustments.push_back(
      {AdjustmentKind::position,
       names.empty()
           ? fmt::format("knee caves when {}: no integration exercise trains it; apply the advice in the integrate "
                         "phase",
                         position->name)
           : fmt::format("knee caves when {}: {} come{} first in the integrate phase", position->name,
                         join(names, ", "), names.size() == 1 ? "s" : "")});
}

}  // namespace valgus
