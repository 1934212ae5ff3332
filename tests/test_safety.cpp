// Pain and warning signs in a followed programme (the pain-monitoring model
// as catalogue data): 0-3 may advance, 4-5 holds, 6 or more steps back and
// leaves impact drills out, 8 or more or any warning symptom pauses until
// `valgus resume`, which restarts one stage lower. Exact decisions and
// sentences at every threshold's edge.
#include "core/follow/stage.hpp"
#include "core/plan/planner.hpp"
#include "fixtures.hpp"
#include "render/wording.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using valgus::Date;
using valgus::Effort;
using valgus::LoggedSession;
using valgus::SafetyEvent;
using valgus::SafetyKind;
using valgus::SessionRecord;
using valgus::StageMove;

namespace {

const char* const rules_yaml = R"(progression:
  - {id: advance, window_days: 14, adherence_percent: 80, mean_pain_at_most: 3, hard_sessions_at_most: 0, why: w, source: s}
  - {id: hold, pain_at_least: 4, why: w, source: s}
  - {id: step-back, pain_at_least: 6, sessions: 1, why: w, source: s}
  - {id: pause, pain_at_least: 8, sessions: 1, why: w, source: s}
symptoms:
  - {id: swelling, name: swelling, question: "Swollen?", why: w, source: s}
  - {id: giving-way, name: the knee giving way, question: "Gave way?", why: w, source: s}
)";

valgus::Catalogue safety_catalogue() {
  auto files = valgus::test::fixture_files();
  files.push_back(valgus::CatalogueFile{"rules.yaml", rules_yaml, 1});
  return valgus::load_catalogue_or_throw(valgus::Catalogue{}, files);
}

const Date monday{2027, 1, 4};
const std::vector<int> mon_wed_fri{0, 2, 4};
const std::vector<int> weeks{1, 3, 5};

Date day(int offset) { return valgus::add_days(monday, offset); }

// Every Monday, Wednesday and Friday of the first two weeks at this pain.
std::vector<SessionRecord> two_weeks(int pain) {
  std::vector<SessionRecord> records;
  for (const int offset : {0, 2, 4, 7, 9, 11}) {
    records.push_back({day(offset), pain, Effort::right, std::nullopt, false});
  }
  return records;
}

valgus::StageState stage(const std::vector<SessionRecord>& records, const std::vector<SafetyEvent>& events, Date on) {
  return valgus::stage_on(safety_catalogue(), weeks, monday, mon_wed_fri, records, events, on);
}

LoggedSession session_on(Date date, std::optional<int> pain) {
  LoggedSession logged;
  logged.date = date;
  logged.pain = pain;
  return logged;
}

}  // namespace

TEST_CASE("the worst pain of a session is the higher of during and the next morning") {
  CHECK(SessionRecord{day(0), 2, Effort::easy, 5, false}.worst_pain() == 5);
  CHECK(SessionRecord{day(0), 7, Effort::easy, 1, false}.worst_pain() == 7);
  CHECK(SessionRecord{day(0), std::nullopt, Effort::easy, 4, false}.worst_pain() == 4);
  CHECK_FALSE(SessionRecord{day(0), std::nullopt, Effort::easy, std::nullopt, false}.worst_pain());
}

TEST_CASE("pain of 3 everywhere moves on; one session at 4 holds the stage and says which") {
  CHECK(stage(two_weeks(3), {}, day(14)).stage == 1);
  auto records = two_weeks(1);
  records[3].next_morning_pain = 4;  // day 7, the next morning
  const auto held = stage(records, {}, day(14));
  CHECK(held.stage == 0);
  CHECK(held.decisions.back().move == StageMove::hold);
  CHECK(held.decisions.back().why ==
        "held at stage 1: pain of 4/10 on 2027-01-11; the doses wait for the last 2 weeks with pain "
        "under 4/10");
}

TEST_CASE("one session at 6 steps back the next day and leaves impact drills out; at 5 it does not") {
  auto records = two_weeks(1);
  records.push_back({day(14), 5, Effort::right, std::nullopt, false});
  const auto five = stage(records, {}, day(15));
  CHECK(five.stage == 1);
  CHECK_FALSE(five.impact_out);
  records.back().pain = 1;
  records.back().next_morning_pain = 6;
  const auto six = stage(records, {}, day(15));
  CHECK(six.stage == 0);
  CHECK(six.impact_out);
  CHECK(six.see_clinician);
  CHECK(six.decisions.back().move == StageMove::step_back);
  CHECK(six.decisions.back().why ==
        "stepped back to stage 1: a session with pain of 6/10 or more (during a session or the "
        "next morning); jumps and hops wait until the programme moves on; if the pain persists, see a clinician");
}

TEST_CASE("pain of 8 or a warning symptom pauses, each with its reason; 7 does not") {
  const auto catalogue = safety_catalogue();
  CHECK_FALSE(valgus::pause_for(catalogue, session_on(day(2), 7), {}, {}));
  const auto eight = valgus::pause_for(catalogue, session_on(day(2), 8), {}, {});
  REQUIRE(eight);
  CHECK(*eight == SafetyEvent{day(2), SafetyKind::pause, "pain of 8/10 on 2027-01-06"});
  auto morning = session_on(day(2), 3);
  morning.next_morning_pain = 9;
  CHECK(valgus::pause_for(catalogue, morning, {}, {})->reason == "pain of 9/10 the morning after 2027-01-06");
  auto signs = session_on(day(4), 2);
  signs.symptoms = {"swelling", "giving-way"};
  CHECK(valgus::pause_for(catalogue, signs, {}, {})->reason == "swelling and the knee giving way logged on 2027-01-08");
  // Paused already: the first pause stands.
  const std::vector<SafetyEvent> paused{{day(2), SafetyKind::pause, "pain of 8/10 on 2027-01-06"}};
  CHECK_FALSE(valgus::pause_for(catalogue, signs, {}, paused));
}

TEST_CASE("a pause stops every decision until resume, which restarts one stage lower without impact drills") {
  auto records = two_weeks(1);
  records.push_back({day(16), 9, Effort::hard, std::nullopt, false});  // in stage 2
  const std::vector<SafetyEvent> paused{{day(16), SafetyKind::pause, "pain of 9/10 on 2027-01-20"}};
  const auto during = stage(records, paused, day(40));
  REQUIRE(during.pause);
  CHECK(during.pause->date == day(16));
  CHECK(during.stage == 1);  // neither stepped back by the pausing session nor moved on while paused
  CHECK(during.decisions.back().date == day(14));
  CHECK(valgus::pause_in_force(paused) == paused.front());

  auto resumed = paused;
  resumed.push_back({day(30), SafetyKind::resume, "cleared by a clinician"});
  CHECK_FALSE(valgus::pause_in_force(resumed));
  const auto after = stage(records, resumed, day(30));
  CHECK_FALSE(after.pause);
  CHECK(after.stage == 0);
  CHECK(after.impact_out);
  CHECK(after.decisions.back().move == StageMove::resume);
  CHECK(after.decisions.back().why ==
        "resumed after the pause of 2027-01-20 (pain of 9/10 on 2027-01-20): one stage lower, stage 1");
  // Two good weeks later the programme moves on and the drills come back.
  for (const int offset : {30, 32, 35, 37, 39, 42, 44, 46}) {
    records.push_back({day(offset), 1, Effort::right, std::nullopt, false});
  }
  const auto later = stage(records, resumed, day(49));
  CHECK(later.stage == 1);
  CHECK_FALSE(later.impact_out);
}

TEST_CASE("while pain has stepped the programme back, the plan leaves impact drills out and says so") {
  const auto catalogue = valgus::builtin_catalogue();
  valgus::Request request;
  request.problems = {"hip-rotation"};
  request.when = "landing";
  request.week = 4;
  request.days = {0, 2, 4};
  request.minutes = 20;
  request.max_exercises = 6;
  const auto impact_in = [&](const valgus::Plan& plan) {
    for (const auto& phase : plan.phases) {
      for (const auto& planned : phase.exercises) {
        if (planned.exercise.impact) {
          return true;
        }
      }
    }
    return false;
  };
  CHECK(impact_in(valgus::make_plan(catalogue, request)));
  request.leave_out_impact = true;
  const auto plan = valgus::make_plan(catalogue, request);
  CHECK_FALSE(impact_in(plan));
  CHECK(std::any_of(plan.adjustments.begin(), plan.adjustments.end(), [](const valgus::Adjustment& adjustment) {
    return adjustment.text ==
           "left out while pain has stepped the programme back (jumps, hops and drops wait until it moves on again): "
           "Double-leg drop and stick; Jump, land and stick; Single-leg hop and stick";
  }));
}

TEST_CASE("every plan says what to do when it hurts, from the catalogue's pain rules and warning symptoms") {
  valgus::Request request;
  request.problems = {"hip-rotation"};
  request.days = {0, 2, 4};
  request.minutes = 20;
  request.max_exercises = 6;
  const auto plan = valgus::make_plan(valgus::builtin_catalogue(), request);
  CHECK(valgus::pain_guide(plan) ==
        std::vector<std::string>{
            "Pain of 4 to 5 out of 10, during a session or the next morning: keep the doses as they are; do not make "
            "them harder.",
            "Pain of 6 out of 10 or more: go back to the easier doses of the weeks before and leave out jumps and "
            "hops until the pain settles.",
            "Pain of 8 out of 10 or more, or swelling, locking or catching, the knee giving way or pain at rest or "
            "at night: stop the programme and see a doctor or physiotherapist before you train again."});
  // Without rules or symptoms (the fixture catalogue) there is nothing to say.
  valgus::Request fixture;
  fixture.problems = {"hip"};
  CHECK(valgus::pain_guide(valgus::make_plan(valgus::test::fixture_catalogue(), fixture)).empty());
}

TEST_CASE("a referral stays in force until a clearance comes after it") {
  const SafetyEvent referred{day(0), SafetyKind::referred, "Does the knee swell?"};
  const SafetyEvent cleared{day(3), SafetyKind::cleared, "cleared by a clinician"};
  CHECK_FALSE(valgus::referral_in_force({}));
  CHECK(valgus::referral_in_force({referred}) == referred);
  CHECK_FALSE(valgus::referral_in_force({referred, cleared}));
  const SafetyEvent again{day(9), SafetyKind::referred, "Does it give way?"};
  CHECK(valgus::referral_in_force({referred, cleared, again}) == again);
  // A pause is not a referral.
  CHECK_FALSE(valgus::referral_in_force({{day(1), SafetyKind::pause, "pain of 9/10 on 2027-01-05"}}));
}

TEST_CASE("a habit whose advice would feed a problem is left out of that problem's plans") {
  const auto catalogue = valgus::builtin_catalogue();
  const auto habits_of = [&](const std::string& problem) {
    valgus::Request request;
    request.problems = {problem};
    std::vector<std::string> ids;
    for (const auto& habit : valgus::make_plan(catalogue, request).habits) {
      ids.push_back(habit.id);
    }
    return ids;
  };
  CHECK(habits_of("hip-rotation") == std::vector<std::string>{"w-sitting", "driving", "sitting-knees-in", "sleeping"});
  CHECK(habits_of("tibial-rotation") == std::vector<std::string>{"w-sitting", "driving", "sitting-knees-in"});
}

TEST_CASE("notes are chosen by problem: insoles with a rolling-in foot, supinated feet without one, the rest always") {
  const valgus::Catalogue catalogue = valgus::builtin_catalogue();
  const auto notes_of = [&](const std::vector<std::string>& problems) {
    valgus::Request request;
    request.problems = problems;
    std::vector<std::string> ids;
    for (const valgus::Note& note : valgus::make_plan(catalogue, request).notes) {
      ids.push_back(note.id);
    }
    return ids;
  };
  const auto has = [](const std::vector<std::string>& ids, const char* id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const valgus::Problem& problem : catalogue.problems) {
    CAPTURE(problem.id);
    const auto ids = notes_of({problem.id});
    CHECK(has(ids, "gym"));
    CHECK(has(ids, "after-surgery"));
    CHECK(has(ids, "safety"));
    CHECK(ids.back() == "safety");
    CHECK(has(ids, "insoles") == (problem.id == "pronation" || problem.id == "big-toe"));
    CHECK(has(ids, "supinated-feet") == (problem.id != "pronation"));
  }
  CHECK_FALSE(has(notes_of({"hip-rotation", "pronation"}), "supinated-feet"));
  CHECK(has(notes_of({"hip-rotation", "pronation"}), "insoles"));
}
