#include "cli/command_table.hpp"

namespace valgus::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table{
      {"plan", "Print a corrective routine for your problems", false, setup_plan},
      {"export", "Write the programme as Markdown, JSON or a calendar (FILE, or - for standard output)", false,
       setup_export},
      {"list", "Browse the exercise catalogue", false, setup_list},
      {"show", "Show one exercise in full", false, setup_show},
      {"problems", "List the problems valgus knows, each with a self-test", false, setup_problems},
      {"assess", "Find out which problems you have: red flags, then self-tests at home", false, setup_assess},
      {"start", "Save a programme to follow: today, go, log and progress use it", false, setup_start},
      {"today", "Show the session due today (or when the next one is)", false, setup_today},
      {"go", "Do today's session, guided in the terminal with timers", false, setup_go},
      {"log", "Record a session as done, or list and delete the log", false, setup_log},
      {"resume", "Go on after a pause, once a clinician has seen the knee: one stage lower", false, setup_resume},
      {"progress", "Show adherence, pain and stage week by week", false, setup_progress},
      {"check", "Validate catalogue files (with the built-in catalogue they extend) and report every error", false,
       setup_check},
      {"import", "Convert open exercise data into a valgus catalogue file", false, setup_import},
      {"completion", "Print a shell completion script: bash, zsh or fish", false, setup_completion},
      {"__complete", "Print the catalogue words of a kind, for shell completion", true, setup_complete_words},
  };
  return table;
}

std::vector<std::string> visible_command_names() {
  std::vector<std::string> names;
  for (const Command& command : command_table()) {
    if (!command.hidden) {
      names.emplace_back(command.name);
    }
  }
  return names;
}

}  // namespace valgus::cli
