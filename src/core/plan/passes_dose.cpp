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

namespace {

// The week's dose of `planned`, and the earlier stages a week may keep
// instead: the one before the last progression and the first (the smallest
// step back, and the dose the programme began with). Stages count on from
// the easier form's when one stands behind this one (each_form does it first).
void progress_to(int week, PlannedExercise& planned) {
  const int offset = planned.base_form.empty() ? 0 : planned.base_form.front().stage + 1;
  planned.stage = offset;
  std::set<int> weeks;
  for (const auto& progression : planned.exercise.progressions) {
    if (progression.week <= week) {
      weeks.insert(progression.week);
    }
  }
  if (weeks.empty()) {
    return;
  }
  const auto stages = static_cast<int>(weeks.size());
  planned.stage = stages + offset;
  const Dose first = planned.dose;
  for (const int stage : std::set<int>{stages - 1, 0}) {
    const int held_week = *std::next(weeks.begin(), stage);
    EarlierDose earlier{first, {}, stage + offset, held_week, 0};
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

// `change` on each exercise and on the easier form behind it.
template <typename Change>
void each_form(Draft& draft, Change change) {
  for (auto& planned : draft.exercises) {
    for (auto& base : planned.base_form) {
      change(base);
    }
    change(planned);
  }
}

}  // namespace

void passes::apply_week(const PlanInput& in, Draft& draft) {
  each_form(draft, [&](PlannedExercise& planned) { progress_to(in.request.week, planned); });
}

void passes::apply_side(const PlanInput& in, Draft& draft) {
  const Side side = in.request.side;
  if (side == Side::both) {
    return;
  }
  each_form(draft, [&](PlannedExercise& planned) {
    // Self-massage is not counted in sets; the other phases get the extra set.
    if (planned.dose.per_side && planned.exercise.phase != Phase::release) {
      planned.dose.extra_set_side = side;
      for (auto& earlier : planned.earlier) {
        earlier.dose.extra_set_side = side;
      }
    }
  });
}

void passes::estimate_time(const PlanInput& /*in*/, Draft& draft) {
  each_form(draft, [](PlannedExercise& planned) {
    planned.seconds = estimate_seconds(planned.dose);
    for (auto& earlier : planned.earlier) {
      earlier.seconds = estimate_seconds(earlier.dose);
    }
  });
}

}  // namespace valgus
