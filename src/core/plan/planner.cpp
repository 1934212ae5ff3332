#include "core/plan/planner.hpp"

#include "core/model/dose.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/resolve.hpp"
#include "core/plan/week_store.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace valgus {

std::size_t Plan::exercise_count() const {
  std::size_t count = 0;
  for (const auto& phase : phases) {
    count += phase.exercises.size();
  }
  return count;
}

std::string_view to_string(AdjustmentKind kind) {
  switch (kind) {
    case AdjustmentKind::substituted: return "substituted";
    case AdjustmentKind::left_out: return "left-out";
    case AdjustmentKind::unlock: return "unlock";
    case AdjustmentKind::time: return "time";
    case AdjustmentKind::side: return "side";
    case AdjustmentKind::position: return "position";
    case AdjustmentKind::progressed: return "progressed";
  }
  return "substituted";
}

std::string_view to_string(UncoveredWhy why) {
  switch (why) {
    case UncoveredWhy::not_in_catalogue: return "not-in-catalogue";
    case UncoveredWhy::no_equipment: return "no-equipment";
    case UncoveredWhy::no_room: return "no-room";
  }
  return "no-room";
}

PlannedExercise describe_exercise(const Catalogue& catalogue, const Exercise& exercise) {
  PlannedExercise planned;
  planned.exercise = exercise;
  planned.dose = exercise.dose;
  for (const auto& target : exercise.targets) {
    planned.target_names.push_back(catalogue.muscle_name(target));
  }
  for (const auto& item : exercise.equipment) {
    const Equipment* known = catalogue.find_equipment(item);
    if (known == nullptr || !known->household) {
      planned.equipment_names.push_back(catalogue.equipment_name(item));
    }
  }
  planned.seconds = estimate_seconds(planned.dose);
  return planned;
}

void sort_in_plan_order(std::vector<PlannedExercise>& exercises) {
  std::stable_sort(exercises.begin(), exercises.end(), [](const PlannedExercise& a, const PlannedExercise& b) {
    return std::make_pair(a.exercise.phase, a.exercise.region) < std::make_pair(b.exercise.phase, b.exercise.region);
  });
}

PlanInput resolve_input(const Catalogue& catalogue, const Request& request) {
  check_request(request);
  PlanInput input{catalogue, request, resolve_problems(catalogue, request.problems), std::nullopt};
  if (!request.when.empty()) {
    input.position = require_position(catalogue, request.when);
  }
  return input;
}

void check_plan_request(const Catalogue& catalogue, const Request& request) { (void)resolve_input(catalogue, request); }

void passes::assemble_phases(const PlanInput& /*in*/, Draft& draft) {
  std::vector<PlannedPhase> phases;
  for (const Phase phase : all_phases) {
    phases.push_back(PlannedPhase{phase, {}, 0, {}});
  }
  for (const auto& adjustment : draft.adjustments) {
    if (adjustment.kind == AdjustmentKind::unlock) {
      phases[static_cast<std::size_t>(adjustment.phase)].empty_reason = adjustment.text;
    }
  }
  for (auto& planned : draft.exercises) {
    auto& phase = phases[static_cast<std::size_t>(planned.exercise.phase)];
    phase.seconds += planned.seconds;
    phase.exercises.push_back(std::move(planned));
  }
  draft.exercises.clear();  // moved into the phases
  for (auto& phase : phases) {
    if (!phase.exercises.empty()) {
      phase.empty_reason.clear();
    } else if (phase.empty_reason.empty()) {
      const std::string& by_time = draft.time_emptied[static_cast<std::size_t>(phase.phase)];
      phase.empty_reason =
          by_time.empty() ? "nothing in the catalogue fits this phase for the problems chosen" : by_time;
    }
  }
  draft.phases = std::move(phases);
}

Plan make_plan(const Catalogue& catalogue, const Request& request, WeekStore* kept) {
  WeekMemo weeks(kept);
  return make_plan_sharing(catalogue, request, weeks);
}

Plan make_plan_sharing(const Catalogue& catalogue, const Request& request, WeekMemo& weeks) {
  PlanInput input = resolve_input(catalogue, request);
  input.weeks = &weeks;

  // The pipeline, in order. Each pass reads the input and refines the draft.
  static constexpr std::array pipeline{
      passes::select,              // the rule engine: problems to exercises, with reasons
      passes::fit_equipment,       // substitute or leave out what needs missing equipment
      passes::choose_forms,        // the banded form of a movement from its week
      passes::keep_muscles_apart,  // never strengthen a muscle the plan loosens
      passes::apply_week,          // the progressions due by the week
      passes::apply_side,          // an extra set on the side that caves more
      passes::estimate_time,       // seconds for each dose as adjusted
      passes::order,               // plan order, the position's exercises first
      passes::fit_budget,          // a full routine: the best choice within the minutes
      passes::plan_sessions,       // a week: sessions within the minutes and exercise count
      passes::state_adjustments,   // what the final exercises have: progressions, side, position
      passes::schedule_weeks,      // what changes in the programme's later weeks
      passes::teach_skills,        // a skill cued but not planned is taught where first needed
      passes::assemble_phases,     // the four phases, with times and empty reasons
  };
  Draft draft;
  for (const passes::Pass pass : pipeline) {
    pass(input, draft);
  }

  Plan plan;
  for (const Problem* problem : input.problems) {
    plan.problems.push_back(*problem);
  }
  plan.phases = std::move(draft.phases);
  plan.sessions = std::move(draft.sessions);
  plan.uncovered = std::move(draft.uncovered);
  plan.left_out = std::move(draft.left_out);
  plan.fits_with = draft.fits_with;
  plan.days = request.days;
  plan.max_exercises = request.max_exercises;
  for (const auto& phase : plan.phases) {
    plan.seconds += phase.seconds;
  }
  if (!plan.days.empty()) {
    // A week: its longest session, what the budget bounds.
    plan.seconds = 0;
    for (const auto& session : plan.sessions) {
      plan.seconds = std::max(plan.seconds, session.seconds);
    }
  }
  // Never by construction (the optimiser keeps every choice within the
  // budget); computed rather than assumed, for the JSON key scripts read.
  draft.over_budget = request.minutes && plan.seconds > std::int64_t{*request.minutes} * 60;
  plan.week = request.week;
  plan.weeks = request.weeks;
  plan.budget_minutes = request.minutes;
  plan.over_budget = draft.over_budget;
  plan.position = input.position;
  plan.adjustments = std::move(draft.adjustments);
  plan.schedule = std::move(draft.schedule);
  plan.planned_weeks = std::move(draft.planned_weeks);
  for (const Habit& habit : catalogue.habits) {
    const bool feeds = std::any_of(input.problems.begin(), input.problems.end(), [&](const Problem* problem) {
      return std::find(habit.not_for.begin(), habit.not_for.end(), problem->id) != habit.not_for.end();
    });
    if (!feeds) {
      plan.habits.push_back(habit);
    }
  }
  // Notes as habits: chosen by the plan's problems.
  const auto treats = [&](const std::vector<std::string>& ids) {
    return std::any_of(input.problems.begin(), input.problems.end(), [&](const Problem* problem) {
      return std::find(ids.begin(), ids.end(), problem->id) != ids.end();
    });
  };
  for (const Note& note : catalogue.notes) {
    if ((note.only_for.empty() || treats(note.only_for)) && !treats(note.not_for)) {
      plan.notes.push_back(note);
    }
  }
  plan.progression_rules = catalogue.progression_rules;
  plan.symptoms = catalogue.symptoms;
  plan.equipment_assumed = !request.equipment.has_value();
  if (plan.equipment_assumed) {
    for (const Equipment& item : catalogue.equipment) {
      const bool used = !item.household && std::any_of(plan.phases.begin(), plan.phases.end(), [&](const auto& phase) {
        return std::any_of(phase.exercises.begin(), phase.exercises.end(), [&](const PlannedExercise& planned) {
          const auto& needs = planned.exercise.equipment;
          return std::find(needs.begin(), needs.end(), item.id) != needs.end();
        });
      });
      if (used) {
        plan.assumed_equipment.push_back(item.name);
      }
    }
  }
  return plan;
}

}  // namespace valgus
