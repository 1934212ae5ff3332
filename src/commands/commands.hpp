#pragma once

// One file per command. Each add_* registers its subcommand and the callback
// that runs it: flags -> request -> catalogue -> planner -> renderer -> output.

#include "valgus/catalogue.hpp"
#include "valgus/planner.hpp"
#include "valgus/render.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace valgus::commands {

enum class Format { text, markdown, json };

// What every command shares: the global options and the built-in catalogue.
class Context {
 public:
  // `builtin` is the compiled built-in catalogue (builtin_catalogue()).
  explicit Context(Catalogue builtin);

  // Global options, filled in by CLI11.
  std::vector<std::string> catalog_paths;
  std::string color = "auto";
  bool no_user_catalog = false;

  // The built-in catalogue (problem flags come from it).
  [[nodiscard]] const Catalogue& builtin() const { return builtin_; }
  // The files that extend the built-in catalogue: the personal catalogue
  // (unless --no-user-catalog), then each --catalog path and `extra_paths`,
  // each its own layer.
  [[nodiscard]] std::vector<CatalogueFile> catalogue_files(const std::vector<std::string>& extra_paths = {}) const;
  // The catalogue a command works on: built-in plus --catalog.
  [[nodiscard]] Catalogue catalogue() const;
  // Terminal width and colour, decided once from --color, NO_COLOR and
  // whether standard output is a terminal.
  [[nodiscard]] TextStyle terminal_style() const;

 private:
  Catalogue builtin_;
};

// The problem flags (--hip-rotation, ... from the built-in catalogue),
// --problem ID and --all, shared by plan and export.
struct ProblemOptions {
  std::vector<std::string> flagged;  // from the problem flags, in order
  std::vector<std::string> by_id;    // from --problem
  bool all = false;
  std::vector<std::string> flag_ids;  // the problems that have a flag of their own

  void add_to(CLI::App& command, const Catalogue& builtin);
  // The problems asked for; none at all is a usage error that lists the
  // choices for `command` (plan, export).
  [[nodiscard]] Request request(const Catalogue& catalogue, const std::string& command) const;
};

// --equipment, --minutes, --side, --when and --week, shared by plan and export.
struct PersonalOptions {
  std::optional<std::string> equipment;
  std::optional<int> minutes;
  std::string side = "both";
  std::string when;
  int week = 1;

  // `builtin` gives the equipment and positions the help names.
  void add_to(CLI::App& command, const Catalogue& builtin);
  // Fills the personal fields of `request`; unknown equipment or position
  // is a usage error naming the valid ones.
  void apply_to(Request& request, const Catalogue& catalogue) const;
};

void add_format_option(CLI::App& command, Format& format,
                       const std::vector<std::string>& formats = {"text", "markdown", "json"});

// Marks an option or argument as taking catalogue words of `kind`
// (problems, exercises, equipment, phases, positions) for shell completion.
[[nodiscard]] CLI::Validator completes(const std::string& kind);

// "a, b or c".
[[nodiscard]] std::string or_list(const std::vector<std::string>& words);

// A CLI11 check for a plain decimal whole number from `low` to `high`.
[[nodiscard]] CLI::Validator whole_number(int low, int high);

// A CLI11 check that accepts only `choices`, with a did-you-mean otherwise.
[[nodiscard]] CLI::Validator one_of(std::vector<std::string> choices);

void add_plan(CLI::App& app, Context& context);
void add_export(CLI::App& app, Context& context);
void add_list(CLI::App& app, Context& context);
void add_show(CLI::App& app, Context& context);
void add_problems(CLI::App& app, Context& context);
void add_check(CLI::App& app, Context& context);
void add_completion(CLI::App& app, Context& context);
void add_import(CLI::App& app, Context& context);

}  // namespace valgus::commands
