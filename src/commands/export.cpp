// valgus export: the routine as a Markdown handout, written safely.

#include "commands.hpp"

#include "valgus/output.hpp"

#include <memory>

namespace valgus::commands {

void add_export(CLI::App& app, Context& context) {
  struct Options {
    ProblemOptions problems;
    PersonalOptions personal;
    int weeks = 6;
    std::string file;
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("export", "Write the routine as a Markdown handout (FILE, or - for standard output)");
  command->add_option("file", options->file, "Where to write the handout; - for standard output")
      ->type_name("FILE")
      ->required();
  options->problems.add_to(*command, context.builtin());
  options->personal.add_to(*command, context.builtin());
  command->add_option("--weeks", options->weeks, "Length of the programme in weeks (default 6)")
      ->type_name("N")
      ->check(whole_number(1, max_week));
  command->add_flag("--force", options->force, "Replace FILE if it exists");

  command->callback([options, &context] {
    const Catalogue catalogue = context.catalogue();
    Request request = options->problems.request(catalogue, "export");
    options->personal.apply_to(request, catalogue);
    request.weeks = options->weeks;
    const std::string text = render_plan_markdown(make_plan(catalogue, request));
    if (options->file == "-") {
      write_stdout(text);
    } else {
      write_file_atomically(options->file, text, options->force);
    }
  });
}

}  // namespace valgus::commands
