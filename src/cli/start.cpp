// valgus start: saves the programme to follow, so today, go, log and
// progress need no problem flags.

#include "cli/commands.hpp"
#include "cli/follow.hpp"

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "io/output.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <memory>
#include <string_view>

namespace valgus::cli {
namespace {

// The saved file's opening comment, for a person who opens it: the commands
// that read it, and how to start again (the option lives here, not in core).
constexpr std::string_view programme_header =
    "A valgus programme, saved by `valgus start`. `valgus today`, `go`, `log` and\n"
    "`progress` follow it. You may edit it by hand: valgus checks every field\n"
    "when it reads the file back. Start again with `valgus start ... --force`.";

}  // namespace

ExitCode run_start(const Context& context, const StartArgs& args) {
  const Catalogue catalogue = context.catalogue();
  Request request = args.problems.request(catalogue, "start");
  args.personal.apply_to(request, catalogue);
  const Date start = args.start ? parse_date(*args.start) : context.today();
  // Planned first: a programme valgus cannot plan is never saved.
  const Plan plan = make_plan(catalogue, request);
  const SavedProgramme programme = programme_of(request, start);
  const std::string path = programme_path();
  create_parent_folders(path);
  write_file_atomically(path, programme_yaml(programme, programme_header), args.force,
                        "use --force to replace it (the log is kept)");

  std::vector<std::string> names;
  for (const Problem& problem : plan.problems) {
    names.push_back(problem.name);
  }
  std::vector<std::string> sessions;
  for (const PlannedSession& session : plan.sessions) {
    sessions.push_back(
        fmt::format("{} on {} (about {} min)", session.id, day_list(session.days), display_minutes(session.seconds)));
  }
  std::string out = fmt::format("Saved your programme to {}\n", path);
  out += fmt::format("For: {}\n", join(names, ", "));
  out += fmt::format("From {}: {}\n", to_string(start), join(sessions, "; "));
  out += "Next: valgus today (the day's session) · valgus go (guided) · valgus log (record it) · valgus progress\n";
  for (const Note& note : plan.notes) {
    if (note.placement == Placement::top) {
      out += fmt::format("{}: {}\n", note.title, note.text);
    }
  }
  context.print(out);
  return ExitCode::ok;
}

Runner setup_start(OptionBuilder& options) {
  auto args = std::make_shared<StartArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--start", args->start, "The programme's first day, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  options.flag("--force", args->force, "Replace a saved programme (the log is kept)");
  return [args, &context = options.context()] { return run_start(context, *args); };
}

}  // namespace valgus::cli
