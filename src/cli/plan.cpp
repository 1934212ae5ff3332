// valgus plan: the routine for the problems given, to the terminal or a file.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "io/output.hpp"
#include "render/formats.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace valgus::cli {
namespace {

constexpr std::string_view not_given{"\0", 1};

}  // namespace

ExitCode run_plan(const Context& context, const PlanArgs& args) {
  const Format& format = find_format(DataKind::plan, args.format);
  const Catalogue catalogue = context.catalogue();
  const Request request = plan_request(catalogue, args.problems, args.personal, "plan");
  const Plan plan = make_plan(catalogue, request, context.kept_weeks);
  // "-" is standard output, as for export; a file named "-" is never made.
  if (args.output.empty() || args.output == "-") {
    context.print(format.plan(plan, context.terminal_style(), limit_options()));
  } else {
    write_file_atomically(args.output, format.plan(plan, TextStyle{}, limit_options()), args.force, use_force);
  }
  return ExitCode::ok;
}

Runner setup_plan(OptionBuilder& options) {
  auto args = std::make_shared<PlanArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal);
  add_format_option(options, DataKind::plan, args->format);
  // CLI11 stores -o "" as an empty string, the same as no -o at all; start
  // from a value no argument can hold (a NUL byte) to tell them apart.
  auto output = std::make_shared<std::string>(not_given);
  options.option("-o,--output", *output, "Write to FILE instead of standard output (- is standard output)", "FILE");
  options.flag("--force", args->force, "Replace FILE if it exists");
  return [args, output, &context = options.context()] {
    if (*output != not_given) {
      if (output->empty()) {
        throw Error(ExitCode::usage,
                    "--output: the file name is empty; give FILE, or - for standard output; see: valgus plan --help");
      }
      args->output = *output;
    }
    return run_plan(context, *args);
  };
}

}  // namespace valgus::cli
