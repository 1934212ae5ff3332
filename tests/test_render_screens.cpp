// The renderers of the interactive screens and the closing summaries: the
// go screen, the assess prompts, and what start, log and go say when done.

#include "core/catalogue/figure_rules.hpp"
#include "core/follow/guide.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"
#include "render/go_screen.hpp"
#include "render/prompts.hpp"
#include "render/summaries.hpp"
#include "render/wording.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using valgus::Date;
using valgus::GuideStep;
using valgus::TextStyle;

namespace {

valgus::PlannedExercise long_named_exercise() {
  valgus::PlannedExercise exercise;
  exercise.dose.sets = valgus::Range{1, 1};
  exercise.dose.duration_seconds = valgus::Range{30, 30};
  exercise.dose.per_side = true;
  exercise.exercise.name = "Adductor roll with a name long enough to wrap at forty columns";
  exercise.exercise.steps = {"Lie face down on your forearms with one knee bent out to the side.",
                             "Set a foam roller under the inside of that thigh.", "Roll.", "Breathe.",
                             "Switch to the other leg."};
  return exercise;
}

valgus::GoScreenView screen_of(const valgus::PlannedExercise& exercise, const GuideStep& step) {
  valgus::GoScreenView view;
  view.session = "A";
  view.date = Date{2027, 1, 4};
  view.week = 1;
  view.exercise = &exercise;
  view.count = 3;
  view.step = &step;
  view.seconds_left = 7;
  return view;
}

valgus::Question knee_to_wall(valgus::Side side) {
  valgus::Question question;
  question.key = "knee-to-wall";
  question.kind = valgus::QuestionKind::number;
  question.side = side;
  question.title = std::string("Knee-to-wall test, ") + (side == valgus::Side::left ? "left" : "right") + " leg";
  question.prompt = "Distance from the big toe to the wall (cm)?";
  question.instructions = {"Face a wall.", "Slide the foot back until the knee just touches the wall."};
  question.range = valgus::Range{0, 30};
  return question;
}

}  // namespace

TEST_CASE("go screen: what the step asks, within the width and the height") {
  const valgus::PlannedExercise exercise = long_named_exercise();
  const std::vector<GuideStep> steps = valgus::exercise_steps(exercise.dose, 0);
  valgus::GoScreenView view = screen_of(exercise, steps[2]);  // the switch
  const TextStyle plain{40, false};
  CHECK(valgus::render_go_screen(view, plain) ==
        std::vector<std::string>{"Session A · Monday 2027-01-04 · week 1", "Exercise 1 of 3: Adductor roll with a",
                                 "  name long enough to wrap at forty", "  columns", "30 s each side", "",
                                 "Switch sides: 7 s (next: right side)", "", " 1. Lie face down on your forearms with",
                                 "    one knee bent out to the side.", " 2. Set a foam roller under the inside",
                                 "    of that thigh.", " 3. Roll.", " 4. Breathe.", " 5. Switch to the other leg.", "",
                                 "space pause · Enter next · s skip · b", "back · q quit"});

  view.step = &steps[1];
  view.paused = true;
  view.height = 15;  // the steps are cut, the countdown and keys stay
  CHECK(valgus::render_go_screen(view, plain) ==
        std::vector<std::string>{"Session A · Monday 2027-01-04 · week 1", "Exercise 1 of 3: Adductor roll with a",
                                 "  name long enough to wrap at forty", "  columns", "30 s each side", "", "Left side",
                                 "Go: 7 s", "Paused: space resumes", "", " 1. Lie face down on your forearms with",
                                 "    …", "", "space pause · Enter next · s skip · b", "back · q quit"});
  view.height = 12;  // no room for any step: they go
  const std::vector<std::string> short_screen = valgus::render_go_screen(view, plain);
  CHECK(short_screen.size() == 12);
  CHECK(short_screen[10] == "space pause · Enter next · s skip · b");

  view.paused = false;
  view.height = 24;
  CHECK(valgus::render_go_screen(view, TextStyle{80, true}) ==
        std::vector<std::string>{
            "\x1b[2mSession A · Monday 2027-01-04 · week 1\x1b[0m",
            "\x1b[1mExercise 1 of 3: Adductor roll with a name long enough to wrap at forty columns\x1b[0m",
            "30 s each side", "", "Left side", "\x1b[1;32mGo: 7 s\x1b[0m", "",
            " 1. Lie face down on your forearms with one knee bent out to the side.",
            " 2. Set a foam roller under the inside of that thigh.", " 3. Roll.", " 4. Breathe.",
            " 5. Switch to the other leg.", "", "\x1b[2mspace pause · Enter next · s skip · b back · q quit\x1b[0m"});
  CHECK(valgus::format_clock(59) == "59 s");
  CHECK(valgus::format_clock(90) == "1:30");
}

TEST_CASE("go screen: the first exercise carries the banner; the kit and tips stay where the steps are cut") {
  valgus::PlannedExercise exercise = long_named_exercise();
  exercise.equipment_names = {"massage ball"};
  exercise.exercise.cues = {"Keep the ball off the back of the knee, where a nerve lies close to the skin."};
  const std::vector<GuideStep> steps = valgus::exercise_steps(exercise.dose, 0);
  valgus::GoScreenView view = screen_of(exercise, steps[1]);
  view.banner = {"Pain: Stop any exercise that hurts."};
  view.height = 16;  // room for the tips only: the steps go first
  const TextStyle plain{40, false};
  CHECK(valgus::render_go_screen(view, plain) ==
        std::vector<std::string>{"Session A · Monday 2027-01-04 · week 1", "Exercise 1 of 3: Adductor roll with a",
                                 "  name long enough to wrap at forty", "  columns", "30 s each side · massage ball",
                                 "Pain: Stop any exercise that hurts.", "", "Left side", "Go: 7 s", "",
                                 "    Tip: Keep the ball off the back of", "         the knee, where a nerve lies",
                                 "         close to the skin.", "", "space pause · Enter next · s skip · b",
                                 "back · q quit"});
  view.index = 1;  // later exercises: no banner
  CHECK(valgus::render_go_screen(view, plain).at(5).empty());
}

TEST_CASE("go screen: holds, rep sets and rests say what to do now") {
  valgus::PlannedExercise exercise = long_named_exercise();
  GuideStep hold;
  hold.kind = valgus::StepKind::hold;
  hold.sets = 2;
  hold.set = 1;
  hold.reps = 3;
  hold.rep = 2;
  hold.move_seconds = 3;
  hold.seconds = 5;
  valgus::GoScreenView view = screen_of(exercise, hold);
  view.seconds_left = 8;
  exercise.exercise.steps.clear();
  const TextStyle plain{80, false};
  std::vector<std::string> lines = valgus::render_go_screen(view, plain);
  CHECK(lines.at(4) == "Set 1 of 2 · rep 2 of 3");
  CHECK(lines.at(5) == "Move into position: 3 s, then hold 5 s");
  view.seconds_left = 5;
  CHECK(valgus::render_go_screen(view, plain).at(5) == "Hold: 5 s");

  GuideStep reps;
  reps.kind = valgus::StepKind::reps;
  reps.side = valgus::Side::right;
  reps.reps_asked = valgus::Range{10, 12};
  view.step = &reps;
  lines = valgus::render_go_screen(view, plain);
  CHECK(lines.at(4) == "Right side");
  CHECK(lines.at(5) == "Do 10–12 reps, then press Enter");

  GuideStep rest;
  rest.kind = valgus::StepKind::rest;
  rest.side = valgus::Side::left;
  rest.set = 2;
  rest.sets = 3;
  view.step = &rest;
  view.seconds_left = 75;
  lines = valgus::render_go_screen(view, TextStyle{80, true});
  CHECK(lines.at(4) == "\x1b[1;33mRest: 1:15 (next: left side, set 2 of 3)\x1b[0m");
}

TEST_CASE("assess prompts: a title with its counter, instructions once per test, the question") {
  const valgus::Question left = knee_to_wall(valgus::Side::left);
  valgus::AssessQuestionView view;
  view.question = &left;
  view.number = 3;
  view.count = 9;
  const TextStyle plain{40, false};
  CHECK(valgus::render_assess_question(view, plain) ==
        "\n"
        "Knee-to-wall test, left leg (3 of 9)\n"
        "  - Face a wall.\n"
        "  - Slide the foot back until the knee\n"
        "  just touches the wall.\n"
        "Distance from the big toe to the wall\n"
        "  (cm)?\n"
        "> ");
  const valgus::Question right = knee_to_wall(valgus::Side::right);
  view.question = &right;
  view.number = 4;
  CHECK(valgus::render_assess_question(view, TextStyle{80, true}) ==
        "\n\x1b[1mKnee-to-wall test, right leg (4 of 9)\x1b[0m\nDistance from the big toe to the wall (cm)?\n> ");
  view.heading = false;  // asked again after a bad answer, or a red flag under the shared heading
  CHECK(valgus::render_assess_question(view, plain) == "(4 of 9) Distance from the big toe to\n  the wall (cm)?\n> ");

  CHECK(valgus::render_assess_intro(plain) ==
        "Answer each question and press Enter.\n  Type skip to leave one out, back to\n  change the one before. "
        "Nothing is sent\n"
        "  anywhere.\n");
  CHECK(valgus::render_reply_error("a number from 0 to 30 (cm), or skip", plain) ==
        "  A number from 0 to 30 (cm), or skip.\n");
  CHECK(valgus::render_start_question(TextStyle{80, false}) ==
        "\nSave this programme and follow it from today (valgus start)? yes or no\n> ");
}

TEST_CASE("start summary: where it was saved, for what, when, what next, wrapped between words") {
  valgus::Plan plan;
  for (const char* name : {"Weak hip rotators", "Stiff ankles"}) {
    valgus::Problem problem;
    problem.name = name;
    plan.problems.push_back(problem);
  }
  plan.sessions.push_back(valgus::PlannedSession{"A", {0, 4}, {}, 900});
  plan.sessions.push_back(valgus::PlannedSession{"B", {2}, {}, 780});
  valgus::Note top;
  top.title = "Safety";
  top.text = "Stop if it hurts.";
  top.placement = valgus::Placement::top;
  valgus::Note end;
  end.title = "Later";
  end.text = "Not in the summary.";
  plan.notes = {top, end};
  CHECK(valgus::render_start_summary(
            valgus::StartSummary{&plan, "/home/a/.local/share/valgus/programme.yaml", Date{2027, 1, 4}}) ==
        "Saved your programme to /home/a/.local/share/valgus/programme.yaml\n"
        "For: Weak hip rotators, Stiff ankles\n"
        "From 2027-01-04: A on Mon, Fri (about 15 min); B on Wed (about 13 min)\n"
        "Next: valgus today (the day's session) · valgus go (guided) · valgus log (record\n"
        "      it) · valgus progress\n"
        "Safety: Stop if it hurts.\n");
}

TEST_CASE("log and go summaries: the session logged, its answers, a replaced entry") {
  valgus::LoggedSession logged;
  logged.date = Date{2027, 1, 4};
  logged.session = "A";
  logged.stage_week = 2;
  logged.exercises = {{"clam", true}, {"bridge", false}, {"squat", true}};
  valgus::LoggedSummary summary{&logged, false, "saved programme /p.yaml", std::nullopt, {}};
  CHECK(valgus::render_log_summary(summary) ==
        "Logged session A of 2027-01-04: 2 of 3 exercises done.\nProgramme: saved programme /p.yaml\n");
  CHECK(valgus::render_go_logged(summary) == "Logged session A of 2027-01-04: 2 done, 1 skipped.\n");
  logged.pain = 3;
  logged.effort = valgus::Effort::hard;
  summary.replaced = true;
  CHECK(valgus::render_log_summary(summary) ==
        "Replaced the log of session A of 2027-01-04: 2 of 3 exercises done, pain 3/10, effort "
        "hard.\nProgramme: saved programme /p.yaml\n");
  CHECK(valgus::render_go_logged(summary) ==
        "Logged session A of 2027-01-04: 2 done, 1 skipped, pain 3, effort hard (it replaces the entry of that "
        "day).\n");
  CHECK(valgus::render_log_deleted("2027-01-06") == "Deleted the session logged on 2027-01-06.\n");
}

TEST_CASE("go summaries: finished, stopped, nothing done, a rest day") {
  CHECK(valgus::render_go_end(valgus::GoEnd{"A", 5, 5, false}) == "Session A finished: 5 of 5 exercises done.\n");
  CHECK(valgus::render_go_end(valgus::GoEnd{"A", 2, 5, true}) == "Stopped: 2 of 5 exercises done.\n");
  CHECK(valgus::render_go_end(valgus::GoEnd{"A", 0, 5, true}) ==
        "Stopped: 0 of 5 exercises done.\nNothing done, so nothing was logged.\n");

  valgus::GoRestDay day;
  day.date = Date{2027, 1, 5};
  CHECK(valgus::render_go_rest_day(day) == "2027-01-05 (Tuesday) is a rest day in your programme.\n");
  const valgus::PlannedSession next{"B", {2}, {}, 780};
  day.next_date = Date{2027, 1, 6};
  day.next_session = &next;
  CHECK(valgus::render_go_rest_day(day) ==
        "2027-01-05 (Tuesday) is a rest day in your programme. The next session, B, is on Wednesday 2027-01-06.\n");
}

TEST_CASE("go: a Ctrl-C says nothing was logged and how to log what was done; a failed write gives the command") {
  CHECK(valgus::render_go_interrupted({Date{2027, 1, 4}, {}, {"clam", "squat"}}) ==
        "valgus: stopped: nothing was logged\n");
  CHECK(valgus::render_go_interrupted({Date{2027, 1, 4}, {"clam"}, {"band-walk", "squat"}}) ==
        "valgus: stopped: nothing was logged; to log what you did: valgus log --date 2027-01-04 --skipped "
        "band-walk,squat\n");
  CHECK(valgus::render_go_interrupted({Date{2027, 1, 4}, {"clam", "squat"}, {}}) ==
        "valgus: stopped: nothing was logged; to log what you did: valgus log --date 2027-01-04\n");
  valgus::LoggedSession logged;
  logged.date = Date{2027, 1, 6};
  logged.pain = 3;
  logged.effort = valgus::Effort::hard;
  logged.exercises = {{"clam", true}, {"squat", false}};
  logged.symptoms = {"swelling"};
  CHECK(valgus::log_command_for(logged) ==
        "valgus log --date 2027-01-06 --pain 3 --effort hard --skipped squat --symptom swelling");
}

TEST_CASE("a stage is said by what it changes, by name, not by a week number") {
  valgus::Plan plan;
  valgus::PlannedExercise bridge;
  bridge.exercise.name = "Glute bridge";
  bridge.exercise.progressions = {valgus::Progression{3, "Lift one foot.", {}}};
  valgus::PlannedExercise banded;
  banded.exercise.name = "Banded clamshell";
  banded.exercise.from_week = 3;
  banded.form_of = "Clamshell";
  valgus::PlannedExercise later;
  later.exercise.name = "Step up";
  later.exercise.progressions = {valgus::Progression{5, "Higher step.", {}}};
  plan.phases.push_back(valgus::PlannedPhase{valgus::Phase::strengthen, {bridge, banded, later}, 0, ""});
  const std::vector<int> weeks{1, 3, 5};
  valgus::StageState stage;
  stage.stages = 3;
  stage.decisions = {valgus::StageDecision{valgus::Date{}, valgus::StageMove::start, 0, 0, "start"}};
  CHECK(valgus::stage_changes_text(stage, plan, weeks) ==
        "The starting forms and doses; harder ones come when your log shows you are ready.");
  stage.stage = 1;
  stage.decisions.push_back(valgus::StageDecision{valgus::Date{}, valgus::StageMove::advance, 0, 1, "moved on"});
  CHECK(valgus::stage_changes_text(stage, plan, weeks) ==
        "Harder from this stage: Glute bridge and Banded clamshell in place of Clamshell (\"This stage\" under an "
        "exercise says how).");
  stage.stage = 2;
  CHECK(valgus::stage_changes_text(stage, plan, weeks) ==
        "Harder from this stage: Step up (\"This stage\" under an exercise says how).");
  stage.stage = 0;
  stage.decisions.push_back(valgus::StageDecision{valgus::Date{}, valgus::StageMove::step_back, 1, 0, "back"});
  CHECK(valgus::stage_changes_text(stage, plan, weeks) ==
        "Back to the starting forms and doses while the knee settles.");
}

TEST_CASE("go screen: a wide UTF-8 terminal shows the exercise's figure beside the text, a narrow one does not") {
  const auto& catalogue = valgus::test::builtin();
  const valgus::Exercise& clamshell = *catalogue.find_exercise("clamshell");
  const valgus::FigureDrawing figure = valgus::draw_figure(catalogue, clamshell.figure, clamshell.name);
  const valgus::PlannedExercise planned = valgus::describe_exercise(catalogue, clamshell);
  const std::vector<valgus::GuideStep> steps = valgus::exercise_steps(planned.dose, 0);
  valgus::GoScreenView view;
  view.session = "A";
  view.date = valgus::Date{2027, 1, 4};
  view.exercise = &planned;
  view.count = 1;
  view.step = &steps.front();
  view.figure = &figure;
  const auto has_braille = [](const std::string& line) { return line.find("\xe2\xa0") != std::string::npos; };
  const auto wide = valgus::render_go_screen(view, TextStyle{100 + valgus::go_figure_columns, false});
  int with_figure = 0;
  for (const auto& line : wide) {
    CHECK(valgus::display_width(line) <= 100 + valgus::go_figure_columns);
    with_figure += has_braille(line) ? 1 : 0;
  }
  CHECK(with_figure >= 2);                 // a lying figure is a few rows high
  CHECK_FALSE(has_braille(wide.front()));  // the heading line stays alone
  for (const auto& line : valgus::render_go_screen(view, TextStyle{100, false})) {
    CHECK_FALSE(has_braille(line));
  }
}
