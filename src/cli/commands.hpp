#pragma once

// Every command: its arguments as plain data, the function that runs it
// (callable from a unit test, no CLI11 needed) and the setup that binds its
// options to CLI11. The command table (command_table.cpp) lists them once.

#include "cli/context.hpp"
#include "cli/options.hpp"
#include "cli/programme_options.hpp"
#include "core/model/error.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace valgus::cli {

// What runs a command once its options are parsed.
using Runner = std::function<ExitCode()>;

struct PlanArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::string format = "text";
  std::string output;  // a file; empty: standard output
  bool force = false;
};
ExitCode run_plan(const Context& context, const PlanArgs& args);
Runner setup_plan(OptionBuilder& options);

struct ExportArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  int weeks = default_programme_weeks;
  std::string file;                   // "-": standard output
  std::string format;                 // empty: by the file's extension, else markdown
  bool ics = false;                   // --ics, the same as --format ics
  std::optional<std::string> start;   // a calendar's first day, YYYY-MM-DD; none: the next Monday
  std::optional<std::string> at;      // a calendar's start time, HH:MM; none: export's default
  std::optional<std::string> person;  // --for: whom a printed handout is for
  std::optional<std::string> paper;   // --paper a4|letter: a printed handout's paper
  bool force = false;
};
ExitCode run_export(const Context& context, const ExportArgs& args);
Runner setup_export(OptionBuilder& options);

struct ListArgs {
  std::string phase;
  std::string problem;
  std::optional<std::string> equipment;
  std::string format = "text";
  bool origin = false;
};
ExitCode run_list(const Context& context, const ListArgs& args);
Runner setup_list(OptionBuilder& options);

struct ShowArgs {
  std::string id;
  std::string format = "text";
  std::optional<bool> figure;  // --figure / --no-figure; unset: on a UTF-8 terminal
};
ExitCode run_show(const Context& context, const ShowArgs& args);
Runner setup_show(OptionBuilder& options);

struct ProblemsArgs {
  std::string format = "text";
};
ExitCode run_problems(const Context& context, const ProblemsArgs& args);
Runner setup_problems(OptionBuilder& options);

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
};
// Exit 65 when a file has errors: as stderr lines in text, inside the JSON
// in json.
ExitCode run_check(const Context& context, const CheckArgs& args);
Runner setup_check(OptionBuilder& options);

struct ImportArgs {
  std::string source;  // the data's format: free-exercise-db
  std::string file;
  std::string output;
  bool force = false;
};
ExitCode run_import(const Context& context, const ImportArgs& args);
Runner setup_import(OptionBuilder& options);

// ---- following a programme (start, today, go, log, progress) ----
// Each takes the problem and personal options; today, go, log and progress
// merge those given over the saved programme's (cli/programme_day.hpp).

struct StartArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> start;  // YYYY-MM-DD; none: today
  bool force = false;
  bool cleared = false;  // a clinician has cleared the warning signs an assessment found
};
ExitCode run_start(const Context& context, const StartArgs& args);
// Plans `options` (problems given) once and saves them as the programme
// from `start`; what start and assess --start run.
ExitCode save_programme(const Context& context, const Catalogue& catalogue, const ProgrammeOptions& options, Date start,
                        bool force);
Runner setup_start(OptionBuilder& options);

struct TodayArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> date;
  std::string format = "text";
};
ExitCode run_today(const Context& context, const TodayArgs& args);
Runner setup_today(OptionBuilder& options);

struct GoArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> date;
  bool quiet = false;  // no bell
};
ExitCode run_go(const Context& context, const GoArgs& args);
Runner setup_go(OptionBuilder& options);

struct LogArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> date;
  std::optional<int> pain;
  std::optional<std::string> effort;
  std::optional<std::string> skipped;  // ids, comma-separated
  std::optional<std::string> note;
  std::optional<int> next_morning;     // the last session's pain the next morning
  std::optional<std::string> symptom;  // warning symptom ids, comma-separated
  bool list = false;
  std::optional<std::string> since;   // with --list: from this date on
  std::optional<int> last;            // with --list: the last N sessions
  std::optional<std::string> remove;  // --delete D
  std::string format = "text";        // with --list
};
ExitCode run_log(const Context& context, const LogArgs& args);
Runner setup_log(OptionBuilder& options);

struct ResumeArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> date;
};
ExitCode run_resume(const Context& context, const ResumeArgs& args);
Runner setup_resume(OptionBuilder& options);

struct ProgressArgs {
  ProblemChoice problems;
  PersonalChoice personal;
  std::optional<std::string> date;
  std::string format = "text";
};
ExitCode run_progress(const Context& context, const ProgressArgs& args);
Runner setup_progress(OptionBuilder& options);

struct AssessArgs {
  std::optional<std::string> answers;  // a YAML file; none: ask (terminal) or read lines (stdin)
  std::string format = "text";
  std::optional<std::string> date;  // the day of the assessment
  bool start = false;               // save the programme it recommends
  bool force = false;               // replace a saved programme
};
ExitCode run_assess(const Context& context, const AssessArgs& args);
Runner setup_assess(OptionBuilder& options);

// completion SHELL reads the whole command line (every command's options);
// the hidden __complete KIND prints the words a shell offers on TAB.
Runner setup_completion(OptionBuilder& options);
Runner setup_complete_words(OptionBuilder& options);

}  // namespace valgus::cli
