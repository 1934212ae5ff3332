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

#include <unistd.h>

namespace valgus::cli {
namespace {

// Streamed: each session is rendered as it is read and written out in
// chunks, so memory stays flat however long the log (bench/follow.sh).
ExitCode list_log(const Context& context, const LogArgs& args) {
  const Format& format = find_format(DataKind::log, args.format);
  const std::unique_ptr<LogStream> stream = format.log(context.terminal_style());
  LogStore::SessionFilter filter;
  filter.since = args.since ? std::optional<Date>(parse_date(*args.since)) : std::nullopt;
  filter.last = args.last;
  filter.skipped_only = !stream->shows_done_exercises();
  const LogStore store = LogStore::open(log_path(), LogStore::Access::read);
  const std::vector<SafetyEvent> events = store.events();  // a bad one stops before anything is printed
  constexpr std::size_t chunk = std::size_t{64} * 1024;
  std::string pending;
  store.each_session(filter, [&](const LoggedSession& session) {
    stream->write_session(pending, session);
    if (pending.size() >= chunk) {
      context.print(pending);
      pending.clear();
    }
  });
  context.print(pending + stream->finish(events));
  return ExitCode::ok;
}

ExitCode delete_day(const Context& context, const std::string& text) {
  // A row another program wrote with a date that is none (2027-02-30) is
  // left out of every read with a warning naming this command: its exact
  // text deletes it. Anything else that is not a date is a typing mistake.
  if (std::string problem = date_problem(text); !problem.empty()) {
    if (::access(log_path().c_str(), F_OK) != 0 ||
        !LogStore::open(log_path(), LogStore::Access::write).remove_dated(text)) {
      throw Error(ExitCode::usage, std::move(problem));
    }
    context.print(render_log_deleted(text));
    return ExitCode::ok;
  }
  const Date date = parse_date(text);
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  if (!store.remove(date)) {
    throw Error(ExitCode::usage,
                fmt::format("nothing is logged on {}; see what is with: valgus log --list", to_string(date)));
  }
  context.print(render_log_deleted(to_string(date)));
  return ExitCode::ok;
}

// The symptom ids of --symptom, each checked against the catalogue (with
// did-you-mean), in catalogue order, each once.
std::vector<std::string> symptom_ids(const Catalogue& catalogue, const std::string& text) {
  std::vector<std::string> known;
  for (const Symptom& symptom : catalogue.symptoms) {
    known.push_back(symptom.id);
  }
  const std::vector<std::string> given = split_list(text);
  for (const std::string& id : given) {
    if (catalogue.find_symptom(id) == nullptr) {
      throw Error(ExitCode::usage, fmt::format("--symptom: unknown warning sign \"{}\"{}; choose from {}", one_line(id),
                                               did_you_mean_suffix(id, known), join(known, ", ")));
    }
  }
  std::vector<std::string> ids;
  for (const std::string& id : known) {
    if (std::find(given.begin(), given.end(), id) != given.end()) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::vector<std::string> symptom_names(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const std::string& id : ids) {
    names.push_back(catalogue.find_symptom(id)->name);
  }
  return names;
}

// --next-morning (and --symptom with it): added to the last session logged
// on or before the date, which may pause the programme.
ExitCode amend_last(const Context& context, const Catalogue& catalogue, const LogArgs& args, Date date) {
  const std::vector<std::string> symptoms =
      args.symptom ? symptom_ids(catalogue, *args.symptom) : std::vector<std::string>{};
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  std::vector<LoggedSession> sessions = store.sessions(false);
  const auto last = std::find_if(sessions.rbegin(), sessions.rend(),
                                 [&](const LoggedSession& logged) { return logged.date <= date; });
  if (last == sessions.rend()) {
    throw Error(ExitCode::usage, fmt::format("--next-morning: no session is logged on or before {}; log the "
                                             "session first: valgus log --date YYYY-MM-DD --pain N",
                                             to_string(date)));
  }
  LoggedSession amended = *last;
  if (args.next_morning) {
    amended.next_morning_pain = args.next_morning;
  }
  for (const std::string& id : symptoms) {
    if (std::find(amended.symptoms.begin(), amended.symptoms.end(), id) == amended.symptoms.end()) {
      amended.symptoms.push_back(id);
    }
  }
  std::vector<SessionRecord> others;
  for (const LoggedSession& logged : sessions) {
    if (logged.date != amended.date) {
      others.push_back({logged.date, logged.pain, logged.effort, logged.next_morning_pain, !logged.symptoms.empty()});
    }
  }
  // Only what this adds may pause: a symptom logged before paused already.
  LoggedSession judged = amended;
  judged.symptoms = symptoms;
  const std::optional<SafetyEvent> pause = pause_for(catalogue, judged, others, store.events());
  store.amend(amended.date, args.next_morning, symptoms, pause);
  context.print(
      render_amended(AmendedSummary{amended.date, args.next_morning, symptom_names(catalogue, symptoms), pause}));
  return ExitCode::ok;
}

}  // namespace

ExitCode run_log(const Context& context, const LogArgs& args) {
  const bool recording = args.pain || args.effort || args.skipped || args.note;
  const bool amending = args.next_morning.has_value();
  if (!args.list && (args.since || args.last)) {
    throw Error(ExitCode::usage, "--since and --last choose what --list prints; give them with --list");
  }
  if ((args.list || args.remove) && (recording || amending || args.symptom || args.date)) {
    throw Error(ExitCode::usage,
                "--list and --delete take no --date, --pain, --effort, --skipped, --note, --next-morning or --symptom");
  }
  if (args.list && args.remove) {
    throw Error(ExitCode::usage, "give --list or --delete, not both");
  }
  if (amending && recording) {
    throw Error(ExitCode::usage,
                "--next-morning adds to the last session logged; give it without --pain, --effort, --skipped or "
                "--note (with --date for the morning's date)");
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
  LogStore::check_path(log_path(), LogStore::Access::write);  // it reads the log first, to write it
  const Catalogue catalogue = context.catalogue();
  if (amending) {
    return amend_last(context, catalogue, args, date);
  }
  const std::vector<std::string> symptoms =
      args.symptom ? symptom_ids(catalogue, *args.symptom) : std::vector<std::string>{};
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "log");
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log_path(), context.kept_weeks);
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
  logged.note = clean_note(args.note.value_or(""));
  logged.symptoms = symptoms;
  const std::vector<std::string> ids = session != nullptr ? session->exercise_ids : std::vector<std::string>{};
  const std::vector<std::string> skipped = args.skipped ? split_list(*args.skipped) : std::vector<std::string>{};
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
  std::vector<SessionRecord> others;
  for (const SessionRecord& record : followed.records) {
    if (record.date != date) {
      others.push_back(record);
    }
  }
  const std::optional<SafetyEvent> pause = pause_for(catalogue, logged, others, followed.events);
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  const bool replaced = store.record(logged, pause);
  context.print(render_log_summary(
      LoggedSummary{&logged, replaced, followed.chosen.source, pause, symptom_names(catalogue, symptoms)}));
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
  options
      .option("--next-morning", args->next_morning,
              "Pain the morning after the last session logged (on or before --date), 0 to 10", "N")
      .whole_number(0, 10);
  options
      .option("--symptom", args->symptom,
              "Warning signs since the session, as comma-separated symptom ids of the catalogue (a wrong one lists "
              "them); any one pauses the programme",
              "LIST")
      .completes(Completes::nothing);
  options.flag("--list", args->list, "Print the log instead of recording");
  options.option("--since", args->since, "With --list: only the sessions from DATE on, YYYY-MM-DD", "DATE")
      .completes(Completes::nothing);
  options.option("--last", args->last, "With --list: only the last N sessions", "N").whole_number(1, 1000000);
  options.option("--delete", args->remove, "Delete the session logged on DATE", "DATE").completes(Completes::nothing);
  add_format_option(options, DataKind::log, args->format);
  return [args, &context = options.context()] { return run_log(context, *args); };
}

}  // namespace valgus::cli
