// valgus assess as rules over answers: red flags refer, each self-test
// points to its problem by the catalogue's threshold, the side and the
// position follow; and the questionnaire's parser and answers file.
#include "core/assess/assess.hpp"
#include "core/assess/questionnaire.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using valgus::Answers;
using valgus::Side;
using valgus::TestAnswer;

using valgus::test::builtin;

namespace {

TestAnswer sides(double left, double right) { return TestAnswer{std::nullopt, left, right}; }
TestAnswer both(double value) { return sides(value, value); }

std::string answers_errors_of(const std::string& text) {
  return valgus::test::diagnostics_of([&] {
    (void)valgus::read_answers(valgus::CatalogueFile{"answers.yaml", text}, builtin());
  });
}

}  // namespace

TEST_CASE("every red flag answered yes refers to a clinician, with its reason, and plans nothing") {
  REQUIRE(builtin().red_flags.size() == 5);
  for (const auto& flag : builtin().red_flags) {
    CAPTURE(flag.id);
    Answers answers;
    answers.red_flags[flag.id] = true;
    answers.tests["thomas"] = both(1);  // a positive test does not outweigh a red flag
    const auto result = valgus::assess(builtin(), answers);
    CHECK(result.refer);
    REQUIRE(result.reasons.size() == 1);
    CHECK(result.reasons[0] == flag.question + " " + flag.why);
    CHECK(result.problems.empty());
    CHECK(result.findings.empty());
  }
  Answers no_flags;
  for (const auto& flag : builtin().red_flags) {
    no_flags.red_flags[flag.id] = false;
  }
  CHECK_FALSE(valgus::assess(builtin(), no_flags).refer);
}

TEST_CASE("a table of answer sets: the problems, side and position they point to") {
  struct Row {
    const char* what;
    std::vector<std::pair<std::string, TestAnswer>> tests;
    std::vector<std::string> caves_when;
    std::vector<std::string> problems;
    Side side;
  };
  const std::vector<Row> table{
      {"nothing positive", {{"knee-to-wall", sides(12, 13)}, {"thomas", both(0)}}, {}, {}, Side::both},
      {"knee-to-wall below 10 cm", {{"knee-to-wall", sides(9, 9.5)}}, {}, {"pronation"}, Side::both},
      {"knee-to-wall at 10 cm is not below", {{"knee-to-wall", sides(10, 10)}}, {}, {}, Side::both},
      {"knee-to-wall 3 cm apart: the shorter side", {{"knee-to-wall", sides(11, 8)}}, {}, {"pronation"}, Side::right},
      {"knee-to-wall 2 cm apart is not a side", {{"knee-to-wall", sides(7, 9)}}, {}, {"pronation"}, Side::both},
      {"knee inside the big toe", {{"single-leg-squat", sides(1, 1)}}, {"squat"}, {"hip-rotation"}, Side::both},
      {"one side only", {{"single-leg-squat", sides(0, 1)}}, {}, {"hip-rotation"}, Side::right},
      {"corrected with the heels raised",
       {{"single-leg-squat", both(1)}, {"heel-lift-squat", both(1)}},
       {},
       {"hip-rotation", "pronation"},
       Side::both},
      // The heels-raised squat follows a caved squat only: elsewhere its
      // answer is not asked and does not count, nor does it pick a side.
      {"heels raised without a caved squat", {{"heel-lift-squat", both(1)}}, {}, {}, Side::both},
      {"heels raised on the leg that held",
       {{"single-leg-squat", sides(1, 0)}, {"heel-lift-squat", sides(0, 1)}},
       {},
       {"hip-rotation"},
       Side::left},
      {"arch flattens", {{"arch-drop", both(1)}}, {}, {"pronation"}, Side::both},
      {"big toe cannot lift alone", {{"big-toe-lift", both(1)}}, {}, {"big-toe"}, Side::both},
      {"thigh lifts in the Thomas test", {{"thomas", both(1)}}, {}, {"pelvis-tilt"}, Side::both},
      {"feet turned out", {{"foot-turnout", both(1)}}, {"landing", "running"}, {"tibial-rotation"}, Side::both},
      {"sides that disagree are both",
       {{"single-leg-squat", sides(1, 0)}, {"arch-drop", sides(0, 1)}},
       {},
       {"hip-rotation", "pronation"},
       Side::both},
      {"everything, in catalogue order",
       {{"foot-turnout", both(1)},
        {"big-toe-lift", both(1)},
        {"thomas", both(1)},
        {"arch-drop", both(1)},
        {"single-leg-squat", both(1)}},
       {},
       {"pelvis-tilt", "hip-rotation", "tibial-rotation", "pronation", "big-toe"},
       Side::both},
  };
  for (const Row& row : table) {
    CAPTURE(row.what);
    Answers answers;
    for (const auto& [id, answer] : row.tests) {
      REQUIRE(builtin().find_self_test(id) != nullptr);
      answers.tests[id] = answer;
    }
    answers.caves_when = row.caves_when;
    const auto result = valgus::assess(builtin(), answers);
    CHECK_FALSE(result.refer);
    CHECK(result.problems == row.problems);
    CHECK(result.side == row.side);
    CHECK(result.when == (row.caves_when.empty() ? std::string() : row.caves_when.front()));
    CHECK(result.findings.size() == builtin().self_tests.size());
  }
}

TEST_CASE("findings say the answer as typed and what it means; skipped tests say so") {
  Answers answers;
  answers.tests["knee-to-wall"] = sides(7, 12.5);
  const auto result = valgus::assess(builtin(), answers);
  const valgus::SelfTest& test = *builtin().find_self_test("knee-to-wall");
  bool seen = false;
  for (const auto& finding : result.findings) {
    if (finding.test == "knee-to-wall") {
      seen = true;
      CHECK(finding.answer == "left 7 cm, right 12.5 cm");
      CHECK(finding.meaning == test.positive);
      CHECK(finding.problem == "pronation");
      CHECK(finding.positive_sides == std::vector<Side>{Side::left});
    } else if (finding.test == "heel-lift-squat") {
      CHECK(finding.answer == "not asked");
      CHECK(finding.meaning == "It follows only a positive Single-leg mini squat.");
      CHECK(finding.problem.empty());
    } else {
      CHECK(finding.answer == "skipped");
      CHECK(finding.problem.empty());
    }
  }
  CHECK(seen);
  CHECK(result.side == Side::left);
  CHECK(result.side_reason == "the left side: the Knee-to-wall test differs by more than 2 cm between the legs");
}

TEST_CASE("the questionnaire: red flags first, a question per side, then the context") {
  const auto questions = valgus::questionnaire(builtin());
  REQUIRE(questions.size() == 5 + 7 * 2 + 4);
  CHECK(questions[0].key == "swelling-locking");
  CHECK(questions[0].kind == valgus::QuestionKind::red_flag);
  CHECK(questions[5].key == "single-leg-squat");
  CHECK(questions[5].side == Side::left);
  CHECK(questions[6].side == Side::right);
  CHECK(questions[9].key == "knee-to-wall");
  CHECK(questions[9].kind == valgus::QuestionKind::number);
  CHECK(questions[9].range == valgus::Range{0, 30});
  CHECK(questions[9].prompt ==
        "How far from the wall was the big toe at the last spot where the heel stayed down? Answer in cm.");
  CHECK(questions[7].key == "heel-lift-squat");
  CHECK(questions[7].asked_if == "single-leg-squat");
  CHECK(questions[19].key == "caves-when");
  CHECK(questions[19].choices == std::vector<std::string>{"standing", "squat", "landing", "running"});
  CHECK(questions[22].key == "minutes");
}

TEST_CASE("typed answers: yes/no, numbers in range, choices, skip; a bad one says what is valid") {
  const auto questions = valgus::questionnaire(builtin());
  std::string error;
  const auto parse = [&](std::size_t index, const char* text) {
    error.clear();
    return valgus::parse_reply(builtin(), questions[index], text, error);
  };
  CHECK(parse(0, " Yes ")->number == 1);
  CHECK(parse(0, "n")->number == 0);
  CHECK(parse(0, "skip")->skipped);
  CHECK_FALSE(parse(0, "maybe"));
  CHECK(error == "answer yes or no (or skip)");
  CHECK(parse(9, "7.5")->number == doctest::Approx(7.5));
  CHECK_FALSE(parse(9, "31"));
  CHECK(error == "answer a number from 0 to 30 cm (or skip)");
  CHECK_FALSE(parse(9, "-1"));
  CHECK_FALSE(parse(9, "7cm"));
  CHECK(parse(19, "squat, landing")->words == std::vector<std::string>{"squat", "landing"});
  CHECK_FALSE(parse(19, "sqaut"));
  CHECK(error == "\"sqaut\" is not one of standing, squat, landing, running (did you mean \"squat\"?) (or skip)");
  CHECK(parse(20, "none")->words.empty());
  CHECK(parse(21, "3")->number == 3);
  CHECK_FALSE(parse(21, "8"));
  CHECK(error == "answer a whole number from 1 to 7 (or skip)");
}

TEST_CASE("an answers file: keyed by question, per side or one value for both, mistakes at file:line:col") {
  const auto answers = valgus::read_answers(
      valgus::CatalogueFile{"a.yaml",
                            "swelling-locking: no\nknee-to-wall: {left: 7, right: 12}\nthomas: yes\n"
                            "caves-when: [squat]\nequipment: none\ndays: 3\n"},
      builtin());
  CHECK(answers.red_flags.at("swelling-locking") == false);
  CHECK(answers.tests.at("knee-to-wall") == sides(7, 12));
  CHECK(answers.tests.at("thomas") == both(1));
  CHECK(answers.caves_when == std::vector<std::string>{"squat"});
  CHECK(answers.equipment == std::vector<std::string>{});
  CHECK(answers.days == 3);
  CHECK_FALSE(answers.minutes);
  // Equipment as --equipment takes it: names and aliases in any case.
  const auto kit =
      valgus::read_answers(valgus::CatalogueFile{"b.yaml", "equipment: Resistance Band, foam roll, band\n"}, builtin());
  CHECK(kit.equipment == std::vector<std::string>{"band", "foam-roller"});
  CHECK(answers_errors_of("equipment: resistance bnd\n") ==
        "answers.yaml:1:12: \"equipment\": \"resistance bnd\" is not one of foam-roller, massage-ball, band, none "
        "(or skip)\n");

  CHECK(answers_errors_of("thomas: yes\n") == "ok");
  CHECK(answers_errors_of("knee-to-wall: {left: 40}\n") ==
        "answers.yaml:1:22: \"knee-to-wall\": answer a number from 0 to 30 cm (or skip)\n");
  CHECK(answers_errors_of("thomass: yes\n")
            .rfind("answers.yaml:1:1: unknown question \"thomass\" (did you mean \"thomas\"?)", 0) == 0);
  CHECK(answers_errors_of("thomas: yes\nthomas: no\n") == "answers.yaml:2:1: \"thomas\" is answered twice; keep one\n");
  // At any depth: the last value never silently wins.
  CHECK(answers_errors_of("knee-to-wall: {left: 12, left: 8}\n") ==
        "answers.yaml:1:26: \"knee-to-wall\" answers left twice; keep one\n");
  CHECK(answers_errors_of("knee-to-wall:\n  right: 9\n  left: 12\n  right: 8\n") ==
        "answers.yaml:4:3: \"knee-to-wall\" answers right twice; keep one\n");
  CHECK(answers_errors_of("knee-to-wall: {middle: 3}\n") ==
        "answers.yaml:1:16: \"knee-to-wall\" answers per side: left and right, not \"middle\"\n");
  CHECK(answers_errors_of("caves-when: [squat, jumping]\n") ==
        "answers.yaml:1:13: \"caves-when\": \"jumping\" is not one of standing, squat, landing, running (or skip)\n");
  CHECK(answers_errors_of("- thomas\n") ==
        "answers.yaml:1:1: answers must be a mapping of question ids to answers, like "
        "\"thomas: yes\", not a list\n");
}
