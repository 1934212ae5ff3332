#include "core/plan/planner.hpp"
#include "core/plan/resolve.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using Ids = std::vector<std::string>;

Ids ids_of(const std::vector<const valgus::Problem*>& problems) {
  Ids out;
  for (const valgus::Problem* problem : problems) {
    out.push_back(problem->id);
  }
  return out;
}

}  // namespace

TEST_CASE("usage errors name the valid choices") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, valgus::Request()),
                    "no problem given; valid problems: hip, ankle");
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, valgus::test::request_for({"ankel"})),
                    "unknown problem \"ankel\" (did you mean \"ankle\"?); valid problems: hip, ankle");
  CHECK_THROWS_WITH((void)valgus::require_phase("strech"),
                    "unknown phase \"strech\" (did you mean \"stretch\"?); valid phases: release, stretch, strengthen, "
                    "integrate");
  try {
    (void)valgus::make_plan(catalogue, valgus::test::request_for({"knee"}));
    FAIL("no error");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == valgus::ExitCode::usage);
  }
}

TEST_CASE("problems resolve to catalogue entries, each once, in catalogue order") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK(ids_of(valgus::resolve_problems(catalogue, {"ankle", "hip", "ankle"})) == Ids{"hip", "ankle"});
  CHECK(valgus::resolve_problems(catalogue, {"ankle"}).front() == catalogue.find_problem("ankle"));
  CHECK_THROWS_WITH((void)valgus::resolve_problems(catalogue, {}), "no problem given; valid problems: hip, ankle");
  // The first unknown id is the one reported.
  CHECK_THROWS_WITH((void)valgus::resolve_problems(catalogue, {"hip", "zzz", "ankel"}),
                    "unknown problem \"zzz\"; valid problems: hip, ankle");
  CHECK(valgus::require_problem(catalogue, "hip").name == "hip rotation");
  CHECK(valgus::require_phase("integrate") == valgus::Phase::integrate);
}

TEST_CASE("positions resolve or name the valid ones") {
  const auto catalogue = valgus::test::personal_catalogue();
  CHECK(valgus::require_position(catalogue, "squat").name == "squatting");
  CHECK_THROWS_WITH((void)valgus::require_position(catalogue, "squatt"),
                    "unknown position \"squatt\" (did you mean \"squat\"?); valid positions: standing, squat");
  CHECK_THROWS_WITH((void)valgus::require_position(valgus::test::fixture_catalogue(), "squat"),
                    "unknown position \"squat\"; valid positions: ");
}

TEST_CASE("equipment lists") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK(valgus::parse_equipment_list(catalogue, "none").empty());
  CHECK(valgus::parse_equipment_list(catalogue, "").empty());
  CHECK(valgus::parse_equipment_list(catalogue, "band, foam-roller,band") == Ids{"band", "foam-roller"});
  CHECK_THROWS_WITH((void)valgus::parse_equipment_list(catalogue, "bandd"),
                    "unknown equipment \"bandd\" (did you mean \"band\"?); valid equipment: none, foam-roller, band, "
                    "mini-band");
  // The words people type: names and aliases, any case, "-", "_" or spaces.
  CHECK(valgus::parse_equipment_list(catalogue, "resistance band") == Ids{"band"});
  CHECK(valgus::parse_equipment_list(catalogue, "Resistance  Band,FOAM_ROLL") == Ids{"band", "foam-roller"});
  CHECK(valgus::parse_equipment_list(catalogue, "bands, band, none") == Ids{"band"});
  CHECK(valgus::parse_equipment_list(catalogue, "floor space") == Ids{"floor"});
  CHECK_THROWS_WITH((void)valgus::parse_equipment_list(catalogue, "resistance bnd"),
                    "unknown equipment \"resistance bnd\" (did you mean \"resistance band\"?); valid equipment: "
                    "none, foam-roller, band, mini-band");
  CHECK_THROWS_WITH((void)valgus::parse_equipment_list(catalogue, "Loop Band"),
                    "equipment \"Loop Band\" could be any of band, mini-band; give one of these ids instead");
}

TEST_CASE("a request's numbers are checked, in field words") {
  auto request = valgus::test::request_for({"hip"});
  CHECK_NOTHROW(valgus::check_request(request));
  request.week = 0;
  CHECK_THROWS_WITH(valgus::check_request(request), "week must be a whole number from 1 to 104");
  request.week = valgus::max_week + 1;
  CHECK_THROWS_WITH(valgus::check_request(request), "week must be a whole number from 1 to 104");
  request.week = valgus::max_week;
  request.minutes = 0;
  CHECK_THROWS_WITH(valgus::check_request(request), "minutes must be a whole number from 1 to 600");
  request.minutes = valgus::max_minutes + 1;
  CHECK_THROWS_WITH(valgus::check_request(request), "minutes must be a whole number from 1 to 600");
  request.minutes = valgus::max_minutes;
  CHECK_NOTHROW(valgus::check_request(request));
}

TEST_CASE("bad personal values are usage errors, checked before the problems and the position") {
  const auto catalogue = valgus::test::personal_catalogue();
  auto request = valgus::test::request_for({"knee"});
  request.when = "nowhere";
  request.week = 0;
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, request), "week must be a whole number from 1 to 104");
  request.week = 1;
  request.minutes = 0;
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, request), "minutes must be a whole number from 1 to 600");
  request.minutes = 10;
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, request),
                    "unknown problem \"knee\"; valid problems: hip, ankle");
  request.problems = {"hip"};
  CHECK_THROWS_WITH((void)valgus::make_plan(catalogue, request),
                    "unknown position \"nowhere\"; valid positions: standing, squat");
}
