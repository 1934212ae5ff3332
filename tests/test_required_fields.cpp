// Property tests over the catalogue schema: every section's entry, with any
// of its fields missing or holding a value of the wrong shape, loads into
// errors and never into a crash. A fuzzer found a required number read
// through a missing field; these cover every field of every section.
#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/catalogue_schema.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using valgus::CatalogueFile;

namespace {

// Loads the fixture vocabulary plus `text` and returns the errors.
std::vector<valgus::Diagnostic> errors_of(const std::string& text) {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", text, 0});
  return valgus::load_catalogue(files).errors;
}

// Values of every shape a field can be given by mistake.
const std::vector<std::string_view> odd_values = {"x",  "0",      "-1", "99999999999", "\"\"", "[]",   "[x, 1]",
                                                  "{}", "{a: 1}", "1-", "-",           "3-2",  "true", "~"};

}  // namespace

TEST_CASE("an entry with only an id reports each missing required field and loads nothing") {
  for (const auto& section : valgus::sections()) {
    CAPTURE(section.key);
    const auto errors = errors_of(std::string(section.key) + ":\n  - id: lone-entry\n");
    std::size_t missing = 0;
    for (const auto& error : errors) {
      missing += error.message.find("is missing the required field") != std::string::npos ? 1U : 0U;
    }
    std::size_t expected = 0;
    for (const auto field : section.entry.required) {
      expected += field == "id" ? 0U : 1U;
    }
    CHECK(missing == expected);
  }
}

TEST_CASE("an empty entry and an entry of the wrong shape are errors in every section") {
  for (const auto& section : valgus::sections()) {
    CAPTURE(section.key);
    for (const std::string entry : {"{}", "x", "[]", "~"}) {
      CAPTURE(entry);
      CHECK_FALSE(errors_of(std::string(section.key) + ":\n  - " + entry + "\n").empty());
    }
  }
}

TEST_CASE("every field of every section survives a value of the wrong shape") {
  for (const auto& section : valgus::sections()) {
    for (const auto field : section.entry.known) {
      for (const auto value : odd_values) {
        CAPTURE(section.key);
        CAPTURE(field);
        CAPTURE(value);
        const std::string id = field == "id" ? std::string(value) : "lone-entry";
        std::string text = std::string(section.key) + ":\n  - id: " + id + "\n";
        if (field != "id") {
          text += "    " + std::string(field) + ": " + std::string(value) + "\n";
        }
        // When other required fields are missing, loading must fail, and say
        // so; otherwise the value may be valid, and only must not crash.
        const auto& required = section.entry.required;
        const bool incomplete = std::any_of(required.begin(), required.end(),
                                            [&](std::string_view key) { return key != "id" && key != field; });
        const auto errors = errors_of(text);
        if (incomplete) {
          CHECK_FALSE(errors.empty());
        }
      }
    }
  }
}

TEST_CASE("an exercise's dose and progressions survive missing and odd fields") {
  const std::string head =
      "exercises:\n  - id: new-one\n    name: New one\n    phase: strengthen\n    region: hip\n"
      "    targets: [glutes]\n    steps: [Do it.]\n    source: test\n";
  CHECK_FALSE(errors_of(head + "    dose: {}\n").empty());
  CHECK_FALSE(errors_of(head + "    dose: {reps: 10}\n    progressions: [{}]\n").empty());
  CHECK_FALSE(errors_of(head + "    dose: {reps: 10}\n    progressions: [{week: 3, dose: {reps: 12}}]\n").empty());
  CHECK_FALSE(errors_of(head + "    dose: {reps: 10}\n    progressions: [{week: 3, dose: {}}]\n").empty());
  for (const auto& schema : {valgus::dose_schema(), valgus::progression_schema(), valgus::progression_dose_schema()}) {
    for (const auto field : schema.known) {
      for (const auto value : odd_values) {
        CAPTURE(schema.what);
        CAPTURE(field);
        CAPTURE(value);
        const std::string mapping = "{" + std::string(field) + ": " + std::string(value) + "}";
        const std::string dose = schema.what == "dose" ? mapping : "{reps: 10}";
        const std::string progression = schema.what == "progression" ? mapping
                                        : schema.what == "dose"      ? "{week: 3, change: Harder., dose: {reps: 12}}"
                                                                : "{week: 3, change: Harder., dose: " + mapping + "}";
        errors_of(head + "    dose: " + dose + "\n    progressions: [" + progression + "]\n");
      }
    }
  }
}
