// valgus: builds the command line, runs it, and maps every outcome to an
// exit code in one place.

#include "cli/command_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/output.hpp"
#include "valgus/version.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <exception>
#include <new>
#include <sstream>

namespace {

int report(const valgus::Error& error) {
  std::string text;
  for (const auto& diagnostic : error.diagnostics()) {
    // File names and echoed values come from outside: neutralise them, and
    // keep each error on its one line (an argument holding a newline must
    // not print a second, forged "valgus: error:" line).
    text += "valgus: error: " + valgus::one_line(diagnostic.to_string()) + "\n";
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
  const std::vector<std::string> commands = valgus::cli::visible_command_names();
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
    if (std::find(names.begin(), names.end(), word) != names.end()) {
      // Known, but after "--", which makes every later word an argument.
      return fmt::format("\"{}\" comes after \"--\", which ends the options; put it before \"--\"", word);
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
  valgus::cli::Context context(valgus::builtin_catalogue());

  CLI::App app{
      "valgus: a corrective routine for knock knees (knee valgus).\n"
      "Release, stretch, strengthen, integrate - chosen for what you report."};
  app.name("valgus");
  app.set_version_flag("--version", fmt::format("valgus {}", valgus::version));
  app.require_subcommand(1);
  app.fallthrough();
  valgus::cli::OptionBuilder global(app, context);
  global.repeatable("--catalog", context.global.catalog_paths,
                    "Extra catalogue FILE or folder; its entries add to or replace built-in ones (repeatable)", "PATH");
  global.flag("--no-user-catalog", context.global.no_user_catalog,
              "Do not load the personal catalogue in $XDG_DATA_HOME/valgus/exercises");
  global.flag("--no-builtin", context.global.no_builtin,
              "Use only the --catalog files, not the built-in catalogue (for a clinic's own or a test catalogue)");
  global
      .option("--color", context.global.color, "Colour: auto (only on a terminal, not with NO_COLOR), always, never",
              "WHEN")
      .one_of({"auto", "always", "never"});

  // Every command from the one table; each returns what runs it.
  std::vector<std::pair<const CLI::App*, valgus::cli::Runner>> runners;
  for (const valgus::cli::Command& command : valgus::cli::command_table()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    if (command.hidden) {
      sub->group("");  // CLI11 leaves commands without a group out of --help
    } else {
      sub->footer("Global options: --catalog PATH, --color WHEN (see: valgus --help)");
    }
    valgus::cli::OptionBuilder options(*sub, context);
    runners.emplace_back(sub, command.setup(options));
  }
  app.footer(
      "Examples:\n"
      "  valgus problems                          which flags fit you, with self-tests\n"
      "  valgus plan --hip-rotation --pronation   your routine in the terminal\n"
      "  valgus export routine.md --all           a Markdown handout to print or share\n"
      "  valgus list --phase stretch              browse the catalogue");

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
  for (const auto& [command, runner] : runners) {
    if (command->parsed()) {
      return static_cast<int>(runner());
    }
  }
  return static_cast<int>(valgus::ExitCode::internal);  // require_subcommand(1) makes this unreachable
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
