// The prescription's rules as catalogue data: a phase's weekly frequency and
// how many of its exercises a session holds (`phases`), and how a session
// shares its time (`sessions`).

#include "core/catalogue/catalogue.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using valgus::CatalogueFile;
using valgus::load_catalogue;
using valgus::Phase;

namespace {

// The fixture plus `text` as "x.yaml" (layer 0) and `later` as "mine.yaml"
// (layer 1, when given).
valgus::LoadResult load_with(const std::string& text, const std::string& later = "") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", text, 0});
  if (!later.empty()) {
    files.push_back(CatalogueFile{"mine.yaml", later, 1});
  }
  return load_catalogue(files);
}

// Every error of loading `text`, one a line.
std::string rules_errors_of(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& error : load_with(text).errors) {
    lines.push_back(error.to_string());
  }
  return valgus::join(lines, "\n");
}

// One phase rule for `phase` with per_week 2-3; `fields` ends it.
std::string phase_rule(const std::string& phase, const std::string& fields) {
  return "phases:\n  - id: " + phase + "\n    per_week: 2-3\n    why: Because.\n    source: test\n" + fields;
}

const char* const session_rule =
    "sessions:\n  - id: active-work\n    active_percent_at_least: 50\n"
    "    why: Mostly active work.\n    source: [test]\n";

}  // namespace

TEST_CASE("a phase's most and least exercises a session load into the rule") {
  const auto result = load_with(
      "phases:\n"
      "  - {id: release, per_week: 1-7, session_most: 2, why: Short., source: t}\n"
      "  - {id: strengthen, per_week: 2-3, session_least: 2, why: Core., source: t}\n"
      "  - {id: integrate, per_week: 2-7, session_most: 3, session_least: 1, why: All., "
      "source: t}\n");
  REQUIRE(result.errors.empty());
  const valgus::Catalogue& catalogue = result.catalogue;
  REQUIRE(catalogue.phase_rules.size() == 3);
  const valgus::PhaseRule& release = catalogue.phase_rules[0];
  CHECK(release.session_most == std::optional<int>(2));
  CHECK(release.session_least == 0);  // not given: no target
  const valgus::PhaseRule& strengthen = catalogue.phase_rules[1];
  CHECK_FALSE(strengthen.session_most.has_value());  // not given: no limit
  CHECK(strengthen.session_least == 2);
  CHECK(catalogue.phase_rules[2].per_week == valgus::Range{2, 7});
  CHECK(catalogue.session_most(Phase::release) == std::optional<int>(2));
  CHECK(catalogue.session_most(Phase::integrate) == std::optional<int>(3));
  CHECK(catalogue.session_least(Phase::integrate) == 1);
  CHECK(catalogue.session_least(Phase::strengthen) == 2);
  // A phase without a rule: no limit and no target.
  CHECK_FALSE(catalogue.session_most(Phase::stretch).has_value());
  CHECK(catalogue.session_least(Phase::stretch) == 0);
}

TEST_CASE("a session's least exercises of a phase is never more than its most") {
  CHECK(rules_errors_of(phase_rule("stretch", "    session_most: 2\n    session_least: 2\n")) == "");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_most: 2\n    session_least: 3\n")) ==
        "x.yaml:7:20: \"session_least\" 3 is more than \"session_most\" 2; lower it or raise \"session_most\"");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_least: 60\n")) == "");  // no most: no limit
  // A most of none would keep the phase out of every session its per_week asks for.
  CHECK(rules_errors_of(phase_rule("stretch", "    session_most: 0\n")) ==
        "x.yaml:6:19: \"session_most\" is 0, outside 1..60");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_most: 61\n")) ==
        "x.yaml:6:19: \"session_most\" is 61, outside 1..60");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_least: -1\n")) ==
        "x.yaml:6:20: \"session_least\" must be a whole number like 12, not \"-1\"");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_least: two\n")) ==
        "x.yaml:6:20: \"session_least\" must be a whole number like 12, not \"two\"");
  CHECK(rules_errors_of(phase_rule("stretch", "    session_mots: 2\n")) ==
        "x.yaml:6:5: unknown field \"session_mots\" in phase (did you mean \"session_most\"?)");
}

TEST_CASE("a phase's short list: how many of its exercises the week weighs") {
  const auto result = load_with(
      "phases:\n"
      "  - {id: release, per_week: 1-7, shortlist: 1, why: Short., source: t}\n"
      "  - {id: integrate, per_week: 2-7, shortlist: 6, why: All., source: t}\n");
  REQUIRE(result.errors.empty());
  const valgus::Catalogue& catalogue = result.catalogue;
  CHECK(catalogue.phase_rules[0].shortlist == std::optional<int>(1));
  CHECK(catalogue.shortlist(Phase::release) == std::optional<int>(1));
  CHECK(catalogue.shortlist(Phase::integrate) == std::optional<int>(6));
  CHECK_FALSE(catalogue.shortlist(Phase::stretch).has_value());  // no rule: every exercise is weighed
  CHECK(rules_errors_of(phase_rule("stretch", "    shortlist: 0\n")) ==
        "x.yaml:6:16: \"shortlist\" is 0, outside 1..100");
  CHECK(rules_errors_of(phase_rule("stretch", "    shortlist: 101\n")) ==
        "x.yaml:6:16: \"shortlist\" is 101, outside 1..100");
  CHECK(rules_errors_of(phase_rule("stretch", "    shortlist: all\n")) ==
        "x.yaml:6:16: \"shortlist\" must be a whole number like 12, not \"all\"");
}

TEST_CASE("a session rule: the least share of a session's time on active work") {
  const auto result = load_with(session_rule);
  REQUIRE(result.errors.empty());
  REQUIRE(result.catalogue.session_rules.size() == 1);
  const valgus::SessionRule& rule = result.catalogue.session_rules[0];
  CHECK(rule.id == "active-work");
  CHECK(rule.active_percent == 50);
  CHECK(rule.why == "Mostly active work.");
  CHECK(rule.sources == std::vector<std::string>{"test"});
  CHECK(rule.where.file == "x.yaml");
  CHECK(rule.where.line == 2);
  CHECK(rule.where.column == 5);
  CHECK(result.catalogue.active_share_percent() == 50);
  CHECK(valgus::test::fixture_catalogue().active_share_percent() == 0);  // no rule: no share asked
}

TEST_CASE("session rules: a later layer replaces one by id, and the highest share counts") {
  const auto replaced = load_with(
      session_rule, "sessions:\n  - {id: active-work, active_percent_at_least: 60, why: More., source: me}\n");
  REQUIRE(replaced.errors.empty());
  REQUIRE(replaced.catalogue.session_rules.size() == 1);
  CHECK(replaced.catalogue.session_rules[0].why == "More.");
  CHECK(replaced.catalogue.active_share_percent() == 60);
  const auto added =
      load_with(session_rule, "sessions:\n  - {id: clinic, active_percent_at_least: 40, why: Less., source: me}\n");
  REQUIRE(added.errors.empty());
  CHECK(added.catalogue.session_rules.size() == 2);
  CHECK(added.catalogue.active_share_percent() == 50);
}

TEST_CASE("a session rule's share is a percentage, and every field is there") {
  const auto with_percent = [](const std::string& percent) {
    return rules_errors_of("sessions:\n  - {id: a, active_percent_at_least: " + percent + ", why: W., source: t}\n");
  };
  CHECK(with_percent("0") == "");
  CHECK(with_percent("100") == "");
  CHECK(with_percent("101") == "x.yaml:2:38: \"active_percent_at_least\" is 101, outside 0..100");
  CHECK(with_percent("50.5") ==
        "x.yaml:2:38: \"active_percent_at_least\" must be a whole number like 12, not \"50.5\"");
  CHECK(rules_errors_of("sessions:\n  - {id: a, why: W., source: t}\n") ==
        "x.yaml:2:5: session rule is missing the required field \"active_percent_at_least\"");
  CHECK(rules_errors_of("sessions:\n  - {id: a, active_percent: 50, why: W., source: t}\n") ==
        "x.yaml:2:5: session rule is missing the required field \"active_percent_at_least\"\n"
        "x.yaml:2:13: unknown field \"active_percent\" in session rule (did you mean \"active_percent_at_least\"?)");
  CHECK(rules_errors_of(std::string(session_rule) +
                        "  - {id: active-work, active_percent_at_least: 40, why: W., source: t}\n") ==
        "x.yaml:6:5: duplicate session rule id \"active-work\" (first defined at x.yaml:2:5); rename one of them");
  CHECK(rules_errors_of("sessions: {id: a}\n") ==
        "x.yaml:1:11: \"sessions\" must be a list of entries (\"- id: ...\"), not a mapping");
}
