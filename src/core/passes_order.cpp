// Passes on the order: plan order with the person's position first, then the
// budget, which drops from the end of what matters least.

#include "core/passes.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

namespace valgus {

namespace {

bool trains(const PlannedExercise& planned, const std::optional<Position>& position) {
  const auto& positions = planned.exercise.positions;
  return position && std::find(positions.begin(), positions.end(), position->id) != positions.end();
}

}  // namespace

void passes::order(const PlanInput& in, Draft& draft) {
  auto& chosen = draft.exercises;
  sort_in_plan_order(chosen);
  const std::optional<Position>& position = in.position;
  if (!position) {
    return;
  }
  // Integration exercises that train the position where the knee caves come
  // first within their phase. Integration is the last phase, so this keeps
  // every other phase in place.
  std::stable_partition(chosen.begin(), chosen.end(), [&](const PlannedExercise& planned) {
    return planned.exercise.phase != Phase::integrate || trains(planned, position);
  });
  std::vector<std::string> names;
  for (const auto& planned : chosen) {
    if (trains(planned, position)) {
      names.push_back(planned.exercise.name);
    }
  }
  draft.adjustments.push_back(
      {AdjustmentKind::position,
       names.empty()
           ? fmt::format("knee caves when {}: no integration exercise trains it; apply the advice in the integrate "
                         "phase",
                         position->name)
           : fmt::format("knee caves when {}: {} come first in the integrate phase", position->name,
                         join(names, ", "))});
}

// Least important first: optional before normal before essential; then not
// training the position where the knee caves; then the longest; then the
// latest in the plan.
void passes::fit_budget(const PlanInput& in, Draft& draft) {
  if (!in.request.minutes) {
    return;
  }
  const int minutes = *in.request.minutes;
  auto& chosen = draft.exercises;
  const std::int64_t budget = std::int64_t{minutes} * 60;
  std::int64_t total = 0;
  for (const auto& planned : chosen) {
    total += planned.seconds;
  }
  if (total <= budget) {
    return;
  }
  // How many exercises serve each problem in each phase: the last one stays.
  std::map<std::pair<std::string, Phase>, int> serving;
  for (const auto& planned : chosen) {
    for (const auto& reason : planned.reasons) {
      ++serving[{reason.problem_id, planned.exercise.phase}];
    }
  }
  std::vector<std::size_t> by_importance(chosen.size());
  std::iota(by_importance.begin(), by_importance.end(), std::size_t{0});
  std::stable_sort(by_importance.begin(), by_importance.end(), [&](std::size_t a, std::size_t b) {
    const auto key = [&](std::size_t i) {
      const auto& p = chosen[i];
      return std::make_tuple(-p.exercise.priority, trains(p, in.position) ? 1 : 0, -p.seconds, -static_cast<long>(i));
    };
    return key(a) < key(b);
  });
  std::vector<bool> dropped(chosen.size(), false);
  std::vector<std::string> names;
  for (const std::size_t i : by_importance) {
    if (total <= budget) {
      break;
    }
    const auto& planned = chosen[i];
    const bool last_for_someone = std::any_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& r) {
      return serving[{r.problem_id, planned.exercise.phase}] <= 1;
    });
    if (last_for_someone) {
      continue;
    }
    for (const auto& reason : planned.reasons) {
      --serving[{reason.problem_id, planned.exercise.phase}];
    }
    dropped[i] = true;
    total -= planned.seconds;
    names.push_back(planned.exercise.name);
  }
  std::vector<PlannedExercise> kept;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!dropped[i]) {
      kept.push_back(std::move(chosen[i]));
    }
  }
  chosen = std::move(kept);
  if (!names.empty()) {
    draft.adjustments.push_back(
        {AdjustmentKind::time, fmt::format("{} min budget: left out {}", minutes, join(names, ", "))});
  }
  if (total > budget) {
    draft.over_budget = true;
    const std::int64_t needed = (total + 59) / 60;
    // The command line's flag in core wording: the text is in golden
    // outputs, so it stays until the command line can add it itself.
    draft.adjustments.push_back(
        {AdjustmentKind::time,
         fmt::format("{} min is not enough to keep every problem in every phase; this shortest plan needs {} min "
                     "(--minutes {})",
                     minutes, needed, needed)});
  }
}

}  // namespace valgus
