// valgus start: saves the programme to follow, so today, go, log and
// progress need no problem flags.

#include "cli/commands.hpp"
#include "cli/follow.hpp"

#include "io/output.hpp"
#include "render/summaries.hpp"

#include <memory>

namespace valgus::cli {

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
  write_file_atomically(path, programme_yaml(programme), args.force, "use --force to replace it (the log is kept)");

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
  return [args, &context = options.context()] { return run_start(context, *args); };
}

}  // namespace valgus::cli
