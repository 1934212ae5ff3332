// valgus go: the day's session guided in the terminal, one exercise at a
// time: countdowns for holds, timed sets, rests and side changes, a prompt
// for rep sets; then pain and effort, and the session goes in the log.

#include "cli/commands.hpp"

#include "cli/programme_day.hpp"
#include "core/catalogue/figure_rules.hpp"

#include "core/follow/guide.hpp"
#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/log_store.hpp"
#include "io/output.hpp"
#include "io/terminal.hpp"
#include "render/go_screen.hpp"
#include "render/prompts.hpp"
#include "render/summaries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {
namespace {

// For tests only: how many milliseconds a countdown second lasts, so the
// tmux test runs a whole session in seconds. Documented in valgus(1) under
// ENVIRONMENT as being for testing.
constexpr const char* second_ms_variable = "VALGUS_GO_SECOND_MS";
constexpr int max_second_ms = 1000;

int second_ms() {
  const char* value = std::getenv(second_ms_variable);
  if (value == nullptr || *value == '\0') {
    return max_second_ms;
  }
  const std::string text(value);
  const bool digits =
      text.size() <= 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const int ms = digits ? std::stoi(text) : 0;
  if (ms < 1 || ms > max_second_ms) {
    throw Error(ExitCode::usage, fmt::format("{} must be a whole number of milliseconds from 1 to {} (it is for "
                                             "testing), not \"{}\"",
                                             second_ms_variable, max_second_ms, one_line(text)));
  }
  return ms;
}

struct GuideSettings {
  GoScreenView screen;  // the session's part of every screen
  // Each exercise's figure (drawn beside the steps on a wide terminal in a
  // UTF-8 locale); empty: none.
  std::vector<FigureDrawing> figures;
  int second_ms = max_second_ms;
  bool quiet = false;
  bool color = false;
};

// How the guided part ended.
struct Walked {
  std::vector<Outcome> outcomes;
  bool quit = false;  // q before the end
};

// The keys, the clock and the screen around a Guide. Raw mode lasts as long
// as this function: the terminal is back to normal when it returns or
// throws (and the signal handler puts it back if a signal ends it).
Walked walk(const std::vector<PlannedExercise>& exercises, const GuideSettings& settings) {
  using Clock = std::chrono::steady_clock;
  RawTerminal terminal;
  Guide guide(exercises);
  Countdown countdown;
  // Skipping or going back while paused stays paused: the person is
  // reading, or not ready yet. Enter and a countdown's end go on unpaused.
  const auto start_step = [&](bool paused) {
    countdown = guide.finished() || !guide.current().is_countdown()
                    ? Countdown()
                    : Countdown(guide.current().countdown_seconds(), settings.second_ms);
    if (paused && !guide.finished() && guide.current().is_countdown()) {
      countdown.toggle_pause();
    }
  };
  start_step(false);
  Clock::time_point last = Clock::now();
  bool bell = false;
  int shown_seconds = -1;
  bool redraw = true;
  bool quit = false;
  while (!guide.finished() && !quit) {
    if (RawTerminal::take_continued()) {
      // Back from Ctrl-Z: the time away is not exercise time; paused.
      last = Clock::now();
      if (guide.current().is_countdown() && !countdown.paused()) {
        countdown.toggle_pause();
      }
      redraw = true;
    }
    const Clock::time_point now = Clock::now();
    countdown.advance(std::chrono::duration_cast<std::chrono::milliseconds>(now - last).count());
    last = now;
    const GuideStep& step = guide.current();
    if (step.is_countdown() && countdown.over()) {
      // The bell goes with the next frame, so it rings as that frame shows.
      bell = !settings.quiet;
      guide.next();
      start_step(false);
      redraw = true;
      continue;
    }
    if (redraw || countdown.seconds_left() != shown_seconds || RawTerminal::take_resized()) {
      if (redraw) {  // what a Ctrl-C now would leave unlogged, and how to log it
        GoInterrupted stopped{settings.screen.date, {}, {}};
        for (std::size_t i = 0; i < exercises.size(); ++i) {
          (guide.outcomes().at(i) == Outcome::done ? stopped.done : stopped.not_done)
              .push_back(exercises[i].exercise.id);
        }
        RawTerminal::set_interrupt_note(render_go_interrupted(stopped));
      }
      GoScreenView screen = settings.screen;
      screen.exercise = &exercises.at(step.exercise);
      screen.index = step.exercise;
      screen.count = exercises.size();
      screen.step = &step;
      screen.seconds_left = countdown.seconds_left();
      screen.paused = countdown.paused();
      screen.height = RawTerminal::height();
      screen.figure = settings.figures.empty() ? nullptr : &settings.figures.at(step.exercise);
      // Past 100 columns the lines only get harder to read; a figure may
      // take the columns beyond.
      const TextStyle style{std::min(RawTerminal::width(), screen.figure != nullptr ? 100 + go_figure_columns : 100),
                            settings.color};
      RawTerminal::redraw(render_go_screen(screen, style), bell);
      bell = false;
      shown_seconds = screen.seconds_left;
      redraw = false;
    }
    const bool ticking = step.is_countdown() && !countdown.paused();
    // A second-long wait at most otherwise: a resize is noticed in time
    // even where the signal does not cut the wait short.
    const auto wait = ticking ? countdown.ms_to_next_tick() : std::int64_t{1000};
    const Key key = terminal.read_key(static_cast<int>(std::max<std::int64_t>(1, wait)));
    switch (key.kind) {
      case KeyKind::none: break;
      case KeyKind::closed:
        throw Error(ExitCode::io_error, "the terminal closed during the session; nothing was logged");
      case KeyKind::enter:
        guide.next();
        start_step(false);
        redraw = true;
        break;
      case KeyKind::character:
        switch (key.character) {
          case ' ':
            // A rep prompt waits for Enter anyway: nothing to pause.
            if (step.is_countdown()) {
              countdown.toggle_pause();
              redraw = true;
            }
            break;
          case 's':
          case 'S':
            guide.skip();
            start_step(countdown.paused());
            redraw = true;
            break;
          case 'b':
          case 'B':
            guide.back();
            start_step(countdown.paused());
            redraw = true;
            break;
          case 'q':
          case 'Q': quit = true; break;
          default: break;
        }
        break;
    }
  }
  Walked walked;
  walked.outcomes = guide.outcomes();
  walked.quit = quit && !guide.finished();
  return walked;
}

// One answer typed at a normal (cooked) terminal; none at end of input.
std::optional<std::string> ask(std::string_view question) {
  const std::optional<std::string> answer = ask_line(question);
  return answer ? std::optional<std::string>(trim(*answer)) : std::nullopt;
}

std::optional<int> ask_number_0_10(std::string_view question);

// Pain 0-10; Enter (or end of input) leaves it out of the log.
std::optional<int> ask_pain() { return ask_number_0_10(pain_question); }

// Pain 0-10 asked with `question`; Enter (or end of input) leaves it out.
std::optional<int> ask_number_0_10(std::string_view question) {
  while (true) {
    const std::optional<std::string> answer = ask(question);
    if (!answer || answer->empty()) {
      return std::nullopt;
    }
    const bool digits =
        answer->size() <= 2 && std::all_of(answer->begin(), answer->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && std::stoi(*answer) <= 10) {
      return std::stoi(*answer);
    }
    write_stdout(pain_answer_again);
  }
}

// Each warning symptom of the catalogue, yes or no (Enter: no); the ids
// answered yes, in catalogue order.
std::vector<std::string> ask_symptoms(const Catalogue& catalogue) {
  std::vector<std::string> ids;
  for (const Symptom& symptom : catalogue.symptoms) {
    while (true) {
      const std::optional<std::string> answer = ask(symptom.question + std::string(symptom_answers));
      std::string word = answer.value_or("");
      std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
      if (word.empty() || word == "n" || word == "no") {
        break;
      }
      if (word == "y" || word == "yes") {
        ids.push_back(symptom.id);
        break;
      }
      write_stdout(yes_no_again);
    }
  }
  return ids;
}

// Asks the pain the morning after the last session before `date` when it
// is not logged, and adds it; true when that paused the programme (said).
bool ask_next_morning(const Context& context, const Catalogue& catalogue, const std::string& log, Date date) {
  LogStore store = LogStore::open(log, LogStore::Access::write);
  const std::vector<LoggedSession> sessions = store.sessions(false);
  const auto last =
      std::find_if(sessions.rbegin(), sessions.rend(), [&](const LoggedSession& logged) { return logged.date < date; });
  if (last == sessions.rend() || last->next_morning_pain) {
    return false;
  }
  const std::optional<int> pain = ask_number_0_10(fmt::format(next_morning_question, to_string(last->date)));
  if (!pain) {
    return false;
  }
  LoggedSession judged = *last;
  judged.next_morning_pain = pain;
  judged.symptoms.clear();
  std::vector<SessionRecord> others;
  for (const LoggedSession& logged : sessions) {
    if (logged.date != last->date) {
      others.push_back({logged.date, logged.pain, logged.effort, logged.next_morning_pain, !logged.symptoms.empty()});
    }
  }
  const std::optional<SafetyEvent> pause = pause_for(catalogue, judged, others, store.events());
  store.amend(last->date, pain, {}, pause);
  context.print(render_amended(AmendedSummary{last->date, pain, {}, pause}));
  return pause.has_value();
}

// Effort: e/r/h, 1/2/3 or the word; Enter (or end of input) leaves it out.
std::optional<Effort> ask_effort() {
  while (true) {
    const std::optional<std::string> answer = ask(effort_question);
    if (!answer || answer->empty()) {
      return std::nullopt;
    }
    std::string word = *answer;
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    if (word == "e" || word == "1") {
      return Effort::easy;
    }
    if (word == "r" || word == "2") {
      return Effort::right;
    }
    if (word == "h" || word == "3") {
      return Effort::hard;
    }
    if (const std::optional<Effort> effort = parse_effort(word)) {
      return effort;
    }
    write_stdout(effort_answer_again);
  }
}

}  // namespace

ExitCode run_go(const Context& context, const GoArgs& args) {
  if (!interactive_terminal()) {
    Error error(ExitCode::usage, "go guides a session in a terminal, and standard input or output is not one");
    error.set_hint(
        "Without a terminal: `valgus today` shows the day's session, and `valgus log` records it once done.\n");
    throw error;
  }
  GuideSettings settings;
  settings.second_ms = second_ms();
  settings.quiet = args.quiet;
  settings.color = context.terminal_style().color;
  const Date date = date_or_today(context, args.date);
  const Catalogue catalogue = context.catalogue();
  ChosenProgramme chosen = choose_programme(context, catalogue, args.problems, args.personal, "go");
  const std::string log = log_path();
  LogStore::check_path(log, LogStore::Access::write);  // it reads the log first, to write it
  const ProgrammeDay followed = load_day(catalogue, std::move(chosen), date, log, context.kept_weeks);
  const DayPlan& day = followed.day;
  if (followed.stage.pause) {
    context.print(render_pause(*followed.stage.pause));  // nothing to guide until resumed
    return ExitCode::ok;
  }
  if (day.session == nullptr || day.exercises.empty()) {
    context.print(render_go_rest_day(GoRestDay{date, day.next_date, day.next_session}));
    return ExitCode::ok;
  }
  if (ask_next_morning(context, catalogue, log, date)) {
    return ExitCode::ok;  // paused: nothing to guide until resumed
  }
  settings.screen.session = day.session->id;
  settings.screen.date = date;
  settings.screen.week = followed.stage.week;
  for (const Note& note : followed.plan.notes) {
    if (note.placement == Placement::top) {
      settings.screen.banner.push_back(note.title + ": " + note.text);
    }
  }

  if (context.terminal_utf8()) {
    for (const auto& planned : day.exercises) {
      settings.figures.push_back(draw_figure(catalogue, planned.exercise.figure, planned.exercise.name));
    }
  }

  const Walked walked = walk(day.exercises, settings);

  const auto done = static_cast<std::size_t>(std::count(walked.outcomes.begin(), walked.outcomes.end(), Outcome::done));
  context.print(render_go_end(GoEnd{day.session->id, done, walked.outcomes.size(), walked.quit}));
  if (done == 0) {
    return ExitCode::ok;
  }
  LoggedSession session;
  session.date = date;
  session.session = day.session->id;
  session.stage_week = followed.stage.week;
  session.pain = ask_pain();
  session.effort = ask_effort();
  session.symptoms = ask_symptoms(catalogue);
  for (std::size_t i = 0; i < day.exercises.size(); ++i) {
    session.exercises.push_back(LoggedExercise{day.exercises[i].exercise.id, walked.outcomes.at(i) == Outcome::done});
  }
  std::vector<SessionRecord> others;
  for (const SessionRecord& record : followed.records) {
    if (record.date != date) {
      others.push_back(record);
    }
  }
  const std::optional<SafetyEvent> pause = pause_for(catalogue, session, others, followed.events);
  bool replaced = false;
  try {
    replaced = LogStore::open(log, LogStore::Access::write).record(session, pause);
  } catch (const Error& failure) {
    // The session was done: say how to record it once the log can be written.
    Error kept = failure;
    kept.set_hint(fmt::format("The session was not logged; once the log can be written, record it with:\n{}\n",
                              log_command_for(session)));
    throw kept;
  }
  LoggedSummary summary{&session, replaced, {}, pause, {}};
  for (const std::string& id : session.symptoms) {
    summary.symptom_names.push_back(catalogue.find_symptom(id)->name);
  }
  context.print(render_go_logged(summary));
  return ExitCode::ok;
}

Runner setup_go(OptionBuilder& options) {
  auto args = std::make_shared<GoArgs>();
  add_problem_options(options, args->problems);
  add_personal_options(options, args->personal, true);
  options.option("--date", args->date, "The day whose session to do, YYYY-MM-DD (default today)", "DATE")
      .completes(Completes::nothing);
  options.flag("--quiet", args->quiet, "No bell at the end of each countdown");
  return [args, &context = options.context()] { return run_go(context, *args); };
}

}  // namespace valgus::cli
