// valgus check: validate catalogue files and report every error at once.

#include "cli/commands.hpp"

#include "core/model/text.hpp"
#include "core/plan/lint.hpp"
#include "io/output.hpp"
#include "render/formats.hpp"

#include <unistd.h>

#include <memory>

namespace valgus::cli {

ExitCode run_check(const Context& context, const CheckArgs& args) {
  const Format& format = find_format(DataKind::check, args.format);
  // With no path, the built-in catalogue itself is checked from its YAML
  // (it was validated at build time too); otherwise the paths on top of it.
  std::vector<CatalogueFile> files;
  try {
    files = context.catalogue_files(args.paths);
  } catch (const Error& error) {
    if (!format.structured) {
      throw;
    }
    // A script asked for JSON: it gets JSON, with the exit code (66, 65).
    const LoadResult unread{Catalogue{}, error.diagnostics()};
    context.print(format.check(CheckReport{&unread, 0}, context.terminal_style()));
    return error.code();
  }
  const std::vector<CatalogueFile> builtin_files =
      context.global.no_builtin ? std::vector<CatalogueFile>{} : builtin_catalogue_files();
  LoadResult result;
  if (context.global.no_builtin) {
    result = load_catalogue(files);
  } else if (files.empty()) {
    result = load_catalogue(builtin_files);
  } else {
    result = load_catalogue(context.builtin(), files);
  }
  const CheckReport report{&result, files.size() + builtin_files.size()};
  if (!format.structured && !result.errors.empty()) {
    throw Error(ExitCode::bad_data, std::move(result.errors));  // one stderr line each
  }
  if (result.errors.empty()) {
    // Valid but working against itself: warned about on stderr, exit 0.
    std::string warnings;
    auto found = lint_catalogue(result.catalogue);
    const auto undrawn = figure_warnings(result.catalogue);
    found.insert(found.end(), undrawn.begin(), undrawn.end());
    for (const auto& warning : found) {
      warnings += "valgus: warning: " + one_line(warning.to_string()) + "\n";
    }
    write_all(STDERR_FILENO, warnings);
  }
  context.print(format.check(report, context.terminal_style()));
  return result.errors.empty() ? ExitCode::ok : ExitCode::bad_data;
}

Runner setup_check(OptionBuilder& options) {
  auto args = std::make_shared<CheckArgs>();
  options.positional("paths", args->paths, "Catalogue files or folders; none checks the built-in catalogue", "PATH");
  add_format_option(options, DataKind::check, args->format);
  return [args, &context = options.context()] { return run_check(context, *args); };
}

}  // namespace valgus::cli
