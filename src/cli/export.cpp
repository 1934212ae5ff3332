// valgus export: the routine as a Markdown handout, optionally a programme
// of several weeks.

#include "cli/commands.hpp"

#include "io/output.hpp"
#include "render/formats.hpp"

#include <memory>

namespace valgus::cli {

ExitCode run_export(const Context& context, const ExportArgs& args) {
  if (args.file.empty()) {
    throw Error(ExitCode::usage,
                "the file name is empty; give FILE, or - for standard output; see: valgus export --help");
  }
  const Catalogue catalogue = context.catalogue();
  Request request = args.problems.request(catalogue, "export");
  args.personal.apply_to(request, catalogue);
  request.weeks = args.weeks;
  const std::string text = find_format(DataKind::plan, "markdown").plan(make_plan(catalogue, request), TextStyle{});
  if (args.file == "-") {
    context.print(text);
  } else {
    write_file_atomically(args.file, text, args.force, use_force);
  }
  return ExitCode::ok;
}

Runner setup_export(OptionBuilder& options) {
  auto args = std::make_shared<ExportArgs>();
  options.positional("file", args->file, "Where to write the handout; - for standard output", "FILE").required();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal);
  options.option("--weeks", args->weeks, "Length of the programme in weeks (default 6)", "N").whole_number(1, max_week);
  options.flag("--force", args->force, "Replace FILE if it exists");
  return [args, &context = options.context()] { return run_export(context, *args); };
}

}  // namespace valgus::cli
