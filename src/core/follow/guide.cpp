#include "core/follow/guide.hpp"

#include "core/model/dose.hpp"

#include <algorithm>

namespace valgus {

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::setup: return "setup";
    case StepKind::hold: return "hold";
    case StepKind::timed: return "timed";
    case StepKind::reps: return "reps";
    case StepKind::rest: return "rest";
    case StepKind::switch_sides: return "switch_sides";
  }
  return "setup";
}

// The plan's estimate and the guided session use one rule (core/dose).
int guided_value(Range range) { return middle(range); }

namespace {

// One set's work on `side`: a timed set, one hold per repetition, or a rep
// prompt. Holds are counted rep by rep because the hold is the part people
// cut short, and with the count on screen the eyes can stay on the knee;
// reps without a hold go at the person's own tempo, so the set is one
// prompt, ended with Enter.
void add_set(std::vector<GuideStep>& steps, const Dose& dose, GuideStep step) {
  if (dose.duration_seconds.given()) {
    step.kind = StepKind::timed;
    step.seconds = guided_value(dose.duration_seconds);
    steps.push_back(step);
  } else if (dose.hold_seconds.given()) {
    step.kind = StepKind::hold;
    step.reps = std::max(1, guided_value(dose.reps));
    step.move_seconds = std::max(0, dose.seconds_per_rep);
    step.seconds = guided_value(dose.hold_seconds);
    for (int rep = 1; rep <= step.reps; ++rep) {
      step.rep = rep;
      steps.push_back(step);
    }
  } else {
    step.kind = StepKind::reps;
    step.reps_asked = dose.reps;
    steps.push_back(step);
  }
}

}  // namespace

std::vector<GuideStep> exercise_steps(const Dose& dose, std::size_t exercise) {
  std::vector<GuideStep> steps;
  GuideStep setup;
  setup.exercise = exercise;
  setup.seconds = setup_seconds;
  steps.push_back(setup);

  const bool one_sided_extra = dose.per_side && dose.extra_set_side != Side::both;
  std::vector<Side> sides{Side::both};
  if (dose.per_side) {
    // The leg with the extra set goes first: it is the one that needs the
    // work, and it gets it fresh.
    sides = dose.extra_set_side == Side::right ? std::vector<Side>{Side::right, Side::left}
                                               : std::vector<Side>{Side::left, Side::right};
  }
  const int sets = std::max(1, guided_value(dose.sets));
  for (std::size_t index = 0; index < sides.size(); ++index) {
    const Side side = sides[index];
    const int side_sets = sets + (one_sided_extra && side == dose.extra_set_side ? 1 : 0);
    GuideStep step;
    step.exercise = exercise;
    step.side = side;
    step.sets = side_sets;
    if (index > 0) {
      GuideStep change = step;
      change.kind = StepKind::switch_sides;
      change.set = 1;
      change.seconds = side_change_seconds;
      steps.push_back(change);
    }
    for (int set = 1; set <= side_sets; ++set) {
      step.set = set;
      if (set > 1) {
        GuideStep rest = step;
        rest.kind = StepKind::rest;
        rest.seconds = rest_between_sets_seconds;
        steps.push_back(rest);
      }
      add_set(steps, dose, step);
    }
  }
  return steps;
}

std::vector<GuideStep> session_steps(const std::vector<PlannedExercise>& exercises) {
  std::vector<GuideStep> steps;
  for (std::size_t index = 0; index < exercises.size(); ++index) {
    const std::vector<GuideStep> more = exercise_steps(exercises[index].dose, index);
    steps.insert(steps.end(), more.begin(), more.end());
  }
  return steps;
}

Guide::Guide(const std::vector<PlannedExercise>& exercises) : Guide(session_steps(exercises), exercises.size()) {}

Guide::Guide(std::vector<GuideStep> steps, std::size_t exercises)
    : steps_(std::move(steps)), outcomes_(exercises, Outcome::not_reached) {}

std::size_t Guide::exercise() const { return finished() ? outcomes_.size() : current().exercise; }

std::size_t Guide::start_of(std::size_t exercise) const {
  const auto found = std::find_if(steps_.begin(), steps_.end(),
                                  [exercise](const GuideStep& step) { return step.exercise == exercise; });
  return static_cast<std::size_t>(found - steps_.begin());
}

void Guide::next() {
  if (finished()) {
    return;
  }
  const std::size_t exercise = current().exercise;
  ++position_;
  if (finished() || current().exercise != exercise) {
    outcomes_.at(exercise) = Outcome::done;
  }
}

void Guide::back() {
  if (steps_.empty()) {
    return;
  }
  if (finished()) {
    position_ = start_of(steps_.back().exercise);
    return;
  }
  const std::size_t start = start_of(current().exercise);
  if (position_ > start) {
    position_ = start;
  } else if (start > 0) {
    position_ = start_of(steps_[start - 1].exercise);
  }
}

void Guide::skip() {
  if (finished()) {
    return;
  }
  const std::size_t exercise = current().exercise;
  if (outcomes_.at(exercise) != Outcome::done) {
    outcomes_.at(exercise) = Outcome::skipped;
  }
  while (!finished() && current().exercise == exercise) {
    ++position_;
  }
}

std::size_t Guide::done() const {
  return static_cast<std::size_t>(std::count(outcomes_.begin(), outcomes_.end(), Outcome::done));
}

void Countdown::advance(std::int64_t elapsed_ms) {
  if (paused_ || elapsed_ms <= 0) {
    return;
  }
  elapsed_ms_ = std::min(total_ms_, elapsed_ms_ + elapsed_ms);
}

int Countdown::seconds_left() const {
  const std::int64_t left = total_ms_ - elapsed_ms_;
  return static_cast<int>((left + second_ms_ - 1) / second_ms_);
}

std::int64_t Countdown::ms_to_next_tick() const {
  const std::int64_t left = total_ms_ - elapsed_ms_;
  if (left <= 0) {
    return 0;
  }
  const std::int64_t part = left % second_ms_;
  return part == 0 ? second_ms_ : part;
}

}  // namespace valgus
