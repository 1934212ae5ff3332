// The built-in catalogue compiled to C++ at build time
// (tools/compile_catalogue.cpp, a hand-kept writer of every model field)
// equals the one the loader makes from exercises/*.yaml, field by field.

#include "core/catalogue/catalogue.hpp"
#include "core/model/text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

// The position in tied() of the first field in which `a` and `b` differ,
// or -1: a failure names the field, not just the entry.
template <typename Tuple, std::size_t... I>
int first_difference(const Tuple& a, const Tuple& b, std::index_sequence<I...> /*fields*/) {
  int found = -1;
  ((found = (found < 0 && !(std::get<I>(a) == std::get<I>(b))) ? static_cast<int>(I) : found), ...);
  return found;
}

template <typename T>
void compare_section(const char* name, const std::vector<T>& actual, const std::vector<T>& expected,
                     std::vector<std::string>& out) {
  if (actual.size() != expected.size()) {
    out.push_back(std::string(name) + ": " + std::to_string(actual.size()) + " entries, expected " +
                  std::to_string(expected.size()));
    return;
  }
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const auto a = actual[i].tied();
    const auto b = expected[i].tied();
    const int field = first_difference(a, b, std::make_index_sequence<std::tuple_size_v<decltype(a)>>{});
    if (field >= 0) {
      out.push_back(std::string(name) + "[" + std::to_string(i) + "] " + expected[i].id + ": field " +
                    std::to_string(field) + " differs");
    }
  }
}

// Every entry of `actual` that differs from `expected`, one a line, as
// "exercises[3] clamshell: field 7 differs" (7: the place in tied()); one
// string so that a failure prints them all.
std::string differences(const valgus::Catalogue& actual, const valgus::Catalogue& expected) {
  std::vector<std::string> out;
  compare_section("muscles", actual.muscles, expected.muscles, out);
  compare_section("muscle_groups", actual.muscle_groups, expected.muscle_groups, out);
  compare_section("equipment", actual.equipment, expected.equipment, out);
  compare_section("problems", actual.problems, expected.problems, out);
  compare_section("exercises", actual.exercises, expected.exercises, out);
  compare_section("positions", actual.positions, expected.positions, out);
  compare_section("habits", actual.habits, expected.habits, out);
  compare_section("notes", actual.notes, expected.notes, out);
  compare_section("red_flags", actual.red_flags, expected.red_flags, out);
  compare_section("symptoms", actual.symptoms, expected.symptoms, out);
  compare_section("self_tests", actual.self_tests, expected.self_tests, out);
  compare_section("phase_rules", actual.phase_rules, expected.phase_rules, out);
  compare_section("session_rules", actual.session_rules, expected.session_rules, out);
  compare_section("progression_rules", actual.progression_rules, expected.progression_rules, out);
  return valgus::join(out, "\n");
}

const valgus::Catalogue& loaded() {
  static const valgus::Catalogue catalogue = [] {
    auto result = valgus::load_catalogue(valgus::builtin_catalogue_files());
    REQUIRE(result.errors.empty());
    return std::move(result.catalogue);
  }();
  return catalogue;
}

}  // namespace

TEST_CASE("the compiled built-in catalogue equals the loaded one, field by field") {
  const valgus::Catalogue compiled = valgus::builtin_catalogue();
  CHECK(differences(compiled, loaded()) == "");
  CHECK(compiled == loaded());
  // Not vacuous: every section has entries, and the compiled catalogue is
  // indexed like a loaded one.
  CHECK_FALSE(compiled.muscles.empty());
  CHECK_FALSE(compiled.muscle_groups.empty());
  CHECK_FALSE(compiled.equipment.empty());
  CHECK_FALSE(compiled.problems.empty());
  CHECK_FALSE(compiled.exercises.empty());
  CHECK_FALSE(compiled.positions.empty());
  CHECK_FALSE(compiled.habits.empty());
  CHECK_FALSE(compiled.notes.empty());
  CHECK_FALSE(compiled.red_flags.empty());
  CHECK_FALSE(compiled.self_tests.empty());
  CHECK_FALSE(compiled.phase_rules.empty());
  CHECK_FALSE(compiled.session_rules.empty());
  for (const auto& exercise : compiled.exercises) {
    CHECK(compiled.find_exercise(exercise.id) == &exercise);
  }
}

TEST_CASE("a changed field makes the catalogues differ, and names the field") {
  const valgus::Catalogue& original = loaded();
  const auto changed = [&](auto change) {
    valgus::Catalogue copy = original;
    change(copy);
    CHECK(copy != original);
    return differences(copy, original);
  };
  const std::string& muscle = original.muscles[0].id;
  const std::string& exercise = original.exercises[0].id;

  CHECK(changed([](valgus::Catalogue& c) {
          c.muscles[0].region =
              c.muscles[0].region == valgus::Region::foot ? valgus::Region::hip : valgus::Region::foot;
        }) == "muscles[0] " + muscle + ": field 3 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.muscle_groups[0].members.emplace_back("x"); }) ==
        "muscle_groups[0] " + original.muscle_groups[0].id + ": field 3 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.equipment[0].household = !c.equipment[0].household; }) ==
        "equipment[0] " + original.equipment[0].id + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.problems[0].sources.emplace_back("x"); }) ==
        "problems[0] " + original.problems[0].id + ": field 5 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.phase_rules[0].per_week.max += 1; }) ==
        "phase_rules[0] " + original.phase_rules[0].id + ": field 1 differs");
  // The optional most either way, and the least.
  CHECK(changed([](valgus::Catalogue& c) {
          auto& most = c.phase_rules[0].session_most;
          most = most ? std::nullopt : std::optional<int>(9);
        }) == "phase_rules[0] " + original.phase_rules[0].id + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { ++c.phase_rules[0].session_least; }) ==
        "phase_rules[0] " + original.phase_rules[0].id + ": field 3 differs");
  CHECK(changed([](valgus::Catalogue& c) {
          auto& shortlist = c.phase_rules[0].shortlist;
          shortlist = shortlist ? std::nullopt : std::optional<int>(9);
        }) == "phase_rules[0] " + original.phase_rules[0].id + ": field 4 differs");
  CHECK(changed([](valgus::Catalogue& c) { ++c.session_rules[0].active_percent; }) ==
        "session_rules[0] " + original.session_rules[0].id + ": field 1 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.red_flags[0].why += "."; }) ==
        "red_flags[0] " + original.red_flags[0].id + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.symptoms[0].question += "?"; }) ==
        "symptoms[0] " + original.symptoms[0].id + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].impact = !c.exercises[0].impact; }) ==
        "exercises[0] " + original.exercises[0].id + ": field 8 differs");
  // Every self-test field the compiler writes, the optional number too.
  const std::string& test = original.self_tests[0].id;
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].problem += "x"; }) ==
        "self_tests[0] " + test + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[1].asked_if += "x"; }) ==
        "self_tests[1] " + original.self_tests[1].id + ": field 6 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].unit = valgus::Unit::degrees; }) ==
        "self_tests[0] " + test + ": field 7 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].comparison = valgus::Comparison::above; }) ==
        "self_tests[0] " + test + ": field 8 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].threshold = 2.5; }) ==
        "self_tests[0] " + test + ": field 9 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].range.max += 1; }) ==
        "self_tests[0] " + test + ": field 10 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.self_tests[0].per_side = !c.self_tests[0].per_side; }) ==
        "self_tests[0] " + test + ": field 11 differs");
  CHECK(changed([](valgus::Catalogue& c) { ++c.self_tests[0].where.line; }) ==
        "self_tests[0] " + test + ": field 16 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.positions[0].advice += "."; }) ==
        "positions[0] " + original.positions[0].id + ": field 2 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.habits[0].sources.emplace_back("x"); }) ==
        "habits[0] " + original.habits[0].id + ": field 3 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.notes[0].title += "."; }) ==
        "notes[0] " + original.notes[0].id + ": field 1 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.notes.pop_back(); }) ==
        "notes: " + std::to_string(original.notes.size() - 1) + " entries, expected " +
            std::to_string(original.notes.size()));

  // Exercise fields deep inside: the dose (even the one no YAML sets), the
  // origin, the position in the file, a progression's dose change.
  const std::string dose_differs = "exercises[0] " + exercise + ": field 10 differs";
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].dose.extra_set_side = valgus::Side::left; }) == dose_differs);
  CHECK(changed([](valgus::Catalogue& c) { ++c.exercises[0].dose.seconds_per_rep; }) == dose_differs);
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].dose.hold_seconds.max += 1; }) == dose_differs);
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].also_works.emplace_back("x"); }) ==
        "exercises[0] " + exercise + ": field 5 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].resisted = !c.exercises[0].resisted; }) ==
        "exercises[0] " + exercise + ": field 7 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].from_week = 3; }) ==
        "exercises[0] " + exercise + ": field 18 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].drill = true; }) ==
        "exercises[0] " + exercise + ": field 19 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].skills.emplace_back("x"); }) ==
        "exercises[0] " + exercise + ": field 20 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].teach = "x"; }) ==
        "exercises[0] " + exercise + ": field 21 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].origin = "user"; }) ==
        "exercises[0] " + exercise + ": field 22 differs");
  CHECK(changed([](valgus::Catalogue& c) { c.exercises[0].figure.arrow = "x"; }) ==
        "exercises[0] " + exercise + ": field 24 differs");
  CHECK(changed([](valgus::Catalogue& c) { ++c.exercises[0].where.column; }) ==
        "exercises[0] " + exercise + ": field 25 differs");
  const auto progressed = std::find_if(original.exercises.begin(), original.exercises.end(),
                                       [](const valgus::Exercise& e) { return !e.progressions.empty(); });
  REQUIRE(progressed != original.exercises.end());
  const auto index = static_cast<std::size_t>(progressed - original.exercises.begin());
  CHECK(changed([&](valgus::Catalogue& c) {
          auto& sets = c.exercises[index].progressions[0].dose.sets;
          sets = sets ? std::nullopt : std::optional<valgus::Range>(valgus::Range{9, 9});
        }) == "exercises[" + std::to_string(index) + "] " + progressed->id + ": field 23 differs");
}
