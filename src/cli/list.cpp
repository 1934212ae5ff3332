// valgus list: browse the catalogue, filtered by phase, problem or equipment.

#include "cli/commands.hpp"

#include "core/model/text.hpp"
#include "core/plan/resolve.hpp"
#include "render/formats.hpp"

#include <memory>

namespace valgus::cli {

ExitCode run_list(const Context& context, const ListArgs& args) {
  const Format& format = find_format(DataKind::list, args.format);
  const Catalogue catalogue = context.catalogue();
  std::optional<Phase> phase;
  if (!args.phase.empty()) {
    phase = require_phase(args.phase);
  }
  const Problem* problem = args.problem.empty() ? nullptr : &require_problem(catalogue, args.problem);
  std::optional<std::vector<std::string>> available;
  if (args.equipment) {
    available = parse_equipment_list(catalogue, *args.equipment);
  }
  ExerciseListing listing;
  listing.show_origin = args.origin;
  for (const Exercise& exercise : catalogue.exercises) {
    if ((phase && exercise.phase != *phase) || (problem != nullptr && !serves(catalogue, *problem, exercise)) ||
        (available && !can_do_with(catalogue, exercise, *available))) {
      continue;
    }
    listing.exercises.push_back(describe_exercise(catalogue, exercise));
  }
  sort_in_plan_order(listing.exercises);
  context.print(format.list(listing, context.terminal_style()));
  return ExitCode::ok;
}

Runner setup_list(OptionBuilder& options) {
  auto args = std::make_shared<ListArgs>();
  const Catalogue& builtin = options.context().builtin();
  options.option("--phase", args->phase, "Only this phase: release, stretch, strengthen or integrate", "PHASE")
      .completes(Completes::phase);
  options
      .option("--problem", args->problem,
              "Only exercises the plan for this problem would use: " + or_list(builtin.problem_ids()), "ID")
      .completes(Completes::problem);
  std::vector<std::string> kit{"none (bodyweight)"};
  const auto owned = builtin.kit_ids();
  kit.insert(kit.end(), owned.begin(), owned.end());
  options
      .option("--equipment", args->equipment,
              "Only exercises doable with this comma-separated LIST of " + join(kit, ", ") + "; names work too", "LIST")
      .completes(Completes::equipment);
  options.flag("--origin", args->origin, "Show where each exercise came from: built-in, user or a path");
  add_format_option(options, DataKind::list, args->format);
  return [args, &context = options.context()] { return run_list(context, *args); };
}

}  // namespace valgus::cli
