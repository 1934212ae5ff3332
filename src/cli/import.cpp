// valgus import: open exercise data (free-exercise-db) into a catalogue file.

#include "cli/commands.hpp"

#include "core/importer.hpp"
#include "core/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::cli {

ExitCode run_import(const Context& context, const ImportArgs& args) {
  const std::string text = read_input_file(args.file, max_import_bytes);
  const ImportResult result = import_free_exercise_db(context.catalogue(), args.file, text);
  write_file_atomically(args.output, result.yaml, args.force, use_force);
  std::string summary = fmt::format("imported {} of {} exercises into {}\n", result.imported, result.read, args.output);
  if (!result.skipped.empty()) {
    summary += "not imported:\n";
    for (const auto& line : result.skipped) {
      summary += "  " + line + "\n";
    }
  }
  context.print(summary);
  return ExitCode::ok;
}

Runner setup_import(OptionBuilder& options) {
  auto args = std::make_shared<ImportArgs>();
  options.positional("source", args->source, "The data's format: free-exercise-db", "FORMAT")
      .required()
      .one_of({"free-exercise-db"});
  options.positional("file", args->file, "The data to convert (free-exercise-db: its exercises.json)", "FILE")
      .required();
  options.option("-o,--output", args->output, "The catalogue file to write (.yaml)", "OUT").required();
  options.flag("--force", args->force, "Replace OUT if it exists");
  return [args, &context = options.context()] { return run_import(context, *args); };
}

}  // namespace valgus::cli
