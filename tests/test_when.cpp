// --when trains the position: its drills join the plan, its exercises come
// first in the integrate phase, and the budget keeps the last one.

#include "core/model/text.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/planner.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using valgus::test::trains;

namespace {

using Ids = std::vector<std::string>;

Ids ids_of(const valgus::PlannedPhase& phase) {
  Ids out;
  for (const auto& planned : phase.exercises) {
    out.push_back(planned.exercise.id);
  }
  return out;
}

Ids texts(const valgus::Plan& plan) {
  Ids out;
  for (const auto& adjustment : plan.adjustments) {
    out.push_back(std::string(valgus::to_string(adjustment.kind)) + ": " + adjustment.text);
  }
  return out;
}

// Every non-empty subset of the catalogue's problems, in mask order.

// The fixture with Balance made a squat drill.
valgus::Catalogue with_balance_drill() {
  auto catalogue = valgus::test::personal_catalogue();
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "balance") {
      exercise.drill = true;
      exercise.positions = {"squat"};
    }
  }
  return catalogue;
}

}  // namespace

TEST_CASE("a drill is planned only when --when names one of its positions") {
  const auto catalogue = with_balance_drill();
  auto request = valgus::test::request_for({"hip"});
  CHECK(ids_of(make_plan(catalogue, request).phases[3]) == Ids{"squat"});
  request.when = "standing";
  CHECK(ids_of(make_plan(catalogue, request).phases[3]) == Ids{"squat"});
  request.when = "squat";
  const auto plan = valgus::make_plan(catalogue, request);
  // The drill first, then the other exercise that trains the position.
  CHECK(ids_of(plan.phases[3]) == Ids{"balance", "squat"});
  CHECK(texts(plan) == Ids{"position: knee caves when squatting: Balance, Squat come first in the integrate phase"});
}

TEST_CASE("pass select: a drill only for its position") {
  const auto catalogue = with_balance_drill();
  auto request = valgus::test::request_for({"hip"});
  valgus::Draft draft;
  valgus::passes::select(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft.exercises.size() == 4);
  CHECK(draft.exercises.back().exercise.id == "squat");
  request.when = "squat";
  draft = valgus::Draft{};
  valgus::passes::select(valgus::resolve_input(catalogue, request), draft);
  CHECK(draft.exercises.size() == 5);
  CHECK(draft.exercises.back().exercise.id == "balance");  // plan order: region foot after hip
}

TEST_CASE("a session keeps its integration exercise, the one training the position, and names what it cannot hold") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = valgus::test::request_for({"hip"});
  request.when = "squat";
  request.minutes = 2;
  // Squat (optional, 95 s) is the only exercise training squatting; every
  // session has an integration exercise, so two minutes hold Squat alone and
  // name the adductors' only release, left out.
  const auto short_plan = valgus::make_plan(catalogue, request);
  CHECK(ids_of(short_plan.phases[3]) == Ids{"squat"});
  CHECK(short_plan.exercise_count() == 1);
  REQUIRE(short_plan.left_out.size() == 1);
  CHECK(short_plan.left_out[0].id == "adductor-roll");
  CHECK(short_plan.left_out[0].why == valgus::LeftOutWhy::only_exercise);
  CHECK(short_plan.uncovered.size() == 2);
  // Adductor roll, Band walk and Squat: 365 s.
  CHECK(short_plan.fits_with == valgus::FitsWith{7, std::nullopt, std::nullopt});
  request.minutes = 3;
  const auto plan = valgus::make_plan(catalogue, request);
  CHECK(ids_of(plan.phases[3]) == Ids{"squat"});
  CHECK(plan.exercise_count() == 2);
  CHECK_FALSE(plan.over_budget);
  CHECK(texts(plan).back() == "position: knee caves when squatting: Squat comes first in the integrate phase");
}

TEST_CASE("property: every position x problem set x budget trains the position first in integrate") {
  const auto catalogue = valgus::builtin_catalogue();
  const std::vector<std::vector<std::string>> kits{{}, {"band", "foam-roller", "massage-ball"}};
  int plans = 0;
  for (const auto& position : catalogue.positions) {
    for (const auto& problems : valgus::test::problem_sets(catalogue)) {
      for (const auto& kit : kits) {
        for (const int minutes : {10, 15, 20, 30}) {
          auto request = valgus::test::request_for(problems);
          request.when = position.id;
          request.minutes = minutes;
          request.equipment = kit;
          const auto plan = valgus::make_plan(catalogue, request);
          ++plans;
          INFO(position.id, " / ", valgus::join(problems, ","), " / ", valgus::join(kit, ","), " / ", minutes);
          const auto& integrate = plan.phases[3].exercises;
          REQUIRE_FALSE(integrate.empty());  // every session retrains the movement
          // The position first, or named as left out when the muscles' work
          // takes the minutes.
          const bool left_out = std::any_of(plan.left_out.begin(), plan.left_out.end(),
                                            [](const auto& e) { return e.why == valgus::LeftOutWhy::position_drill; });
          CHECK(trains(integrate.front().exercise, position.id) != left_out);
          // Drills of other positions never come in.
          for (const auto& planned : integrate) {
            CHECK((!planned.exercise.drill || trains(planned.exercise, position.id)));
          }
        }
      }
    }
  }
  CHECK(plans == 4 * static_cast<int>(valgus::test::problem_sets(catalogue).size()) * 2 * 4);
}

TEST_CASE("property: without --when no drill is planned; with it every drill of the position is") {
  const auto catalogue = valgus::builtin_catalogue();
  for (const auto& problems : valgus::test::problem_sets(catalogue)) {
    auto request = valgus::test::request_for(problems);
    for (const auto& phase : valgus::make_plan(catalogue, request).phases) {
      for (const auto& planned : phase.exercises) {
        CHECK_FALSE(planned.exercise.drill);
      }
    }
  }
  for (const auto& position : catalogue.positions) {
    auto request = valgus::test::request_for({catalogue.problem_ids().front()});
    request.when = position.id;
    const auto plan = valgus::make_plan(catalogue, request);
    const Ids planned = ids_of(plan.phases[3]);
    for (const auto& exercise : catalogue.exercises) {
      // A harder drill joins from its week (the single-leg hop never in week 1).
      if (exercise.drill && exercise.variant_of.empty() && exercise.from_week <= 1 && trains(exercise, position.id)) {
        INFO(position.id, " / ", exercise.id);
        CHECK(std::find(planned.begin(), planned.end(), exercise.id) != planned.end());
      }
    }
  }
}

TEST_CASE("the built-in catalogue has a drill for landing and for running") {
  const auto catalogue = valgus::builtin_catalogue();
  for (const std::string position : {"landing", "running", "squat"}) {
    INFO(position);
    CHECK(std::any_of(catalogue.exercises.begin(), catalogue.exercises.end(),
                      [&](const valgus::Exercise& e) { return e.drill && trains(e, position); }));
  }
}
