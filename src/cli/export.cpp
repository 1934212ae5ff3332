// valgus export: the routine as a Markdown handout, optionally a programme
// of several weeks; with --ics, the programme's sessions as an RFC 5545
// calendar, one event per training day.

#include "cli/commands.hpp"
#include "cli/follow.hpp"

#include "core/model/calendar_date.hpp"
#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "io/output.hpp"
#include "render/formats.hpp"
#include "render/render_ics.hpp"
#include "valgus/version.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {
namespace {

// The calendar options; kept here, beside the only code that reads them.
struct IcsArgs {
  bool ics = false;
  std::optional<std::string> start;  // YYYY-MM-DD; none: the next Monday after today
  std::optional<std::string> at;     // HH:MM; none: 18:00
};

constexpr int default_minutes_of_day = 18 * 60;
constexpr int alarm_minutes = 30;

// SOURCE_DATE_EPOCH (reproducible builds): whole seconds since 1970, digits
// only. Unset: none; anything else is a usage error.
std::optional<Date> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");  // NOLINT(concurrency-mt-unsafe): read once, one thread
  if (value == nullptr) {
    return std::nullopt;
  }
  const std::string_view text(value);
  const bool digits =
      !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) {
    throw Error(ExitCode::usage,
                fmt::format("SOURCE_DATE_EPOCH is \"{}\": use whole seconds since 1970-01-01 UTC, for example "
                            "1795392000, or unset it",
                            one_line(text)));
  }
  return date_from_unix_seconds(std::stoll(std::string(text)));
}

// What makes a session's events the same events on a second export: the
// problems and options of the request (not the programme's length, so a
// longer export updates the weeks a calendar holds), then each event's week,
// session and content.
std::string request_key(const Request& request) {
  std::string key = "problems=" + join(request.problems, ",");
  if (request.equipment) {
    key += ";equipment=" + join(*request.equipment, ",");
  }
  key += fmt::format(";minutes={};max={};side={};when={};days=", request.minutes.value_or(0),
                     request.max_exercises.value_or(0), static_cast<int>(request.side), request.when);
  for (const int day : request.days) {
    key += weekday_short_names.at(static_cast<std::size_t>(day));
  }
  return key;
}

const PlannedExercise* find_exercise(const std::vector<PlannedPhase>& phases, const std::string& id) {
  for (const PlannedPhase& phase : phases) {
    for (const PlannedExercise& planned : phase.exercises) {
      if (planned.exercise.id == id) {
        return &planned;
      }
    }
  }
  return nullptr;
}

// One week's sessions, its exercises with that week's doses.
struct WeekView {
  int week = 1;
  const std::vector<PlannedPhase>* phases = nullptr;
  const std::vector<PlannedSession>* sessions = nullptr;
};

std::vector<WeekView> weeks_of(const Plan& plan) {
  std::vector<WeekView> weeks;
  if (plan.planned_weeks.empty()) {
    weeks.push_back({plan.week, &plan.phases, &plan.sessions});
  }
  for (const PlannedWeek& week : plan.planned_weeks) {
    weeks.push_back({week.week, &week.phases, &week.sessions});
  }
  return weeks;
}

CalendarEvent session_event(const WeekView& week, const PlannedSession& session, const std::string& request,
                            const std::vector<std::string>& banner, Date date) {
  CalendarEvent event;
  event.date = date;
  event.minutes = static_cast<int>(display_minutes(session.seconds));
  event.summary = fmt::format("Knee programme · week {} · session {}", week.week, session.id);
  std::string key = fmt::format("{};week={};session={}", request, week.week, session.id);
  int number = 0;
  for (const std::string& id : session.exercise_ids) {
    const PlannedExercise* planned = find_exercise(*week.phases, id);
    if (planned == nullptr) {
      throw Error(ExitCode::internal,
                  fmt::format("calendar: session {} names {}, not in week {}", session.id, id, week.week));
    }
    const std::string dose = format_dose(planned->dose);
    event.description_lines.push_back(fmt::format("{}. {} — {}", ++number, planned->exercise.name, dose));
    key += fmt::format(";{}={}", id, dose);
  }
  event.description_lines.emplace_back();
  event.description_lines.push_back(fmt::format("About {} min", event.minutes));
  if (!banner.empty()) {
    event.description_lines.emplace_back();
    event.description_lines.insert(event.description_lines.end(), banner.begin(), banner.end());
  }
  event.uid_key = std::move(key);
  return event;
}

// The calendar of `plan`: week k runs from start + 7k; each training day in
// it gets the session planned for that weekday in week k.
std::string programme_calendar(const Plan& plan, const Request& request, Date start, int minutes_of_day, Date dtstamp) {
  if (plan.days.empty()) {
    throw Error(ExitCode::usage, "--ics puts the sessions of a week on days; leave out --full");
  }
  std::vector<std::string> banner;
  for (const Note& note : plan.notes) {
    if (note.placement == Placement::top) {
      banner.push_back(fmt::format("{}: {}", note.title, note.text));
    }
  }
  CalendarInput input;
  input.prodid = fmt::format("-//valgus//valgus {}//EN", version);
  input.dtstamp = dtstamp;
  input.calendar_name = "Knee programme";
  input.alarm_minutes = alarm_minutes;
  input.minutes_of_day = minutes_of_day;
  const std::string key = request_key(request);
  const std::vector<WeekView> weeks = weeks_of(plan);
  for (std::size_t k = 0; k < weeks.size(); ++k) {
    const Date monday_of_week = add_days(start, static_cast<int>(7 * k));
    for (int offset = 0; offset < 7; ++offset) {
      const Date date = add_days(monday_of_week, offset);
      const int day = weekday(date);
      for (const PlannedSession& session : *weeks[k].sessions) {
        for (const int session_day : session.days) {
          if (session_day == day) {
            input.events.push_back(session_event(weeks[k], session, key, banner, date));
          }
        }
      }
    }
  }
  if (input.events.empty()) {
    throw Error(ExitCode::usage, "--ics: no session fits the budget, so there is nothing to put in a calendar");
  }
  return render_ics(input);
}

void check_calendar_options(const IcsArgs& ics) {
  if (ics.ics) {
    return;
  }
  if (ics.start) {
    throw Error(ExitCode::usage, "--start applies to --ics only; add --ics for a calendar, or leave it out");
  }
  if (ics.at) {
    throw Error(ExitCode::usage, "--at applies to --ics only; add --ics for a calendar, or leave it out");
  }
}

}  // namespace

ExitCode run_export(const Context& context, const ExportArgs& args) {
  if (args.file.empty()) {
    throw Error(ExitCode::usage,
                "the file name is empty; give FILE, or - for standard output; see: valgus export --help");
  }
  const Catalogue catalogue = context.catalogue();
  Request request = plan_request(context, catalogue, args.problems, args.personal, "export");
  request.weeks = args.weeks;
  const std::string text =
      find_format(DataKind::plan, "markdown").plan(make_plan(catalogue, request), TextStyle{}, limit_options());
  if (args.file == "-") {
    context.print(text);
  } else {
    write_file_atomically(args.file, text, args.force, use_force);
  }
  return ExitCode::ok;
}

namespace {

ExitCode run_export_ics(const Context& context, const ExportArgs& args, const IcsArgs& ics) {
  if (args.file.empty()) {
    throw Error(ExitCode::usage,
                "the file name is empty; give FILE, or - for standard output; see: valgus export --help");
  }
  // What a person typed is checked before any catalogue work.
  const int minutes_of_day = ics.at ? parse_time_of_day(*ics.at) : default_minutes_of_day;
  std::optional<Date> start_given = ics.start ? std::optional<Date>(parse_date(*ics.start)) : std::nullopt;
  const Catalogue catalogue = context.catalogue();
  std::optional<Date> saved_start;
  Request request = plan_request(context, catalogue, args.problems, args.personal, "export", &saved_start);
  // A saved programme's calendar starts on its first day.
  const Date start = start_given.value_or(saved_start.value_or(next_monday(context.today())));
  const Date dtstamp = source_date_epoch().value_or(start);
  request.weeks = args.weeks;
  const Plan plan = make_plan(catalogue, request);
  const std::string text = programme_calendar(plan, request, start, minutes_of_day, dtstamp);
  if (args.file == "-") {
    context.print(text);
  } else {
    write_file_atomically(args.file, text, args.force, use_force);
  }
  return ExitCode::ok;
}

}  // namespace

Runner setup_export(OptionBuilder& options) {
  auto args = std::make_shared<ExportArgs>();
  auto ics = std::make_shared<IcsArgs>();
  options.positional("file", args->file, "Where to write the handout; - for standard output", "FILE").required();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal);
  options.option("--weeks", args->weeks, "Length of the programme in weeks (default 6)", "N").whole_number(1, max_week);
  options.flag("--ics", ics->ics, "Write an iCalendar file (.ics) of the sessions instead of the handout");
  options
      .option("--start", ics->start, "With --ics: the programme's first day (default: the next Monday)", "YYYY-MM-DD")
      .completes(Completes::nothing);
  options.option("--at", ics->at, "With --ics: the sessions' start time, your local time (default 18:00)", "HH:MM")
      .completes(Completes::nothing);
  options.flag("--force", args->force, "Replace FILE if it exists");
  return [args, ics, &context = options.context()] {
    check_calendar_options(*ics);
    return ics->ics ? run_export_ics(context, *args, *ics) : run_export(context, *args);
  };
}

}  // namespace valgus::cli
