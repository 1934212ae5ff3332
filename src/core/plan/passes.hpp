#pragma once

// The planner's passes (internal to core/): make_plan resolves the request
// into a PlanInput, then runs each pass over one Draft. A pass reads the
// input, refines the draft's exercises and appends what it adjusted, in
// plan order; the order of the passes is make_plan's pass list.

#include "core/catalogue/catalogue.hpp"
#include "core/model/model.hpp"
#include "core/plan/planner.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace valgus {

class WeekMemo;  // core/plan/week_store.hpp

// What every pass reads: the catalogue and the request, resolved.
struct PlanInput {
  const Catalogue& catalogue;
  Request request;                       // checked: week and minutes in range
  std::vector<const Problem*> problems;  // each once, in catalogue order
  std::optional<Position> position;      // where the knee caves, when said
  WeekMemo* weeks = nullptr;             // the weeks solved by this plan and the weeks it plans
};

// What the passes build: the exercises chosen so far (in the order the last
// pass left them) and every adjustment, in the order the passes made them.
struct Draft {
  std::vector<PlannedExercise> exercises;
  std::vector<Adjustment> adjustments;
  bool over_budget = false;                // set by make_plan, from the final times
  std::vector<ScheduledChange> schedule;   // set by schedule_weeks
  std::vector<PlannedSession> sessions;    // set by plan_sessions
  std::vector<UncoveredMuscle> uncovered;  // set by fit_budget or plan_sessions
  std::vector<LeftOutExercise> left_out;   // the same
  FitsWith fits_with;                      // the same
  // Why a phase the time emptied is empty (by phase), set by the same.
  std::array<std::string, 4> time_emptied;
  std::vector<PlannedWeek> planned_weeks;  // set by schedule_weeks
  std::vector<PlannedPhase> phases;        // set by assemble_phases, last
};

// make_plan, sharing `weeks` with the plan that asks (an export's weeks).
[[nodiscard]] Plan make_plan_sharing(const Catalogue& catalogue, const Request& request, WeekMemo& weeks);

// Checks the request and resolves its problem ids and position, in that
// order (so errors come in that order). Throws Error(usage).
[[nodiscard]] PlanInput resolve_input(const Catalogue& catalogue, const Request& request);
// The input keeps a reference to the catalogue: never a temporary.
PlanInput resolve_input(const Catalogue&& catalogue, const Request& request) = delete;

namespace passes {

using Pass = void (*)(const PlanInput& in, Draft& draft);

// The rule engine: the release, stretch and strengthen exercises whose
// targets meet the problems' muscles, and every integration exercise (a
// position drill only when the request's position is one of its positions),
// each with its reasons, in plan order (so adjustments are reported in it).
void select(const PlanInput& in, Draft& draft);
// With request.equipment: substitutes or leaves out what needs equipment the
// person lacks, and names the item that would unlock an emptied phase.
void fit_equipment(const PlanInput& in, Draft& draft);
// The form of each movement due by request.week: a variant with a from_week
// (the banded form) takes its main exercise's place from that week when its
// equipment is there.
void choose_forms(const PlanInput& in, Draft& draft);
// No muscle both loosened and strengthened: a strengthen exercise working a
// muscle that a release or stretch exercise of the plan works is replaced by
// one that serves the same problems without it, or left out (the policy is
// in passes_conflicts.cpp).
void keep_muscles_apart(const PlanInput& in, Draft& draft);
// Progressions due by request.week, cumulatively (state_adjustments says so).
void apply_week(const PlanInput& in, Draft& draft);
// One extra set on the side that caves more, in the one-sided exercises
// (state_adjustments says so).
void apply_side(const PlanInput& in, Draft& draft);
// Every exercise's time for its dose as adjusted so far.
void estimate_time(const PlanInput& in, Draft& draft);
// Plan order (phase, region, catalogue), then the integration exercises that
// train the position where the knee caves first, its drills before the rest.
void order(const PlanInput& in, Draft& draft);
// A full routine with request.minutes: the best choice within the budget
// (core/optimiser), and what more minutes would cover.
void fit_budget(const PlanInput& in, Draft& draft);
// A week (request.days): sessions within the minutes and exercise count, each
// with an integration exercise, covering every (problem, phase) pair when it
// fits, repeating what a phase's weekly frequency asks; what is left out, and
// the minutes or days that would cover it.
void plan_sessions(const PlanInput& in, Draft& draft);
// The progressions, the side and the position as the final exercises have
// them: after every pass that can leave an exercise out.
void state_adjustments(const PlanInput& in, Draft& draft);
// With request.weeks > 1: every week planned by make_plan at that week (so
// no week runs past the budget and `plan --week N` is week N), what changes
// in which later week, and the dose.
void schedule_weeks(const PlanInput& in, Draft& draft);
// Each skill an exercise relies on (short foot) is taught in one line at the
// first exercise relying on it, unless the skill's own exercise came before.
void teach_skills(const PlanInput& in, Draft& draft);
// The exercises moved into the four phases, with their times and why an
// empty phase is empty.
void assemble_phases(const PlanInput& in, Draft& draft);

}  // namespace passes

// The later form of `main` due by `week` with the person's equipment (the
// variant with the greatest from_week not after it); null when none is.
[[nodiscard]] const Exercise* form_due(const PlanInput& in, const Exercise& main, int week);

// Whether `exercise` may be planned for `position`: it is no drill, or a
// drill for that position (the one --when names).
[[nodiscard]] bool drill_allowed(const Exercise& exercise, const std::optional<Position>& position);

// Whether `planned` trains `position` (the one --when names), when said.
[[nodiscard]] bool trains_position(const PlannedExercise& planned, const std::optional<Position>& position);

// Whether two exercises work a muscle in common, groups expanded (the rule
// engine's test for an integration substitute).
[[nodiscard]] bool shares_muscle(const Catalogue& catalogue, const Exercise& a, const Exercise& b);

}  // namespace valgus
