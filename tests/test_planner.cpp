#include "fixtures.hpp"
#include "valgus/planner.hpp"

#include <doctest/doctest.h>

#include <string>

using valgus::make_plan;
using valgus::Phase;
using valgus::Request;

namespace {

std::vector<std::string> ids(const valgus::PlannedPhase& phase) {
  std::vector<std::string> out;
  for (const auto& planned : phase.exercises) {
    out.push_back(planned.exercise.id);
  }
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("release and stretch meet overactive muscles, strengthen meets underactive ones") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto plan = make_plan(catalogue, valgus::test::request_for({"ankle", "hip"}));
  REQUIRE(plan.phases.size() == 4);
  // Problems in catalogue order whatever order they were given in.
  REQUIRE(plan.problems.size() == 2);
  CHECK(plan.problems[0].id == "hip");
  CHECK(plan.problems[1].id == "ankle");
  // Region order (hip before ankle) beats catalogue order (calf-roll is first).
  CHECK(ids(plan.phases[0]) == Ids{"adductor-roll", "calf-roll"});
  CHECK(plan.phases[1].phase == Phase::stretch);
  CHECK(plan.phases[1].exercises.empty());
  CHECK(ids(plan.phases[2]) == Ids{"clam", "short-foot"});
  CHECK(ids(plan.phases[3]) == Ids{"balance"});
  CHECK(plan.exercise_count() == 5);
}

TEST_CASE("every exercise says why it is there") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto plan = make_plan(catalogue, valgus::test::request_for({"hip", "ankle"}));
  const auto& calf = plan.phases[0].exercises[1];
  REQUIRE(calf.reasons.size() == 1);
  CHECK(calf.reasons[0].problem_id == "ankle");
  CHECK(calf.reasons[0].problem_name == "pronation");
  CHECK(calf.reasons[0].muscle_ids == Ids{"calves"});
  // Groups meet muscles: clam targets "glutes", the problem names gluteus medius.
  const auto& clam = plan.phases[2].exercises[0];
  REQUIRE(clam.reasons.size() == 1);
  CHECK(clam.reasons[0].muscle_names == Ids{"gluteus medius"});
  // Integration serves every problem chosen.
  const auto& balance = plan.phases[3].exercises[0];
  REQUIRE(balance.reasons.size() == 2);
  CHECK(balance.reasons[0].problem_id == "hip");
  CHECK(balance.reasons[1].problem_id == "ankle");
  CHECK(balance.reasons[1].muscle_ids.empty());
}

TEST_CASE("time estimates add up per phase and in total") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto plan = make_plan(catalogue, valgus::test::request_for({"hip", "ankle"}));
  CHECK(plan.phases[0].exercises[0].seconds == 85);
  CHECK(plan.phases[0].exercises[1].seconds == 145);
  CHECK(plan.phases[0].seconds == 230);
  CHECK(plan.phases[1].seconds == 0);
  CHECK(plan.phases[2].seconds == 305 + 175);
  CHECK(plan.phases[3].seconds == 85);
  CHECK(plan.seconds == 795);
}

TEST_CASE("one problem, no duplicates, variants left out, habits and notes carried") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto plan = make_plan(catalogue, valgus::test::request_for({"hip", "hip"}));
  REQUIRE(plan.problems.size() == 1);
  CHECK(ids(plan.phases[0]) == Ids{"adductor-roll"});  // not its ball variant
  CHECK(ids(plan.phases[2]) == Ids{"clam"});
  CHECK(ids(plan.phases[3]) == Ids{"balance"});
  REQUIRE(plan.habits.size() == 1);
  CHECK(plan.habits[0].id == "w-sitting");
  REQUIRE(plan.notes.size() == 1);
  CHECK(plan.notes[0].id == "safety");
}

TEST_CASE("equipment names list only what a household lacks") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto planned = valgus::describe_exercise(catalogue, *catalogue.find_exercise("calf-roll"));
  CHECK(planned.equipment_names == Ids{"foam roller"});
  CHECK(planned.target_names == Ids{"calves"});
  CHECK(planned.reasons.empty());
}

TEST_CASE("usage errors name the valid choices") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK_THROWS_WITH((void)make_plan(catalogue, valgus::Request()),
                    "no problem given; choose one or more of --hip, --ankle (or --all)");
  CHECK_THROWS_WITH((void)make_plan(catalogue, valgus::test::request_for({"ankel"})),
                    "unknown problem \"ankel\" (did you mean \"ankle\"?); valid problems: hip, ankle");
  CHECK_THROWS_WITH((void)valgus::require_phase("strech"),
                    "unknown phase \"strech\" (did you mean \"stretch\"?); valid phases: release, stretch, strengthen, "
                    "integrate");
  try {
    (void)make_plan(catalogue, valgus::test::request_for({"knee"}));
    FAIL("no error");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == valgus::ExitCode::usage);
  }
}

TEST_CASE("equipment lists") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK(valgus::parse_equipment_list(catalogue, "none").empty());
  CHECK(valgus::parse_equipment_list(catalogue, "band, foam-roller,band") == Ids{"band", "foam-roller"});
  CHECK_THROWS_WITH((void)valgus::parse_equipment_list(catalogue, "bandd"),
                    "unknown equipment \"bandd\" (did you mean \"band\"?); valid equipment: none, foam-roller, band");
  const auto& roll = *catalogue.find_exercise("calf-roll");
  CHECK_FALSE(valgus::can_do_with(catalogue, roll, {}));
  CHECK(valgus::can_do_with(catalogue, roll, {"foam-roller"}));  // the floor is always there
  CHECK(valgus::can_do_with(catalogue, *catalogue.find_exercise("clam"), {}));
}

TEST_CASE("serves and matching_muscles drive list --problem") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto& hip = *catalogue.find_problem("hip");
  CHECK(valgus::serves(catalogue, hip, *catalogue.find_exercise("adductor-roll")));
  CHECK_FALSE(valgus::serves(catalogue, hip, *catalogue.find_exercise("calf-roll")));
  CHECK(valgus::serves(catalogue, hip, *catalogue.find_exercise("balance")));
  CHECK(valgus::matching_muscles(catalogue, hip, *catalogue.find_exercise("clam")) == Ids{"gluteus-medius"});
}
