// valgus: builds the command line from the command table, parses, runs the
// chosen command, and maps every outcome to an exit code in one place.

#include "cli/app.hpp"
#include "cli/command_table.hpp"
#include "io/week_cache.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <memory>
#include <new>

namespace {

int run(int argc, char** argv) {
  valgus::cli::Context context(valgus::builtin_catalogue());
  const std::unique_ptr<valgus::WeekStore> kept_weeks = valgus::user_week_store();
  context.kept_weeks = kept_weeks.get();

  CLI::App app{
      "valgus: a corrective routine for knock knees (knee valgus).\n"
      "Release, stretch, strengthen, integrate - chosen for what you report."};
  app.name("valgus");
  app.require_subcommand(1);
  app.fallthrough();
  valgus::cli::add_global_options(app, context);

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return valgus::cli::handle_parse_error(app, error);
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
  using valgus::cli::report_error;
  try {
    return run(argc, argv);
  } catch (const valgus::Error& error) {
    return report_error(error);
  } catch (const std::bad_alloc&) {
    return report_error(valgus::Error(valgus::ExitCode::internal, "out of memory"));
  } catch (const std::exception& error) {
    return report_error(valgus::Error(valgus::ExitCode::internal, fmt::format("internal error: {}", error.what())));
  } catch (...) {
    return report_error(valgus::Error(valgus::ExitCode::internal, "internal error"));
  }
}
