#include "cli/context.hpp"

#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/output.hpp"
#include "io/terminal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <ctime>

#include <sys/stat.h>
#include <unistd.h>

namespace valgus::cli {

namespace {

// Today on the person's own clock: the only place valgus reads the time.
Date local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) {
    return date_from_unix_seconds(static_cast<std::int64_t>(now));
  }
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace

Context::Context(Catalogue builtin) : today(local_today), builtin_(std::move(builtin)) {}

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

bool Context::terminal_utf8() const {
  const OutputTerminal stdout_terminal = output_terminal();
  return stdout_terminal.is_terminal && stdout_terminal.utf8;
}

TextStyle Context::terminal_style() const {
  const OutputTerminal stdout_terminal = output_terminal();
  TextStyle style;
  if (stdout_terminal.columns > 0) {
    // Long lines are hard to read; past 100 columns keep the measure.
    style.width = std::clamp(stdout_terminal.columns, 40, 100);
  }
  style.color = global.color == "always" ||
                (global.color == "auto" && stdout_terminal.is_terminal && stdout_terminal.colour_welcome);
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
  hint += "Not sure which fit you? valgus assess walks you through the self-tests\n";
  Error error(ExitCode::usage, fmt::format("no problem given; choose one or more for valgus {}:", command));
  error.set_hint(std::move(hint));
  return error;
}

}  // namespace

std::vector<std::string> ProblemChoice::ids(const Catalogue& catalogue) const {
  if (all) {
    return catalogue.problem_ids();
  }
  std::vector<std::string> ids = flagged;
  ids.insert(ids.end(), by_id.begin(), by_id.end());
  return ids;
}

Error ProblemChoice::none_given(const Catalogue& catalogue, std::string_view command) const {
  return no_problem_error(catalogue, flag_ids, command);
}

namespace {

std::vector<std::string> split_words(const std::string& text, char separator) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    words.push_back(trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) {
      return words;
    }
    start = end + 1;
  }
}

}  // namespace

std::vector<int> parse_days(std::string_view text) {
  std::string trimmed = trim(text);
  std::transform(trimmed.begin(), trimmed.end(), trimmed.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (trimmed.size() == 1 && trimmed[0] >= '1' && trimmed[0] <= '7') {
    return spread_days(trimmed[0] - '0');
  }
  std::vector<int> days;
  for (const auto& name : split_words(trimmed, ',')) {
    const std::optional<int> day = weekday_of_id(name);
    if (!day || std::find(days.begin(), days.end(), *day) != days.end()) {
      throw Error(ExitCode::usage,
                  fmt::format("--days: \"{}\" is not a number of days from 1 to 7 nor distinct weekdays; write 3, or "
                              "days such as mon,wed,fri (mon tue wed thu fri sat sun)",
                              std::string(text)));
    }
    days.push_back(*day);
  }
  std::sort(days.begin(), days.end());
  return days;
}

}  // namespace valgus::cli
