#pragma once

// What every command shares: the global options, the built-in catalogue,
// where output goes, and the problem and personal options as typed. Plain
// data: a unit test builds a Context and calls run_plan() without CLI11.

#include "cli/options.hpp"
#include "core/catalogue/catalogue.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"
#include "render/render.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {

struct GlobalOptions {
  std::vector<std::string> catalog_paths;  // --catalog, in order
  std::string color = "auto";              // auto, always, never
  bool no_user_catalog = false;
  bool no_builtin = false;  // only the --catalog files (tests, clinics with their own catalogue)
};

class Context {
 public:
  // `builtin` is the compiled built-in catalogue (builtin_catalogue()).
  explicit Context(Catalogue builtin);

  GlobalOptions global;
  // What each option takes, for shell completion; filled as options are added.
  CompletionRegistry completions;
  // Where command output goes; empty: standard output (tests capture it).
  std::function<void(std::string_view)> output;
  // Today on the person's clock (local time); tests give a fixed day.
  std::function<Date()> today;
  // The weeks earlier runs solved (main: io/week_cache.hpp); none in tests
  // that build a Context, so each plans from scratch.
  WeekStore* kept_weeks = nullptr;

  // The built-in catalogue (problem flags and help come from it).
  [[nodiscard]] const Catalogue& builtin() const { return builtin_; }
  // The files that extend the built-in catalogue: the personal catalogue
  // (unless --no-user-catalog), then each --catalog path and `extra_paths`,
  // each its own layer. Skipped folder entries are warned about on stderr.
  [[nodiscard]] std::vector<CatalogueFile> catalogue_files(const std::vector<std::string>& extra_paths = {}) const;
  // The catalogue a command works on: built-in (unless --no-builtin) plus
  // the files above.
  [[nodiscard]] Catalogue catalogue() const;
  // Terminal width and colour, decided once from --color, NO_COLOR and
  // whether standard output is a terminal.
  [[nodiscard]] TextStyle terminal_style() const;
  // Whether standard output is a terminal whose locale shows UTF-8 (braille
  // figures).
  [[nodiscard]] bool terminal_utf8() const;
  // Writes command output (checked: a failed write is Error(io_error)).
  void print(std::string_view text) const;

 private:
  Catalogue builtin_;
};

// The problems asked for: the problem flags (--hip-rotation, ... from the
// built-in catalogue), --problem ID and --all; the commands that plan or
// follow a programme take them.
struct ProblemChoice {
  std::vector<std::string> flagged;  // from the problem flags, in order
  std::vector<std::string> by_id;    // from --problem
  bool all = false;
  std::vector<std::string> flag_ids;  // the problems that have a flag of their own

  // Whether any problem option was given.
  [[nodiscard]] bool given() const { return all || !flagged.empty() || !by_id.empty(); }
  // The ids asked for, in order; --all: every problem of `catalogue`.
  [[nodiscard]] std::vector<std::string> ids(const Catalogue& catalogue) const;
  // Nothing given: the usage error listing the choices for `command`.
  [[nodiscard]] Error none_given(const Catalogue& catalogue, std::string_view command) const;
};

// --equipment, --days, --minutes, --max-exercises, --side and --when as
// typed on the command line (cli/programme_options.hpp reads them into
// typed values), plus --week and --full, which only plan and export take.
struct PersonalChoice {
  std::optional<std::string> equipment;
  std::optional<int> minutes;
  std::optional<std::string> side;  // none: both
  std::optional<std::string> when;
  int week = 1;
  std::optional<std::string> days;  // a count (3) or weekdays (mon,wed,fri)
  std::optional<int> max_exercises;
  bool full = false;  // one session of the whole routine, no week

  // Whether any of the programme's personal options was given (not --week or --full).
  [[nodiscard]] bool given() const { return equipment || minutes || side || when || days || max_exercises; }
};

// --days: a count from 1 to 7, spread over the week (3: Monday, Wednesday,
// Friday), or distinct weekday names (mon,wed,fri), in week order.
[[nodiscard]] std::vector<int> parse_days(std::string_view text);

// How a person asks for each problem of `catalogue`: its flag when it has
// one ("--hip-rotation"), else "--problem ID".
[[nodiscard]] std::vector<std::string> problem_labels(const Catalogue& catalogue,
                                                      const std::vector<std::string>& flag_ids);

// Said when a file to write exists already.
inline constexpr std::string_view use_force = "use --force to replace it";

}  // namespace valgus::cli
