// valgus show ID: one exercise in full.

#include "commands.hpp"

#include "valgus/output.hpp"
#include "valgus/text.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::commands {

void add_show(CLI::App& app, Context& context) {
  struct Options {
    std::string id;
    Format format = Format::text;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("show", "Show one exercise in full");
  command->add_option("id", options->id, "The exercise id (see: valgus list)")
      ->type_name("ID")
      ->required()
      ->check(completes("exercises"));
  add_format_option(*command, options->format, {"text", "json"});

  command->callback([options, &context] {
    const std::string* id = &options->id;
    const Catalogue catalogue = context.catalogue();
    const Exercise* exercise = catalogue.find_exercise(*id);
    if (exercise == nullptr) {
      throw Error(ExitCode::usage, fmt::format("unknown exercise \"{}\"{}; see the ids with: valgus list", *id,
                                               did_you_mean_suffix(*id, catalogue.exercise_ids())));
    }
    std::vector<Problem> served;
    for (const auto& problem : catalogue.problems) {
      if (serves(catalogue, problem, *exercise)) {
        served.push_back(problem);
      }
    }
    const PlannedExercise planned = describe_exercise(catalogue, *exercise);
    write_stdout(options->format == Format::json ? render_exercise_json(planned, served)
                                                 : render_exercise_text(planned, served, context.terminal_style()));
  });
}

}  // namespace valgus::commands
