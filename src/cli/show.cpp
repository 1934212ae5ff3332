// valgus show ID: one exercise in full.

#include "cli/commands.hpp"

#include "core/catalogue/figure_rules.hpp"
#include "core/model/text.hpp"
#include "render/formats.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::cli {

ExitCode run_show(const Context& context, const ShowArgs& args) {
  const Format& format = find_format(DataKind::exercise, args.format);
  const Catalogue catalogue = context.catalogue();
  const Exercise* exercise = catalogue.find_exercise(args.id);
  if (exercise == nullptr) {
    throw Error(ExitCode::usage, fmt::format("unknown exercise \"{}\"{}; see the ids with: valgus list", args.id,
                                             did_you_mean_suffix(args.id, catalogue.exercise_ids())));
  }
  ExerciseDetail detail{describe_exercise(catalogue, *exercise), {}, {}, false};
  detail.figure = draw_figure(catalogue, exercise->figure, exercise->name);
  detail.braille = args.figure.value_or(context.terminal_utf8());
  for (const auto& problem : catalogue.problems) {
    if (serves(catalogue, problem, *exercise)) {
      detail.serves.push_back(problem);
    }
  }
  context.print(format.exercise(detail, context.terminal_style()));
  return ExitCode::ok;
}

Runner setup_show(OptionBuilder& options) {
  auto args = std::make_shared<ShowArgs>();
  options.positional("id", args->id, "The exercise id (see: valgus list)", "ID")
      .required()
      .completes(Completes::exercise);
  add_format_option(options, DataKind::exercise, args->format);
  options.flag(
      "--figure", [args] { args->figure = true; },
      "Draw the exercise's figure in braille (text format; on by default on a UTF-8 terminal)");
  options.flag(
      "--no-figure", [args] { args->figure = false; }, "Leave the figure out");
  return [args, &context = options.context()] { return run_show(context, *args); };
}

}  // namespace valgus::cli
