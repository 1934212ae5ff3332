// Every self-test read the way it is asked: the question (catalogue data)
// asks about the positive sign, the prompt `assess` shows is that question,
// and the answer that the question calls positive is the one scored as
// positive, with the test's own meaning and problem, on every side. The
// table names every built-in test, so a new one must be added here.
#include "core/assess/assess.hpp"
#include "core/assess/questionnaire.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using valgus::Answers;
using valgus::Side;
using valgus::TestAnswer;

using valgus::test::builtin;

namespace {

struct Reading {
  double answer;  // 1 yes, 0 no, or a number in the test's unit
  bool positive;
};

struct Row {
  std::string test;
  std::string question;  // exactly as asked
  std::vector<Reading> readings;
};

const valgus::Finding& finding_of(const valgus::Assessment& result, const std::string& test) {
  const auto found = std::find_if(result.findings.begin(), result.findings.end(),
                                  [&](const valgus::Finding& finding) { return finding.test == test; });
  REQUIRE(found != result.findings.end());
  return *found;
}

}  // namespace

TEST_CASE("every self-test x answer: the question asks about the positive sign and the scoring agrees") {
  const std::vector<Reading> yes_is_positive{{1, true}, {0, false}};
  const std::vector<Row> table{
      {"single-leg-squat", "As you bent the knee, did the kneecap move inwards past the line of the big toe?",
       yes_is_positive},
      {"heel-lift-squat", "With the heel raised, did the knee now stay in line over the middle toes?", yes_is_positive},
      {"knee-to-wall",
       "How far from the wall was the big toe at the last spot where the heel stayed down?",
       {{0, true}, {9.5, true}, {9.9, true}, {10, false}, {10.1, false}, {30, false}}},
      {"arch-drop", "When you stood up, did the inner arch visibly flatten, or the bump drop by more than 10 mm?",
       yes_is_positive},
      // A healthy toe lifts alone and bends back far: the question asks
      // about the stiff one, so yes is the stiff toe.
      {"big-toe-lift",
       "Did the big toe fail to lift on its own, or bend back much less than two-thirds of the way to upright?",
       yes_is_positive},
      {"thomas", "Did the back of the hanging thigh stay up off the bed instead of resting on it?", yes_is_positive},
      {"foot-turnout", "With both kneecaps facing straight ahead, did the feet still point outwards?", yes_is_positive},
  };
  REQUIRE(table.size() == builtin().self_tests.size());
  const std::vector<valgus::Question> questions = valgus::questionnaire(builtin());
  for (const Row& row : table) {
    CAPTURE(row.test);
    const valgus::SelfTest* test = builtin().find_self_test(row.test);
    REQUIRE(test != nullptr);
    CHECK(test->question == row.question);
    const bool yes_no = test->unit == valgus::Unit::yes_no;
    // What assess shows, typed, piped or in the terminal: the same words.
    for (const valgus::Question& question : questions) {
      if (question.key == row.test) {
        CHECK(question.prompt == row.question + (yes_no ? " Yes or no." : " Answer in cm."));
      }
    }
    for (const Reading& reading : row.readings) {
      for (const Side side : {Side::left, Side::right}) {
        CAPTURE(reading.answer);
        CAPTURE(side);
        Answers answers;
        if (!test->asked_if.empty()) {
          answers.tests[test->asked_if] = TestAnswer{std::nullopt, 1.0, 1.0};  // asked on both sides
        }
        TestAnswer answer;
        (side == Side::left ? answer.left : answer.right) = reading.answer;
        answers.tests[row.test] = answer;
        const valgus::Assessment result = valgus::assess(builtin(), answers);
        const valgus::Finding& finding = finding_of(result, row.test);
        CHECK(test->positive_at(reading.answer) == reading.positive);
        CHECK(finding.meaning == (reading.positive ? test->positive : test->negative));
        CHECK(finding.problem == (reading.positive ? test->problem : std::string()));
        CHECK(finding.positive_sides == (reading.positive ? std::vector<Side>{side} : std::vector<Side>{}));
        const std::string typed = valgus::answer_text(*test, reading.answer);
        const std::string other = side == Side::left ? "right skipped" : "left skipped";
        CHECK(finding.answer == (side == Side::left ? "left " + typed + ", " + other : other + ", right " + typed));
        // A problem is named from its own tests only, and says which.
        const auto named = std::find(result.problems.begin(), result.problems.end(), test->problem);
        if (reading.positive) {
          REQUIRE(named != result.problems.end());
          const auto& evidence = result.evidence.at(static_cast<std::size_t>(named - result.problems.begin()));
          CHECK(std::find(evidence.begin(), evidence.end(), row.test) != evidence.end());
        }
      }
    }
  }
}

TEST_CASE("every problem named comes with the positive tests that point to it, and only those") {
  Answers answers;
  answers.tests["knee-to-wall"] = TestAnswer{std::nullopt, 8.0, 12.0};
  answers.tests["arch-drop"] = TestAnswer{std::nullopt, 0.0, 1.0};
  answers.tests["thomas"] = TestAnswer{std::nullopt, 0.0, 0.0};
  answers.tests["single-leg-squat"] = TestAnswer{std::nullopt, 1.0, 0.0};
  answers.tests["heel-lift-squat"] = TestAnswer{std::nullopt, 1.0, std::nullopt};
  const valgus::Assessment result = valgus::assess(builtin(), answers);
  CHECK(result.problems == std::vector<std::string>{"hip-rotation", "pronation"});
  REQUIRE(result.evidence.size() == 2);
  CHECK(result.evidence[0] == std::vector<std::string>{"single-leg-squat"});
  CHECK(result.evidence[1] == std::vector<std::string>{"heel-lift-squat", "knee-to-wall", "arch-drop"});
  CHECK(finding_of(result, "heel-lift-squat").answer == "left yes, right not asked");
}

TEST_CASE("the heels-raised squat is asked only for a leg whose single-leg squat caved") {
  const std::vector<valgus::Question> questions = valgus::questionnaire(builtin());
  const auto at = [&](const std::string& key, Side side) {
    const auto found = std::find_if(questions.begin(), questions.end(), [&](const valgus::Question& question) {
      return question.key == key && question.side == side;
    });
    REQUIRE(found != questions.end());
    return static_cast<std::size_t>(found - questions.begin());
  };
  const std::size_t heel_left = at("heel-lift-squat", Side::left);
  const std::size_t heel_right = at("heel-lift-squat", Side::right);
  Answers answers;
  // Before the squat is answered both follow-ups may still come.
  CHECK_FALSE(valgus::is_asked(builtin(), questions[heel_left], answers));
  CHECK(valgus::count_questions(builtin(), questions, answers, 0).number == 1);
  CHECK(valgus::count_questions(builtin(), questions, answers, 0).count == questions.size());
  answers.tests["single-leg-squat"] = TestAnswer{std::nullopt, 1.0, 0.0};
  CHECK(valgus::is_asked(builtin(), questions[heel_left], answers));
  CHECK_FALSE(valgus::is_asked(builtin(), questions[heel_right], answers));
  // Past the squat: the right follow-up is settled and drops out.
  const valgus::QuestionCount at_heel = valgus::count_questions(builtin(), questions, answers, heel_left);
  CHECK(at_heel.number == heel_left + 1);
  CHECK(at_heel.count == questions.size() - 1);
  const valgus::QuestionCount after = valgus::count_questions(builtin(), questions, answers, heel_right + 1);
  CHECK(after.number == heel_right + 1);
  CHECK(after.count == questions.size() - 1);
  // A skipped squat asks no follow-up; a red flag asks no test at all.
  answers.tests["single-leg-squat"] = TestAnswer{std::nullopt, std::nullopt, 1.0};
  CHECK_FALSE(valgus::is_asked(builtin(), questions[heel_left], answers));
  CHECK(valgus::is_asked(builtin(), questions[heel_right], answers));
  answers.red_flags["swelling-locking"] = true;
  CHECK_FALSE(valgus::is_asked(builtin(), questions[heel_right], answers));
  CHECK(valgus::is_asked(builtin(), questions[1], answers));
}
