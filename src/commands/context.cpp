#include "commands.hpp"

#include "valgus/text.hpp"

#include <algorithm>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

namespace valgus::commands {

Context::Context(std::vector<CatalogueFile> builtin_files)
    : builtin_files_(std::move(builtin_files)), builtin_(load_catalogue_or_throw(builtin_files_)) {}

std::vector<CatalogueFile> Context::catalogue_files(const std::vector<std::string>& extra_paths) const {
  std::vector<CatalogueFile> files = builtin_files_;
  int layer = 0;
  for (const auto* paths : {&catalog_paths, &extra_paths}) {
    for (const auto& path : *paths) {
      auto more = read_catalogue_path(path, ++layer);
      files.insert(files.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  return files;
}

Catalogue Context::catalogue() const {
  if (catalog_paths.empty()) {
    return builtin_;
  }
  return load_catalogue_or_throw(catalogue_files());
}

TextStyle Context::terminal_style() const {
  TextStyle style;
  const bool terminal = ::isatty(STDOUT_FILENO) == 1;
  if (terminal) {
    struct winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
      // Long lines are hard to read; past 100 columns keep the measure.
      style.width = std::clamp(static_cast<int>(size.ws_col), 40, 100);
    }
  }
  const char* no_color = std::getenv("NO_COLOR");
  const bool color_allowed = no_color == nullptr || *no_color == '\0';
  style.color = color == "always" || (color == "auto" && terminal && color_allowed);
  return style;
}

void ProblemOptions::add_to(CLI::App& command, const Catalogue& builtin) {
  for (const auto& problem : builtin.problems) {
    command.add_flag_callback(
        "--" + problem.id, [this, id = problem.id] { flagged.push_back(id); },
        capitalised(problem.name) + " (see: valgus problems)");
  }
  command.add_option("--problem", by_id, "A problem by id, from any loaded catalogue (repeatable)")
      ->type_name("ID")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_flag("--all", all, "Every problem of the catalogue");
}

Request ProblemOptions::request(const Catalogue& catalogue) const {
  Request request;
  if (all) {
    request.problems = catalogue.problem_ids();
    return request;
  }
  request.problems = flagged;
  request.problems.insert(request.problems.end(), by_id.begin(), by_id.end());
  return request;
}

CLI::Validator one_of(std::vector<std::string> choices) {
  auto check = [choices = std::move(choices)](const std::string& value) -> std::string {
    if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
      return {};
    }
    return "unknown value \"" + value + "\"" + did_you_mean_suffix(value, choices) +
           "; valid values: " + join(choices, ", ");
  };
  return {check, ""};
}

void add_format_option(CLI::App& command, Format& format) {
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) {
            format = name == "markdown" ? Format::markdown : name == "json" ? Format::json : Format::text;
          },
          "Output format: text, markdown or json")
      ->type_name("FORMAT")
      ->check(one_of({"text", "markdown", "json"}));
}

}  // namespace valgus::commands
