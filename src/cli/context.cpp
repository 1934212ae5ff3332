#include "cli/context.hpp"

#include "core/resolve.hpp"
#include "core/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus::cli {

Context::Context(Catalogue builtin) : builtin_(std::move(builtin)) {}

std::vector<CatalogueFile> Context::catalogue_files(const std::vector<std::string>& extra_paths) const {
  std::vector<CatalogueSource> sources;
  const std::string user = global.no_user_catalog ? std::string() : user_catalogue_dir();
  struct stat info {};
  if (!user.empty() && ::stat(user.c_str(), &info) == 0) {
    sources.push_back({user, "user", true});
  }
  for (const auto* paths : {&global.catalog_paths, &extra_paths}) {
    for (const auto& path : *paths) {
      sources.push_back({path, path});
    }
  }
  CatalogueInput input = read_catalogue_sources(sources);
  // Nothing in a folder is ignored silently.
  std::string warnings;
  for (const auto& line : input.skipped) {
    warnings += "valgus: warning: " + one_line(line) + "\n";
  }
  write_all(STDERR_FILENO, warnings);
  return std::move(input.files);
}

Catalogue Context::catalogue() const {
  const auto files = catalogue_files();
  if (files.empty() && !global.no_builtin) {
    return builtin_;
  }
  return load_catalogue_or_throw(global.no_builtin ? Catalogue{} : builtin_, files);
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
  // A terminal that says it is "dumb" (Emacs shell buffers, some CI logs)
  // or says nothing shows escapes as garbage: auto means no colour there,
  // as with git and grep; --color always still colours.
  const char* term = std::getenv("TERM");
  const bool smart_terminal = term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
  const bool color_allowed = (no_color == nullptr || *no_color == '\0') && smart_terminal;
  style.color = global.color == "always" || (global.color == "auto" && terminal && color_allowed);
  return style;
}

void Context::print(std::string_view text) const {
  if (output) {
    output(text);
  } else {
    write_stdout(text);
  }
}

std::vector<std::string> problem_labels(const Catalogue& catalogue, const std::vector<std::string>& flag_ids) {
  std::vector<std::string> labels;
  for (const auto& problem : catalogue.problems) {
    const bool has_flag = std::find(flag_ids.begin(), flag_ids.end(), problem.id) != flag_ids.end();
    labels.push_back(has_flag ? "--" + problem.id : "--problem " + problem.id);
  }
  return labels;
}

namespace {

Error no_problem_error(const Catalogue& catalogue, const std::vector<std::string>& flag_ids, std::string_view command) {
  // A first-time user lands here: show the choices, not just their ids.
  const auto labels = problem_labels(catalogue, flag_ids);
  std::size_t width = std::string_view("--all").size();
  for (const auto& label : labels) {
    width = std::max(width, label.size());
  }
  std::string hint;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    hint += fmt::format("  {:<{}}  {}\n", labels[i], width, catalogue.problems[i].name);
  }
  hint += fmt::format("  {:<{}}  {}\n", "--all", width, "every problem above");
  hint += "Not sure which fit you? Each has a self-test: valgus problems\n";
  Error error(ExitCode::usage, fmt::format("no problem given; choose one or more for valgus {}:", command));
  error.set_hint(std::move(hint));
  return error;
}

}  // namespace

Request ProblemChoice::request(const Catalogue& catalogue, std::string_view command) const {
  Request request;
  if (all) {
    request.problems = catalogue.problem_ids();
    return request;
  }
  request.problems = flagged;
  request.problems.insert(request.problems.end(), by_id.begin(), by_id.end());
  if (request.problems.empty()) {
    throw no_problem_error(catalogue, flag_ids, command);
  }
  return request;
}

void PersonalChoice::apply_to(Request& request, const Catalogue& catalogue) const {
  if (equipment) {
    request.equipment = parse_equipment_list(catalogue, *equipment);
  }
  request.minutes = minutes;
  request.side = parse_side(side).value_or(Side::both);
  request.when = when;
  request.week = week;
}

}  // namespace valgus::cli
