#pragma once

// How commands declare their options without seeing CLI11: a small builder
// over one CLI11 command (options.cpp is the only command file that includes
// CLI11), typed completion metadata, checks with did-you-mean, and the
// --format option read from the format table.

#include "render/formats.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace valgus::cli {

class Context;
struct ProblemChoice;
struct PersonalChoice;

// What an option's value is, so shell completion can offer it.
enum class Completes { nothing, choices, number, file, problem, exercise, phase, equipment, position, command };

struct CompletionSpec {
  Completes kind = Completes::file;  // an option nobody described takes a path
  std::vector<std::string> choices;  // for Completes::choices
};

// The word list `valgus __complete KIND` prints for a kind ("problems", ...);
// empty for kinds that are not word lists.
[[nodiscard]] std::string_view completion_word_kind(Completes kind);
[[nodiscard]] const std::vector<Completes>& word_completion_kinds();

class CompletionRegistry {
 public:
  void set(const CLI::Option* option, CompletionSpec spec);
  // A flag takes nothing; an option never described takes a file.
  [[nodiscard]] CompletionSpec of(const CLI::Option& option) const;

 private:
  std::map<const CLI::Option*, CompletionSpec> specs_;
};

// One option just declared; chain what it accepts and completes.
class OptionRef {
 public:
  OptionRef(CLI::Option* option, Context& context) : option_(option), context_(&context) {}
  OptionRef& required();
  // Offers words of `kind` on TAB.
  OptionRef& completes(Completes kind);
  // Accepts only `choices`, with a did-you-mean otherwise; completes them.
  OptionRef& one_of(std::vector<std::string> choices);
  // Accepts a plain decimal whole number from `low` to `high`.
  OptionRef& whole_number(int low, int high);

 private:
  CLI::Option* option_;
  Context* context_;
};

// The options of one command (or of the top level).
class OptionBuilder {
 public:
  OptionBuilder(CLI::App& command, Context& context) : command_(&command), context_(&context) {}

  [[nodiscard]] Context& context() const { return *context_; }

  // "--name" or "-o,--name"; `value` names the value in help ("FILE").
  OptionRef option(const std::string& names, std::string& target, const std::string& help, const std::string& value);
  OptionRef option(const std::string& names, std::optional<std::string>& target, const std::string& help,
                   const std::string& value);
  OptionRef option(const std::string& names, int& target, const std::string& help, const std::string& value);
  OptionRef option(const std::string& names, std::optional<int>& target, const std::string& help,
                   const std::string& value);
  // Repeatable: each use adds one value.
  OptionRef repeatable(const std::string& names, std::vector<std::string>& target, const std::string& help,
                       const std::string& value);
  // Positional arguments ("file"); a vector takes all that remain.
  OptionRef positional(const std::string& name, std::string& target, const std::string& help, const std::string& value);
  OptionRef positional(const std::string& name, std::vector<std::string>& target, const std::string& help,
                       const std::string& value);
  void flag(const std::string& names, bool& target, const std::string& help);
  void flag(const std::string& names, std::function<void()> on_set, const std::string& help);

  // The top-level command line this command belongs to (for completion).
  [[nodiscard]] const CLI::App& root() const;

 private:
  CLI::App* command_;
  Context* context_;
};

// --format NAME, its choices the formats that offer `kind`.
void add_format_option(OptionBuilder& options, DataKind kind, std::string& format);
// The problem flags, --problem and --all.
void add_problem_options(OptionBuilder& options, ProblemChoice& choice);
// --equipment, --days, --minutes, --max-exercises, --full, --side, --when
// and --week; the help names the built-in equipment and positions and the
// defaults. `follow` (start, today, go, log, progress): no --full and no
// --week, a followed programme's week comes from the log.
void add_personal_options(OptionBuilder& options, PersonalChoice& choice, bool follow = false);

// The options add_personal_options declares for a plan's limits, for the
// renderers to name in the planner's advice ("--minutes 25").
[[nodiscard]] const LimitOptions& limit_options();

// "a, b or c".
[[nodiscard]] std::string or_list(const std::vector<std::string>& words);

}  // namespace valgus::cli
