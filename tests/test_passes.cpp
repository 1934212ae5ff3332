// The planner's passes one by one: each takes the input and a draft and
// changes only what it names. make_plan is these passes in order.
#include "core/model/dose.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/planner.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using valgus::Phase;
using valgus::test::ids;
using valgus::test::texts;

namespace {

using Ids = std::vector<std::string>;

valgus::Request personal(std::vector<std::string> problems) { return valgus::test::request_for(std::move(problems)); }

}  // namespace

namespace {

namespace passes = valgus::passes;

Ids draft_ids(const valgus::Draft& draft) {
  Ids out;
  for (const auto& planned : draft.exercises) {
    out.push_back(planned.exercise.id);
  }
  return out;
}

const valgus::PlannedExercise& planned_named(const valgus::Draft& draft, const std::string& id) {
  const auto found = std::find_if(draft.exercises.begin(), draft.exercises.end(),
                                  [&](const valgus::PlannedExercise& p) { return p.exercise.id == id; });
  REQUIRE(found != draft.exercises.end());
  return *found;
}

}  // namespace

TEST_CASE("pass select: the rule engine's exercises, in plan order, nothing adjusted") {
  const auto catalogue = valgus::test::personal_catalogue();
  const auto input = valgus::resolve_input(catalogue, personal({"ankle", "hip"}));
  valgus::Draft draft;
  passes::select(input, draft);
  CHECK(draft_ids(draft) ==
        Ids{"adductor-roll", "calf-roll", "band-stretch", "clam", "band-walk", "short-foot", "squat", "balance"});
  CHECK(draft.adjustments.empty());
}

TEST_CASE("pass fit_equipment: nothing to do unless the equipment is said") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = personal({"hip"});
  valgus::Draft draft;
  passes::select(valgus::resolve_input(catalogue, request), draft);
  passes::fit_equipment(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft_ids(draft) == Ids{"adductor-roll", "clam", "band-walk", "squat", "balance"});
  CHECK(draft.adjustments.empty());

  request.equipment = std::vector<std::string>{"foam-roller"};
  passes::fit_equipment(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft_ids(draft) == Ids{"adductor-roll", "clam", "squat", "balance"});
  CHECK(texts(draft) == Ids{"left-out: no resistance band: Band walk left out (Clam is in the plan)"});
}

TEST_CASE("pass apply_week: progressions due by the week, not yet the time") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = personal({"hip"});
  request.week = 2;
  const auto input = valgus::resolve_input(catalogue, request);
  valgus::Draft draft;
  passes::select(input, draft);
  const std::int64_t seconds = planned_named(draft, "squat").seconds;
  passes::apply_week(input, draft);
  const auto& squat = planned_named(draft, "squat");
  CHECK(squat.progress == Ids{"Hold at the bottom."});
  CHECK(valgus::format_dose(squat.dose) == "2 × 10 reps, hold 3 s");
  CHECK(squat.seconds == seconds);   // estimate_time's job
  CHECK(draft.adjustments.empty());  // state_adjustments says so, once the budget is fitted
  passes::state_adjustments(input, draft);
  CHECK(texts(draft) == Ids{"progressed: week 2: Squat: Hold at the bottom."});
}

TEST_CASE("pass apply_side and estimate_time: the extra set, then its time") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = personal({"hip"});
  request.side = valgus::Side::left;
  const auto input = valgus::resolve_input(catalogue, request);
  valgus::Draft draft;
  passes::select(input, draft);
  passes::apply_side(input, draft);
  CHECK(planned_named(draft, "adductor-roll").dose.extra_set_side == valgus::Side::both);  // self-massage
  CHECK(planned_named(draft, "clam").dose.extra_set_side == valgus::Side::left);
  CHECK(planned_named(draft, "clam").seconds == 305);
  CHECK(draft.adjustments.empty());  // state_adjustments says so, once the budget is fitted
  passes::state_adjustments(input, draft);
  CHECK(texts(draft) ==
        Ids{"side: left leg caves more: one extra set on the left in each of the 3 one-sided exercises"});
  passes::estimate_time(input, draft);
  CHECK(planned_named(draft, "clam").seconds == 305 + 140 + 20);
  CHECK(planned_named(draft, "adductor-roll").seconds == 85);
}

TEST_CASE("pass order: plan order, then the position's integration exercises first") {
  auto catalogue = valgus::test::personal_catalogue();
  // Balance (region foot) trains squatting and Squat (region hip) does not.
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "balance") {
      exercise.positions = {"squat"};
    } else if (exercise.id == "squat") {
      exercise.positions.clear();
    }
  }
  auto request = personal({"hip"});
  valgus::Draft draft;
  passes::select(valgus::resolve_input(catalogue, request), draft);
  std::reverse(draft.exercises.begin(), draft.exercises.end());
  passes::order(valgus::resolve_input(catalogue, request), draft);
  // Stable: the two strengthen exercises of one region keep the order given.
  CHECK(draft_ids(draft) == Ids{"adductor-roll", "band-walk", "clam", "squat", "balance"});
  CHECK(draft.adjustments.empty());
  request.when = "squat";
  passes::order(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft_ids(draft) == Ids{"adductor-roll", "band-walk", "clam", "balance", "squat"});
  CHECK(draft.adjustments.empty());  // state_adjustments says so, once the budget is fitted
  passes::state_adjustments(valgus::resolve_input(catalogue, request), draft);
  CHECK(texts(draft) == Ids{"position: knee caves when squatting: Balance comes first in the integrate phase"});
}

TEST_CASE("pass fit_budget: what it leaves out, and what would cover the rest") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = personal({"hip", "ankle"});
  const auto prepared = [&] {
    valgus::Draft draft;
    const auto input = valgus::resolve_input(catalogue, request);
    for (const passes::Pass pass : {passes::select, passes::estimate_time, passes::order}) {
      pass(input, draft);
    }
    return draft;
  };
  request.minutes = 20;  // 1160 s fit in 1200
  auto draft = prepared();
  passes::fit_budget(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft.exercises.size() == 8);
  CHECK(draft.adjustments.empty());
  request.minutes = 10;
  draft = prepared();
  passes::fit_budget(valgus::resolve_input(catalogue, request), draft);
  // Both weak muscles strengthened and an integration exercise before any
  // tight muscle is loosened.
  CHECK(draft_ids(draft) == Ids{"adductor-roll", "band-walk", "short-foot", "squat"});
  REQUIRE(draft.uncovered.size() == 1);
  CHECK(draft.uncovered[0].muscle_id == "calves");
  CHECK(draft.fits_with == valgus::FitsWith{11, std::nullopt, std::nullopt});
  // What is missing is facts; the renderers word it.
  REQUIRE(draft.adjustments.size() == 1);
  const valgus::Adjustment& advice = draft.adjustments.back();
  CHECK(advice.kind == valgus::AdjustmentKind::time);
  CHECK(advice.text.empty());
  REQUIRE(advice.shortfall);
  CHECK_FALSE(advice.shortfall->week);
  CHECK(advice.shortfall->limits == valgus::SessionLimits{1, 10, std::nullopt});
  REQUIRE(advice.shortfall->uncovered.size() == 1);
  CHECK(advice.shortfall->uncovered[0].problem_id == "ankle");
  CHECK(advice.shortfall->uncovered[0].phase == Phase::release);
  CHECK(advice.shortfall->uncovered[0].why == valgus::UncoveredWhy::no_room);
  CHECK(advice.shortfall->left_out.empty());
  CHECK(advice.shortfall->fits_with == valgus::FitsWith{11, std::nullopt, std::nullopt});
  // A week is not fitted here: plan_sessions does that.
  request.days = {0, 2, 4};
  draft = prepared();
  passes::fit_budget(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft.exercises.size() == 8);
}

TEST_CASE("pass assemble_phases: four phases, their times, and why one is empty") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto input = valgus::resolve_input(catalogue, personal({"hip"}));
  valgus::Draft draft;
  passes::select(input, draft);
  draft.adjustments.push_back({valgus::AdjustmentKind::unlock, "nothing fits", Phase::release});
  passes::assemble_phases(input, draft);
  CHECK(draft.exercises.empty());
  REQUIRE(draft.phases.size() == 4);
  CHECK(ids(draft.phases[0]) == Ids{"adductor-roll"});
  CHECK(draft.phases[0].empty_reason.empty());  // not empty after all
  CHECK(draft.phases[0].seconds == 85);
  CHECK(draft.phases[1].empty_reason == "nothing in the catalogue fits this phase for the problems chosen");
  CHECK(draft.phases[2].seconds == 305);
  CHECK(draft.phases[3].phase == Phase::integrate);
}

TEST_CASE("make_plan is its passes: the same plan by hand") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = personal({"hip", "ankle"});
  request.equipment = std::vector<std::string>{"band"};
  request.minutes = 15;
  request.side = valgus::Side::right;
  request.when = "squat";
  request.week = 2;
  request.weeks = 3;
  const auto input = valgus::resolve_input(catalogue, request);
  valgus::Draft draft;
  for (const passes::Pass pass : {passes::select, passes::fit_equipment, passes::apply_week, passes::apply_side,
                                  passes::estimate_time, passes::order, passes::fit_budget, passes::state_adjustments,
                                  passes::schedule_weeks, passes::assemble_phases}) {
    pass(input, draft);
  }
  const auto plan = make_plan(catalogue, request);
  CHECK(texts(plan) == texts(draft));
  REQUIRE(plan.phases.size() == draft.phases.size());
  for (std::size_t p = 0; p < plan.phases.size(); ++p) {
    CHECK(ids(plan.phases[p]) == ids(draft.phases[p]));
  }
}
