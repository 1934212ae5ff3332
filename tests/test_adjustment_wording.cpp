// An adjustment in words: the planner's facts about a time shortfall worded
// the same in every format, each limit named by the option the caller gives.
#include "cli/options.hpp"
#include "fixtures.hpp"
#include "render/adjustment_wording.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

using valgus::Limit;
using valgus::LimitValue;
using valgus::Phase;
using valgus::Remedy;
using valgus::ShortfallKind;
using valgus::TimeShortfall;

namespace {

std::string worded(TimeShortfall shortfall, const valgus::LimitOptions& options = valgus::cli::limit_options()) {
  return valgus::adjustment_text({valgus::AdjustmentKind::time, {}, Phase::release, std::move(shortfall)}, options);
}

TimeShortfall week_left_out() {
  TimeShortfall shortfall;
  shortfall.kind = ShortfallKind::week_exercises;
  shortfall.limits = valgus::SessionLimits{3, 20, 6};
  shortfall.left_out = {"Clam", "Squat"};
  shortfall.remedy = Remedy::found;
  shortfall.ways = {{Limit::minutes, 25}, {Limit::days, 4}};
  return shortfall;
}

TimeShortfall pairs_uncovered(ShortfallKind kind) {
  TimeShortfall shortfall;
  shortfall.kind = kind;
  shortfall.limits = valgus::SessionLimits{kind == ShortfallKind::routine_pairs ? 1 : 3, 10, std::nullopt};
  shortfall.uncovered = {{"hip", "hip rotation", Phase::release, 13, std::nullopt},
                         {"ankle", "pronation", Phase::strengthen, 7, 4}};
  shortfall.remedy = Remedy::found;
  shortfall.ways = {{Limit::minutes, 13}};
  return shortfall;
}

}  // namespace

TEST_CASE("an adjustment without a shortfall is its own text") {
  const valgus::Adjustment adjustment{valgus::AdjustmentKind::time, "15 min budget: left out Squat", Phase::release,
                                      std::nullopt};
  CHECK(valgus::adjustment_text(adjustment, valgus::cli::limit_options()) == "15 min budget: left out Squat");
}

TEST_CASE("a week that leaves exercises out: the limits, the names, and what would fit them with its option") {
  auto shortfall = week_left_out();
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; 25 min a session (--minutes 25) "
        "or 4 days a week (--days 4) would fit them all");
  shortfall.ways = {{Limit::days, 7}};
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; 7 days a week (--days 7) would "
        "fit them all");
  shortfall.remedy = Remedy::none;
  shortfall.ways.clear();
  shortfall.held_back_by = LimitValue{Limit::max_exercises, 6};
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; even 7 days a week would not "
        "hold them all with at most 6 exercises a session (--max-exercises)");
  shortfall.limits = valgus::SessionLimits{1, std::nullopt, std::nullopt};
  shortfall.held_back_by.reset();
  CHECK(worded(shortfall) ==
        "1 session a week of no time limit: left out Clam, Squat; even 7 days a week would not hold them all");
  shortfall.remedy = Remedy::not_searched;
  CHECK(worded(shortfall) ==
        "1 session a week of no time limit: left out Clam, Squat; what would fit them is not worked out for a "
        "choice this large");
}

TEST_CASE("pairs no session covers: the pairs, and the minutes or days that would cover them") {
  auto week = pairs_uncovered(ShortfallKind::week_pairs);
  CHECK(worded(week) ==
        "not in any session: hip rotation (release), pronation (strengthen); 13 min a session (--minutes 13) would "
        "cover it");
  week.ways = {{Limit::minutes, 13}, {Limit::days, 4}};
  CHECK(worded(week) ==
        "not in any session: hip rotation (release), pronation (strengthen); 13 min a session (--minutes 13) or 4 "
        "days a week (--days 4) would cover it");
  week.remedy = Remedy::none;
  week.ways.clear();
  CHECK(worded(week) ==
        "not in any session: hip rotation (release), pronation (strengthen); no longer session or extra day covers "
        "it");
  week.remedy = Remedy::not_searched;
  CHECK(worded(week) ==
        "not in any session: hip rotation (release), pronation (strengthen); what would cover it is not worked out "
        "for a choice this large");
  // A full routine is one session: its minutes are not "a session".
  CHECK(worded(pairs_uncovered(ShortfallKind::routine_pairs)) ==
        "10 min is not enough for every problem in every phase: nothing for hip rotation (release), pronation "
        "(strengthen); 13 min (--minutes 13) would cover it");
}

TEST_CASE("the options are the caller's: other names are used as given, no names leave them out") {
  auto shortfall = week_left_out();
  const valgus::LimitOptions other{"--mins", "--week-days", "--cap"};
  CHECK(worded(shortfall, other) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; 25 min a session (--mins 25) or "
        "4 days a week (--week-days 4) would fit them all");
  CHECK(worded(shortfall, {}) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; 25 min a session or 4 days a "
        "week would fit them all");
  shortfall.remedy = Remedy::none;
  shortfall.ways.clear();
  shortfall.held_back_by = LimitValue{Limit::max_exercises, 6};
  CHECK(worded(shortfall, other) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; even 7 days a week would not "
        "hold them all with at most 6 exercises a session (--cap)");
  CHECK(worded(shortfall, {}) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam, Squat; even 7 days a week would not "
        "hold them all with at most 6 exercises a session");
}

TEST_CASE("a planned week's shortfalls: the facts, and the same words in JSON as in text") {
  auto request = valgus::test::request_for({"hip", "ankle"});
  request.days = {0, 2, 4};
  request.minutes = 2;
  request.max_exercises = 6;
  const valgus::Plan plan = valgus::make_plan(valgus::test::personal_catalogue(), request);
  REQUIRE(plan.adjustments.size() == 2);
  const auto& left_out = plan.adjustments[0].shortfall;
  REQUIRE(left_out);
  CHECK(left_out->kind == ShortfallKind::week_exercises);
  CHECK(left_out->limits == valgus::SessionLimits{3, 2, 6});
  CHECK(left_out->left_out ==
        std::vector<std::string>{"Adductor roll", "Calf roll", "Band stretch", "Clam", "Band walk", "Short foot"});
  CHECK(left_out->remedy == Remedy::found);
  CHECK(left_out->ways == std::vector<LimitValue>{{Limit::minutes, 15}});
  const auto& uncovered = plan.adjustments[1].shortfall;
  REQUIRE(uncovered);
  CHECK(uncovered->kind == ShortfallKind::week_pairs);
  CHECK(uncovered->uncovered.size() == 5);
  CHECK(uncovered->ways == std::vector<LimitValue>{{Limit::minutes, 7}});

  const auto json = nlohmann::json::parse(valgus::render_plan_json(plan, valgus::cli::limit_options()));
  REQUIRE(json["adjusted"].size() == 2);
  CHECK(json["adjusted"][0]["kind"] == "time");
  CHECK(json["adjusted"][0]["text"] ==
        "3 sessions a week of 2 min and at most 6 exercises: left out Adductor roll, Calf roll, Band stretch, Clam, "
        "Band walk, Short foot; 15 min a session (--minutes 15) would fit them all");
  CHECK(json["adjusted"][1]["text"] ==
        "not in any session: hip rotation (release), hip rotation (strengthen), pronation (release), pronation "
        "(stretch), pronation (strengthen); 7 min a session (--minutes 7) would cover it");
}
