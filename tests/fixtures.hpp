#pragma once

// A small catalogue, separate from the built-in one, so unit tests pin exact
// values that do not move when exercises/ is edited.

#include "core/catalogue/catalogue.hpp"
#include "core/plan/planner.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace valgus::test {

inline const char* const vocabulary_yaml = R"(muscles:
  - {id: adductors, name: adductors, region: hip}
  - {id: gluteus-medius, name: gluteus medius, region: hip}
  - {id: gluteus-maximus, name: gluteus maximus, region: hip}
  - {id: gastrocnemius, name: gastrocnemius, region: ankle}
  - {id: soleus, name: soleus, region: ankle}
  - {id: foot-intrinsics, name: foot intrinsics, region: foot}
muscle_groups:
  - {id: calves, name: calves, members: [gastrocnemius, soleus]}
  - {id: glutes, name: glutes, members: [gluteus-medius, gluteus-maximus]}
equipment:
  - {id: floor, name: floor space, household: true}
  - {id: wall, name: wall, household: true}
  - {id: foam-roller, name: foam roller, aliases: [foam roll]}
  - {id: band, name: resistance band, aliases: [bands, loop band]}
  - {id: mini-band, name: mini band, aliases: [loop band]}
problems:
  - id: hip
    name: hip rotation
    overactive: [adductors]
    underactive: [gluteus-medius]
  - id: ankle
    name: pronation
    overactive: [calves]
    underactive: [foot-intrinsics]
habits:
  - {id: w-sitting, name: W-sitting, advice: Sit another way.}
notes:
  - {id: safety, title: Safety, text: Stop on pain.}
)";

inline const char* const self_tests_yaml = R"(red_flags:
  - id: swelling
    question: Does the knee swell?
    why: See a doctor.
    source: test
self_tests:
  - id: wall-reach
    name: Wall reach
    problem: ankle
    instructions: [Face a wall., Touch it with the knee.]
    look_for: The heel lifting.
    question: How far was the toe from the wall?
    unit: cm
    comparison: below
    threshold: 10
    range: 0-30
    per_side: true
    positive: Stiff ankle.
    negative: Ankle bends enough.
    source: test
  - id: knee-dive
    name: Knee dive
    problem: hip
    instructions: [Squat on one leg.]
    look_for: The knee moving in.
    question: Did the knee move in?
    unit: yes-no
    comparison: "yes"
    positive: Weak hip.
    negative: Hip holds.
    source: test
)";

inline const char* const exercises_yaml = R"(exercises:
  - id: calf-roll
    name: Calf roll
    phase: release
    region: ankle
    targets: [calves]
    equipment: [foam-roller, floor]
    dose: {duration_seconds: 60, per_side: true}
    steps: [Roll the calf.]
    source: test
  - id: adductor-roll
    name: Adductor roll
    phase: release
    region: hip
    targets: [adductors]
    equipment: [foam-roller]
    dose: {duration_seconds: 30, per_side: true}
    steps: [Roll the inner thigh.]
    cues: [Breathe.]
    source: test
  - id: clam
    name: Clam
    phase: strengthen
    region: hip
    targets: [glutes]
    dose: {reps: 20, hold_seconds: 3-5, per_side: true}
    steps: [Open the knee.]
    source: test
  - id: short-foot
    name: Short foot
    phase: strengthen
    region: foot
    targets: [foot-intrinsics]
    dose: {reps: 20, hold_seconds: 5}
    steps: [Shorten the foot.]
    source: test
  - id: balance
    name: Balance
    phase: integrate
    region: foot
    targets: [glutes, foot-intrinsics]
    dose: {duration_seconds: 30, per_side: true}
    steps: [Stand on one leg.]
    source: test
  - id: adductor-roll-ball
    name: Adductor ball roll
    phase: release
    region: hip
    targets: [adductors]
    dose: {duration_seconds: 30, per_side: true}
    steps: [Roll on a ball.]
    source: test
    variant_of: adductor-roll
)";

// Entries for personalisation tests: positions, a banded exercise with an
// alternative, a stretch only a band allows, and progressions.
inline const char* const personal_yaml = R"(positions:
  - {id: standing, name: standing, advice: Stand tall.}
  - {id: squat, name: squatting, advice: Knees out in the squat.}
exercises:
  - id: band-walk
    name: Band walk
    phase: strengthen
    region: hip
    targets: [gluteus-medius]
    equipment: [band]
    dose: {sets: 2, reps: 10, per_side: true}
    steps: [Walk sideways.]
    source: test
    priority: 3
    alternatives: [clam]
  - id: band-stretch
    name: Band stretch
    phase: stretch
    region: ankle
    targets: [calves]
    equipment: [band]
    dose: {duration_seconds: 30, per_side: true}
    steps: [Pull the foot up with the band.]
    source: test
  - id: squat
    name: Squat
    phase: integrate
    region: hip
    targets: [glutes]
    dose: {sets: 2, reps: 10}
    steps: [Squat.]
    source: test
    positions: [squat]
    priority: 3
    progressions:
      - {week: 2, change: Hold at the bottom., dose: {hold_seconds: 3}}
      - {week: 4, change: Add a set., dose: {sets: 3}}
)";

inline std::vector<CatalogueFile> fixture_files() {
  return {CatalogueFile{"vocabulary.yaml", vocabulary_yaml, 0}, CatalogueFile{"exercises.yaml", exercises_yaml, 0},
          CatalogueFile{"self_tests.yaml", self_tests_yaml, 0}};
}

inline Request request_for(std::vector<std::string> problems) {
  Request request;
  request.problems = std::move(problems);
  return request;
}

// Loads files that must be valid: throws Error(bad_data) listing every error.
inline Catalogue load_or_throw(const std::vector<CatalogueFile>& files) {
  return load_catalogue_or_throw(Catalogue{}, files);
}

// The solver-heavy properties check every case in the release tree; under
// the sanitizers (which look for memory errors, not for another rule) they
// check every Nth: VALGUS_PROPERTY_STRIDE, set by tests/CMakeLists.txt.
inline std::size_t property_stride() {
  const char* text = std::getenv("VALGUS_PROPERTY_STRIDE");
  const long stride = text != nullptr ? std::strtol(text, nullptr, 10) : 1;
  return stride > 1 ? static_cast<std::size_t>(stride) : 1;
}

// Whether case `index` of a property is checked in this tree.
inline bool in_sample(std::size_t index) { return index % property_stride() == 0; }

// Every non-empty set of the catalogue's problems, in catalogue order (31
// for the built-in five): what the property tests run over. With a property
// stride, every Nth set; the set of all, the costliest to solve, is then
// left to the release tree, which checks every set.
inline std::vector<std::vector<std::string>> problem_sets(const Catalogue& catalogue) {
  const auto ids = catalogue.problem_ids();
  std::vector<std::vector<std::string>> sets;
  const unsigned all = (1U << ids.size()) - 1;
  for (unsigned mask = 1; mask <= all; ++mask) {
    if (!in_sample(mask - 1)) {
      continue;
    }
    std::vector<std::string> set;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if ((mask >> i) & 1U) {
        set.push_back(ids[i]);
      }
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

inline Catalogue fixture_catalogue() { return load_or_throw(fixture_files()); }

// The built-in catalogue, made once for a whole test file.
inline const Catalogue& builtin() {
  static const Catalogue catalogue = builtin_catalogue();
  return catalogue;
}

inline Catalogue personal_catalogue() {
  auto files = fixture_files();
  files.push_back(CatalogueFile{"personal.yaml", personal_yaml, 0});
  return load_or_throw(files);
}

// What `read` reports: "ok" when it throws nothing, else each diagnostic of
// its Error on a line, after "exit N: " unless the code is bad data (65).
template <typename Read>
std::string diagnostics_of(Read read) {
  try {
    read();
  } catch (const Error& error) {
    std::string out =
        error.code() == ExitCode::bad_data ? "" : "exit " + std::to_string(static_cast<int>(error.code())) + ": ";
    for (const auto& diagnostic : error.diagnostics()) {
      out += diagnostic.to_string() + "\n";
    }
    return out;
  }
  return "ok";
}

// The ids of a phase's exercises, in order.
inline std::vector<std::string> ids(const PlannedPhase& phase) {
  std::vector<std::string> out;
  for (const auto& planned : phase.exercises) {
    out.push_back(planned.exercise.id);
  }
  return out;
}

// Whether `exercise` trains `position` (squat, landing, ...).
inline bool trains(const Exercise& exercise, const std::string& position) {
  return std::find(exercise.positions.begin(), exercise.positions.end(), position) != exercise.positions.end();
}

// A week of the personal fixture catalogue as the command line plans it by
// default: Mon, Wed, Fri, `minutes` a session and at most 6 exercises.
inline Plan week_plan(std::vector<std::string> problems, int minutes = 20) {
  auto request = request_for(std::move(problems));
  request.days = {0, 2, 4};
  request.minutes = minutes;
  request.max_exercises = 6;
  return make_plan(personal_catalogue(), request);
}

// "kind: text" of each adjustment of a Plan or a Draft.
template <typename Adjusted>
std::vector<std::string> texts(const Adjusted& plan) {
  std::vector<std::string> out;
  for (const auto& adjustment : plan.adjustments) {
    out.push_back(std::string(to_string(adjustment.kind)) + ": " + adjustment.text);
  }
  return out;
}

}  // namespace valgus::test
