// The programme's later weeks: each week planned as `plan --week N` plans
// it, and what changes from one week to the next.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/planner.hpp"
#include "core/plan/week_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace valgus {

namespace {

bool has_exercise(const PlannedWeek& week, const std::string& id) {
  return std::any_of(week.phases.begin(), week.phases.end(), [&](const PlannedPhase& phase) {
    return std::any_of(phase.exercises.begin(), phase.exercises.end(),
                       [&](const PlannedExercise& planned) { return planned.exercise.id == id; });
  });
}

// The same movement in another form: a variant and its main exercise.
bool same_family(const Exercise& a, const Exercise& b) {
  return a.variant_of == b.id || b.variant_of == a.id || (!a.variant_of.empty() && a.variant_of == b.variant_of);
}

// What changed between two weeks of a programme, as sentences, and the rows
// of the schedule for the progressions due in `week`.
void compare_weeks(const Catalogue& catalogue, const PlannedWeek& before, PlannedWeek& week,
                   const std::optional<int>& minutes, std::vector<ScheduledChange>& schedule) {
  std::vector<const PlannedExercise*> gone;
  std::vector<const PlannedExercise*> joined;
  for (const auto& phase : before.phases) {
    for (const auto& planned : phase.exercises) {
      if (!has_exercise(week, planned.exercise.id)) {
        gone.push_back(&planned);
      }
    }
  }
  for (const auto& phase : week.phases) {
    for (const auto& planned : phase.exercises) {
      if (!has_exercise(before, planned.exercise.id)) {
        joined.push_back(&planned);
      }
      bool held = false;
      for (const auto& progression : planned.exercise.progressions) {
        const bool applied =
            std::find(planned.progress.begin(), planned.progress.end(), progression.change) != planned.progress.end();
        held = held || (progression.week <= week.week && !applied);
        if (progression.week == week.week && applied) {
          schedule.push_back(
              ScheduledChange{week.week, planned.exercise.name, progression.change, format_dose(planned.dose)});
        }
      }
      if (held) {
        week.changes.push_back(
            fmt::format("{} stays at an earlier dose this week: the harder one would leave "
                        "a weak muscle without strengthening",
                        planned.exercise.name));
      }
    }
  }
  for (const PlannedExercise* left : gone) {
    const auto replacement = std::find_if(joined.begin(), joined.end(), [&](const PlannedExercise* planned) {
      return same_family(left->exercise, planned->exercise);
    });
    // Its harder form, due by this week, that the budget then left out.
    const auto harder = std::find_if(catalogue.exercises.begin(), catalogue.exercises.end(), [&](const Exercise& e) {
      return e.variant_of == left->exercise.id && e.from_week != 0 && e.from_week <= week.week &&
             !has_exercise(week, e.id);
    });
    if (replacement != joined.end()) {
      week.changes.push_back(
          fmt::format("{} takes the place of {} from this week", (*replacement)->exercise.name, left->exercise.name));
      joined.erase(replacement);
    } else if (harder != catalogue.exercises.end() && minutes) {
      week.changes.push_back(
          fmt::format("{} gives way to its harder form, {}, from this week; the {} min budget "
                      "leaves that out",
                      left->exercise.name, harder->name, *minutes));
    } else if (minutes) {
      week.changes.push_back(
          fmt::format("{} is left out from this week: with this week's progressions the session "
                      "would run past {} min",
                      left->exercise.name, *minutes));
    } else {
      week.changes.push_back(fmt::format("{} is left out from this week", left->exercise.name));
    }
  }
  for (const PlannedExercise* planned : joined) {
    week.changes.push_back(fmt::format("{} joins the plan this week", planned->exercise.name));
  }
}

}  // namespace

// Each week is planned as `plan --week N` plans it (make_plan at that week,
// its progressions applied, then the budget fitted), so the export and the
// plan of a week agree by construction and no week runs past the budget.
// The weeks share one memo: a week whose exercises and doses are the same as
// an earlier one's is not solved again.
void passes::schedule_weeks(const PlanInput& in, Draft& draft) {
  const Request& request = in.request;
  if (request.weeks <= 1) {
    return;
  }
  const int last = request.week + request.weeks - 1;
  WeekMemo own;  // for a pass run on its own, without make_plan's memo
  WeekMemo& weeks = in.weeks != nullptr ? *in.weeks : own;
  for (int week = request.week; week <= last; ++week) {
    Request one = request;
    one.week = week;
    one.weeks = 1;
    one.advise = false;  // the plan's own advice is the first week's
    Plan plan = make_plan_sharing(in.catalogue, one, weeks);
    PlannedWeek planned{week, std::move(plan.phases), std::move(plan.sessions), plan.seconds, plan.over_budget, {}};
    if (!draft.planned_weeks.empty()) {
      compare_weeks(in.catalogue, draft.planned_weeks.back(), planned, request.minutes, draft.schedule);
    }
    draft.planned_weeks.push_back(std::move(planned));
  }
}

}  // namespace valgus
