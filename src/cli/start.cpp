// valgus start: saves the programme to follow, so today, go, log and
// progress need no problem flags.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "io/output.hpp"
#include "render/summaries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace valgus::cli {
namespace {

// The saved file's opening comment, for a person who opens it: the commands
// that read it, and how to start again (the option lives here, not in core).
constexpr std::string_view programme_header =
    "A valgus programme, saved by `valgus start`. `valgus today`, `go`, `log` and\n"
    "`progress` follow it. You may edit it by hand: valgus checks every field\n"
    "when it reads the file back. Start again with `valgus start ... --force`.";

// The referral in force in the log at `log`, if any.
std::optional<SafetyEvent> referral_of(const std::string& log) {
  return referral_in_force(LogStore::open(log, LogStore::Access::read).events());
}

}  // namespace

ExitCode run_start(const Context& context, const StartArgs& args) {
  const Catalogue catalogue = context.catalogue();
  if (!args.problems.given()) {
    throw args.problems.none_given(catalogue, "start");
  }
  const ProgrammeOptions options = options_given(args.problems, args.personal, catalogue);
  const Date start = args.start ? parse_date(*args.start) : context.today();
  // An assessment that found warning signs is remembered: no programme
  // until the person says a clinician has cleared them.
  const auto referral = referral_of(log_path());
  if (referral && !args.cleared) {
    throw Error(ExitCode::usage,
                fmt::format("your assessment of {} found warning signs: {} See a doctor or physiotherapist first; "
                            "once they have cleared you, add --cleared (it is kept in the log)",
                            to_string(referral->date), referral->reason));
  }
  const ExitCode saved = save_programme(context, catalogue, options, start, args.force);
  if (referral) {
    LogStore::open(log_path(), LogStore::Access::write)
        .record_event(SafetyEvent{std::max(context.today(), referral->date), SafetyKind::cleared,
                                  "cleared by a clinician (valgus start --cleared)"});
  }
  return saved;
}

ExitCode save_programme(const Context& context, const Catalogue& catalogue, const ProgrammeOptions& options, Date start,
                        bool force) {
  // Planned first: a programme valgus cannot plan is never saved.
  const Plan plan = make_plan(catalogue, build_request(options), context.kept_weeks);
  const SavedProgramme programme = programme_to_save(options, start);
  const std::string path = programme_path();
  create_parent_folders(path);
  write_file_atomically(path, programme_yaml(programme, programme_header), force,
                        "use --force to replace it (the log is kept)");

  context.print(render_start_summary(StartSummary{&plan, path, start}));
  return ExitCode::ok;
}

Runner setup_start(OptionBuilder& options) {
  auto args = std::make_shared<StartArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--start", args->start, "The programme's first day, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  options.flag("--force", args->force, "Replace a saved programme (the log is kept)");
  options.flag("--cleared", args->cleared,
               "A doctor or physiotherapist has cleared the warning signs an assessment found (kept in the log)");
  return [args, &context = options.context()] { return run_start(context, *args); };
}

}  // namespace valgus::cli
