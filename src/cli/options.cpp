#include "cli/options.hpp"

#include "cli/context.hpp"
#include "core/model/text.hpp"
#include "core/plan/planner.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>

namespace valgus::cli {
namespace {

// Declared here, and named by the planner's advice through limit_options().
constexpr LimitOptions plan_limit_options{"--minutes", "--days", "--max-exercises", "--equipment"};

}  // namespace

const LimitOptions& limit_options() { return plan_limit_options; }

std::string_view completion_word_kind(Completes kind) {
  switch (kind) {
    case Completes::problem: return "problems";
    case Completes::exercise: return "exercises";
    case Completes::phase: return "phases";
    case Completes::equipment: return "equipment";
    case Completes::position: return "positions";
    case Completes::command: return "commands";
    case Completes::nothing:
    case Completes::choices:
    case Completes::number:
    case Completes::file: break;
  }
  return {};
}

const std::vector<Completes>& word_completion_kinds() {
  static const std::vector<Completes> kinds{Completes::problem, Completes::exercise, Completes::equipment,
                                            Completes::phase,   Completes::position, Completes::command};
  return kinds;
}

void CompletionRegistry::set(const CLI::Option* option, CompletionSpec spec) { specs_[option] = std::move(spec); }

CompletionSpec CompletionRegistry::of(const CLI::Option& option) const {
  if (option.get_expected_min() == 0 && !option.get_positional()) {
    return {Completes::nothing, {}};
  }
  const auto found = specs_.find(&option);
  return found == specs_.end() ? CompletionSpec{} : found->second;
}

OptionRef& OptionRef::required() {
  option_->required();
  return *this;
}

OptionRef& OptionRef::completes(Completes kind) {
  context_->completions.set(option_, {kind, {}});
  return *this;
}

OptionRef& OptionRef::one_of(std::vector<std::string> choices) {
  context_->completions.set(option_, {Completes::choices, choices});
  auto check = [choices = std::move(choices)](const std::string& value) -> std::string {
    if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
      return {};
    }
    return "unknown value \"" + value + "\"" + did_you_mean_suffix(value, choices) +
           "; valid values: " + join(choices, ", ");
  };
  option_->check(CLI::Validator(check, ""));
  return *this;
}

OptionRef& OptionRef::whole_number(int low, int high) {
  context_->completions.set(option_, {Completes::number, {}});
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
  option_->check(CLI::Validator(check, ""));
  return *this;
}

namespace {

// Every single-valued option and positional is declared the same way.
template <typename Target>
CLI::Option* add_valued(CLI::App& command, const std::string& names, Target& target, const std::string& help,
                        const std::string& value) {
  return command.add_option(names, target, help)->type_name(value);
}

}  // namespace

OptionRef OptionBuilder::option(const std::string& names, std::string& target, const std::string& help,
                                const std::string& value) {
  return {add_valued(*command_, names, target, help, value), *context_};
}

OptionRef OptionBuilder::option(const std::string& names, std::optional<std::string>& target, const std::string& help,
                                const std::string& value) {
  return {add_valued(*command_, names, target, help, value), *context_};
}

OptionRef OptionBuilder::option(const std::string& names, int& target, const std::string& help,
                                const std::string& value) {
  return {add_valued(*command_, names, target, help, value), *context_};
}

OptionRef OptionBuilder::option(const std::string& names, std::optional<int>& target, const std::string& help,
                                const std::string& value) {
  return {add_valued(*command_, names, target, help, value), *context_};
}

OptionRef OptionBuilder::repeatable(const std::string& names, std::vector<std::string>& target, const std::string& help,
                                    const std::string& value) {
  return {add_valued(*command_, names, target, help, value)
              ->expected(1)
              ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll),
          *context_};
}

OptionRef OptionBuilder::positional(const std::string& name, std::string& target, const std::string& help,
                                    const std::string& value) {
  return {add_valued(*command_, name, target, help, value), *context_};
}

OptionRef OptionBuilder::positional(const std::string& name, std::vector<std::string>& target, const std::string& help,
                                    const std::string& value) {
  return {add_valued(*command_, name, target, help, value), *context_};
}

void OptionBuilder::flag(const std::string& names, bool& target, const std::string& help) {
  command_->add_flag(names, target, help);
}

void OptionBuilder::flag(const std::string& names, std::function<void()> on_set, const std::string& help) {
  command_->add_flag_callback(names, std::move(on_set), help);
}

const CLI::App& OptionBuilder::root() const {
  const CLI::App* app = command_;
  while (app->get_parent() != nullptr) {
    app = app->get_parent();
  }
  return *app;
}

void add_format_option(OptionBuilder& options, DataKind kind, std::string& format) {
  const auto names = format_names(kind);
  options.option("--format", format, "Output format: " + join(names, ", "), "FORMAT").one_of(names);
}

void add_problem_options(OptionBuilder& options, ProblemChoice& choice) {
  const Catalogue& builtin = options.context().builtin();
  choice.flag_ids = builtin.problem_ids();
  for (const auto& problem : builtin.problems) {
    options.flag(
        "--" + problem.id, [&choice, id = problem.id] { choice.flagged.push_back(id); },
        capitalised(problem.name) + " (see: valgus problems)");
  }
  options
      .repeatable("--problem", choice.by_id,
                  "A problem by id, from any loaded catalogue (repeatable): " + or_list(builtin.problem_ids()), "ID")
      .completes(Completes::problem);
  options.flag("--all", choice.all, "Every problem of the catalogue");
}

void add_personal_options(OptionBuilder& options, PersonalChoice& choice, bool follow) {
  const Catalogue& builtin = options.context().builtin();
  const std::vector<std::string> kit = builtin.kit_ids();
  std::string example;
  for (const auto& item : builtin.equipment) {
    if (!item.household && example.empty() && item.name != item.id) {
      example = item.name;
    }
  }
  std::string equipment_help = "What you have: comma-separated LIST of none (bodyweight only), " + join(kit, ", ");
  if (!example.empty()) {
    equipment_help += "; names work too (\"" + example + "\")";
  }
  options.option("--equipment", choice.equipment, equipment_help, "LIST").completes(Completes::equipment);
  options
      .option(std::string(plan_limit_options.days), choice.days,
              fmt::format("Training days a week: a number from 1 to 7, or weekdays such as mon,wed,fri (default {})",
                          default_days_a_week),
              "DAYS")
      .completes(Completes::nothing);
  options
      .option(std::string(plan_limit_options.minutes), choice.minutes,
              fmt::format("Minutes per session (default {})", default_minutes), "N")
      .whole_number(1, max_minutes);
  options
      .option(std::string(plan_limit_options.max_exercises), choice.max_exercises,
              fmt::format("At most K exercises per session (default {})", default_session_exercises), "K")
      .whole_number(1, max_session_exercises);
  if (!follow) {
    options.flag("--full", choice.full,
                 "One session of the whole routine instead of a week (with --minutes: fitted to it)");
  }
  options.option("--side", choice.side, "The leg that caves more gets extra volume: left, right or both", "SIDE")
      .one_of({"left", "right", "both"});
  options.option("--when", choice.when, "Where your knee caves: " + or_list(builtin.position_ids()), "WHERE")
      .completes(Completes::position);
  if (!follow) {
    options.option("--week", choice.week, "Apply the progressions due by week N", "N").whole_number(1, max_week);
  }
}

std::string or_list(const std::vector<std::string>& words) {
  if (words.size() < 2) {
    return join(words, "");
  }
  const std::vector<std::string> head(words.begin(), words.end() - 1);
  return join(head, ", ") + " or " + words.back();
}

}  // namespace valgus::cli
