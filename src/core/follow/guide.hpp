#pragma once

// The guided session (`valgus go`) without a terminal: a session's exercises
// become a list of steps (set-up, holds, timed sets, rep prompts, rests and
// side changes), walked by a cursor that can go on, go back and skip an
// exercise, and that remembers which exercises were done. Pure: the clock
// and the keys are read in cli/go.cpp through io/terminal, and the screen is
// drawn by render/render_go_screen.

#include "core/model/model.hpp"
#include "core/plan/planner.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

// What one step asks of the person.
// - setup: read the steps and get into position (a countdown of
//   setup_seconds; Enter starts at once).
// - hold: one repetition of a rep set with a hold: `move_seconds` to move
//   into the position (the dose's tempo), then `seconds` of holding.
// - timed: a set of continuous work (a stretch, rolling, balance).
// - reps: a set of repetitions without a hold, done at the person's pace;
//   Enter when done.
// - rest: between two sets on the same side.
// - switch_sides: between the last set of one side and the first of the
//   other.
enum class StepKind { setup, hold, timed, reps, rest, switch_sides };
[[nodiscard]] std::string_view to_string(StepKind kind);

struct GuideStep {
  StepKind kind = StepKind::setup;
  std::size_t exercise = 0;  // index into the session's exercises
  Side side = Side::both;    // the leg this step works (both: not per side)
  int set = 0;               // 1-based set on this side; 0 for setup
  int sets = 0;              // sets on this side
  int rep = 0;               // hold: 1-based repetition of the set
  int reps = 0;              // hold: repetitions in the set
  Range reps_asked;          // reps: what the dose asks for, as the person reads it
  int move_seconds = 0;      // hold: moving into the position, before the hold
  int seconds = 0;           // countdown length (holds: the hold alone); 0 for reps

  // The whole countdown: moving in and holding for a hold.
  [[nodiscard]] int countdown_seconds() const { return move_seconds + seconds; }
  [[nodiscard]] bool is_countdown() const { return kind != StepKind::reps; }

  [[nodiscard]] auto tied() const {
    return std::tie(kind, exercise, side, set, sets, rep, reps, reps_asked, move_seconds, seconds);
  }
  friend bool operator==(const GuideStep& a, const GuideStep& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const GuideStep& a, const GuideStep& b) { return !(a == b); }
};

// The value a guided countdown uses for a range: its middle, rounded up, as
// estimate_seconds plans with ("3–5 s" holds 4 s, "2–3 sets" is 3), so the
// guided session lasts what the plan estimated.
[[nodiscard]] int guided_value(Range range);

// The steps of one exercise (index `exercise` of its session): a setup, then
// each side's sets (per-side doses: left first, or the leg with the extra
// set first, as it is done fresh), sets separated by a rest and the sides
// by a switch. A rep set with a hold is one hold step per repetition.
[[nodiscard]] std::vector<GuideStep> exercise_steps(const Dose& dose, std::size_t exercise);

// The steps of a whole session, exercise after exercise.
[[nodiscard]] std::vector<GuideStep> session_steps(const std::vector<PlannedExercise>& exercises);

// How an exercise ended. done sticks: going back to an exercise done and
// skipping it leaves it done (what was done is kept).
enum class Outcome { not_reached, skipped, done };

// A cursor over a session's steps.
class Guide {
 public:
  explicit Guide(const std::vector<PlannedExercise>& exercises);
  Guide(std::vector<GuideStep> steps, std::size_t exercises);

  [[nodiscard]] const std::vector<GuideStep>& steps() const { return steps_; }
  [[nodiscard]] std::size_t position() const { return position_; }
  // Past the last step: every exercise done or skipped.
  [[nodiscard]] bool finished() const { return position_ >= steps_.size(); }
  // The step at the cursor; only when not finished.
  [[nodiscard]] const GuideStep& current() const { return steps_.at(position_); }
  // The exercise at the cursor (the count of exercises when finished).
  [[nodiscard]] std::size_t exercise() const;

  // The current step is over (its countdown ended, or Enter): on to the
  // next; the last step of an exercise marks it done.
  void next();
  // Back: to the start of the current exercise; already at its start, to
  // the start of the previous one (at the first exercise's start: stays).
  // Finished, to the start of the last exercise.
  void back();
  // The current exercise is skipped (unless done before): on to the start
  // of the next.
  void skip();

  [[nodiscard]] const std::vector<Outcome>& outcomes() const { return outcomes_; }
  // Exercises done.
  [[nodiscard]] std::size_t done() const;

 private:
  [[nodiscard]] std::size_t start_of(std::size_t exercise) const;

  std::vector<GuideStep> steps_;
  std::vector<Outcome> outcomes_;
  std::size_t position_ = 0;
};

// A countdown that can pause, in milliseconds so tests can shorten a
// second (VALGUS_GO_SECOND_MS).
class Countdown {
 public:
  Countdown() = default;
  Countdown(int seconds, int second_ms) : total_ms_(std::int64_t{seconds} * second_ms), second_ms_(second_ms) {}

  // `elapsed_ms` of the clock went by; nothing moves while paused.
  void advance(std::int64_t elapsed_ms);
  void toggle_pause() { paused_ = !paused_; }
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] bool over() const { return elapsed_ms_ >= total_ms_; }
  // Whole seconds left, rounded up: "3" until the last second has begun.
  [[nodiscard]] int seconds_left() const;
  // Milliseconds until seconds_left() changes (or the end).
  [[nodiscard]] std::int64_t ms_to_next_tick() const;

 private:
  std::int64_t total_ms_ = 0;
  std::int64_t elapsed_ms_ = 0;
  int second_ms_ = 1000;
  bool paused_ = false;
};

}  // namespace valgus
