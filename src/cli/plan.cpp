// valgus plan: the routine for the problems given, to the terminal or a file.

#include "cli/commands.hpp"

#include "io/output.hpp"
#include "render/formats.hpp"

#include <memory>

namespace valgus::cli {

ExitCode run_plan(const Context& context, const PlanArgs& args) {
  const Format& format = find_format(DataKind::plan, args.format);
  const Catalogue catalogue = context.catalogue();
  Request request = args.problems.request(catalogue, "plan");
  args.personal.apply_to(request, catalogue);
  const Plan plan = make_plan(catalogue, request);
  if (args.output.empty()) {
    context.print(format.plan(plan, context.terminal_style()));
  } else {
    write_file_atomically(args.output, format.plan(plan, TextStyle{}), args.force, use_force);
  }
  return ExitCode::ok;
}

Runner setup_plan(OptionBuilder& options) {
  auto args = std::make_shared<PlanArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal);
  add_format_option(options, DataKind::plan, args->format);
  options.option("-o,--output", args->output, "Write to FILE instead of standard output", "FILE");
  options.flag("--force", args->force, "Replace FILE if it exists");
  return [args, &context = options.context()] { return run_plan(context, *args); };
}

}  // namespace valgus::cli
