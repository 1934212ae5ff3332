#pragma once

// One model of a programme's options. The command line (read into typed
// values), a saved programme and the defaults each give a ProgrammeOptions;
// they merge field by field, the command line first, and one function
// builds the Request the planner takes.

#include "cli/context.hpp"
#include "core/follow/saved_programme.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {

// The problems and personal choices of a programme; unset: not given here.
struct ProgrammeOptions {
  std::vector<std::string> problems;  // problem ids; empty: not given
  // Equipment ids. Unset after every merge: everything.
  std::optional<std::vector<std::string>> equipment;
  std::optional<std::vector<int>> days;  // 0 = Monday, ascending
  std::optional<int> minutes;
  std::optional<int> max_exercises;
  std::optional<Side> side;
  std::optional<std::string> when;  // position id
};

// The defaults every unset field takes: 20 minutes, 3 days spread over the
// week, 6 exercises, both sides (the numbers are core/model/model.hpp's).
[[nodiscard]] const ProgrammeOptions& default_options();

// What the command line gave, as typed values. Problems are left empty when
// none is given (whether that is an error depends on the command); unknown
// equipment is a usage error naming the valid ids, and so is --full with
// --days.
[[nodiscard]] ProgrammeOptions options_given(const ProblemChoice& problems, const PersonalChoice& personal,
                                             const Catalogue& catalogue);
// Every field of a saved programme.
[[nodiscard]] ProgrammeOptions options_saved(const SavedProgramme& programme);
// Fills each field `options` leaves unset from `fallback`: what is given
// first wins, field by field.
void fill_unset(ProgrammeOptions& options, const ProgrammeOptions& fallback);

// How a plan is shaped beyond the programme: the week of progressions, and
// --full (one session of the whole routine, no week, no default budget).
struct PlanShape {
  int week = 1;
  bool full = false;
};
// The one place a Request is built: the defaults fill what is still unset
// (a week plan; --full keeps only the minutes and count given).
[[nodiscard]] Request build_request(const ProgrammeOptions& options, PlanShape shape = {});

// The file `start` saves: the options with their defaults, from `start`.
[[nodiscard]] SavedProgramme programme_to_save(const ProgrammeOptions& options, Date start);

}  // namespace valgus::cli
