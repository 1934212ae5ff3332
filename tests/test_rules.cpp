// Issue 12: no muscle is both loosened (released or stretched) and
// strengthened in one plan; passes::keep_muscles_apart and lint_catalogue.

#include "core/catalogue/catalogue.hpp"
#include "core/plan/lint.hpp"
#include "core/plan/planner.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

using valgus::test::ids;

namespace {

using Ids = std::vector<std::string>;

// Two problems sharing a muscle the way pelvis tilt and tibial rotation
// once did: one strengthens what the other releases and stretches.
const char* const rules_yaml = R"(muscles:
  - {id: psoas, name: psoas, region: pelvis}
  - {id: gluteus-maximus, name: gluteus maximus, region: hip}
  - {id: biceps-femoris, name: biceps femoris, region: knee}
  - {id: popliteus, name: popliteus, region: knee}
muscle_groups:
  - {id: hamstrings, name: hamstrings, members: [biceps-femoris]}
equipment:
  - {id: floor, name: floor space, household: true}
  - {id: foam-roller, name: foam roller}
  - {id: band, name: resistance band}
problems:
  - {id: tilt, name: pelvis tilt, overactive: [psoas], underactive: [gluteus-maximus]}
  - {id: tibia, name: tibial rotation, overactive: [biceps-femoris], underactive: [popliteus]}
exercises:
  - {id: psoas-roll, name: Psoas roll, phase: release, region: pelvis, targets: [psoas], equipment: [floor],
     dose: {duration_seconds: 60}, steps: [Roll.], source: test}
  - {id: hamstring-roll, name: Hamstring roll, phase: release, region: knee, targets: [biceps-femoris],
     equipment: [foam-roller], dose: {duration_seconds: 60}, steps: [Roll.], source: test}
  - {id: hamstring-stretch, name: Hamstring stretch, phase: stretch, region: knee, targets: [biceps-femoris],
     equipment: [floor], dose: {duration_seconds: 30}, steps: [Hold.], source: test}
  - {id: bridge, name: Bridge, phase: strengthen, region: hip, targets: [gluteus-maximus, hamstrings],
     equipment: [floor], dose: {reps: 10}, steps: [Lift.], source: test}
  - {id: band-bridge, name: Band bridge, phase: strengthen, region: hip, targets: [gluteus-maximus],
     equipment: [band, floor], dose: {reps: 10}, steps: [Lift.], source: test, variant_of: bridge}
  - {id: knee-turn, name: Knee turn, phase: strengthen, region: knee, targets: [popliteus], equipment: [floor],
     dose: {reps: 10}, steps: [Turn.], source: test}
  - {id: balance, name: Balance, phase: integrate, region: hip, targets: [gluteus-maximus, hamstrings],
     equipment: [floor], dose: {duration_seconds: 30}, steps: [Stand.], source: test}
)";

valgus::Catalogue rules_catalogue() {
  auto loaded = valgus::load_catalogue({valgus::CatalogueFile{"rules.yaml", rules_yaml}});
  REQUIRE(loaded.errors.empty());
  return loaded.catalogue;
}

valgus::Plan plan_for(const valgus::Catalogue& catalogue, const Ids& problems,
                      std::optional<Ids> equipment = std::nullopt) {
  valgus::Request request;
  request.problems = problems;
  request.equipment = std::move(equipment);
  return valgus::make_plan(catalogue, request);
}

Ids adjustments(const valgus::Plan& plan) {
  Ids out;
  for (const auto& adjustment : plan.adjustments) {
    out.push_back(std::string(valgus::to_string(adjustment.kind)) + ": " + adjustment.text);
  }
  return out;
}

// The muscles worked by the plan's exercises of `phases`, groups expanded.
std::set<std::string> worked(const valgus::Catalogue& catalogue, const valgus::Plan& plan,
                             const std::set<valgus::Phase>& phases) {
  std::set<std::string> muscles;
  for (const auto& phase : plan.phases) {
    if (phases.count(phase.phase) == 0) {
      continue;
    }
    for (const auto& planned : phase.exercises) {
      for (const auto& target : planned.exercise.targets) {
        for (const auto& muscle : catalogue.expand_muscles(target)) {
          muscles.insert(muscle);
        }
      }
    }
  }
  return muscles;
}

}  // namespace

TEST_CASE("no built-in plan strengthens a muscle it releases or stretches") {
  const auto catalogue = valgus::builtin_catalogue();
  const Ids problems = catalogue.problem_ids();
  REQUIRE(problems.size() == 5);
  const std::vector<std::optional<Ids>> kits{std::nullopt, Ids{}, Ids{"band"}, Ids{"foam-roller"}};
  int plans = 0;
  for (unsigned mask = 1; mask < (1U << problems.size()); ++mask) {
    Ids chosen;
    for (std::size_t i = 0; i < problems.size(); ++i) {
      if ((mask & (1U << i)) != 0) {
        chosen.push_back(problems[i]);
      }
    }
    for (const auto& kit : kits) {
      const auto plan = plan_for(catalogue, chosen, kit);
      const auto loosened = worked(catalogue, plan, {valgus::Phase::release, valgus::Phase::stretch});
      const auto strengthened = worked(catalogue, plan, {valgus::Phase::strengthen});
      for (const auto& muscle : strengthened) {
        INFO("problem mask ", mask, ", muscle ", muscle);
        CHECK(loosened.count(muscle) == 0);
      }
      // The catalogue's own tags keep them apart: the pass drops nothing.
      for (const auto& adjustment : plan.adjustments) {
        INFO("problem mask ", mask, ", adjustment ", adjustment.text);
        CHECK(adjustment.text.find("would strengthen") == std::string::npos);
      }
      ++plans;
    }
  }
  CHECK(plans == 31 * 4);
}

TEST_CASE("a problem alone has nothing to keep apart") {
  const auto catalogue = rules_catalogue();
  const auto plan = plan_for(catalogue, {"tilt"});
  CHECK(ids(plan.phases[2]) == Ids{"bridge"});
  CHECK(plan.adjustments.empty());
}

TEST_CASE("a conflicting strengthen exercise gives way to a variant that works no loosened muscle") {
  const auto catalogue = rules_catalogue();
  const auto plan = plan_for(catalogue, {"tilt", "tibia"});
  CHECK(ids(plan.phases[0]) == Ids{"psoas-roll", "hamstring-roll"});
  CHECK(ids(plan.phases[1]) == Ids{"hamstring-stretch"});
  CHECK(ids(plan.phases[2]) == Ids{"band-bridge", "knee-turn"});
  CHECK(ids(plan.phases[3]) == Ids{"balance"});  // integration is whole-leg work, not kept apart
  CHECK(adjustments(plan) ==
        Ids{"substituted: Band bridge instead of Bridge: it would strengthen biceps femoris, which this plan "
            "releases and stretches"});
  // The substitute keeps the reasons the original was chosen for.
  REQUIRE(plan.phases[2].exercises[0].reasons.size() == 1);
  CHECK(plan.phases[2].exercises[0].reasons[0].problem_id == "tilt");
}

TEST_CASE("a conflicting strengthen exercise is left out when nothing can stand in") {
  const auto catalogue = rules_catalogue();
  // No band for the alternative, no foam roller for the release.
  const auto plan = plan_for(catalogue, {"tilt", "tibia"}, Ids{});
  CHECK(ids(plan.phases[0]) == Ids{"psoas-roll"});
  CHECK(ids(plan.phases[2]) == Ids{"knee-turn"});
  CHECK(adjustments(plan) ==
        Ids{"left-out: no foam roller: Hamstring roll left out",
            "left-out: Bridge left out: it would strengthen biceps femoris, which this plan stretches"});
}

TEST_CASE("check warns about an exercise that works one problem's tight and weak muscles") {
  CHECK(valgus::lint_catalogue(valgus::builtin_catalogue()).empty());
  auto catalogue = rules_catalogue();
  CHECK(valgus::lint_catalogue(catalogue).empty());
  const char* const mixed = R"(exercises:
  - {id: back-of-leg, name: Back of leg, phase: stretch, region: knee, targets: [popliteus, hamstrings],
     equipment: [floor], dose: {duration_seconds: 30}, steps: [Hold.], source: test}
)";
  auto loaded = valgus::load_catalogue(catalogue, {valgus::CatalogueFile{"mixed.yaml", mixed, 1, "mixed.yaml"}});
  REQUIRE(loaded.errors.empty());
  const auto warnings = valgus::lint_catalogue(loaded.catalogue);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].to_string() ==
        "mixed.yaml:2:5: stretch exercise \"back-of-leg\" works tight and weak muscles of problem \"tibia\" (tight: "
        "biceps femoris; weak: popliteus); tag only the muscles it really works");
}
