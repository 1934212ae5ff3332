#include "fixtures.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>

#include <string>

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
  plan.notes.insert(plan.notes.begin(), valgus::Note{"a", "Pain", "Stop now.", {}, valgus::Placement::top, {}});
  plan.notes.insert(plan.notes.begin() + 1,
                    valgus::Note{"b", "Red flags", "See someone.", {}, valgus::Placement::top, {}});
  const std::string text = valgus::render_plan_markdown(plan);
  CHECK(text.rfind("# Knee valgus routine\n\n> **Pain:** Stop now.\n>\n> **Red flags:** See someone.\n\n**For:** ",
                   0) == 0);
  CHECK(text.find("## Pain") == std::string::npos);
  CHECK(text.find("\n## Safety\n\nStop on pain.\n") != std::string::npos);
}
