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

namespace {

using Ids = std::vector<std::string>;

bool trains(const valgus::Exercise& exercise, const std::string& position) {
  return std::find(exercise.positions.begin(), exercise.positions.end(), position) != exercise.positions.end();
}

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

TEST_CASE("the budget never leaves out the last exercise training the position") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = valgus::test::request_for({"hip"});
  request.minutes = 2;
  // Squat is optional (priority 3) and the only one training squatting; two
  // minutes hold one integration exercise.
  const auto without = valgus::make_plan(catalogue, request);
  CHECK(ids_of(without.phases[3]) == Ids{"balance"});
  request.when = "squat";
  const auto with = valgus::make_plan(catalogue, request);
  CHECK(ids_of(with.phases[3]) == Ids{"squat"});  // Balance goes: Squat serves every problem too
  CHECK_FALSE(with.over_budget);
  CHECK(texts(with).back() == "position: knee caves when squatting: Squat comes first in the integrate phase");
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
          REQUIRE_FALSE(integrate.empty());
          CHECK(trains(integrate.front().exercise, position.id));
          // Drills of other positions never come in.
          for (const auto& planned : integrate) {
            CHECK((!planned.exercise.drill || trains(planned.exercise, position.id)));
          }
        }
      }
    }
  }
  CHECK(plans == 4 * 31 * 2 * 4);
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
      if (exercise.drill && exercise.variant_of.empty() && trains(exercise, position.id)) {
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
