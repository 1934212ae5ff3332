// valgus today: the session a date holds at the stage the log has earned,
// or when the next one is.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "render/formats.hpp"

#include <memory>

namespace valgus::cli {

ExitCode run_today(const Context& context, const TodayArgs& args) {
  const Format& format = find_format(DataKind::today, args.format);
  const Date date = date_or_today(context, args.date);
  const Catalogue catalogue = context.catalogue();
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "today");
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log_path(), context.kept_weeks);
  TodayView view;
  view.plan = &followed.plan;
  view.day = &followed.day;
  view.stage = &followed.stage;
  view.stage_weeks = followed.weeks;
  view.source = followed.chosen.source;
  context.print(format.today(view, context.terminal_style()));
  return ExitCode::ok;
}

Runner setup_today(OptionBuilder& options) {
  auto args = std::make_shared<TodayArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--date", args->date, "The day to show, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  add_format_option(options, DataKind::today, args->format);
  return [args, &context = options.context()] { return run_today(context, *args); };
}

}  // namespace valgus::cli
