// Passes on the dose: the week's progressions, the side that caves more,
// the time each dose takes, and a programme's later weeks.

#include "core/dose.hpp"
#include "core/passes.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

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
    if (!planned.progress.empty()) {
      draft.adjustments.push_back(
          {AdjustmentKind::progressed,
           fmt::format("week {}: {}: {}", week, planned.exercise.name, join(planned.progress, " "))});
    }
  }
}

void passes::apply_side(const PlanInput& in, Draft& draft) {
  const Side side = in.request.side;
  if (side == Side::both) {
    return;
  }
  int count = 0;
  for (auto& planned : draft.exercises) {
    // Self-massage is not counted in sets; the other phases get the extra set.
    if (planned.dose.per_side && planned.exercise.phase != Phase::release) {
      planned.dose.extra_set_side = side;
      ++count;
    }
  }
  if (count > 0) {
    draft.adjustments.push_back(
        {AdjustmentKind::side, fmt::format("{} leg caves more: one extra set on the {} in each of the {} one-sided "
                                           "exercises",
                                           to_string(side), to_string(side), count)});
  }
}

void passes::estimate_time(const PlanInput& /*in*/, Draft& draft) {
  for (auto& planned : draft.exercises) {
    planned.seconds = estimate_seconds(planned.dose);
  }
}

void passes::schedule_weeks(const PlanInput& in, Draft& draft) {
  const Request& request = in.request;
  if (request.weeks <= 1) {
    return;
  }
  const int last = request.week + request.weeks - 1;
  for (int week = request.week + 1; week <= last; ++week) {
    for (const auto& planned : draft.exercises) {
      // The catalogue's dose with every progression due by then; the side
      // stays as the person said.
      Dose dose = planned.exercise.dose;
      dose.extra_set_side = planned.dose.extra_set_side;
      const Progression* due = nullptr;
      for (const auto& progression : planned.exercise.progressions) {
        if (progression.week <= week) {
          dose = apply(dose, progression.dose);
        }
        if (progression.week == week) {
          due = &progression;
        }
      }
      if (due != nullptr) {
        draft.schedule.push_back(ScheduledChange{week, planned.exercise.name, due->change, format_dose(dose)});
      }
    }
  }
}

}  // namespace valgus
