#include "cli/programme_options.hpp"

#include "core/plan/resolve.hpp"

namespace valgus::cli {

const ProgrammeOptions& default_options() {
  static const ProgrammeOptions defaults = [] {
    ProgrammeOptions options;
    options.days = spread_days(default_days_a_week);
    options.minutes = default_minutes;
    options.max_exercises = default_session_exercises;
    options.side = Side::both;
    return options;
  }();
  return defaults;
}

ProgrammeOptions options_given(const ProblemChoice& problems, const PersonalChoice& personal,
                               const Catalogue& catalogue) {
  ProgrammeOptions options;
  if (problems.given()) {
    options.problems = problems.ids(catalogue);
  }
  if (personal.equipment) {
    options.equipment = parse_equipment_list(catalogue, *personal.equipment);
  }
  if (personal.full && personal.days) {
    throw Error(ExitCode::usage, "--full is one session of the whole routine; leave out --days");
  }
  if (personal.days) {
    options.days = parse_days(*personal.days);
  }
  options.minutes = personal.minutes;
  options.max_exercises = personal.max_exercises;
  if (personal.side) {
    options.side = parse_side(*personal.side);  // --side accepts only the names parse_side knows
  }
  options.when = personal.when;
  return options;
}

ProgrammeOptions options_saved(const SavedProgramme& programme) {
  ProgrammeOptions options;
  options.problems = programme.problems;
  options.equipment = programme.equipment;
  options.days = programme.days;
  options.minutes = programme.minutes;
  options.max_exercises = programme.max_exercises;
  options.side = programme.side;
  if (!programme.when.empty()) {
    options.when = programme.when;
  }
  return options;
}

void fill_unset(ProgrammeOptions& options, const ProgrammeOptions& fallback) {
  if (options.problems.empty()) {
    options.problems = fallback.problems;
  }
  if (!options.equipment) {
    options.equipment = fallback.equipment;
  }
  if (!options.days) {
    options.days = fallback.days;
  }
  if (!options.minutes) {
    options.minutes = fallback.minutes;
  }
  if (!options.max_exercises) {
    options.max_exercises = fallback.max_exercises;
  }
  if (!options.side) {
    options.side = fallback.side;
  }
  if (!options.when) {
    options.when = fallback.when;
  }
}

Request build_request(const ProgrammeOptions& options, PlanShape shape) {
  ProgrammeOptions complete = options;
  if (shape.full) {
    // The whole routine: no week, and a budget only when one is given.
    complete.days.reset();
  } else {
    fill_unset(complete, default_options());
  }
  Request request;
  request.problems = complete.problems;
  request.equipment = complete.equipment;
  request.days = complete.days.value_or(std::vector<int>{});
  request.minutes = complete.minutes;
  request.max_exercises = complete.max_exercises;
  request.side = complete.side.value_or(Side::both);
  request.when = complete.when.value_or("");
  request.week = shape.week;
  return request;
}

SavedProgramme programme_to_save(const ProgrammeOptions& options, Date start) {
  ProgrammeOptions complete = options;
  fill_unset(complete, default_options());
  SavedProgramme programme;
  programme.start = start;
  programme.problems = complete.problems;
  programme.equipment = complete.equipment;
  // The defaults set every number a saved programme holds.
  programme.days = *complete.days;
  programme.minutes = *complete.minutes;
  programme.max_exercises = *complete.max_exercises;
  programme.side = *complete.side;
  programme.when = complete.when.value_or("");
  return programme;
}

}  // namespace valgus::cli
