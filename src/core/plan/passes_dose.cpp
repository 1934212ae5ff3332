// Passes on the dose: the week's progressions, the side that caves more,
// and the time each dose takes.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "core/plan/passes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace valgus {

void passes::apply_week(const PlanInput& in, Draft& draft) {
  const int week = in.request.week;
  for (auto& planned : draft.exercises) {
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
    }
  }
}

void passes::estimate_time(const PlanInput& /*in*/, Draft& draft) {
  for (auto& planned : draft.exercises) {
    planned.seconds = estimate_seconds(planned.dose);
  }
}

}  // namespace valgus
