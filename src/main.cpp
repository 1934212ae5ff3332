// valgus: builds the command line, runs it, and maps every outcome to an
// exit code in one place.

#include "commands/commands.hpp"
#include "valgus/error.hpp"
#include "valgus/output.hpp"
#include "valgus/text.hpp"
#include "valgus/version.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <new>
#include <sstream>

namespace {

int report(const valgus::Error& error) {
  std::string text;
  for (const auto& diagnostic : error.diagnostics()) {
    // File names and echoed values come from outside: neutralise them.
    text += "valgus: error: " + valgus::terminal_safe(diagnostic.to_string()) + "\n";
  }
  text += valgus::terminal_safe(error.hint());
  try {
    valgus::write_all(STDERR_FILENO, text);
  } catch (const valgus::Error&) {
    // Nowhere left to say it; the exit code still tells.
  }
  return static_cast<int>(error.code());
}

// CLI11 says "The following argument was not expected: plna"; say what it
// is and what was probably meant instead.
std::string explain(const CLI::App& app, const CLI::ParseError& error) {
  const std::vector<std::string> remaining = app.remaining(true);
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) {  // hidden helpers have no group
      commands.push_back(sub->get_name());
    }
  }
  if (remaining.empty()) {
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
      return "no command given; commands are " + valgus::join(commands, ", ");
    }
    return error.what();
  }
  const std::string& word = remaining.front();
  const CLI::App* command = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
  if (word.size() > 1 && word[0] == '-') {
    std::vector<std::string> names;
    for (const CLI::App* scope : {command, &app}) {
      if (scope == nullptr) {
        continue;
      }
      for (const CLI::Option* option : scope->get_options()) {
        for (const auto& name : option->get_lnames()) {
          names.push_back("--" + name);
        }
      }
    }
    return fmt::format("unknown option \"{}\"{}", word, valgus::did_you_mean_suffix(word, names));
  }
  if (command == nullptr) {
    return fmt::format("unknown command \"{}\"{}; commands are {}", word, valgus::did_you_mean_suffix(word, commands),
                       valgus::join(commands, ", "));
  }
  return fmt::format("unexpected argument \"{}\"", word);
}

int run(int argc, char** argv) {
  valgus::commands::Context context(valgus::builtin_catalogue());

  CLI::App app{
      "valgus: a corrective routine for knock knees (knee valgus).\n"
      "Release, stretch, strengthen, integrate - chosen for what you report."};
  app.name("valgus");
  app.set_version_flag("--version", fmt::format("valgus {}", valgus::version));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--catalog", context.catalog_paths,
                 "Extra catalogue FILE or folder; its entries add to or replace built-in ones (repeatable)")
      ->type_name("PATH")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--no-user-catalog", context.no_user_catalog,
               "Do not load the personal catalogue in $XDG_DATA_HOME/valgus/exercises");
  app.add_option("--color", context.color, "Colour: auto (only on a terminal, not with NO_COLOR), always, never")
      ->type_name("WHEN")
      ->check(valgus::commands::one_of({"auto", "always", "never"}));

  valgus::commands::add_plan(app, context);
  valgus::commands::add_export(app, context);
  valgus::commands::add_list(app, context);
  valgus::commands::add_show(app, context);
  valgus::commands::add_problems(app, context);
  valgus::commands::add_check(app, context);
  valgus::commands::add_import(app, context);
  valgus::commands::add_completion(app, context);
  app.footer(
      "Examples:\n"
      "  valgus problems                          which flags fit you, with self-tests\n"
      "  valgus plan --hip-rotation --pronation   your routine in the terminal\n"
      "  valgus export routine.md --all           a Markdown handout to print or share\n"
      "  valgus list --phase stretch              browse the catalogue");
  for (CLI::App* command : app.get_subcommands({})) {
    if (command->get_group().empty()) {
      continue;  // hidden helpers
    }
    command->footer("Global options: --catalog PATH, --color WHEN (see: valgus --help)");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    std::ostringstream out;
    std::ostringstream err;
    if (error.get_exit_code() == 0) {  // --help or --version
      app.exit(error, out, err);
      valgus::write_stdout(out.str());
      return 0;
    }
    const std::string help = app.get_subcommands().empty()
                                 ? std::string("valgus --help")
                                 : "valgus " + app.get_subcommands().front()->get_name() + " --help";
    throw valgus::Error(valgus::ExitCode::usage, fmt::format("{}; see: {}", explain(app, error), help));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (valgus plan | head) ends the program quietly, even when
  // the parent shell ignores SIGPIPE.
  std::signal(SIGPIPE, SIG_DFL);
  try {
    return run(argc, argv);
  } catch (const valgus::Error& error) {
    return report(error);
  } catch (const std::bad_alloc&) {
    return report(valgus::Error(valgus::ExitCode::internal, "out of memory"));
  } catch (const std::exception& error) {
    return report(valgus::Error(valgus::ExitCode::internal, fmt::format("internal error: {}", error.what())));
  } catch (...) {
    return report(valgus::Error(valgus::ExitCode::internal, "internal error"));
  }
}
