#include "core/follow/guide.hpp"

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

using valgus::Countdown;
using valgus::Dose;
using valgus::Guide;
using valgus::GuideStep;
using valgus::Outcome;
using valgus::Range;
using valgus::Side;
using valgus::StepKind;

namespace {

// One step in a line, so a whole exercise reads as a list:
// "timed L 1/2 30", "hold R 1/1 rep 2/3 3+4", "reps B 2/3 15", "setup 15".
std::string line(const GuideStep& step) {
  const char side = step.side == Side::left ? 'L' : step.side == Side::right ? 'R' : 'B';
  std::string text = fmt::format("{}", valgus::to_string(step.kind));
  if (step.kind != StepKind::setup) {
    text += fmt::format(" {} {}/{}", side, step.set, step.sets);
  }
  switch (step.kind) {
    case StepKind::hold:
      text += fmt::format(" rep {}/{} {}+{}", step.rep, step.reps, step.move_seconds, step.seconds);
      break;
    case StepKind::reps: text += fmt::format(" {}", valgus::format_range(step.reps_asked)); break;
    default: text += fmt::format(" {}", step.seconds); break;
  }
  return text;
}

std::vector<std::string> lines(const std::vector<GuideStep>& steps) {
  std::vector<std::string> out;
  for (const GuideStep& step : steps) {
    out.push_back(line(step));
  }
  return out;
}

// The guided session's time: every countdown, and a rep prompt's
// repetitions at the dose's tempo.
std::int64_t guided_seconds(const std::vector<GuideStep>& steps, const Dose& dose) {
  std::int64_t seconds = 0;
  for (const GuideStep& step : steps) {
    seconds += step.kind == StepKind::reps ? std::int64_t{valgus::guided_value(step.reps_asked)} * dose.seconds_per_rep
                                           : step.countdown_seconds();
  }
  return seconds;
}

Dose timed(int sets, int seconds, bool per_side) {
  Dose dose;
  dose.sets = Range{sets, sets};
  dose.duration_seconds = Range{seconds, seconds};
  dose.per_side = per_side;
  return dose;
}

valgus::PlannedExercise planned(const Dose& dose) {
  valgus::PlannedExercise exercise;
  exercise.dose = dose;
  return exercise;
}

// Three exercises: 1 timed set (setup, timed), 2 rep sets (setup, reps,
// rest, reps), 1 timed set: steps 0-1, 2-5, 6-7.
std::vector<valgus::PlannedExercise> three_exercises() {
  Dose reps;
  reps.sets = Range{2, 2};
  reps.reps = Range{10, 10};
  return {planned(timed(1, 30, false)), planned(reps), planned(timed(1, 60, false))};
}

}  // namespace

TEST_CASE("a timed dose on each side: sets with rests, one side then the other") {
  const std::vector<GuideStep> steps = valgus::exercise_steps(timed(2, 30, true), 4);
  CHECK(lines(steps) == std::vector<std::string>{"setup 15", "timed L 1/2 30", "rest L 2/2 20", "timed L 2/2 30",
                                                 "switch_sides R 1/2 10", "timed R 1/2 30", "rest R 2/2 20",
                                                 "timed R 2/2 30"});
  for (const GuideStep& step : steps) {
    CHECK(step.exercise == 4);
  }
  // The constants are the time model's, not new ones.
  CHECK(steps[0].seconds == valgus::setup_seconds);
  CHECK(steps[2].seconds == valgus::rest_between_sets_seconds);
  CHECK(steps[4].seconds == valgus::side_change_seconds);
}

TEST_CASE("a rep dose without a hold is one prompt per set, ended with Enter") {
  Dose dose;
  dose.sets = Range{3, 3};
  dose.reps = Range{10, 15};
  const std::vector<GuideStep> steps = valgus::exercise_steps(dose, 0);
  CHECK(lines(steps) == std::vector<std::string>{"setup 15", "reps B 1/3 10–15", "rest B 2/3 20", "reps B 2/3 10–15",
                                                 "rest B 3/3 20", "reps B 3/3 10–15"});
  CHECK_FALSE(steps[1].is_countdown());
  CHECK(steps[1].countdown_seconds() == 0);
  CHECK(steps[2].is_countdown());
}

TEST_CASE("a rep dose with a hold counts each repetition: move in at the tempo, then hold") {
  Dose dose;
  dose.reps = Range{3, 3};
  dose.hold_seconds = Range{3, 5};
  dose.per_side = true;
  const std::vector<GuideStep> steps = valgus::exercise_steps(dose, 1);
  CHECK(lines(steps) == std::vector<std::string>{"setup 15", "hold L 1/1 rep 1/3 3+4", "hold L 1/1 rep 2/3 3+4",
                                                 "hold L 1/1 rep 3/3 3+4", "switch_sides R 1/1 10",
                                                 "hold R 1/1 rep 1/3 3+4", "hold R 1/1 rep 2/3 3+4",
                                                 "hold R 1/1 rep 3/3 3+4"});
  GuideStep first;
  first.kind = StepKind::hold;
  first.exercise = 1;
  first.side = Side::left;
  first.set = 1;
  first.sets = 1;
  first.rep = 1;
  first.reps = 3;
  first.move_seconds = 3;
  first.seconds = 4;
  CHECK(steps[1] == first);
  CHECK(steps[1].countdown_seconds() == 7);
}

TEST_CASE("holds in two sets rest between the sets, not between repetitions") {
  Dose dose;
  dose.sets = Range{2, 2};
  dose.reps = Range{2, 2};
  dose.hold_seconds = Range{5, 5};
  dose.seconds_per_rep = 2;
  CHECK(lines(valgus::exercise_steps(dose, 0)) ==
        std::vector<std::string>{"setup 15", "hold B 1/2 rep 1/2 2+5", "hold B 1/2 rep 2/2 2+5", "rest B 2/2 20",
                                 "hold B 2/2 rep 1/2 2+5", "hold B 2/2 rep 2/2 2+5"});
}

TEST_CASE("one-sided valgus: the affected leg first, with its extra set") {
  Dose dose = timed(1, 30, true);
  dose.extra_set_side = Side::right;
  CHECK(lines(valgus::exercise_steps(dose, 0)) == std::vector<std::string>{"setup 15", "timed R 1/2 30",
                                                                           "rest R 2/2 20", "timed R 2/2 30",
                                                                           "switch_sides L 1/1 10", "timed L 1/1 30"});
  dose.extra_set_side = Side::left;
  CHECK(lines(valgus::exercise_steps(dose, 0)) == std::vector<std::string>{"setup 15", "timed L 1/2 30",
                                                                           "rest L 2/2 20", "timed L 2/2 30",
                                                                           "switch_sides R 1/1 10", "timed R 1/1 30"});
  // Not per side: the extra set has no leg to go to.
  Dose both = timed(1, 30, false);
  both.extra_set_side = Side::left;
  CHECK(lines(valgus::exercise_steps(both, 0)) == std::vector<std::string>{"setup 15", "timed B 1/1 30"});
}

TEST_CASE("ranges are guided at their middle, rounded up, as the time estimate plans") {
  CHECK(valgus::guided_value(Range{3, 5}) == 4);
  CHECK(valgus::guided_value(Range{2, 3}) == 3);
  CHECK(valgus::guided_value(Range{60, 120}) == 90);
  CHECK(valgus::guided_value(Range{30, 30}) == 30);
  Dose dose;
  dose.sets = Range{1, 2};
  dose.duration_seconds = Range{60, 120};
  CHECK(lines(valgus::exercise_steps(dose, 0)) ==
        std::vector<std::string>{"setup 15", "timed B 1/2 90", "rest B 2/2 20", "timed B 2/2 90"});
}

TEST_CASE("a dose without reps or a duration is still a set to do, one prompt") {
  CHECK(lines(valgus::exercise_steps(Dose{}, 0)) == std::vector<std::string>{"setup 15", "reps B 1/1 0"});
  Dose hold_only;
  hold_only.hold_seconds = Range{10, 10};
  CHECK(lines(valgus::exercise_steps(hold_only, 0)) == std::vector<std::string>{"setup 15", "hold B 1/1 rep 1/1 3+10"});
}

TEST_CASE("the guided session lasts what the plan estimated") {
  const valgus::Catalogue catalogue = valgus::test::fixture_catalogue();
  int checked = 0;
  for (const valgus::Exercise& exercise : catalogue.exercises) {
    const std::vector<GuideStep> steps = valgus::exercise_steps(exercise.dose, 0);
    CAPTURE(exercise.id);
    CHECK(guided_seconds(steps, exercise.dose) == valgus::estimate_seconds(exercise.dose));
    ++checked;
  }
  CHECK(checked > 5);
  Dose extra = timed(2, 45, true);
  extra.extra_set_side = Side::left;
  CHECK(guided_seconds(valgus::exercise_steps(extra, 0), extra) == valgus::estimate_seconds(extra));
  Dose reps;
  reps.sets = Range{2, 3};
  reps.reps = Range{10, 15};
  reps.per_side = true;
  CHECK(guided_seconds(valgus::exercise_steps(reps, 0), reps) == valgus::estimate_seconds(reps));
}

TEST_CASE("the fixture's clam: 20 holds a side, a switch between") {
  const valgus::Catalogue catalogue = valgus::test::fixture_catalogue();
  const valgus::Exercise* clam = nullptr;
  for (const valgus::Exercise& exercise : catalogue.exercises) {
    if (exercise.id == "clam") {
      clam = &exercise;
    }
  }
  REQUIRE(clam != nullptr);
  const valgus::PlannedExercise described = valgus::describe_exercise(catalogue, *clam);
  const std::vector<GuideStep> steps = valgus::session_steps({described, described});
  REQUIRE(steps.size() == 2 * (1 + 20 + 1 + 20));
  CHECK(line(steps[20]) == "hold L 1/1 rep 20/20 3+4");
  CHECK(line(steps[21]) == "switch_sides R 1/1 10");
  CHECK(line(steps[42]) == "setup 15");
  CHECK(steps[41].exercise == 0);
  CHECK(steps[42].exercise == 1);
}

TEST_CASE("next walks every step; the last step of an exercise marks it done") {
  Guide guide(three_exercises());
  REQUIRE(guide.steps().size() == 8);
  CHECK(guide.position() == 0);
  CHECK(guide.exercise() == 0);
  guide.next();
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::not_reached, Outcome::not_reached, Outcome::not_reached});
  guide.next();
  CHECK(guide.position() == 2);
  CHECK(guide.exercise() == 1);
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::done, Outcome::not_reached, Outcome::not_reached});
  for (int step = 0; step < 6; ++step) {
    CHECK_FALSE(guide.finished());
    guide.next();
  }
  CHECK(guide.finished());
  CHECK(guide.exercise() == 3);
  CHECK(guide.done() == 3);
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::done, Outcome::done, Outcome::done});
  guide.next();  // past the end: nothing moves
  CHECK(guide.position() == 8);
}

TEST_CASE("back: to the start of the exercise, then to the start of the one before") {
  Guide guide(three_exercises());
  guide.back();  // at the very start: stays
  CHECK(guide.position() == 0);
  guide.next();
  guide.next();
  guide.next();
  guide.next();  // exercise 1, its rest
  CHECK(guide.position() == 4);
  guide.back();
  CHECK(guide.position() == 2);  // the start of exercise 1
  guide.back();
  CHECK(guide.position() == 0);                 // the start of exercise 0
  CHECK(guide.outcomes()[0] == Outcome::done);  // done stays done when it is redone
  for (int step = 0; step < 8; ++step) {
    guide.next();
  }
  CHECK(guide.finished());
  guide.back();  // finished: the start of the last exercise
  CHECK(guide.position() == 6);
  CHECK(guide.exercise() == 2);
}

TEST_CASE("skip: the exercise is skipped and the next one starts; done is kept") {
  Guide guide(three_exercises());
  guide.next();
  guide.skip();  // exercise 0 from its timed set
  CHECK(guide.position() == 2);
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::skipped, Outcome::not_reached, Outcome::not_reached});
  guide.next();
  guide.next();
  guide.next();
  guide.next();  // exercise 1 done
  CHECK(guide.outcomes()[1] == Outcome::done);
  CHECK(guide.position() == 6);  // already at the start of exercise 2
  guide.back();                  // so to the start of exercise 1
  CHECK(guide.position() == 2);
  guide.skip();  // done before: stays done
  CHECK(guide.outcomes()[1] == Outcome::done);
  CHECK(guide.position() == 6);
  guide.back();
  guide.back();  // start of exercise 0, skipped before
  CHECK(guide.position() == 0);
  guide.next();
  guide.next();  // done this time
  CHECK(guide.outcomes()[0] == Outcome::done);
  guide.skip();  // exercise 1, done
  guide.skip();  // exercise 2, never done
  CHECK(guide.finished());
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::done, Outcome::done, Outcome::skipped});
  CHECK(guide.done() == 2);
  guide.skip();  // finished: nothing moves
  CHECK(guide.finished());
}

TEST_CASE("quitting part-way: the exercise under way is not done") {
  Guide guide(three_exercises());
  guide.next();
  guide.next();
  guide.next();  // within exercise 1
  CHECK(guide.outcomes() == std::vector<Outcome>{Outcome::done, Outcome::not_reached, Outcome::not_reached});
  CHECK(guide.done() == 1);
}

TEST_CASE("an empty session is finished before it starts") {
  Guide guide(std::vector<valgus::PlannedExercise>{});
  CHECK(guide.finished());
  guide.next();
  guide.back();
  guide.skip();
  CHECK(guide.finished());
  CHECK(guide.outcomes().empty());
  CHECK(guide.exercise() == 0);
}

TEST_CASE("a countdown: whole seconds rounded up, frozen while paused") {
  Countdown countdown(3, 1000);
  CHECK(countdown.seconds_left() == 3);
  CHECK(countdown.ms_to_next_tick() == 1000);
  countdown.advance(400);
  CHECK(countdown.seconds_left() == 3);
  CHECK(countdown.ms_to_next_tick() == 600);
  countdown.toggle_pause();
  CHECK(countdown.paused());
  countdown.advance(5000);
  CHECK(countdown.seconds_left() == 3);
  CHECK_FALSE(countdown.over());
  countdown.toggle_pause();
  countdown.advance(600);
  CHECK(countdown.seconds_left() == 2);
  countdown.advance(-50);  // a clock that went back moves nothing
  CHECK(countdown.seconds_left() == 2);
  countdown.advance(1999);
  CHECK(countdown.seconds_left() == 1);
  CHECK(countdown.ms_to_next_tick() == 1);
  countdown.advance(10'000);
  CHECK(countdown.over());
  CHECK(countdown.seconds_left() == 0);
  CHECK(countdown.ms_to_next_tick() == 0);

  Countdown fast(2, 20);  // VALGUS_GO_SECOND_MS=20
  fast.advance(21);
  CHECK(fast.seconds_left() == 1);
  CHECK(fast.ms_to_next_tick() == 19);
  CHECK(Countdown(0, 1000).over());
}

TEST_CASE("step kinds have their names") {
  CHECK(valgus::to_string(StepKind::setup) == "setup");
  CHECK(valgus::to_string(StepKind::hold) == "hold");
  CHECK(valgus::to_string(StepKind::timed) == "timed");
  CHECK(valgus::to_string(StepKind::reps) == "reps");
  CHECK(valgus::to_string(StepKind::rest) == "rest");
  CHECK(valgus::to_string(StepKind::switch_sides) == "switch_sides");
}
