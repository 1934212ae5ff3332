#include "cli/app.hpp"

#include "cli/command_table.hpp"
#include "core/model/text.hpp"
#include "io/output.hpp"
#include "valgus/version.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <vector>

namespace valgus::cli {

void add_global_options(CLI::App& app, Context& context) {
  app.set_version_flag("--version", fmt::format("valgus {}", version));
  OptionBuilder global(app, context);
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
  app.footer(
      "Examples:\n"
      "  valgus problems                          which flags fit you, with self-tests\n"
      "  valgus plan --hip-rotation --pronation   your routine in the terminal\n"
      "  valgus export routine.md --all           a Markdown handout to print or share\n"
      "  valgus list --phase stretch              browse the catalogue");
}

namespace {

std::string explain_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const std::vector<std::string> remaining = app.remaining(true);
  const std::vector<std::string> commands = visible_command_names();
  if (remaining.empty()) {
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
      return "no command given; commands are " + join(commands, ", ");
    }
    // CLI11 words these for programmers ("--date: At Most 1 required but
    // received 2"); its messages start with the option's name.
    std::string what = error.what();  // not const: returned by move
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
      if (const auto at = what.find(": At Most "); at != std::string::npos) {
        return fmt::format("{} is given more than once; give it once", what.substr(0, at));
      }
      if (const auto at = what.find(": ");
          at != std::string::npos && what.size() > 8 && what.compare(what.size() - 8, 8, " missing") == 0) {
        return fmt::format("{} needs a value", what.substr(0, at));
      }
    }
    return what;
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
    return fmt::format("unknown option \"{}\"{}", word, did_you_mean_suffix(word, names));
  }
  if (command == nullptr) {
    return fmt::format("unknown command \"{}\"{}; commands are {}", word, did_you_mean_suffix(word, commands),
                       join(commands, ", "));
  }
  return fmt::format("unexpected argument \"{}\"", word);
}

}  // namespace

int handle_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == 0) {  // --help or --version
    std::ostringstream out;
    std::ostringstream err;
    app.exit(error, out, err);
    write_stdout(out.str());
    return 0;
  }
  const std::string help = app.get_subcommands().empty()
                               ? std::string("valgus --help")
                               : "valgus " + app.get_subcommands().front()->get_name() + " --help";
  throw Error(ExitCode::usage, fmt::format("{}; see: {}", explain_parse_error(app, error), help));
}

int report_error(const Error& error) {
  std::string text;
  for (const auto& diagnostic : error.diagnostics()) {
    // File names and echoed values come from outside: neutralise them, and
    // keep each error on its one line (an argument holding a newline must
    // not print a second, forged "valgus: error:" line).
    text += "valgus: error: " + one_line(diagnostic.to_string()) + "\n";
  }
  text += terminal_safe(error.hint());
  if (!text.empty() && text.back() != '\n') {
    text += '\n';  // every line on stderr ends, a hint's last one too
  }
  try {
    write_all(STDERR_FILENO, text);
  } catch (const Error&) {
    // Nowhere left to say it; the exit code still tells.
  }
  return static_cast<int>(error.code());
}

}  // namespace valgus::cli
