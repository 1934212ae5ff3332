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

using valgus::FitsWith;
using valgus::LeftOutWhy;
using valgus::Phase;
using valgus::TimeShortfall;
using valgus::UncoveredWhy;

namespace {

std::string worded(TimeShortfall shortfall, const valgus::LimitOptions& options = valgus::cli::limit_options()) {
  return valgus::adjustment_text({valgus::AdjustmentKind::time, {}, Phase::release, std::move(shortfall)}, options);
}

TimeShortfall week_short() {
  TimeShortfall shortfall;
  shortfall.limits = valgus::SessionLimits{3, 20, 6};
  shortfall.uncovered = {
      {"ankle", "pronation", "tib-ant", "tibialis anterior", Phase::strengthen, UncoveredWhy::no_room},
      {"hip", "hip rotation", "tfl", "TFL", Phase::stretch, UncoveredWhy::no_room}};
  shortfall.left_out = {{"clam", "Clam", LeftOutWhy::essential}};
  shortfall.fits_with = FitsWith{25, 4, 8};
  return shortfall;
}

}  // namespace

TEST_CASE("an adjustment without a shortfall is its own text") {
  const valgus::Adjustment adjustment{valgus::AdjustmentKind::time, "15 min budget: left out Squat", Phase::release,
                                      std::nullopt};
  CHECK(valgus::adjustment_text(adjustment, valgus::cli::limit_options()) == "15 min budget: left out Squat");
}

TEST_CASE("a week that cannot hold everything: the limits, the muscles, the exercises, and each limit that would") {
  auto shortfall = week_short();
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: tibialis anterior not strengthened (pronation), TFL "
        "not released or stretched (hip rotation); left out Clam (essential); 25 min a session (--minutes 25) or 4 "
        "days a week (--days 4) or at most 8 exercises a session (--max-exercises 8) would hold it all");
  shortfall.fits_with = FitsWith{std::nullopt, 7, std::nullopt};
  shortfall.uncovered.clear();
  shortfall.left_out = {{"hop", "Hop", LeftOutWhy::position_drill}, {"raise", "Raise", LeftOutWhy::only_exercise}};
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Hop (the position drill, in fewer than two "
        "sessions), Raise (the only exercise for a muscle); 7 days a week (--days 7) would hold it all");
  shortfall.fits_with = FitsWith{};
  CHECK(worded(shortfall) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Hop (the position drill, in fewer than two "
        "sessions), Raise (the only exercise for a muscle); no longer session, other number of days or higher "
        "exercise cap alone would hold it all");
  shortfall.limits = valgus::SessionLimits{1, std::nullopt, std::nullopt};
  shortfall.left_out.clear();
  shortfall.uncovered = {
      {"ankle", "pronation", "tib-ant", "tibialis anterior", Phase::strengthen, UncoveredWhy::no_equipment}};
  CHECK(worded(shortfall) ==
        "1 session a week of no time limit: tibialis anterior not strengthened (pronation: no exercise for it with "
        "your equipment); no other limit would hold what the catalogue or your equipment lacks");
  shortfall.uncovered.front().why = UncoveredWhy::not_in_catalogue;
  CHECK(worded(shortfall) ==
        "1 session a week of no time limit: tibialis anterior not strengthened (pronation: no exercise for it in the "
        "catalogue); no other limit would hold what the catalogue or your equipment lacks");
}

TEST_CASE("a full routine within its minutes: the minutes are not \"a session\", and no days are offered") {
  auto shortfall = week_short();
  shortfall.week = false;
  shortfall.limits = valgus::SessionLimits{1, 10, std::nullopt};
  shortfall.left_out.clear();
  shortfall.uncovered.pop_back();
  shortfall.fits_with = FitsWith{13, std::nullopt, std::nullopt};
  CHECK(worded(shortfall) ==
        "10 min: tibialis anterior not strengthened (pronation); 13 min (--minutes 13) would hold it all");
  shortfall.fits_with = FitsWith{};
  CHECK(worded(shortfall) ==
        "10 min: tibialis anterior not strengthened (pronation); no longer session or higher exercise cap alone "
        "would hold it all");
}

TEST_CASE("the options are the caller's: other names are used as given, no names leave them out") {
  auto shortfall = week_short();
  shortfall.uncovered.clear();
  const valgus::LimitOptions other{"--mins", "--week-days", "--cap", "--gear"};
  CHECK(worded(shortfall, other) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam (essential); 25 min a session (--mins 25) "
        "or 4 days a week (--week-days 4) or at most 8 exercises a session (--cap 8) would hold it all");
  CHECK(worded(shortfall, {}) ==
        "3 sessions a week of 20 min and at most 6 exercises: left out Clam (essential); 25 min a session or 4 days a "
        "week or at most 8 exercises a session would hold it all");
}

TEST_CASE("a plan made without --equipment names what it assumed and how to say what one has") {
  const auto catalogue = valgus::builtin_catalogue();
  valgus::Request request;
  request.problems = {"hip-rotation"};
  request.days = {0, 2, 4};
  request.minutes = 20;
  request.max_exercises = 6;
  const auto assumed = valgus::make_plan(catalogue, request);
  CHECK(assumed.equipment_assumed);
  CHECK(valgus::equipment_assumed_text(assumed, valgus::cli::limit_options()) ==
        "Foam roller and resistance band assumed at hand; say what you have with --equipment (\"--equipment none\": "
        "bodyweight only)");
  request.equipment = std::vector<std::string>{"band"};
  const auto said = valgus::make_plan(catalogue, request);
  CHECK_FALSE(said.equipment_assumed);
  CHECK(said.assumed_equipment.empty());
  CHECK(valgus::equipment_assumed_text(said, valgus::cli::limit_options()).empty());
}
