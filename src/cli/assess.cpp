// valgus assess: red flags, then self-tests at home, then where the knee
// caves and what time there is; the result is "see a clinician" or the
// problems and the exact command, and can start the programme.

#include "cli/assess_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/programme_day.hpp"

#include "core/model/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/log_store.hpp"
#include "io/terminal.hpp"
#include "render/formats.hpp"

#include <fmt/format.h>

#include <memory>

namespace valgus::cli {
namespace {

constexpr std::size_t max_answers_bytes = std::size_t{64} * 1024;

// Answers typed one per line in question order (a script, a pipe). A bad
// line is bad data at its line; the input ending early skips the rest.
Answers read_lines(const Catalogue& catalogue, const std::vector<Question>& questions) {
  Answers answers;
  int number = 0;
  for (const Question& question : questions) {
    if (question.kind != QuestionKind::red_flag && any_red_flag(answers)) {
      break;
    }
    if (!is_asked(catalogue, question, answers)) {
      continue;  // a follow-up whose test was negative: no line for it
    }
    const std::optional<std::string> line = read_line();
    if (!line) {
      break;
    }
    ++number;
    std::string error;
    const auto reply = parse_reply(catalogue, question, *line, error);
    if (!reply) {
      throw Error(ExitCode::bad_data, SourceLocation{"<stdin>", number, 1},
                  fmt::format("\"{}\" is no answer to {}{}: {}", one_line(trim(*line)), question.key,
                              question.side ? fmt::format(" ({})", to_string(*question.side)) : std::string(), error));
    }
    record_reply(answers, question, *reply);
  }
  return answers;
}

// The plan command the result recommends: problem flags as a person types
// them, then side, position and the personal answers.
std::string plan_command(const Context& context, const Catalogue& catalogue, const Assessment& result) {
  if (result.refer || result.problems.empty()) {
    return {};
  }
  const auto labels = problem_labels(catalogue, context.builtin().problem_ids());
  std::vector<std::string> words{"valgus", "plan"};
  for (std::size_t i = 0; i < catalogue.problems.size(); ++i) {
    const auto& id = catalogue.problems[i].id;
    if (std::find(result.problems.begin(), result.problems.end(), id) != result.problems.end()) {
      words.push_back(labels[i]);
    }
  }
  if (result.side != Side::both) {
    words.push_back(fmt::format("--side {}", to_string(result.side)));
  }
  if (!result.when.empty()) {
    words.push_back("--when " + result.when);
  }
  if (result.equipment) {
    words.push_back("--equipment " + (result.equipment->empty() ? std::string("none") : join(*result.equipment, ",")));
  }
  if (result.days) {
    words.push_back(fmt::format("--days {}", *result.days));
  }
  if (result.minutes) {
    words.push_back(fmt::format("--minutes {}", *result.minutes));
  }
  return join(words, " ");
}

// Keeps the result and the raw answers in the log, replacing an assessment
// of the same date, so that progress can show re-tests; kept whether or not
// it refers (the log is the person's record). Values by test id, then side.
void record_assessment(Date date, const Answers& answers, const Assessment& result) {
  StoredAssessment stored;
  stored.date = date;
  stored.refer = result.refer;
  stored.problems = result.problems;
  stored.side = result.side;
  for (const auto& [test, answer] : answers.tests) {
    if (answer.value) {
      stored.values.push_back({test, "", *answer.value});
    }
    if (answer.left) {
      stored.values.push_back({test, "left", *answer.left});
    }
    if (answer.right) {
      stored.values.push_back({test, "right", *answer.right});
    }
  }
  LogStore store = LogStore::open(log_path(), LogStore::Access::write);
  store.record_assessment(stored);
  if (result.refer) {
    // Remembered: `start` repeats these signs and asks for --cleared.
    store.record_event(SafetyEvent{date, SafetyKind::referred, join(result.reasons, " ")});
  }
}

}  // namespace

ExitCode run_assess(const Context& context, const AssessArgs& args) {
  const Format& format = find_format(DataKind::assessment, args.format);
  const Date date = date_or_today(context, args.date);
  const Catalogue catalogue = context.catalogue();
  const std::vector<Question> questions = questionnaire(catalogue);
  Answers answers;
  bool interactive = false;
  if (args.answers) {
    answers = read_answers(
        CatalogueFile{*args.answers, read_input_file(*args.answers, max_answers_bytes, "an answers file")}, catalogue);
  } else if (interactive_terminal()) {
    answers = ask_in_terminal(context, catalogue, questions);
    interactive = true;
  } else {
    answers = read_lines(catalogue, questions);
  }
  const Assessment result = assess(catalogue, answers);
  AssessmentView view;
  view.assessment = &result;
  view.catalogue = &catalogue;
  view.date = date;
  view.command = plan_command(context, catalogue, result);
  // Printed before it is stored: a log that cannot be written (73, 74, 65)
  // must not hide the result.
  context.print(format.assessment(view, context.terminal_style()));
  record_assessment(date, answers, result);
  const bool start_it = args.start || (interactive && !view.command.empty() && ask_to_start(context));
  if (start_it && !view.command.empty()) {
    ProgrammeOptions options;
    options.problems = result.problems;
    options.side = result.side;
    if (!result.when.empty()) {
      options.when = result.when;
    }
    options.equipment = result.equipment;
    if (result.days) {
      options.days = spread_days(*result.days);
    }
    options.minutes = result.minutes;
    return save_programme(context, catalogue, options, date, args.force);
  }
  return ExitCode::ok;
}

Runner setup_assess(OptionBuilder& options) {
  auto args = std::make_shared<AssessArgs>();
  options.option("--answers", args->answers, "Read the answers from a YAML FILE instead of asking", "FILE");
  add_format_option(options, DataKind::assessment, args->format);
  options.option("--date", args->date, "The day of the assessment, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  options.flag("--start", args->start, "Save the recommended programme, as valgus start does");
  options.flag("--force", args->force, "With --start: replace a saved programme (the log is kept)");
  return [args, &context = options.context()] { return run_assess(context, *args); };
}

}  // namespace valgus::cli
