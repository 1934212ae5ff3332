// valgus import free-exercise-db FILE -o OUT.yaml: open exercise data into a
// catalogue file that `valgus check` accepts and `--catalog` can load.

#include "commands.hpp"

#include "valgus/importer.hpp"
#include "valgus/output.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::commands {

void add_import(CLI::App& app, Context& context) {
  struct Options {
    std::string format;
    std::string file;
    std::string output;
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("import", "Convert open exercise data into a valgus catalogue file");
  command->add_option("source", options->format, "The data's format: free-exercise-db")
      ->type_name("FORMAT")
      ->required()
      ->check(one_of({"free-exercise-db"}));
  command->add_option("file", options->file, "The data to convert (free-exercise-db: its exercises.json)")
      ->type_name("FILE")
      ->required();
  command->add_option("-o,--output", options->output, "The catalogue file to write (.yaml)")
      ->type_name("OUT")
      ->required();
  command->add_flag("--force", options->force, "Replace OUT if it exists");

  command->callback([options, &context] {
    const std::string text = read_input_file(options->file, max_import_bytes);
    const ImportResult result = import_free_exercise_db(context.catalogue(), options->file, text);
    write_file_atomically(options->output, result.yaml, options->force);
    std::string summary =
        fmt::format("imported {} of {} exercises into {}\n", result.imported, result.read, options->output);
    if (!result.skipped.empty()) {
      summary += "not imported:\n";
      for (const auto& line : result.skipped) {
        summary += "  " + line + "\n";
      }
    }
    write_stdout(summary);
  });
}

}  // namespace valgus::commands
