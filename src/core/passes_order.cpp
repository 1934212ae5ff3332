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
  // first within their phase, its drills before the rest. Integration is the
  // last phase, so this keeps every other phase in place. What the plan says
  // about it is written once the budget has had its say (state_adjustments).
  const auto rank = [&](const PlannedExercise& planned) {
    if (planned.exercise.phase != Phase::integrate) {
      return 0;
    }
    if (!trains(planned, position)) {
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

// Least important first: optional before normal before essential (with a
// position said, an integration exercise that does not train it counts one
// step less: the person asked for that position); then not training the
// position; then the longest; then the latest in the plan.
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
  // How many exercises serve each problem in each phase, and how many train
  // the position where the knee caves: the last one of each stays.
  std::map<std::pair<std::string, Phase>, int> serving;
  int training = 0;
  for (const auto& planned : chosen) {
    for (const auto& reason : planned.reasons) {
      ++serving[{reason.problem_id, planned.exercise.phase}];
    }
    training += trains(planned, in.position) ? 1 : 0;
  }
  std::vector<std::size_t> by_importance(chosen.size());
  std::iota(by_importance.begin(), by_importance.end(), std::size_t{0});
  std::stable_sort(by_importance.begin(), by_importance.end(), [&](std::size_t a, std::size_t b) {
    const auto key = [&](std::size_t i) {
      const auto& p = chosen[i];
      const bool trainer = trains(p, in.position);
      const bool aside = in.position && p.exercise.phase == Phase::integrate && !trainer;
      return std::make_tuple(-(p.exercise.priority + (aside ? 1 : 0)), trainer ? 1 : 0, -p.seconds,
                             -static_cast<long>(i));
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
    const bool trains_position = trains(planned, in.position);
    if (last_for_someone || (trains_position && training <= 1)) {
      continue;
    }
    for (const auto& reason : planned.reasons) {
      --serving[{reason.problem_id, planned.exercise.phase}];
    }
    training -= trains_position ? 1 : 0;
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

// Written from the final exercises, after every pass that can leave one out,
// so each message names only what the plan holds and counts only that.
void passes::state_adjustments(const PlanInput& in, Draft& draft) {
  const auto& chosen = draft.exercises;
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
           : fmt::format("knee caves when {}: {} come{} first in the integrate phase", position->name,
                         join(names, ", "), names.size() == 1 ? "s" : "")});
}

}  // namespace valgus
