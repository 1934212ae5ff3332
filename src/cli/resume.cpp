// valgus resume: ends a pause once a clinician has seen the knee. The
// decision is logged; the programme goes on one stage lower, without jumps
// and hops until it moves on again.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "render/summaries.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::cli {

ExitCode run_resume(const Context& context, const ResumeArgs& args) {
  const Date date = date_or_today(context, args.date);
  LogStore::check_path(log_path(), LogStore::Access::write);  // it reads the log first, to write it
  const Catalogue catalogue = context.catalogue();
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "resume");
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log_path(), context.kept_weeks);
  if (!followed.stage.pause) {
    throw Error(ExitCode::usage, fmt::format("the programme is not paused on {}; nothing to resume (see: valgus today)",
                                             to_string(date)));
  }
  const SafetyEvent pause = *followed.stage.pause;
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  store.record_event(SafetyEvent{date, SafetyKind::resume, "cleared by a clinician"});
  const ProgrammeDay after =
      load_day(catalogue, ChosenProgramme(followed.chosen), date, log_path(), context.kept_weeks);
  const std::string stage = fmt::format("stage {} of {}, with that stage's easier forms and doses",
                                        after.stage.stage + 1, after.stage.stages);
  context.print(render_resumed(ResumedSummary{pause, date, stage}));
  return ExitCode::ok;
}

Runner setup_resume(OptionBuilder& options) {
  auto args = std::make_shared<ResumeArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--date", args->date, "The day you go on, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  return [args, &context = options.context()] { return run_resume(context, *args); };
}

}  // namespace valgus::cli
