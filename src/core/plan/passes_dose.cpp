// Passes on the dose: the week's progressions, the side that caves more,
// and the time each dose takes.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "core/plan/passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace valgus {

// The week's dose, and the earlier stages a week may keep instead: the one
// before the last progression and the first (the smallest step back, and
// the dose the programme began with).
void passes::apply_week(const PlanInput& in, Draft& draft) {
  const int week = in.request.week;
  for (auto& planned : draft.exercises) {
    std::set<int> weeks;
    for (const auto& progression : planned.exercise.progressions) {
      if (progression.week <= week) {
        weeks.insert(progression.week);
      }
    }
    if (weeks.empty()) {
      continue;
    }
    const auto stages = static_cast<int>(weeks.size());
    planned.stage = stages;
    const Dose first = planned.dose;
    for (const int stage : std::set<int>{stages - 1, 0}) {
      const int held_week = *std::next(weeks.begin(), stage);
      EarlierDose earlier{first, {}, stage, held_week, 0};
      for (const auto& progression : planned.exercise.progressions) {
        if (progression.week < held_week) {
          earlier.dose = apply(earlier.dose, progression.dose);
          earlier.progress.push_back(progression.change);
        }
      }
      planned.earlier.push_back(std::move(earlier));
    }
    for (const auto& progression : planned.exercise.progressions) {
      if (progression.week <= week) {
        planned.dose = apply(planned.dose, progression.dose);
        planned.progress.push_back(progression.change);
      }
    }
  }
}

void passes::apply_side(const PlanInput& in, Draft& draft) {
  const Side side = in.request.side;
  if (side == Side::both) {
    return;
  }
  for (auto& planned : draft.exercises) {
    // Self-massage is not counted in sets; the other phases get the extra set.
    if (planned.dose.per_side && planned.exercise.phase != Phase::release) {
      planned.dose.extra_set_side = side;
      for (auto& earlier : planned.earlier) {
        earlier.dose.extra_set_side = side;
      }
    }
  }
}

void passes::estimate_time(const PlanInput& /*in*/, Draft& draft) {
  for (auto& planned : draft.exercises) {
    planned.seconds = estimate_seconds(planned.dose);
    for (auto& earlier : planned.earlier) {
      earlier.seconds = estimate_seconds(earlier.dose);
    }
  }
}

}  // namespace valgus
