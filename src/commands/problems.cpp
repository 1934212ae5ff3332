// valgus problems: every problem with its self-test, to choose the flags.

#include "commands.hpp"

#include "valgus/output.hpp"

namespace valgus::commands {

void add_problems(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("problems", "List the problems valgus knows, each with a self-test");
  command->callback([&context] { write_stdout(render_problems_text(context.catalogue(), context.terminal_style())); });
}

}  // namespace valgus::commands
