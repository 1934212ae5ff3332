// valgus export: the programme of several weeks to a file, in the format
// --format names, else the one the file's extension names (the format
// table's extension column), else Markdown. A dated format (the calendar)
// puts each week's sessions on days from --start at --at.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "core/model/background.hpp"
#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/output.hpp"
#include "render/formats.hpp"
#include "render/render_ics.hpp"
#include "valgus/version.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {
namespace {

// What FILE - and an extension no format claims are written in.
constexpr std::string_view handout_format = "markdown";
constexpr std::string_view calendar_format = "ics";
constexpr int default_minutes_of_day = 18 * 60;

// The format asked for, and how it was asked for (the errors of a dated
// format name what the person typed).
struct ChosenFormat {
  const Format* format = nullptr;
  std::string asked_by;
};

ChosenFormat choose_format(const ExportArgs& args) {
  if (args.ics && !args.format.empty() && args.format != calendar_format) {
    throw Error(ExitCode::usage,
                fmt::format("--ics is --format {}, not --format {}; give one of them", calendar_format, args.format));
  }
  if (args.ics) {
    return {&find_format(DataKind::programme, calendar_format), "--ics"};
  }
  if (!args.format.empty()) {
    return {&find_format(DataKind::programme, args.format), "--format " + args.format};
  }
  if (args.file != "-") {
    if (const Format* format = find_format_by_extension(DataKind::programme, args.file)) {
      return {format, fmt::format("a {} file", format->extension)};
    }
  }
  return {&find_format(DataKind::programme, handout_format), {}};
}

// A printed handout's options (--for, --paper) apply to the formats that
// lay out pages.
bool printed(const Format& format) { return format.name == "html" || format.name == "pdf"; }

constexpr std::size_t max_person_characters = 60;

// --for NAME goes through the catalogue's rules for a name: valid UTF-8, no
// control or invisible characters, one line, a length limit.
std::string checked_person(const std::string& raw) {
  std::string name = trim(raw);  // not const: returned by move
  for (std::size_t at = 0; at < name.size();) {
    const Utf8Char c = utf8_char_at(name, at);
    if (!c.valid) {
      throw Error(ExitCode::usage, "--for is not valid UTF-8; type the name again in a UTF-8 terminal");
    }
    if (is_hidden_control(c.code) || c.code == '\t' || c.code == '\n' || c.code == '\r') {
      throw Error(ExitCode::usage,
                  fmt::format("--for holds a control character (U+{:04X}); give the name as plain text", c.code));
    }
    at += c.length;
  }
  if (name.empty() || display_width(name) == 0) {
    throw Error(ExitCode::usage, "--for is empty or invisible; give the name of the person, or leave it out");
  }
  if (count_characters(name) > max_person_characters) {
    throw Error(ExitCode::usage, fmt::format("--for is {} characters long; give at most {}", count_characters(name),
                                             max_person_characters));
  }
  return name;
}

Paper checked_paper(const std::optional<std::string>& paper) {
  if (!paper || *paper == "a4") {
    return Paper::a4;
  }
  return Paper::letter;  // --paper takes only a4 and letter (one_of)
}

void check_calendar_options(const ExportArgs& args, const Format& format) {
  if (!printed(format) && args.person) {
    throw Error(ExitCode::usage, "--for names the person on a printed handout; use it with a .html or .pdf file");
  }
  if (!printed(format) && args.paper) {
    throw Error(ExitCode::usage, "--paper lays out a printed handout; use it with a .html or .pdf file");
  }
  if (format.dated) {
    return;
  }
  if (args.start) {
    throw Error(ExitCode::usage, "--start applies to --ics only; add --ics for a calendar, or leave it out");
  }
  if (args.at) {
    throw Error(ExitCode::usage, "--at applies to --ics only; add --ics for a calendar, or leave it out");
  }
}

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

// A dated format needs sessions on days; said here, where the flags are known.
void check_dated_plan(const Plan& plan, const ChosenFormat& chosen) {
  if (plan.days.empty()) {
    throw Error(ExitCode::usage, chosen.asked_by + " puts the sessions of a week on days; leave out --full");
  }
  if (!calendar_has_sessions(plan)) {
    throw Error(ExitCode::usage,
                chosen.asked_by + ": no session fits the budget, so there is nothing to put in a calendar");
  }
}

}  // namespace

ExitCode run_export(const Context& context, const ExportArgs& args) {
  const ChosenFormat chosen = choose_format(args);
  const Format& format = *chosen.format;
  check_calendar_options(args, format);
  if (args.file.empty()) {
    throw Error(ExitCode::usage,
                "the file name is empty; give FILE, or - for standard output; see: valgus export --help");
  }
  // What a person typed is checked before any catalogue work.
  CalendarSetting calendar;
  calendar.minutes_of_day = args.at ? parse_time_of_day(*args.at) : default_minutes_of_day;
  if (args.start) {
    calendar.start = parse_date(*args.start);
  }
  const std::string person = args.person ? checked_person(*args.person) : std::string();
  const Paper paper = checked_paper(args.paper);
  // SOURCE_DATE_EPOCH dates a calendar's DTSTAMP and a PDF (reproducible
  // bytes); checked here too, before the PDF's fonts load: fontconfig reads
  // it as well, and would print its own complaint first.
  const bool dates_file = format.dated || format.name == "pdf";
  const std::optional<Date> epoch = dates_file ? source_date_epoch() : std::nullopt;
  // What the format needs of no programme (the PDF module and its fonts)
  // loads on another core meanwhile.
  const Background ahead = format.prepare != nullptr ? Background(format.prepare) : Background();
  const Catalogue catalogue = context.catalogue();
  std::optional<Date> saved_start;
  Request request = plan_request(catalogue, args.problems, args.personal, "export", &saved_start);
  request.weeks = args.weeks;
  if (format.dated) {
    if (!args.start) {
      // A saved programme's calendar starts on its first day.
      calendar.start = saved_start.value_or(next_monday(context.today()));
    }
    calendar.dtstamp = epoch.value_or(calendar.start);
    calendar.version = std::string(version);
  }
  // The file is checked after every usage error and before the text is
  // rendered: before the weeks are planned (a first export plans for most
  // of a second), unless the plan itself can still be a usage error, as a
  // calendar's with no session is.
  const bool to_file = args.file != "-";
  if (to_file && !format.dated) {
    check_plan_request(catalogue, request);
    check_file_target(args.file, args.force, use_force);
  }
  const Plan plan = make_plan(catalogue, request, context.kept_weeks);
  if (format.dated) {
    check_dated_plan(plan, chosen);
    if (to_file) {
      check_file_target(args.file, args.force, use_force);
    }
  }
  ProgrammeView view;
  view.plan = &plan;
  view.request = &request;
  view.calendar = calendar;
  view.limits = limit_options();
  view.catalogue = &catalogue;
  view.person = person;
  view.paper = paper;
  if (format.name == "pdf") {
    view.created = epoch;
  }
  const std::string text = format.programme(view, TextStyle{});
  if (!to_file) {
    context.print(text);
  } else {
    write_file_atomically(args.file, text, args.force, use_force);
  }
  return ExitCode::ok;
}

Runner setup_export(OptionBuilder& options) {
  auto args = std::make_shared<ExportArgs>();
  options.positional("file", args->file, "Where to write the programme; - for standard output", "FILE").required();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal);
  options
      .option("--weeks", args->weeks,
              fmt::format("Length of the programme in weeks (default {})", default_programme_weeks), "N")
      .whole_number(1, max_week);
  std::vector<std::string> extensions;
  for (const Format& format : format_table()) {
    if (format.offers(DataKind::programme) && !format.extension.empty()) {
      extensions.push_back(fmt::format("{} {}", format.extension, format.name));
    }
  }
  options
      .option("--format", args->format,
              fmt::format("Output format: {}; default: by FILE's extension ({}), else {}",
                          or_list(format_names(DataKind::programme)), join(extensions, ", "), handout_format),
              "FORMAT")
      .one_of(format_names(DataKind::programme));
  options.flag("--ics", args->ics,
               "The same as --format ics: an iCalendar file of the sessions instead of the handout");
  options
      .option("--start", args->start, "With --ics: the programme's first day (default: the next Monday)", "YYYY-MM-DD")
      .completes(Completes::nothing);
  options
      .option("--at", args->at,
              fmt::format("With --ics: the sessions' start time, your local time (default {:02}:{:02})",
                          default_minutes_of_day / 60, default_minutes_of_day % 60),
              "HH:MM")
      .completes(Completes::nothing);
  options
      .option("--for", args->person,
              fmt::format("With an HTML or PDF handout: the name of the person it is for (at most {} characters)",
                          max_person_characters),
              "NAME")
      .completes(Completes::nothing);
  options
      .option("--paper", args->paper, "With an HTML or PDF handout: the paper it prints on, a4 (default) or letter",
              "PAPER")
      .one_of({"a4", "letter"});
  options.flag("--force", args->force, "Replace FILE if it exists");
  return [args, &context = options.context()] { return run_export(context, *args); };
}

}  // namespace valgus::cli
