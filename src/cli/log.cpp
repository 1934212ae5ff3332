// valgus log: records a session as done (with pain, effort, skipped
// exercises and a note), lists the history, or deletes a day.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "core/model/text.hpp"
#include "render/formats.hpp"
#include "render/summaries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace valgus::cli {
namespace {

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    const std::string id = trim(text.substr(from, comma - from));
    if (!id.empty()) {
      ids.push_back(id);
    }
    from = comma + 1;
  }
  return ids;
}

ExitCode list_log(const Context& context, const LogArgs& args) {
  const Format& format = find_format(DataKind::log, args.format);
  LogListing listing;
  listing.sessions = LogStore::open(log_path(), LogStore::Access::read).sessions(true);
  context.print(format.log(listing, context.terminal_style()));
  return ExitCode::ok;
}

ExitCode delete_day(const Context& context, const std::string& text) {
  const Date date = parse_date(text);
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  if (!store.remove(date)) {
    throw Error(ExitCode::usage,
                fmt::format("nothing is logged on {}; see what is with: valgus log --list", to_string(date)));
  }
  context.print(render_log_deleted(date));
  return ExitCode::ok;
}

}  // namespace

ExitCode run_log(const Context& context, const LogArgs& args) {
  const bool recording = args.pain || args.effort || args.skipped || args.note;
  if ((args.list || args.remove) && (recording || args.date)) {
    throw Error(ExitCode::usage, "--list and --delete take no --date, --pain, --effort, --skipped or --note");
  }
  if (args.list && args.remove) {
    throw Error(ExitCode::usage, "give --list or --delete, not both");
  }
  if (args.list) {
    return list_log(context, args);
  }
  if (args.remove) {
    return delete_day(context, *args.remove);
  }
  // What a person typed is checked before any catalogue work.
  const Date date = date_or_today(context, args.date);
  const std::optional<Effort> effort = args.effort ? parse_effort(*args.effort) : std::nullopt;
  const Catalogue catalogue = context.catalogue();
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "log");
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log_path());
  const Date start = followed.chosen.start;
  if (date < start) {
    throw Error(ExitCode::usage, fmt::format("{} is before the programme starts ({}); give a later --date",
                                             to_string(date), to_string(start)));
  }
  const PlannedSession* session = session_for_log(followed.plan, date);
  LoggedSession logged;
  logged.date = date;
  logged.session = session != nullptr ? session->id : std::string();
  logged.stage_week = followed.stage.week;
  logged.pain = args.pain;
  logged.effort = effort;
  logged.note = args.note.value_or("");
  const std::vector<std::string> ids = session != nullptr ? session->exercise_ids : std::vector<std::string>{};
  const std::vector<std::string> skipped = args.skipped ? split_ids(*args.skipped) : std::vector<std::string>{};
  for (const std::string& id : skipped) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      throw Error(ExitCode::usage,
                  fmt::format("--skipped: \"{}\" is not in session {} of {}{}; its exercises are {}", one_line(id),
                              logged.session, to_string(date), did_you_mean_suffix(id, ids), join(ids, ", ")));
    }
  }
  for (const std::string& id : ids) {
    logged.exercises.push_back(LoggedExercise{id, std::find(skipped.begin(), skipped.end(), id) == skipped.end()});
  }
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  const bool replaced = store.record(logged);
  context.print(render_log_summary(LoggedSummary{&logged, replaced, followed.chosen.source}));
  return ExitCode::ok;
}

Runner setup_log(OptionBuilder& options) {
  auto args = std::make_shared<LogArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--date", args->date, "The day the session was done, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  options.option("--pain", args->pain, "Pain during or after the session, 0 (none) to 10 (worst)", "N")
      .whole_number(0, 10);
  options.option("--effort", args->effort, "How hard it felt: easy, right or hard", "EFFORT")
      .one_of(names_of(effort_names));
  options.option("--skipped", args->skipped, "Exercises not done, as comma-separated ids", "IDS")
      .completes(Completes::exercise);
  options.option("--note", args->note, "A note to keep with the session", "TEXT").completes(Completes::nothing);
  options.flag("--list", args->list, "Print the log instead of recording");
  options.option("--delete", args->remove, "Delete the session logged on DATE", "DATE").completes(Completes::nothing);
  add_format_option(options, DataKind::log, args->format);
  return [args, &context = options.context()] { return run_log(context, *args); };
}

}  // namespace valgus::cli
