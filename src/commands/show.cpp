// valgus show ID: one exercise in full.

#include "commands.hpp"

#include "valgus/output.hpp"
#include "valgus/text.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::commands {

void add_show(CLI::App& app, Context& context) {
  auto id = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("show", "Show one exercise in full");
  command->add_option("id", *id, "The exercise id (see: valgus list)")->type_name("ID")->required();

  command->callback([id, &context] {
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
    write_stdout(render_exercise_text(describe_exercise(catalogue, *exercise), served, context.terminal_style()));
  });
}

}  // namespace valgus::commands
