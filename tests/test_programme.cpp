// The saved programme file: written by start, read back strictly.
#include "core/follow/saved_programme.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using valgus::CatalogueFile;

namespace {

std::string errors_of(const std::string& text) {
  return valgus::test::diagnostics_of([&] {
    (void)valgus::read_programme(CatalogueFile{"programme.yaml", text}, valgus::test::fixture_catalogue());
  });
}

const std::string valid =
    "start: 2027-01-04\nproblems: [hip, ankle]\ndays: [mon, wed, fri]\nminutes: 20\n"
    "max_exercises: 6\n";

}  // namespace

TEST_CASE("a programme is written as readable YAML and read back the same") {
  valgus::SavedProgramme programme;
  programme.start = valgus::Date{2027, 1, 4};
  programme.problems = {"hip", "ankle"};
  programme.equipment = std::vector<std::string>{"band"};
  programme.days = {0, 3};
  programme.minutes = 25;
  programme.max_exercises = 5;
  programme.side = valgus::Side::left;
  const std::string text = valgus::programme_yaml(programme, "What this is.\nHow to start again.");
  CHECK(text ==
        "# What this is.\n# How to start again.\n"
        "start: 2027-01-04\nproblems: [hip, ankle]\n"
        "# What you have; remove this line to use everything.\n"
        "equipment: [band]\ndays: [mon, thu]\nminutes: 25\nmax_exercises: 5\n"
        "side: left\n");
  CHECK(valgus::read_programme(CatalogueFile{"p.yaml", text}, valgus::test::fixture_catalogue()) == programme);
}

TEST_CASE("a hand edit with a mistake is reported at its file:line:col") {
  CHECK(errors_of(valid) == "ok");
  CHECK(errors_of(valid + "mintues: 3\n") ==
        "programme.yaml:6:1: unknown field \"mintues\" in programme (did you mean \"minutes\"?)\n");
  CHECK(errors_of("start: 2027-02-30\nproblems: [hip]\ndays: [mon]\nminutes: 20\nmax_exercises: 6\n") ==
        "programme.yaml:1:8: invalid date \"2027-02-30\": use YYYY-MM-DD, for example 2026-11-23\n");
  CHECK(errors_of("start: 2027-01-04\nproblems: [hipp]\ndays: [mon]\nminutes: 20\nmax_exercises: 6\n") ==
        "programme.yaml:2:12: unknown problem \"hipp\" (did you mean \"hip\"?); choose from hip, ankle\n");
  CHECK(errors_of("start: 2027-01-04\nproblems: [hip]\ndays: [wed, mon]\nminutes: 20\nmax_exercises: 6\n") ==
        "programme.yaml:3:7: \"days\" must be distinct weekdays in week order, such as [mon, wed, fri] (mon tue wed "
        "thu fri sat sun), not \"mon\"\n");
  CHECK(errors_of("start: 2027-01-04\nproblems: [hip]\ndays: [mon]\nminutes: 0\nmax_exercises: 6\n") ==
        "programme.yaml:4:10: \"minutes\" is 0, outside 1..600\n");
  CHECK(errors_of(valid + "side: middle\n") ==
        "programme.yaml:6:7: unknown side \"middle\"; choose one of both, left, right\n");
  CHECK(errors_of("start: 2027-01-04\n") ==
        "programme.yaml:1:1: programme is missing the required field \"problems\"\n"
        "programme.yaml:1:1: programme is missing the required field \"days\"\n"
        "programme.yaml:1:1: programme is missing the required field \"minutes\"\n"
        "programme.yaml:1:1: programme is missing the required field \"max_exercises\"\n");
  CHECK(errors_of("- a list\n") ==
        "programme.yaml:1:1: programme must be a mapping of fields (\"id: ...\"), not a list\n");
}
