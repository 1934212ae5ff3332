// valgus progress: week by week, the sessions planned and done, pain and
// the stage, as a chart in the terminal or JSON for scripts.

#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "io/log_store.hpp"
#include "render/formats.hpp"

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

namespace valgus::cli {
namespace {

// Block characters only where the locale says UTF-8; the first of LC_ALL,
// LC_CTYPE and LANG that is set decides, as setlocale would.
bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once, one thread
    if (value != nullptr && value[0] != '\0') {
      std::string text(value);
      for (char& c : text) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
      return text.find("utf-8") != std::string::npos || text.find("utf8") != std::string::npos;
    }
  }
  return false;
}

}  // namespace

ExitCode run_progress(const Context& context, const ProgressArgs& args) {
  const Format& format = find_format(DataKind::progress, args.format);
  const Date date = date_or_today(context, args.date);
  const Catalogue catalogue = context.catalogue();
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "progress");
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log_path(), context.kept_weeks);
  const ChosenProgramme& programme = followed.chosen;
  ProgressView view;
  view.plan = &followed.plan;
  view.weeks =
      progress_by_week(followed.stage, followed.weeks, programme.start, programme.days(), followed.records, date);
  view.stage = &followed.stage;
  view.stage_weeks = followed.weeks;
  view.source = followed.chosen.source;
  view.date = date;
  view.unicode = utf8_locale();
  // The re-tests up to the date, as the weeks are.
  for (StoredAssessment& assessment : LogStore::open(log_path(), LogStore::Access::read).assessments()) {
    if (assessment.date <= date) {
      view.assessments.push_back(std::move(assessment));
    }
  }
  view.catalogue = &catalogue;
  context.print(format.progress(view, context.terminal_style()));
  return ExitCode::ok;
}

Runner setup_progress(OptionBuilder& options) {
  auto args = std::make_shared<ProgressArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--date", args->date, "Show progress up to this day, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  add_format_option(options, DataKind::progress, args->format);
  return [args, &context = options.context()] { return run_progress(context, *args); };
}

}  // namespace valgus::cli
