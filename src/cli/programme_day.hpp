#pragma once

// What start, today, go, log and progress share: where the saved programme
// and the log live, the programme to follow (the saved one merged with the
// options given), and the day of a date at the stage the log has earned.

#include "cli/context.hpp"
#include "cli/programme_options.hpp"
#include "core/follow/saved_programme.hpp"
#include "core/follow/stage.hpp"
#include "core/model/calendar_date.hpp"
#include "io/log_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace valgus::cli {

// $XDG_CONFIG_HOME/valgus/programme.yaml (default ~/.config/valgus/); a
// usage error when neither variable gives an absolute path.
[[nodiscard]] std::string programme_path();
// $XDG_STATE_HOME/valgus/valgus.db (default ~/.local/state/valgus/); a usage
// error when neither variable gives an absolute path.
[[nodiscard]] std::string log_path();

// --date D (strict YYYY-MM-DD), or today on the context's clock.
[[nodiscard]] Date date_or_today(const Context& context, const std::optional<std::string>& date);

// The programme a command follows: the saved one, or the one the options
// describe (options given win, field by field), its defaults filled in;
// `source` says which, for the output ("saved programme
// /home/a/.config/valgus/programme.yaml").
struct ChosenProgramme {
  ProgrammeOptions options;
  Date start;  // the first day of week 1
  std::string source;
  bool saved = false;

  // The training weekdays (set: the defaults fill every unset field).
  [[nodiscard]] const std::vector<int>& days() const { return options.days.value(); }
};
// No saved programme and no problem flags: exit 64 with a hint to
// `valgus start` or `valgus assess`.
[[nodiscard]] ChosenProgramme choose_programme(const Context& context, const Catalogue& catalogue,
                                               const ProblemChoice& problems, const PersonalChoice& personal,
                                               std::string_view command);

// The request of plan and export: from the problem options, or, when none
// is given and a programme is saved, from that programme (personal options
// given still win; --week and --full apply as to any plan). A saved
// programme used is said on stderr, and its first day goes to `saved_start`.
[[nodiscard]] Request plan_request(const Catalogue& catalogue, const ProblemChoice& problems,
                                   const PersonalChoice& personal, std::string_view command,
                                   std::optional<Date>* saved_start = nullptr);

// Everything a date of the programme needs: the log, the stage it has
// earned, the plan at that stage and what the date holds. `day` points into
// `plan`: move a ProgrammeDay, never copy it.
struct ProgrammeDay {
  ProgrammeDay() = default;
  ProgrammeDay(ProgrammeDay&&) = default;
  ProgrammeDay& operator=(ProgrammeDay&&) = default;
  ProgrammeDay(const ProgrammeDay&) = delete;
  ProgrammeDay& operator=(const ProgrammeDay&) = delete;
  ~ProgrammeDay() = default;

  ChosenProgramme chosen;
  Date date;
  std::vector<SessionRecord> records;
  std::vector<SafetyEvent> events;  // pauses, resumes, clearances
  std::vector<int> weeks;           // stage weeks
  StageState stage;
  Plan plan;  // the week plan at the stage's week
  DayPlan day;
};
// `log` is the log's path (log_path()); a missing log reads as empty.
// `kept`: the weeks earlier runs solved (Context::kept_weeks).
[[nodiscard]] ProgrammeDay load_day(const Catalogue& catalogue, ChosenProgramme chosen, Date date,
                                    const std::string& log, WeekStore* kept);

}  // namespace valgus::cli
