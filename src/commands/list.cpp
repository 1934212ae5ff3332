// valgus list: browse the catalogue, filtered by phase, problem or equipment.

#include "commands.hpp"

#include <memory>
#include <optional>
#include "valgus/output.hpp"
#include "valgus/text.hpp"

namespace valgus::commands {

void add_list(CLI::App& app, Context& context) {
  struct Options {
    std::string phase;
    std::string problem;
    std::optional<std::string> equipment;
    Format format = Format::text;
    bool origin = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("list", "Browse the exercise catalogue");
  command->add_option("--phase", options->phase, "Only this phase: release, stretch, strengthen or integrate")
      ->type_name("PHASE")
      ->check(completes("phases"));
  command
      ->add_option("--problem", options->problem,
                   "Only exercises the plan for this problem would use: " + or_list(context.builtin().problem_ids()))
      ->type_name("ID")
      ->check(completes("problems"));
  std::vector<std::string> kit{"none (bodyweight)"};
  for (const auto& item : context.builtin().equipment) {
    if (!item.household) {
      kit.push_back(item.id);
    }
  }
  command
      ->add_option("--equipment", options->equipment,
                   "Only exercises doable with this comma-separated LIST of " + join(kit, ", ") + "; names work too")
      ->type_name("LIST")
      ->check(completes("equipment"));
  command->add_flag("--origin", options->origin, "Show where each exercise came from: built-in, user or a path");
  add_format_option(*command, options->format);

  command->callback([options, &context] {
    const Catalogue catalogue = context.catalogue();
    std::optional<Phase> phase;
    if (!options->phase.empty()) {
      phase = require_phase(options->phase);
    }
    const Problem* problem = options->problem.empty() ? nullptr : &require_problem(catalogue, options->problem);
    std::optional<std::vector<std::string>> available;
    if (options->equipment) {
      available = parse_equipment_list(catalogue, *options->equipment);
    }

    std::vector<PlannedExercise> shown;
    for (const Exercise& exercise : catalogue.exercises) {
      if ((phase && exercise.phase != *phase) || (problem != nullptr && !serves(catalogue, *problem, exercise)) ||
          (available && !can_do_with(catalogue, exercise, *available))) {
        continue;
      }
      shown.push_back(describe_exercise(catalogue, exercise));
    }
    sort_in_plan_order(shown);
    switch (options->format) {
      case Format::text: write_stdout(render_list_text(shown, context.terminal_style(), options->origin)); break;
      case Format::markdown: write_stdout(render_list_markdown(shown, options->origin)); break;
      case Format::json: write_stdout(render_list_json(shown)); break;
    }
  });
}

}  // namespace valgus::commands
