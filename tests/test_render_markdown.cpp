#include "cli/options.hpp"
#include "fixtures.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using valgus::test::week_plan;

namespace {}  // namespace

TEST_CASE("plan markdown: one title, four phase sections, a task per exercise, tick table") {
  const auto plan = valgus::make_plan(valgus::test::fixture_catalogue(), valgus::test::request_for({"hip"}));
  CHECK(valgus::render_plan_markdown(plan) ==
        "# Knee valgus routine\n"
        "\n"
        "**For:** hip rotation  \n"
        "**Session:** about 8 minutes, 3 exercises\n"
        "\n"
        "Work through the four phases in order and tick each exercise as you finish it.\n"
        "\n"
        "## 1. Release — self-massage the tight muscles\n"
        "\n"
        "- [ ] **1. Adductor roll** · 30 s each side · foam roller · about 1 min\n"
        "\n"
        "  *Why:* hip rotation — tight adductors\n"
        "\n"
        "  1. Roll the inner thigh.\n"
        "\n"
        "  *Tip:* Breathe.\n"
        "\n"
        "## 2. Stretch — lengthen the tight muscles\n"
        "\n"
        "Nothing in the catalogue fits this phase for the problems chosen.\n"
        "\n"
        "## 3. Strengthen — wake up the weak muscles\n"
        "\n"
        "- [ ] **2. Clam** · 20 reps each side, hold 3–5 s · about 5 min\n"
        "\n"
        "  *Why:* hip rotation — weak gluteus medius\n"
        "\n"
        "  1. Open the knee.\n"
        "\n"
        "## 4. Integrate — keep hip, knee and foot in line\n"
        "\n"
        "- [ ] **3. Balance** · 30 s each side · about 1 min\n"
        "\n"
        "  *Why:* hip rotation — hold hip, knee and foot in line under load\n"
        "\n"
        "  1. Stand on one leg.\n"
        "\n"
        "## Weekly tick table\n"
        "\n"
        "| Exercise | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n"
        "| --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |\n"
        "| 1. Adductor roll |   |   |   |   |   |   |   |\n"
        "| 2. Clam |   |   |   |   |   |   |   |\n"
        "| 3. Balance |   |   |   |   |   |   |   |\n"
        "\n"
        "## Avoid during the day\n"
        "\n"
        "- **W-sitting:** Sit another way.\n"
        "\n"
        "## Safety\n"
        "\n"
        "Stop on pain.\n");
}

TEST_CASE("catalogue text cannot become markup") {
  auto catalogue = valgus::test::fixture_catalogue();
  catalogue.exercises[2].name = "Clam *strong* <b>x</b> | [link](http://e) #1 & `code`";
  catalogue.exercises[2].steps = {"line one\n# not a heading"};
  catalogue.reindex();
  const auto plan = valgus::make_plan(catalogue, valgus::test::request_for({"hip"}));
  const std::string text = valgus::render_plan_markdown(plan);
  CHECK(text.find(
            "- [ ] **2. Clam \\*strong\\* &lt;b&gt;x&lt;/b&gt; \\| \\[link\\](http://e) \\#1 &amp; \\`code\\`** ·") !=
        std::string::npos);
  CHECK(text.find("  1. line one \\# not a heading\n") != std::string::npos);
  CHECK(text.find("| 2. Clam \\*strong\\* &lt;b&gt;x&lt;/b&gt; \\| \\[link\\](http://e) \\#1 &amp; \\`code\\` |") !=
        std::string::npos);
}

TEST_CASE("list markdown: a table per phase") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const std::vector<valgus::PlannedExercise> shown{
      valgus::describe_exercise(catalogue, *catalogue.find_exercise("clam"))};
  CHECK(valgus::render_list_markdown(shown) ==
        "# Exercise catalogue\n"
        "\n"
        "## Strengthen\n"
        "\n"
        "| Id | Exercise | Region | Works | Dose | Equipment |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| `clam` | Clam | hip | glutes | 20 reps each side, hold 3–5 s | none |\n");
  CHECK(valgus::render_list_markdown({}) == "# Exercise catalogue\n\nNo exercise matches these filters.\n");
}

TEST_CASE("plan markdown: top notes are a blockquote right under the title") {
  auto plan = valgus::make_plan(valgus::test::fixture_catalogue(), valgus::test::request_for({"hip"}));
  plan.notes.insert(plan.notes.begin(), valgus::Note{"a", "Pain", "Stop now.", {}, valgus::Placement::top, {}, {}, {}});
  plan.notes.insert(plan.notes.begin() + 1,
                    valgus::Note{"b", "Red flags", "See someone.", {}, valgus::Placement::top, {}, {}, {}});
  const std::string text = valgus::render_plan_markdown(plan);
  CHECK(text.rfind("# Knee valgus routine\n\n> **Pain:** Stop now.\n>\n> **Red flags:** See someone.\n\n**For:** ",
                   0) == 0);
  CHECK(text.find("## Pain") == std::string::npos);
  CHECK(text.find("\n## Safety\n\nStop on pain.\n") != std::string::npos);
}

TEST_CASE("week markdown: schedule table, a section per session, how to do each, a tick row per day") {
  CHECK(valgus::render_plan_markdown(week_plan({"hip"})) ==
        "# Knee valgus routine\n"
        "\n"
        "**For:** hip rotation  \n"
        "**Schedule:** Mon · Wed · Fri, about 13 minutes each\n"
        "\n"
        "| Day | Session | Minutes |\n"
        "| --- | :-: | :-: |\n"
        "| Mon | A | 13 |\n"
        "| Wed | A | 13 |\n"
        "| Fri | A | 13 |\n"
        "\n"
        "Do the day's session in order and tick each exercise as you finish it.\n"
        "\n"
        "## Session A — Mon, Wed, Fri, about 13 minutes\n"
        "\n"
        "**Release**\n"
        "\n"
        "- [ ] **Adductor roll** · 30 s each side · foam roller · about 1 min\n"
        "\n"
        "**Strengthen**\n"
        "\n"
        "- [ ] **Clam** · 20 reps each side, hold 3–5 s · about 5 min\n"
        "- [ ] **Band walk** · 2 × 10 reps each side · resistance band · about 3 min\n"
        "\n"
        "**Integrate**\n"
        "\n"
        "- [ ] **Squat** · 2 × 10 reps · about 2 min\n"
        "- [ ] **Balance** · 30 s each side · about 1 min\n"
        "\n"
        "## How to do each exercise\n"
        "\n"
        "*Stretch:* Nothing in the catalogue fits this phase for the problems chosen.\n"
        "\n"
        "### Adductor roll\n"
        "\n"
        "*Release* · 30 s each side · foam roller · about 1 min\n"
        "\n"
        "*Why:* hip rotation — tight adductors\n"
        "\n"
        "1. Roll the inner thigh.\n"
        "\n"
        "*Tip:* Breathe.\n"
        "\n"
        "### Clam\n"
        "\n"
        "*Strengthen* · 20 reps each side, hold 3–5 s · about 5 min\n"
        "\n"
        "*Why:* hip rotation — weak gluteus medius\n"
        "\n"
        "1. Open the knee.\n"
        "\n"
        "### Band walk\n"
        "\n"
        "*Strengthen* · 2 × 10 reps each side · resistance band · about 3 min\n"
        "\n"
        "*Why:* hip rotation — weak gluteus medius\n"
        "\n"
        "1. Walk sideways.\n"
        "\n"
        "### Squat\n"
        "\n"
        "*Integrate* · 2 × 10 reps · about 2 min\n"
        "\n"
        "*Why:* hip rotation — hold hip, knee and foot in line under load\n"
        "\n"
        "1. Squat.\n"
        "\n"
        "### Balance\n"
        "\n"
        "*Integrate* · 30 s each side · about 1 min\n"
        "\n"
        "*Why:* hip rotation — hold hip, knee and foot in line under load\n"
        "\n"
        "1. Stand on one leg.\n"
        "\n"
        "## Tick table\n"
        "\n"
        "| Day | Session | Done |\n"
        "| --- | :-: | :-: |\n"
        "| Mon | A |   |\n"
        "| Wed | A |   |\n"
        "| Fri | A |   |\n"
        "\n"
        "## Avoid during the day\n"
        "\n"
        "- **W-sitting:** Sit another way.\n"
        "\n"
        "## Safety\n"
        "\n"
        "Stop on pain.\n");
}

TEST_CASE("week markdown: sessions that differ, each its own section, the table says which day") {
  const std::string text = valgus::render_plan_markdown(week_plan({"hip", "ankle"}));
  CHECK(text.find("**Schedule:** A: Mon, Fri · about 16 minutes; B: Wed · about 16 minutes\n\n"
                  "| Day | Session | Minutes |\n| --- | :-: | :-: |\n| Mon | A | 16 |\n| Wed | B | 16 |\n"
                  "| Fri | A | 16 |\n") != std::string::npos);
  CHECK(text.find("\n## Session A — Mon, Fri, about 16 minutes\n") != std::string::npos);
  CHECK(text.find("\n## Session B — Wed, about 16 minutes\n") != std::string::npos);
  CHECK(text.find("| Mon | A |   |\n| Wed | B |   |\n| Fri | A |   |\n") != std::string::npos);
  // Band stretch is in session B only, its steps once in the reference.
  CHECK(text.find("- [ ] **Band stretch**") == text.rfind("- [ ] **Band stretch**"));
  CHECK(text.find("\n### Band stretch\n") != std::string::npos);
}

TEST_CASE("week markdown: what the week cannot hold is an adjustment") {
  const std::string text = valgus::render_plan_markdown(week_plan({"hip", "ankle"}, 2), valgus::cli::limit_options());
  CHECK(text.find("- 3 sessions a week of 2 min and at most 6 exercises: gluteus medius not strengthened (hip "
                  "rotation), adductors not released or stretched (hip rotation), foot intrinsics not strengthened "
                  "(pronation), calves not released or stretched (pronation); left out Adductor roll (the only "
                  "exercise for a muscle), Short foot (the only exercise for a muscle); 5 min a session (--minutes 5) "
                  "would hold it all\n") != std::string::npos);
}
