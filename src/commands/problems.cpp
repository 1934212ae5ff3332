// valgus problems: every problem with its self-test, to choose the flags.

#include "commands.hpp"

#include "valgus/output.hpp"

#include <memory>

namespace valgus::commands {

void add_problems(CLI::App& app, Context& context) {
  auto format = std::make_shared<Format>(Format::text);
  CLI::App* command = app.add_subcommand("problems", "List the problems valgus knows, each with a self-test");
  add_format_option(*command, *format, {"text", "json"});
  command->callback([format, &context] {
    const Catalogue catalogue = context.catalogue();
    write_stdout(*format == Format::json ? render_problems_json(catalogue)
                                         : render_problems_text(catalogue, context.terminal_style()));
  });
}

}  // namespace valgus::commands
