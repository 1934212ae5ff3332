// valgus import: open exercise data (free-exercise-db) into a catalogue file.

#include "cli/commands.hpp"

#include "core/catalogue/importer.hpp"
#include "core/model/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <system_error>

namespace valgus::cli {

namespace {

// The catalogue the import extends: as for any command, but without the
// file being replaced, so that `import --force` mends a bad earlier import
// in the personal catalogue instead of failing on it.
Catalogue base_catalogue(const Context& context, const std::string& output) {
  auto files = context.catalogue_files();
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](const CatalogueFile& file) {
                               std::error_code error;  // an output that does not exist yet is no match
                               return std::filesystem::equivalent(file.path, output, error);
                             }),
              files.end());
  if (context.global.no_builtin) {
    return load_catalogue_or_throw(Catalogue{}, files);
  }
  return files.empty() ? context.builtin() : load_catalogue_or_throw(context.builtin(), files);
}

// One line of the summary. The dataset's names and the paths from the
// command line go through the terminal neutraliser, one line each: a name
// must not retitle the terminal or forge a "valgus: error:" line.
std::string summary_line(std::string_view text) { return one_line(text) + "\n"; }

}  // namespace

ExitCode run_import(const Context& context, const ImportArgs& args) {
  const std::string text = read_input_file(args.file, max_import_bytes, "a file to import");
  const ImportResult result =
      import_free_exercise_db(base_catalogue(context, args.output), args.file, text, max_catalogue_file_bytes);
  write_file_atomically(args.output, result.yaml, args.force, use_force);
  std::string summary =
      summary_line(fmt::format("imported {} of {} exercises into {}", result.imported, result.read, args.output));
  for (const auto& [title, lines] :
       {std::pair{"changed:", &result.changed}, std::pair{"not imported:", &result.skipped}}) {
    if (!lines->empty()) {
      summary += summary_line(title);
      for (const auto& line : *lines) {
        summary += summary_line("  " + line);
      }
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
