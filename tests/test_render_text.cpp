#include "cli/options.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"
#include "render/render.hpp"
#include "render/wording.hpp"

#include <doctest/doctest.h>

#include <string>

using valgus::test::week_plan;

namespace {

valgus::Plan hip_plan() {
  return valgus::make_plan(valgus::test::fixture_catalogue(), valgus::test::request_for({"hip"}));
}

}  // namespace

TEST_CASE("plan text: phases in order, numbered, with dose, steps, tips and why") {
  valgus::TextStyle style;
  style.width = 60;
  const std::string bar = [] {
    std::string line;
    for (int i = 0; i < 60; ++i) {
      line += "─";
    }
    return line;
  }();
  CHECK(valgus::render_plan_text(hip_plan(), style) ==
        "Knee valgus routine\n"
        "For: hip rotation\n"
        "Session: about 8 min · 3 exercises\n"
        "\n"
        "RELEASE · self-massage the tight muscles              ~1 min\n" +
            bar +
            "\n"
            " 1. Adductor roll                                     ~1 min\n"
            "    30 s each side · foam roller\n"
            "    - Roll the inner thigh.\n"
            "    Tip: Breathe.\n"
            "    Why: hip rotation — tight adductors\n"
            "\n"
            "STRETCH · lengthen the tight muscles\n" +
            bar +
            "\n"
            "    Nothing in the catalogue fits this phase for the\n"
            "    problems chosen.\n"
            "\n"
            "STRENGTHEN · wake up the weak muscles                 ~5 min\n" +
            bar +
            "\n"
            " 2. Clam                                              ~5 min\n"
            "    20 reps each side, hold 3–5 s\n"
            "    - Open the knee.\n"
            "    Why: hip rotation — weak gluteus medius\n"
            "\n"
            "INTEGRATE · keep hip, knee and foot in line           ~1 min\n" +
            bar +
            "\n"
            " 3. Balance                                           ~1 min\n"
            "    30 s each side\n"
            "    - Stand on one leg.\n"
            "    Why: hip rotation — hold hip, knee and foot in line\n"
            "         under load\n"
            "\n"
            "AVOID DURING THE DAY\n" +
            bar +
            "\n"
            "- W-sitting: Sit another way.\n"
            "\n"
            "SAFETY\n"
            "Stop on pain.\n");
}

TEST_CASE("colour only when the style asks for it") {
  valgus::TextStyle plain;
  CHECK(valgus::render_plan_text(hip_plan(), plain).find('\x1b') == std::string::npos);
  valgus::TextStyle colour;
  colour.color = true;
  const std::string text = valgus::render_plan_text(hip_plan(), colour);
  CHECK(text.rfind("\x1b[1mKnee valgus routine\x1b[0m\n", 0) == 0);
  CHECK(text.find("\x1b[1;36mRELEASE · self-massage the tight muscles\x1b[0m") != std::string::npos);
}

TEST_CASE("lines wrap to the width, continuation lines indented") {
  valgus::TextStyle narrow;
  narrow.width = 40;
  const std::string text = valgus::render_plan_text(hip_plan(), narrow);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    INFO(line);
    CHECK(valgus::display_width(line) <= 40);
    start = end + 1;
  }
  CHECK(text.find("    Why: hip rotation — hold hip, knee\n         and foot in line under load\n") !=
        std::string::npos);
  CHECK(text.find("INTEGRATE                         ~1 min\nkeep hip, knee and foot in line\n") != std::string::npos);
}

TEST_CASE("why lines") {
  const auto plan = valgus::make_plan(valgus::test::fixture_catalogue(), valgus::test::request_for({"hip", "ankle"}));
  CHECK(valgus::why_line(plan.phases[0].exercises[1]) == "pronation — tight calves");
  CHECK(valgus::why_line(plan.phases[2].exercises[0]) == "hip rotation — weak gluteus medius");
  CHECK(valgus::why_line(plan.phases[3].exercises[0]) ==
        "hip rotation, pronation — hold hip, knee and foot in line under load");
}

TEST_CASE("list text groups by phase and aligns ids") {
  const auto catalogue = valgus::test::fixture_catalogue();
  std::vector<valgus::PlannedExercise> shown;
  for (const char* id : {"adductor-roll", "clam"}) {
    shown.push_back(valgus::describe_exercise(catalogue, *catalogue.find_exercise(id)));
  }
  valgus::TextStyle style;
  CHECK(valgus::render_list_text(shown, style) ==
        "RELEASE\n"
        "  adductor-roll  Adductor roll · hip · 30 s each side · foam roller\n"
        "\n"
        "STRENGTHEN\n"
        "  clam           Clam · hip · 20 reps each side, hold 3–5 s\n"
        "\n"
        "2 exercises. Show one in full with: valgus show ID\n");
  CHECK(valgus::render_list_text({}, style) == "No exercise matches these filters.\n");
}

TEST_CASE("show text") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto planned = valgus::describe_exercise(catalogue, *catalogue.find_exercise("adductor-roll-ball"));
  valgus::TextStyle style;
  style.width = 50;
  CHECK(valgus::render_exercise_text(planned, {catalogue.problems[0]}, style) ==
        "Adductor ball roll (adductor-roll-ball)     ~1 min\n"
        "Release · hip · self-massage the tight muscles\n"
        "\n"
        "Works:     adductors\n"
        "Dose:      30 s each side\n"
        "Equipment: none\n"
        "Serves:    hip rotation (--hip)\n"
        "\n"
        "Steps\n"
        " 1. Roll on a ball.\n"
        "\n"
        "Variant of: adductor-roll (used in its place when\n"
        "            you lack its equipment)\n"
        "\n"
        "Source: test\n");
}

TEST_CASE("show text: what else it works, whether it is resisted, the week it starts") {
  const auto catalogue = valgus::test::fixture_catalogue();
  valgus::Exercise clam = *catalogue.find_exercise("clam");
  clam.also_works = {"adductors", "calves"};
  clam.resisted = true;
  clam.from_week = 2;
  valgus::TextStyle style;
  style.width = 60;
  const std::string text = valgus::render_exercise_text(valgus::describe_exercise(catalogue, clam), {}, style);
  CHECK(text.substr(text.find("Steps")) ==
        "Steps\n"
        " 1. Open the knee.\n"
        "\n"
        "Also works: adductors, calves\n"
        "\n"
        "Resisted: against a band or a load: rest a day before doing\n"
        "          it again\n"
        "\n"
        "Starts: in week 2 of a programme\n"
        "\n"
        "Source: test\n");
}

TEST_CASE("problems text") {
  valgus::TextStyle style;
  const auto catalogue = valgus::test::fixture_catalogue();
  const valgus::ProblemsListing listing{
      &catalogue, {"--hip", "--problem ankle"}, "Ask for both: --hip --problem ankle."};
  const std::string text = valgus::render_problems_text(listing, style);
  CHECK(text ==
        "Red flags  see a doctor or physiotherapist first if any answer is yes\n"
        "  - Does the knee swell?\n"
        "    See a doctor.\n"
        "\n"
        "--hip  Hip rotation\n"
        "  Tight:     adductors\n"
        "  Weak:      gluteus medius\n"
        "  Self-test: Knee dive\n"
        "    1. Squat on one leg.\n"
        "    Look for: The knee moving in.\n"
        "    Answer:   Did the knee move in? Yes is positive.\n"
        "    Positive: Weak hip.\n"
        "    Negative: Hip holds.\n"
        "\n"
        "--problem ankle  Pronation\n"
        "  Tight:     calves\n"
        "  Weak:      foot intrinsics\n"
        "  Self-test: Wall reach (each side)\n"
        "    1. Face a wall.\n"
        "    2. Touch it with the knee.\n"
        "    Look for: The heel lifting.\n"
        "    Answer:   How far was the toe from the wall? In cm (0-30); below 10 cm is\n"
        "              positive.\n"
        "    Positive: Stiff ankle.\n"
        "    Negative: Ankle bends enough.\n"
        "\n"
        "Ask for both: --hip --problem ankle.\n");
}

TEST_CASE("catalogue text cannot drive the terminal, even when it bypasses the loader") {
  auto catalogue = valgus::test::fixture_catalogue();
  catalogue.exercises[2].name = "Clam\x1b]0;pwned\x07\x1b[2J";
  catalogue.exercises[2].steps = {
      "Open\xc2\x9b"
      "31m the knee \xe2\x80\xae"
      "evil"};
  catalogue.habits[0].advice = "Sit \x1b[5mblink";
  catalogue.reindex();
  const auto plan = valgus::make_plan(catalogue, valgus::test::request_for({"hip"}));
  for (const bool color : {false, true}) {
    valgus::TextStyle style;
    style.color = color;
    const std::string text = valgus::render_plan_text(plan, style);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("\xc2\x9b") == std::string::npos);
    CHECK(text.find("\xe2\x80\xae") == std::string::npos);
    CHECK(text.find("\x1b]") == std::string::npos);
    CHECK(text.find("\x1b[2J") == std::string::npos);
    CHECK(text.find("\x1b[5m") == std::string::npos);
    CHECK(text.find("Clam\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD\xEF\xBF\xBD[2J") != std::string::npos);
  }
}

TEST_CASE("a line break in text that bypasses the loader cannot break the layout") {
  auto catalogue = valgus::test::fixture_catalogue();
  catalogue.exercises[2].name = "Clam\nvalgus: error: forged";
  catalogue.exercises[2].steps = {"Open\nthe\tknee."};
  catalogue.reindex();
  valgus::TextStyle style;
  style.width = 60;
  const std::string text =
      valgus::render_plan_text(valgus::make_plan(catalogue, valgus::test::request_for({"hip"})), style);
  CHECK(text.find(" 2. Clam\xEF\xBF\xBDvalgus: error: forged" + std::string(24, ' ') + "~5 min\n") !=
        std::string::npos);
  CHECK(text.find("    - Open the knee.\n") != std::string::npos);
  CHECK(text.find("\nvalgus: error: forged") == std::string::npos);
}

TEST_CASE("plan text: top notes are a banner under the For line, the rest close the plan") {
  auto plan = hip_plan();
  plan.notes.insert(plan.notes.begin(),
                    valgus::Note{"banner", "Pain", "Stop now.", {}, valgus::Placement::top, {}, {}, {}});
  valgus::TextStyle style;
  style.width = 60;
  const std::string text = valgus::render_plan_text(plan, style);
  CHECK(text.rfind("Knee valgus routine\nFor: hip rotation\nPain: Stop now.\nSession: ", 0) == 0);
  CHECK(text.find("Stop now.") == text.rfind("Stop now."));  // not repeated at the end
  CHECK(text.size() >= 21);
  CHECK(text.substr(text.size() - 21) == "SAFETY\nStop on pain.\n");
}

TEST_CASE("week text: the schedule first, sessions that differ, one merged over two days, then how to do each") {
  const valgus::TextStyle style;
  CHECK(valgus::render_plan_text(week_plan({"hip", "ankle"}), style) ==
        "Knee valgus routine\n"
        "For: hip rotation, pronation\n"
        "Schedule: A: Mon, Fri · about 16 min; B: Wed · about 16 min\n"
        "\n"
        "SESSION A · Mon, Fri                                                     ~16 min\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "Stretch\n"
        " 1. Band stretch — 30 s each side · resistance band                       ~1 min\n"
        "Strengthen\n"
        " 2. Clam — 20 reps each side, hold 3–5 s                                  ~5 min\n"
        " 3. Band walk — 2 × 10 reps each side · resistance band                   ~3 min\n"
        " 4. Short foot — 20 reps, hold 5 s                                        ~3 min\n"
        "Integrate\n"
        " 5. Squat — 2 × 10 reps                                                   ~2 min\n"
        " 6. Balance — 30 s each side                                              ~1 min\n"
        "\n"
        "SESSION B · Wed                                                          ~16 min\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "Release\n"
        " 1. Adductor roll — 30 s each side · foam roller                          ~1 min\n"
        "Strengthen\n"
        " 2. Clam — 20 reps each side, hold 3–5 s                                  ~5 min\n"
        " 3. Band walk — 2 × 10 reps each side · resistance band                   ~3 min\n"
        " 4. Short foot — 20 reps, hold 5 s                                        ~3 min\n"
        "Integrate\n"
        " 5. Squat — 2 × 10 reps                                                   ~2 min\n"
        " 6. Balance — 30 s each side                                              ~1 min\n"
        "\n"
        "HOW TO DO EACH EXERCISE\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "Release · self-massage the tight muscles\n"
        "Adductor roll                                                             ~1 min\n"
        "    30 s each side · foam roller\n"
        "    - Roll the inner thigh.\n"
        "    Tip: Breathe.\n"
        "    Why: hip rotation — tight adductors\n"
        "\n"
        "Stretch · lengthen the tight muscles\n"
        "Band stretch                                                              ~1 min\n"
        "    30 s each side · resistance band\n"
        "    - Pull the foot up with the band.\n"
        "    Why: pronation — tight calves\n"
        "\n"
        "Strengthen · wake up the weak muscles\n"
        "Clam                                                                      ~5 min\n"
        "    20 reps each side, hold 3–5 s\n"
        "    - Open the knee.\n"
        "    Why: hip rotation — weak gluteus medius\n"
        "Band walk                                                                 ~3 min\n"
        "    2 × 10 reps each side · resistance band\n"
        "    - Walk sideways.\n"
        "    Why: hip rotation — weak gluteus medius\n"
        "Short foot                                                                ~3 min\n"
        "    20 reps, hold 5 s\n"
        "    - Shorten the foot.\n"
        "    Why: pronation — weak foot intrinsics\n"
        "\n"
        "Integrate · keep hip, knee and foot in line\n"
        "Squat                                                                     ~2 min\n"
        "    2 × 10 reps\n"
        "    - Squat.\n"
        "    Why: hip rotation, pronation — hold hip, knee and foot in line under load\n"
        "Balance                                                                   ~1 min\n"
        "    30 s each side\n"
        "    - Stand on one leg.\n"
        "    Why: hip rotation, pronation — hold hip, knee and foot in line under load\n"
        "\n"
        "AVOID DURING THE DAY\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "- W-sitting: Sit another way.\n"
        "\n"
        "SAFETY\n"
        "Stop on pain.\n");
}

TEST_CASE("week text: the muscles no session works and the exercises left out are named, with what would hold them") {
  const valgus::TextStyle style;
  CHECK(valgus::render_plan_text(week_plan({"hip", "ankle"}, 2), style, valgus::cli::limit_options()) ==
        "Knee valgus routine\n"
        "For: hip rotation, pronation\n"
        "Schedule: Mon · Wed · Fri, about 2 min each\n"
        "\n"
        "ADJUSTED FOR YOU\n"
        "- 3 sessions a week of 2 min and at most 6 exercises: gluteus medius not\n"
        "  strengthened (hip rotation), adductors not released or stretched (hip\n"
        "  rotation), foot intrinsics not strengthened (pronation), calves not released\n"
        "  or stretched (pronation); left out Adductor roll (the only exercise for a\n"
        "  muscle), Short foot (the only exercise for a muscle); 5 min a session\n"
        "  (--minutes 5) would hold it all\n"
        "\n"
        "SESSION A · Mon, Wed, Fri                                                 ~2 min\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "Integrate\n"
        " 1. Squat — 2 × 10 reps                                                   ~2 min\n"
        "\n"
        "HOW TO DO EACH EXERCISE\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "Release · self-massage the tight muscles\n"
        "    None fits the session with the rest; see above.\n"
        "\n"
        "Stretch · lengthen the tight muscles\n"
        "    None fits the session with the rest; see above.\n"
        "\n"
        "Strengthen · wake up the weak muscles\n"
        "    None fits the session with the rest; see above.\n"
        "\n"
        "Integrate · keep hip, knee and foot in line\n"
        "Squat                                                                     ~2 min\n"
        "    2 × 10 reps\n"
        "    - Squat.\n"
        "    Why: hip rotation, pronation — hold hip, knee and foot in line under load\n"
        "\n"
        "AVOID DURING THE DAY\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "- W-sitting: Sit another way.\n"
        "\n"
        "SAFETY\n"
        "Stop on pain.\n");
}

TEST_CASE("week text: one session on every day is one schedule line and one list") {
  valgus::TextStyle style;
  style.width = 60;
  const std::string text = valgus::render_plan_text(week_plan({"hip"}), style);
  CHECK(text.rfind("Knee valgus routine\nFor: hip rotation\nSchedule: Mon · Wed · Fri, about 13 min each\n\n"
                   "SESSION A · Mon, Wed, Fri                            ~13 min\n",
                   0) == 0);
  CHECK(text.find("SESSION B") == std::string::npos);
  // Too long for the line: it wraps under its text, the minutes stay whole.
  CHECK(text.find(" 3. Band walk — 2 × 10 reps each side · resistance    ~3 min\n    band\n") != std::string::npos);
  // Steps once, in the reference, however many days the session is done.
  CHECK(text.find("- Walk sideways.") == text.rfind("- Walk sideways."));
  valgus::TextStyle colour;
  colour.color = true;
  const std::string painted = valgus::render_plan_text(week_plan({"hip"}), colour);
  CHECK(painted.find("\x1b[1;36mSESSION A · Mon, Wed, Fri\x1b[0m") != std::string::npos);
  CHECK(painted.find(" 1. \x1b[1mAdductor roll\x1b[0m — 30 s each side · foam roller") != std::string::npos);
}

TEST_CASE("full routine: no schedule, the phases as before") {
  const std::string text = valgus::render_plan_text(hip_plan(), valgus::TextStyle{});
  CHECK(text.find("Schedule:") == std::string::npos);
  CHECK(text.find("SESSION") == std::string::npos);
  CHECK(text.find("\nSession: about 8 min · 3 exercises\n") != std::string::npos);
}

TEST_CASE("week text: every line within a narrow width") {
  valgus::TextStyle narrow;
  narrow.width = 40;
  const std::string text = valgus::render_plan_text(week_plan({"hip", "ankle"}), narrow);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    INFO(line);
    CHECK(valgus::display_width(line) <= 40);
    start = end + 1;
  }
  CHECK(text.find("\nIntegrate\nkeep hip, knee and foot in line\n") != std::string::npos);
}
