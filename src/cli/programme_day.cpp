#include "cli/programme_day.hpp"

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
constexpr std::size_t max_programme_bytes = std::size_t{64} * 1024;

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

namespace {

// The saved programme, when there is one.
std::optional<SavedProgramme> read_saved(const Catalogue& catalogue, const std::string& path) {
  if (!exists(path)) {
    return std::nullopt;
  }
  return read_programme(CatalogueFile{path, read_input_file(path, max_programme_bytes, "a saved programme")},
                        catalogue);
}

}  // namespace

ChosenProgramme choose_programme(const Context& context, const Catalogue& catalogue, const ProblemChoice& problems,
                                 const PersonalChoice& personal, std::string_view command) {
  const std::string path = programme_path();
  const auto saved = read_saved(catalogue, path);
  ChosenProgramme chosen;
  if (saved || problems.given()) {
    chosen.options = options_given(problems, personal, catalogue);
  }
  if (saved) {
    fill_unset(chosen.options, options_saved(*saved));
    chosen.start = saved->start;
    chosen.saved = true;
    chosen.source = "saved programme " + path;
    if (problems.given() || personal.given()) {
      chosen.source += ", with the options given";
    }
  } else if (!problems.given()) {
    Error error(ExitCode::usage, fmt::format("no saved programme ({} does not exist) and no problem given", path));
    error.set_hint(fmt::format(
        "Save one with `valgus start` and your problems (for example valgus start --hip-rotation),\n"
        "or find out which problems you have with `valgus assess`; or give the problems to valgus {} itself.",
        command));
    throw error;
  } else {
    // Without a saved programme the options are the programme, from the
    // Monday of the date's week.
    const Date today = context.today();
    chosen.start = add_days(today, -weekday(today));
    chosen.source = "the options given (no saved programme)";
  }
  fill_unset(chosen.options, default_options());
  return chosen;
}

Request plan_request(const Catalogue& catalogue, const ProblemChoice& problems, const PersonalChoice& personal,
                     std::string_view command, std::optional<Date>* saved_start) {
  const PlanShape shape{personal.week, personal.full};
  const std::string path = programme_path();
  // Problem options given plan from the options alone, as without a saved programme.
  const auto saved = problems.given() ? std::nullopt : read_saved(catalogue, path);
  if (!saved && !problems.given()) {
    throw problems.none_given(catalogue, command);
  }
  ProgrammeOptions options = options_given(problems, personal, catalogue);
  if (!saved) {
    return build_request(options, shape);
  }
  ProgrammeOptions fallback = options_saved(*saved);
  if (shape.full) {
    // One session of the whole routine: the saved week and budget do not apply.
    fallback.days.reset();
    fallback.minutes.reset();
    fallback.max_exercises.reset();
  }
  fill_unset(options, fallback);
  if (saved_start != nullptr) {
    *saved_start = saved->start;
  }
  const std::string source = "saved programme " + path + (personal.given() ? ", with the options given" : "");
  write_all(STDERR_FILENO, fmt::format("valgus: following the {}\n", one_line(source)));
  // A printout of a paused programme says so first: nobody checks `today`
  // before following paper.
  if (const auto pause = pause_in_force(LogStore::open(log_path(), LogStore::Access::read).events())) {
    write_all(STDERR_FILENO, fmt::format("valgus: the programme is paused since {}: {}; do not train until a "
                                         "doctor or physiotherapist has examined the knee; once cleared: valgus "
                                         "resume\n",
                                         to_string(pause->date), one_line(pause->reason)));
  }
  return build_request(options, shape);
}

ProgrammeDay load_day(const Catalogue& catalogue, ChosenProgramme chosen, Date date, const std::string& log,
                      WeekStore* kept) {
  ProgrammeDay loaded;
  loaded.chosen = std::move(chosen);
  loaded.date = date;
  const ChosenProgramme& programme = loaded.chosen;
  {
    const LogStore store = LogStore::open(log, LogStore::Access::read);
    loaded.records = store.records();
    loaded.events = store.events();
  }
  // The stages come from the whole routine (every exercise the weeks may
  // use), which is planned without the week's optimiser: one week plan per
  // command, at the stage's week.
  ProgrammeOptions routine = programme.options;
  routine.minutes.reset();
  routine.max_exercises.reset();
  loaded.weeks = stage_weeks(catalogue, make_plan(catalogue, build_request(routine, PlanShape{1, true}), kept));
  loaded.stage =
      stage_on(catalogue, loaded.weeks, programme.start, programme.days(), loaded.records, loaded.events, date);
  Request request = build_request(programme.options, PlanShape{loaded.stage.week, false});
  request.leave_out_impact = loaded.stage.impact_out;
  loaded.plan = make_plan(catalogue, request, kept);
  loaded.day = day_plan(loaded.plan, programme.start, date);
  return loaded;
}

}  // namespace valgus::cli
