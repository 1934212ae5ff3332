#include "cli/follow.hpp"

#include "core/model/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"
#include "io/xdg.hpp"

#include <fmt/format.h>

#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

namespace valgus::cli {
namespace {

// A programme file is a dozen lines; anything near this is not one.
constexpr std::size_t max_programme_bytes = 64 * 1024;

std::string under(const char* variable, const char* fallback, const char* file, std::string_view what) {
  const std::string base = xdg_base(variable, fallback);
  if (base.empty()) {
    throw Error(ExitCode::usage,
                fmt::format("cannot tell where {} goes: set HOME or {} to an absolute path", what, variable));
  }
  return base + "/valgus/" + file;
}

bool exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 || errno != ENOENT;
}

}  // namespace

std::string programme_path() { return under("XDG_CONFIG_HOME", ".config", "programme.yaml", "the programme"); }

std::string log_path() { return under("XDG_STATE_HOME", ".local/state", "valgus.db", "the log"); }

Date date_or_today(const Context& context, const std::optional<std::string>& date) {
  return date ? parse_date(*date) : context.today();
}

ChosenProgramme choose_programme(const Context& context, const Catalogue& catalogue, const ProblemChoice& problems,
                                 const PersonalChoice& personal, std::string_view command) {
  const bool flagged = !problems.flagged.empty() || !problems.by_id.empty() || problems.all;
  const std::string path = programme_path();
  ChosenProgramme chosen;
  if (exists(path)) {
    chosen.programme = read_programme(CatalogueFile{path, read_input_file(path, max_programme_bytes)}, catalogue);
    chosen.saved = true;
    chosen.source = "saved programme " + path;
  } else if (!flagged) {
    Error error(ExitCode::usage, fmt::format("no saved programme ({} does not exist) and no problem given", path));
    error.set_hint(fmt::format(
        "Save one with `valgus start` and your problems (for example valgus start --hip-rotation),\n"
        "or find out which problems you have with `valgus assess`; or give the problems to valgus {} itself.",
        command));
    throw error;
  } else {
    // Without a saved programme the flags are the programme, from the
    // Monday of the date's week.
    const Date today = context.today();
    chosen.programme.start = add_days(today, -weekday(today));
    chosen.source = "the options given (no saved programme)";
  }
  // Flags given win over the saved fields, one by one.
  Request request = request_of(chosen.programme, 1);
  if (flagged) {
    request.problems = problems.request(catalogue, command).problems;
  }
  Request flags;
  personal.apply_to(flags, catalogue);
  if (personal.equipment) {
    request.equipment = flags.equipment;
  }
  if (personal.minutes) {
    request.minutes = flags.minutes;
  }
  if (personal.max_exercises) {
    request.max_exercises = flags.max_exercises;
  }
  if (personal.side) {
    request.side = flags.side;
  }
  if (personal.when) {
    request.when = flags.when;
  }
  if (personal.days || !chosen.saved) {
    request.days = flags.days;
  }
  if (!chosen.saved) {
    request.minutes = flags.minutes;
    request.max_exercises = flags.max_exercises;
  }
  const bool changed = flagged || personal.equipment || personal.minutes || personal.max_exercises || personal.side ||
                       personal.when || personal.days;
  if (chosen.saved && changed) {
    chosen.source += ", with the options given";
  }
  chosen.programme = programme_of(request, chosen.programme.start);
  return chosen;
}

Request plan_request(const Context& context, const Catalogue& catalogue, const ProblemChoice& problems,
                     const PersonalChoice& personal, std::string_view command, std::optional<Date>* saved_start) {
  const bool flagged = !problems.flagged.empty() || !problems.by_id.empty() || problems.all;
  if (flagged || !exists(programme_path())) {
    Request request = problems.request(catalogue, command);
    personal.apply_to(request, catalogue);
    return request;
  }
  PersonalChoice weekly = personal;
  weekly.full = false;
  const ChosenProgramme chosen = choose_programme(context, catalogue, problems, weekly, command);
  Request request = request_of(chosen.programme, personal.week);
  if (personal.full) {
    if (personal.days) {
      throw Error(ExitCode::usage, "--full is one session of the whole routine; leave out --days");
    }
    request.days.clear();
    request.minutes = personal.minutes;
    request.max_exercises = personal.max_exercises;
  }
  if (saved_start != nullptr) {
    *saved_start = chosen.programme.start;
  }
  write_all(STDERR_FILENO, fmt::format("valgus: following the {}\n", one_line(chosen.source)));
  return request;
}

Followed follow(const Catalogue& catalogue, ChosenProgramme chosen, Date date, const std::string& log) {
  Followed followed;
  followed.chosen = std::move(chosen);
  followed.date = date;
  const SavedProgramme& programme = followed.chosen.programme;
  followed.records = LogStore::open(log, LogStore::Access::read).records();
  // The stages come from the whole routine (every exercise the weeks may
  // use), which is planned without the week's optimiser: one week plan per
  // command, at the stage's week.
  Request routine = request_of(programme, 1);
  routine.days.clear();
  routine.minutes.reset();
  routine.max_exercises.reset();
  followed.weeks = stage_weeks(catalogue, make_plan(catalogue, routine));
  followed.stage = stage_on(catalogue, followed.weeks, programme.start, programme.days, followed.records, date);
  followed.plan = make_plan(catalogue, request_of(programme, followed.stage.week));
  followed.day = day_plan(followed.plan, programme.start, date);
  return followed;
}

}  // namespace valgus::cli
