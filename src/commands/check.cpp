// valgus check: validate catalogue files and report every error at once.

#include "commands.hpp"

#include "valgus/output.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::commands {

void add_check(CLI::App& app, Context& context) {
  struct Options {
    std::vector<std::string> paths;
    Format format = Format::text;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "check", "Validate catalogue files (with the built-in catalogue they extend) and report every error");
  command->add_option("paths", options->paths, "Catalogue files or folders; none checks the built-in catalogue")
      ->type_name("PATH");
  add_format_option(*command, options->format, {"text", "json"});

  command->callback([options, &context] {
    // With no path, the built-in catalogue itself is checked from its YAML
    // (it was validated at build time too); otherwise the paths on top of it.
    const std::vector<CatalogueFile> files = context.catalogue_files(options->paths);
    const std::vector<CatalogueFile> builtin_files = builtin_catalogue_files();
    LoadResult result = files.empty() ? load_catalogue(builtin_files) : load_catalogue(context.builtin(), files);
    const std::size_t file_count = files.size() + builtin_files.size();
    if (options->format == Format::json) {
      write_stdout(render_check_json(result, file_count));
      if (!result.errors.empty()) {
        throw Error(ExitCode::bad_data, std::vector<Diagnostic>{});  // the errors are in the JSON
      }
      return;
    }
    if (!result.errors.empty()) {
      throw Error(ExitCode::bad_data, std::move(result.errors));
    }
    const Catalogue& catalogue = result.catalogue;
    write_stdout(
        fmt::format("ok: {} files, {} exercises, {} problems, {} muscles, {} muscle groups, {} equipment, "
                    "{} positions, {} habits, {} notes\n",
                    file_count, catalogue.exercises.size(), catalogue.problems.size(), catalogue.muscles.size(),
                    catalogue.muscle_groups.size(), catalogue.equipment.size(), catalogue.positions.size(),
                    catalogue.habits.size(), catalogue.notes.size()));
  });
}

}  // namespace valgus::commands
