// Following a saved programme: the session of a date, the stage the log
// earns (advance, hold, step back by the catalogue's rules) and progress
// week by week. Exact decisions and messages on the fixture catalogue plus
// progression rules and one exercise with progressions.
#include "core/follow/saved_programme.hpp"
#include "core/follow/stage.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using valgus::Date;
using valgus::Effort;
using valgus::SessionRecord;
using valgus::StageMove;

namespace {

const char* const follow_rules_yaml = R"(progression:
  - {id: advance, window_days: 14, adherence_percent: 80, mean_pain_at_most: 3, hard_sessions_at_most: 0, why: w, source: s}
  - {id: step-back, pain_at_least: 6, sessions: 2, why: w, source: s}
exercises:
  - id: clam
    name: Clam
    phase: strengthen
    region: hip
    targets: [glutes]
    dose: {reps: 20, hold_seconds: 3-5, per_side: true}
    steps: [Open the knee.]
    source: test
    progressions:
      - {week: 3, change: Longer holds., dose: {hold_seconds: 8}}
      - {week: 5, change: Two sets., dose: {sets: 2}}
)";

valgus::Catalogue follow_catalogue() {
  auto files = valgus::test::fixture_files();
  files.push_back(valgus::CatalogueFile{"rules.yaml", follow_rules_yaml, 1});
  return valgus::load_catalogue_or_throw(valgus::Catalogue{}, files);
}

const Date monday{2027, 1, 4};
const std::vector<int> mon_wed_fri{0, 2, 4};

valgus::SavedProgramme programme() {
  valgus::SavedProgramme p;
  p.start = monday;
  p.problems = {"hip", "ankle"};
  p.days = mon_wed_fri;
  return p;
}

// What programme() plans in week 1.
valgus::Request week_one() {
  valgus::Request request;
  request.problems = programme().problems;
  request.days = programme().days;
  request.minutes = programme().minutes;
  request.max_exercises = programme().max_exercises;
  return request;
}

// Every training day from the start for `weeks` weeks, with this pain and effort.
std::vector<SessionRecord> every_session(int weeks, int pain, Effort effort) {
  std::vector<SessionRecord> records;
  for (int day = 0; day < 7 * weeks; ++day) {
    const Date date = valgus::add_days(monday, day);
    if (valgus::weekday(date) % 2 == 0 && valgus::weekday(date) < 5) {
      records.push_back({date, pain, effort, std::nullopt, false});
    }
  }
  return records;
}

Date day(int offset) { return valgus::add_days(monday, offset); }

}  // namespace

TEST_CASE("stage weeks: week 1, then each week a progression of a planned exercise begins") {
  const auto catalogue = follow_catalogue();
  const auto plan = valgus::make_plan(catalogue, week_one());
  CHECK(valgus::stage_weeks(catalogue, plan) == std::vector<int>{1, 3, 5});
}

TEST_CASE("two good weeks move the programme on at the week 3 boundary, and not a day before") {
  const auto catalogue = follow_catalogue();
  const std::vector<int> weeks{1, 3, 5};
  const auto records = every_session(2, 2, Effort::right);
  const auto before = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, records, {}, day(13));
  CHECK(before.stage == 0);
  CHECK(before.week == 1);
  REQUIRE(before.decisions.size() == 1);
  CHECK(before.decisions[0].move == StageMove::start);
  CHECK(before.decisions[0].why == "the programme starts at stage 1");
  const auto after = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, records, {}, day(14));
  CHECK(after.stage == 1);
  CHECK(after.week == 3);
  CHECK(after.stages == 3);
  REQUIRE(after.decisions.size() == 2);
  CHECK(after.decisions[1].date == day(14));
  CHECK(after.decisions[1].move == StageMove::advance);
  CHECK(after.decisions[1].why ==
        "moved on to stage 2: 6 of 6 planned sessions done in the last 2 "
        "weeks (100 %), mean pain 2.0/10, none too hard");
}

TEST_CASE("the stage holds, and says why, when adherence, pain or effort fall short") {
  const auto catalogue = follow_catalogue();
  const std::vector<int> weeks{1, 3, 5};
  auto few = every_session(2, 1, Effort::right);
  few.resize(4);  // 4 of 6: 66 %
  auto state = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, few, {}, day(14));
  CHECK(state.stage == 0);
  CHECK(state.decisions.back().move == StageMove::hold);
  CHECK(state.decisions.back().why ==
        "held at stage 1: 4 of 6 planned sessions done in the last 2 weeks (66 %), under 80 %");

  state = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, every_session(2, 4, Effort::right), {}, day(14));
  CHECK(state.stage == 0);
  CHECK(state.decisions.back().why == "held at stage 1: mean pain 4.0/10 in the last 2 weeks, above 3/10");

  auto one_hard = every_session(2, 1, Effort::right);
  one_hard[3].effort = Effort::hard;
  state = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, one_hard, {}, day(14));
  CHECK(state.stage == 0);
  CHECK(state.decisions.back().why == "held at stage 1: 1 session felt hard in the last 2 weeks");

  // A week later the window is weeks 2-3: held sessions do not count twice.
  auto late = every_session(3, 1, Effort::right);
  late.erase(late.begin(), late.begin() + 2);  // week 1 mostly missed
  state = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, late, {}, day(21));
  CHECK(state.stage == 1);
  CHECK(state.decisions.size() == 3);  // start, hold at day 14, advance at day 21
  CHECK(state.decisions[1].move == StageMove::hold);
  CHECK(state.decisions[2].date == day(21));
}

TEST_CASE("a stage lasts a whole window before the next one: week 5 comes at day 28 at the earliest") {
  const auto catalogue = follow_catalogue();
  const auto records = every_session(8, 0, Effort::easy);
  const auto state = valgus::stage_on(catalogue, {1, 3, 5}, monday, mon_wed_fri, records, {}, day(50));
  CHECK(state.stage == 2);
  REQUIRE(state.decisions.size() == 3);
  CHECK(state.decisions[1].date == day(14));
  CHECK(state.decisions[2].date == day(28));
  CHECK(state.decisions[2].why.rfind("moved on to stage 3", 0) == 0);
}

TEST_CASE("two painful sessions step back one stage the next day and say to see a clinician") {
  const auto catalogue = follow_catalogue();
  auto records = every_session(2, 1, Effort::right);
  records.push_back({day(14), 6, Effort::right, std::nullopt, false});
  records.push_back({day(16), 7, Effort::hard, std::nullopt, false});
  const auto on_second = valgus::stage_on(catalogue, {1, 3, 5}, monday, mon_wed_fri, records, {}, day(16));
  CHECK(on_second.stage == 1);  // decided tomorrow
  const auto state = valgus::stage_on(catalogue, {1, 3, 5}, monday, mon_wed_fri, records, {}, day(17));
  CHECK(state.stage == 0);
  CHECK(state.week == 1);
  CHECK(state.see_clinician);
  CHECK(state.decisions.back().date == day(17));
  CHECK(state.decisions.back().move == StageMove::step_back);
  CHECK(state.decisions.back().why ==
        "stepped back to stage 1: 2 sessions with pain of 6/10 or more (during a session or the next "
        "morning); jumps and hops wait until the programme moves on; if the pain persists, see a clinician");
}

TEST_CASE("painful sessions at the first stage keep it there and say to see a clinician") {
  const auto catalogue = follow_catalogue();
  const std::vector<SessionRecord> records{{day(0), 8, Effort::hard, std::nullopt, false},
                                           {day(2), 6, Effort::hard, std::nullopt, false}};
  const auto state = valgus::stage_on(catalogue, {1, 3}, monday, mon_wed_fri, records, {}, day(3));
  CHECK(state.stage == 0);
  CHECK(state.see_clinician);
  CHECK(state.decisions.back().why ==
        "stayed at stage 1, the first: 2 sessions with pain of 6/10 or more (during a session or the "
        "next morning); jumps and hops wait until the programme moves on; if the pain persists, see a clinician");
}

TEST_CASE("without progression rules the programme never moves") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto state =
      valgus::stage_on(catalogue, {1, 3}, monday, mon_wed_fri, every_session(6, 9, Effort::hard), {}, day(41));
  CHECK(state.stage == 0);
  CHECK(state.decisions.size() == 1);
}

TEST_CASE("property: the stage is always in range and moves one step at a time, only at the rules' moments") {
  const auto catalogue = follow_catalogue();
  const std::vector<int> weeks{1, 3, 5, 7};
  std::mt19937 random(20261203);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<SessionRecord> records;
    for (int offset = 0; offset < 70; ++offset) {
      if (random() % 3 != 0) {
        const int pain = static_cast<int>(random() % 11);
        records.push_back({day(offset), pain, static_cast<Effort>(random() % 3), std::nullopt, false});
      }
    }
    const auto state = valgus::stage_on(catalogue, weeks, monday, mon_wed_fri, records, {}, day(69));
    CHECK(state.stage >= 0);
    CHECK(state.stage < 4);
    for (std::size_t i = 1; i < state.decisions.size(); ++i) {
      const auto& d = state.decisions[i];
      CHECK(std::abs(d.to - d.from) <= 1);
      CHECK(state.decisions[i - 1].date <= d.date);
      if (d.move == StageMove::advance) {
        CHECK(valgus::days_between(monday, d.date) % 7 == 0);
        CHECK(weeks[static_cast<std::size_t>(d.to)] <= valgus::days_between(monday, d.date) / 7 + 1);
      }
    }
  }
}

TEST_CASE("day plan: a training day's session, a rest day's next session, a day before the start") {
  const auto catalogue = follow_catalogue();
  const auto plan = valgus::make_plan(catalogue, week_one());
  REQUIRE(plan.sessions.size() >= 1);
  const auto monday_plan = valgus::day_plan(plan, monday, monday);
  REQUIRE(monday_plan.session != nullptr);
  CHECK(monday_plan.programme_week == 1);
  CHECK(monday_plan.exercises.size() == monday_plan.session->exercise_ids.size());
  CHECK(monday_plan.next_date == day(2));
  const auto tuesday = valgus::day_plan(plan, monday, day(8));
  CHECK(tuesday.session == nullptr);
  CHECK(tuesday.programme_week == 2);
  CHECK(tuesday.next_date == day(9));
  const auto before = valgus::day_plan(plan, monday, valgus::add_days(monday, -3));
  CHECK(before.programme_week == 0);
  CHECK(before.session == nullptr);
  CHECK(before.next_date == monday);
  // A session moved to a rest day is the next one of the week.
  CHECK(valgus::session_for_log(plan, day(1)) == valgus::day_plan(plan, monday, day(2)).session);
  CHECK(valgus::session_for_log(plan, day(5)) == monday_plan.session);
}

TEST_CASE("progress week by week: planned to the date, done, adherence, mean pain, stage at the week's end") {
  const auto catalogue = follow_catalogue();
  auto records = every_session(2, 2, Effort::right);
  records.push_back({day(14), 4, Effort::right, std::nullopt, false});
  const auto state = valgus::stage_on(catalogue, {1, 3, 5}, monday, mon_wed_fri, records, {}, day(15));
  const auto weeks = valgus::progress_by_week(state, {1, 3, 5}, monday, mon_wed_fri, records, day(15));
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].planned == 3);
  CHECK(weeks[0].done == 3);
  CHECK(weeks[0].adherence_percent == 100);
  CHECK(weeks[0].mean_pain == doctest::Approx(2.0));
  CHECK(weeks[0].stage == 0);
  CHECK(weeks[1].stage == 0);
  CHECK(weeks[2].first == day(14));
  CHECK(weeks[2].planned == 1);  // Monday only: the date is Tuesday
  CHECK(weeks[2].done == 1);
  CHECK(weeks[2].mean_pain == doctest::Approx(4.0));
  CHECK(weeks[2].stage == 1);
  CHECK(weeks[2].stage_week == 3);
  const auto before = valgus::stage_on(catalogue, {1}, monday, mon_wed_fri, records, {}, day(-1));
  CHECK(valgus::progress_by_week(before, {1}, monday, mon_wed_fri, records, day(-1)).empty());
}

TEST_CASE("progress counts each week's planned days as a day-by-day count would, for any days and dates") {
  // planned_between counts whole weeks at once: checked against counting
  // day by day, for random training days, starts (any weekday) and dates.
  std::mt19937 random(2026);
  for (int round = 0; round < 300; ++round) {
    std::vector<int> days;
    for (int d = 0; d < 7; ++d) {
      if (random() % 2 == 0) {
        days.push_back(d);
      }
    }
    const Date start = valgus::add_days(Date{2027, 1, 1}, static_cast<int>(random() % 14));
    const Date date = valgus::add_days(start, static_cast<int>(random() % 60));
    CAPTURE(round);
    const valgus::StageState state;
    const auto weeks = valgus::progress_by_week(state, {1}, start, days, {}, date);
    REQUIRE(!weeks.empty());
    for (const auto& week : weeks) {
      int expected = 0;
      for (Date d = week.first; d <= date && d < valgus::add_days(week.first, 7); d = valgus::add_days(d, 1)) {
        expected += std::find(days.begin(), days.end(), valgus::weekday(d)) != days.end() ? 1 : 0;
      }
      CHECK(week.planned == expected);
    }
  }
}
