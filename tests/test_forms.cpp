// Issue 12: near-duplicates are one movement in two forms (passes::choose_forms),
// and a skill that is cued is taught (passes::teach_skills).

#include "core/catalogue/catalogue.hpp"
#include "core/plan/lint.hpp"
#include "core/plan/planner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using valgus::test::ids;

namespace {

using Ids = std::vector<std::string>;

const char* const forms_yaml = R"(muscles:
  - {id: gluteus-medius, name: gluteus medius, region: hip}
  - {id: foot-intrinsics, name: foot intrinsics, region: foot}
equipment:
  - {id: floor, name: floor space, household: true}
  - {id: band, name: resistance band}
problems:
  - {id: hip, name: hip rotation, overactive: [], underactive: [gluteus-medius]}
  - {id: arch, name: flat arch, overactive: [], underactive: [foot-intrinsics]}
exercises:
  - {id: clam, name: Clam, phase: strengthen, region: hip, targets: [gluteus-medius], equipment: [floor],
     dose: {reps: 20, per_side: true}, steps: [Open the knee.], source: test}
  - {id: band-clam, name: Band clam, phase: strengthen, region: hip, targets: [gluteus-medius],
     equipment: [band, floor], dose: {sets: 2, reps: 15, per_side: true}, steps: [Open against the band.],
     source: test, variant_of: clam, from_week: 3}
  - {id: heavy-band-clam, name: Heavy band clam, phase: strengthen, region: hip, targets: [gluteus-medius],
     equipment: [band], dose: {sets: 3, reps: 15, per_side: true}, steps: [Open against a firm band.],
     source: test, variant_of: clam, from_week: 5}
  - {id: short-foot, name: Short foot, phase: strengthen, region: foot, targets: [foot-intrinsics],
     dose: {reps: 20, hold_seconds: 5}, steps: [Shorten the foot.], source: test,
     teach: Draw the ball of the foot towards the heel.}
  - {id: balance, name: Balance, phase: integrate, region: foot, targets: [gluteus-medius],
     dose: {duration_seconds: 30, per_side: true}, steps: [Stand on one leg.], source: test, skills: [short-foot]}
  - {id: step, name: Step up, phase: integrate, region: hip, targets: [gluteus-medius],
     dose: {reps: 10, per_side: true}, steps: [Step up.], source: test, skills: [short-foot]}
)";

valgus::Catalogue forms_catalogue() {
  return valgus::load_catalogue_or_throw(valgus::Catalogue{}, {valgus::CatalogueFile{"forms.yaml", forms_yaml, 0}});
}

valgus::Plan plan_for(const valgus::Catalogue& catalogue, Ids problems, int week,
                      std::optional<Ids> equipment = std::nullopt) {
  valgus::Request request;
  request.problems = std::move(problems);
  request.week = week;
  request.equipment = std::move(equipment);
  return valgus::make_plan(catalogue, request);
}

Ids taught(const valgus::PlannedExercise& planned) {
  Ids out;
  for (const auto& skill : planned.skills_taught) {
    out.push_back(skill.id + ": " + skill.how);
  }
  return out;
}

}  // namespace

TEST_CASE("a movement is planned once, in the form due by the week and the equipment") {
  const auto catalogue = forms_catalogue();
  CHECK(ids(plan_for(catalogue, {"hip"}, 1).phases[2]) == Ids{"clam"});
  CHECK(ids(plan_for(catalogue, {"hip"}, 2).phases[2]) == Ids{"clam"});
  CHECK(ids(plan_for(catalogue, {"hip"}, 3).phases[2]) == Ids{"band-clam"});
  CHECK(ids(plan_for(catalogue, {"hip"}, 4).phases[2]) == Ids{"band-clam"});
  CHECK(ids(plan_for(catalogue, {"hip"}, 5).phases[2]) == Ids{"heavy-band-clam"});
  // Without a band the bodyweight form stays, whatever the week.
  CHECK(ids(plan_for(catalogue, {"hip"}, 5, Ids{}).phases[2]) == Ids{"clam"});
  CHECK(ids(plan_for(catalogue, {"hip"}, 5, Ids{"band"}).phases[2]) == Ids{"heavy-band-clam"});
}

TEST_CASE("the switch to a later form is said, and keeps the reasons") {
  const auto catalogue = forms_catalogue();
  const auto plan = plan_for(catalogue, {"hip"}, 3);
  const auto said = std::find_if(plan.adjustments.begin(), plan.adjustments.end(), [](const auto& adjustment) {
    return adjustment.kind == valgus::AdjustmentKind::progressed;
  });
  REQUIRE(said != plan.adjustments.end());
  CHECK(said->text == "week 3: Band clam in place of Clam, the same movement made harder (from week 3)");
  const auto& planned = plan.phases[2].exercises.at(0);
  REQUIRE(planned.reasons.size() == 1);
  CHECK(planned.reasons[0].problem_id == "hip");
  CHECK(planned.reasons[0].muscle_ids == Ids{"gluteus-medius"});
  CHECK(planned.dose.sets.min == 2);
}

TEST_CASE("a variant without from_week is only a fallback for missing equipment") {
  auto catalogue = forms_catalogue();
  for (auto& exercise : catalogue.exercises) {
    exercise.from_week = 0;
  }
  catalogue.reindex();
  CHECK(ids(plan_for(catalogue, {"hip"}, 6).phases[2]) == Ids{"clam"});
}

TEST_CASE("a skill cued but not planned is taught once, at the first exercise relying on it") {
  const auto catalogue = forms_catalogue();
  const auto plan = plan_for(catalogue, {"hip"}, 1);
  REQUIRE(ids(plan.phases[3]) == Ids{"step", "balance"});
  CHECK(taught(plan.phases[3].exercises[0]) == Ids{"short-foot: Draw the ball of the foot towards the heel."});
  CHECK(taught(plan.phases[3].exercises[1]).empty());
}

TEST_CASE("a skill planned before the exercises relying on it is not taught again") {
  const auto catalogue = forms_catalogue();
  const auto plan = plan_for(catalogue, {"hip", "arch"}, 1);
  REQUIRE(ids(plan.phases[2]) == Ids{"clam", "short-foot"});
  for (const auto& planned : plan.phases[3].exercises) {
    CHECK(planned.skills_taught.empty());
  }
}

TEST_CASE("a skill without a one-line teach is taught by its summary") {
  auto catalogue = forms_catalogue();
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "short-foot") {
      exercise.teach.clear();
      exercise.summary = "Lift the arch.";
    }
  }
  catalogue.reindex();
  const auto plan = plan_for(catalogue, {"hip"}, 1);
  CHECK(taught(plan.phases[3].exercises.at(0)) == Ids{"short-foot: Lift the arch."});
}

TEST_CASE("check warns about a skill with no line to teach it, once") {
  auto catalogue = forms_catalogue();
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "short-foot") {
      exercise.teach.clear();
    }
  }
  catalogue.reindex();
  const auto warnings = valgus::lint_catalogue(catalogue);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message ==
        "\"balance\" relies on the skill \"short-foot\", which has no \"teach\" line; its summary is shown instead, "
        "add a one-line \"teach\"");
}

TEST_CASE("check warns about a later form that serves none of its main exercise's problems") {
  auto catalogue = forms_catalogue();
  for (auto& exercise : catalogue.exercises) {
    if (exercise.id == "band-clam") {
      exercise.targets = {"foot-intrinsics"};
      exercise.phase = valgus::Phase::stretch;
    }
  }
  catalogue.reindex();
  const auto warnings = valgus::lint_catalogue(catalogue);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message ==
        "\"band-clam\" is a later form of \"clam\" but serves none of its problems, so it is never planned; tag the "
        "muscles it works");
}
