// Property test: the indexed substitute search of passes::fit_equipment
// chooses exactly what a brute-force scan of the whole catalogue chooses,
// over random catalogues, problem sets and equipment.

#include "core/plan/passes.hpp"
#include "core/plan/planner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

namespace {

using valgus::Catalogue;
using valgus::Exercise;
using valgus::Phase;
using valgus::PlannedExercise;

// The reference: every candidate of the catalogue, in order, each time.
bool can_replace(const Catalogue& catalogue, const PlannedExercise& planned, const Exercise& candidate) {
  if (candidate.phase != planned.exercise.phase || candidate.id == planned.exercise.id) {
    return false;
  }
  if (candidate.phase == Phase::integrate) {
    return valgus::shares_muscle(catalogue, planned.exercise, candidate);
  }
  return std::all_of(planned.reasons.begin(), planned.reasons.end(), [&](const valgus::Reason& reason) {
    return !valgus::matching_muscles(catalogue, *catalogue.find_problem(reason.problem_id), candidate).empty();
  });
}

const Exercise* brute_force(const Catalogue& catalogue, const PlannedExercise& planned,
                            const std::vector<std::string>& available, const std::set<std::string>& used) {
  const auto usable = [&](const Exercise* c) {
    return c != nullptr && used.count(c->id) == 0 && valgus::can_do_with(catalogue, *c, available) &&
           c->phase == planned.exercise.phase;
  };
  for (const Exercise& c : catalogue.exercises) {
    if (c.variant_of == planned.exercise.id && usable(&c)) {
      return &c;
    }
  }
  for (const auto& id : planned.exercise.alternatives) {
    if (usable(catalogue.find_exercise(id))) {
      return catalogue.find_exercise(id);
    }
  }
  for (const Exercise& c : catalogue.exercises) {
    if (usable(&c) && can_replace(catalogue, planned, c)) {
      return &c;
    }
  }
  return nullptr;
}

Catalogue random_catalogue(std::mt19937& random) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  Catalogue catalogue;
  for (int i = 0; i < 6; ++i) {
    catalogue.muscles.push_back({"m" + std::to_string(i), "muscle " + std::to_string(i), "", valgus::Region::hip, {}});
  }
  catalogue.muscle_groups.push_back({"g0", "group 0", "", {"m0", "m1"}, {}});
  catalogue.muscle_groups.push_back({"g1", "group 1", "", {"m2", "m3", "m4"}, {}});
  const std::vector<std::string> targets{"m0", "m1", "m2", "m3", "m4", "m5", "g0", "g1"};
  catalogue.equipment.push_back({"floor", "floor", true, {}, {}});
  catalogue.equipment.push_back({"band", "band", false, {}, {}});
  catalogue.equipment.push_back({"roller", "roller", false, {}, {}});
  catalogue.equipment.push_back({"ball", "ball", false, {}, {}});
  for (int p = 0; p < 3; ++p) {
    valgus::Problem problem;
    problem.id = "p" + std::to_string(p);
    problem.name = "problem " + std::to_string(p);
    problem.overactive = {targets[static_cast<std::size_t>(pick(8))]};
    problem.underactive = {targets[static_cast<std::size_t>(pick(8))], targets[static_cast<std::size_t>(pick(8))]};
    catalogue.problems.push_back(problem);
  }
  const int count = 10 + pick(40);
  for (int i = 0; i < count; ++i) {
    Exercise exercise;
    exercise.id = "e" + std::to_string(i);
    exercise.name = "Exercise " + std::to_string(i);
    exercise.phase = valgus::all_phases[static_cast<std::size_t>(pick(4))];
    exercise.targets = {targets[static_cast<std::size_t>(pick(8))]};
    if (pick(2) == 0) {
      exercise.targets.push_back(targets[static_cast<std::size_t>(pick(8))]);
    }
    const std::vector<std::string> kit{"floor", "band", "roller", "ball"};
    exercise.equipment = {kit[static_cast<std::size_t>(pick(4))]};
    exercise.dose.reps = valgus::Range{10, 10};
    if (i > 0 && pick(6) == 0) {
      exercise.variant_of = "e" + std::to_string(pick(i));
    }
    if (i > 0 && pick(5) == 0) {
      exercise.alternatives = {"e" + std::to_string(pick(i))};
    }
    catalogue.exercises.push_back(exercise);
  }
  catalogue.reindex();
  return catalogue;
}

}  // namespace

TEST_CASE("substitutes found through the index equal a brute-force scan") {
  std::mt19937 random(20261122);
  int substituted = 0;
  for (int round = 0; round < 400; ++round) {
    const Catalogue catalogue = random_catalogue(random);
    valgus::Request request;
    for (const auto& problem : catalogue.problems) {
      if (random() % 2 == 0) {
        request.problems.push_back(problem.id);
      }
    }
    if (request.problems.empty()) {
      request.problems.push_back("p0");
    }
    std::vector<std::string> available;
    for (const char* item : {"band", "roller", "ball"}) {
      if (random() % 3 == 0) {
        available.emplace_back(item);
      }
    }
    request.equipment = available;
    const valgus::PlanInput input = valgus::resolve_input(catalogue, request);
    valgus::Draft draft;
    valgus::passes::select(input, draft);

    // What the reference keeps, in order.
    std::set<std::string> used;
    for (const auto& planned : draft.exercises) {
      used.insert(planned.exercise.id);
    }
    std::vector<std::string> expected;
    for (const auto& planned : draft.exercises) {
      if (valgus::can_do_with(catalogue, planned.exercise, available)) {
        expected.push_back(planned.exercise.id);
      } else if (const Exercise* substitute = brute_force(catalogue, planned, available, used)) {
        used.insert(substitute->id);
        expected.push_back(substitute->id);
        ++substituted;
      }
    }

    valgus::passes::fit_equipment(input, draft);
    std::vector<std::string> kept;
    for (const auto& planned : draft.exercises) {
      kept.push_back(planned.exercise.id);
    }
    INFO("round ", round);
    CHECK(kept == expected);
  }
  CHECK(substituted > 100);  // the property was exercised, not vacuous
}

// "Lunge instead of Banded squat" or "(Lateral hamstring release is in the
// plan)" must be true of the week printed: the week may leave the stand-in
// out after all, and then the plan says only what was left out.
TEST_CASE("an equipment adjustment names a stand-in only when the printed week holds it") {
  const valgus::Catalogue catalogue = valgus::builtin_catalogue();
  const std::vector<std::vector<std::string>> kits{{},       {"massage-ball"},         {"foam-roller"},
                                                   {"band"}, {"massage-ball", "band"}, {"foam-roller", "band"}};
  int checked = 0;
  int reworded = 0;
  for (const valgus::Problem& problem : catalogue.problems) {
    for (const auto& kit : kits) {
      valgus::Request request;
      request.problems = {problem.id};
      request.equipment = kit;
      request.minutes = 20;  // the defaults of `valgus plan`
      request.days = {0, 2, 4};
      request.max_exercises = 6;
      const valgus::Plan plan = valgus::make_plan(catalogue, request);
      for (const valgus::Adjustment& adjustment : plan.adjustments) {
        if (adjustment.relies_on.empty()) {
          continue;
        }
        CAPTURE(problem.id);
        CAPTURE(adjustment.text);
        bool planned = false;
        for (const auto& phase : plan.phases) {
          for (const auto& exercise : phase.exercises) {
            planned = planned || exercise.exercise.id == adjustment.relies_on;
          }
        }
        if (adjustment.text == adjustment.otherwise) {
          CHECK_FALSE(planned);
          CHECK(adjustment.kind == valgus::AdjustmentKind::left_out);
          ++reworded;
        } else {
          CHECK(planned);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 0);
  CHECK(reworded > 0);  // tibial rotation with a massage ball only: the release is left out
}
