#include "commands.hpp"

#include "valgus/output.hpp"
#include "valgus/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus::commands {

Context::Context(Catalogue builtin) : builtin_(std::move(builtin)) {}

std::vector<CatalogueFile> Context::catalogue_files(const std::vector<std::string>& extra_paths) const {
  std::vector<CatalogueFile> files;
  std::vector<std::string> skipped;
  std::size_t total = 0;
  int layer = 0;
  // (path, origin) in load order.
  std::vector<std::pair<std::string, std::string>> sources;
  const std::string user = no_user_catalog ? std::string() : user_catalogue_dir();
  struct stat info {};
  if (!user.empty() && ::stat(user.c_str(), &info) == 0) {
    sources.emplace_back(user, "user");
  }
  for (const auto* paths : {&catalog_paths, &extra_paths}) {
    for (const auto& path : *paths) {
      sources.emplace_back(path, path);
    }
  }
  for (const auto& [path, origin] : sources) {
    auto input = read_catalogue_path(path, ++layer, origin);
    for (auto& file : input.files) {
      total += file.text.size();
      if (total > max_catalogue_total_bytes) {
        throw Error(ExitCode::bad_data, SourceLocation{file.path, 0, 0},
                    fmt::format("the catalogue files add up to more than {} MiB; load fewer at once",
                                max_catalogue_total_bytes / (std::size_t{1024} * 1024)));
      }
      files.push_back(std::move(file));
    }
    skipped.insert(skipped.end(), input.skipped.begin(), input.skipped.end());
  }
  // Nothing in a folder is ignored silently.
  std::string warnings;
  for (const auto& line : skipped) {
    warnings += "valgus: warning: " + terminal_safe(line) + "\n";
  }
  write_all(STDERR_FILENO, warnings);
  return files;
}

Catalogue Context::catalogue() const {
  const auto files = catalogue_files();
  if (files.empty()) {
    return builtin_;
  }
  return load_catalogue_or_throw(builtin_, files);
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
  flag_ids = builtin.problem_ids();
  for (const auto& problem : builtin.problems) {
    command.add_flag_callback(
        "--" + problem.id, [this, id = problem.id] { flagged.push_back(id); },
        capitalised(problem.name) + " (see: valgus problems)");
  }
  command
      .add_option("--problem", by_id,
                  "A problem by id, from any loaded catalogue (repeatable): " + or_list(builtin.problem_ids()))
      ->type_name("ID")
      ->check(completes("problems"))
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_flag("--all", all, "Every problem of the catalogue");
}

namespace {

Error no_problem_error(const Catalogue& catalogue, const std::vector<std::string>& flag_ids,
                       const std::string& command) {
  // A first-time user lands here: show the choices, not just their ids.
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& problem : catalogue.problems) {
    const bool has_flag = std::find(flag_ids.begin(), flag_ids.end(), problem.id) != flag_ids.end();
    rows.emplace_back(has_flag ? "--" + problem.id : "--problem " + problem.id, problem.name);
  }
  std::size_t width = std::string_view("--all").size();
  for (const auto& row : rows) {
    width = std::max(width, row.first.size());
  }
  std::string hint;
  for (const auto& [label, name] : rows) {
    hint += fmt::format("  {:<{}}  {}\n", label, width, name);
  }
  hint += fmt::format("  {:<{}}  {}\n", "--all", width, "every problem above");
  hint += "Not sure which fit you? Each has a self-test: valgus problems\n";
  Error error(ExitCode::usage, fmt::format("no problem given; choose one or more for valgus {}:", command));
  error.set_hint(std::move(hint));
  return error;
}

}  // namespace

Request ProblemOptions::request(const Catalogue& catalogue, const std::string& command) const {
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

void PersonalOptions::add_to(CLI::App& command, const Catalogue& builtin) {
  std::vector<std::string> kit;
  std::string example;
  for (const auto& item : builtin.equipment) {
    if (!item.household) {
      kit.push_back(item.id);
      if (example.empty() && item.name != item.id) {
        example = item.name;
      }
    }
  }
  std::string equipment_help = "What you have: comma-separated LIST of none (bodyweight only), " + join(kit, ", ");
  if (!example.empty()) {
    equipment_help += "; names work too (\"" + example + "\")";
  }
  command.add_option("--equipment", equipment, equipment_help)->type_name("LIST")->check(completes("equipment"));
  command.add_option("--minutes", minutes, "Fit the session into N minutes")
      ->type_name("N")
      ->check(whole_number(1, max_minutes));
  command.add_option("--side", side, "The leg that caves more gets extra volume: left, right or both")
      ->type_name("SIDE")
      ->check(one_of({"left", "right", "both"}));
  command.add_option("--when", when, "Where your knee caves: " + or_list(builtin.position_ids()))
      ->type_name("WHERE")
      ->check(completes("positions"));
  command.add_option("--week", week, "Apply the progressions due by week N")
      ->type_name("N")
      ->check(whole_number(1, max_week));
}

void PersonalOptions::apply_to(Request& request, const Catalogue& catalogue) const {
  if (equipment) {
    request.equipment = parse_equipment_list(catalogue, *equipment);
  }
  request.minutes = minutes;
  request.side = parse_side(side).value_or(Side::both);
  request.when = when;
  request.week = week;
}

std::string or_list(const std::vector<std::string>& words) {
  if (words.size() < 2) {
    return join(words, "");
  }
  const std::vector<std::string> head(words.begin(), words.end() - 1);
  return join(head, ", ") + " or " + words.back();
}

CLI::Validator whole_number(int low, int high) {
  auto check = [low, high](const std::string& value) -> std::string {
    const bool digits = !value.empty() && value.size() <= 6 && (value.size() == 1 || value[0] != '0') &&
                        std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      const int number = std::stoi(value);
      if (number >= low && number <= high) {
        return {};
      }
    }
    return fmt::format("\"{}\" is not a whole number from {} to {}", value, low, high);
  };
  return CLI::Validator(check, "").name("number");
}

CLI::Validator one_of(std::vector<std::string> choices) {
  // The name carries the choices, so `valgus completion` can offer them.
  std::string name = "values:" + join(choices, " ");
  auto check = [choices = std::move(choices)](const std::string& value) -> std::string {
    if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
      return {};
    }
    return "unknown value \"" + value + "\"" + did_you_mean_suffix(value, choices) +
           "; valid values: " + join(choices, ", ");
  };
  return CLI::Validator(check, "").name(std::move(name));
}

CLI::Validator completes(const std::string& kind) {
  return CLI::Validator([](const std::string&) { return std::string(); }, "").name("complete:" + kind);
}

void add_format_option(CLI::App& command, Format& format, const std::vector<std::string>& formats) {
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) {
            format = name == "markdown" ? Format::markdown : name == "json" ? Format::json : Format::text;
          },
          "Output format: " + join(formats, ", "))
      ->type_name("FORMAT")
      ->check(one_of(formats));
}

}  // namespace valgus::commands
