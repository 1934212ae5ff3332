// valgus plan: the routine for the problems given, to the terminal or a file.

#include "commands.hpp"

#include "valgus/output.hpp"

#include <memory>

namespace valgus::commands {

void add_plan(CLI::App& app, Context& context) {
  struct Options {
    ProblemOptions problems;
    PersonalOptions personal;
    Format format = Format::text;
    std::string output;
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("plan", "Print a corrective routine for your problems");
  options->problems.add_to(*command, context.builtin());
  options->personal.add_to(*command, context.builtin());
  add_format_option(*command, options->format);
  command->add_option("-o,--output", options->output, "Write to FILE instead of standard output")->type_name("FILE");
  command->add_flag("--force", options->force, "Replace FILE if it exists");

  command->callback([options, &context] {
    const Catalogue catalogue = context.catalogue();
    Request request = options->problems.request(catalogue, "plan");
    options->personal.apply_to(request, catalogue);
    const Plan plan = make_plan(catalogue, request);
    const bool to_file = !options->output.empty();
    std::string text;
    switch (options->format) {
      case Format::text: text = render_plan_text(plan, to_file ? TextStyle{} : context.terminal_style()); break;
      case Format::markdown: text = render_plan_markdown(plan); break;
      case Format::json: text = render_plan_json(plan); break;
    }
    if (to_file) {
      write_file_atomically(options->output, text, options->force);
    } else {
      write_stdout(text);
    }
  });
}

}  // namespace valgus::commands
