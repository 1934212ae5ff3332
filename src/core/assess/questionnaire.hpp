#pragma once

// The questions of valgus assess, in order, built from the catalogue: each
// red flag, each self-test (a per-side test asks for each side), then where
// the knee caves, equipment, days and minutes. Interactive and line-by-line
// answers go through the same parser, so both accept and refuse the same
// words.

#include "core/assess/assess.hpp"
#include "core/catalogue/catalogue.hpp"

#include <optional>
#include <string>
#include <vector>

namespace valgus {

enum class QuestionKind { red_flag, yes_no, number, positions, equipment, days, minutes };

struct Question {
  std::string key;  // the answers-file key: a red flag or self-test id, caves-when, equipment, days, minutes
  QuestionKind kind = QuestionKind::yes_no;
  std::optional<Side> side;  // left or right for a per-side test
  std::string title;         // "Knee-to-wall test, left leg"
  std::string prompt;        // the question itself
  std::vector<std::string> instructions;
  Range range;                       // numbers: valid answers
  std::vector<std::string> choices;  // positions, equipment: the ids
  std::string asked_if;              // a self-test id: asked only when it was positive on this side
};

[[nodiscard]] std::vector<Question> questionnaire(const Catalogue& catalogue);

// One typed answer: "skip", or a valid value. An invalid one is nullopt with
// `error` saying what is valid ("a number from 0 to 30 (cm), or skip").
struct Reply {
  bool skipped = false;
  double number = 0;               // yes = 1, no = 0 for yes/no questions
  std::vector<std::string> words;  // positions, equipment ids
};
[[nodiscard]] std::optional<Reply> parse_reply(const Catalogue& catalogue, const Question& question,
                                               std::string_view text, std::string& error);

// Puts a reply into the answers (a skip leaves the answer out).
void record_reply(Answers& answers, const Question& question, const Reply& reply);
// Takes the question's answer back out (for "back").
void forget_reply(Answers& answers, const Question& question);

// Whether the question is asked, given the answers so far: no self-test
// after a red flag, and a test `asked_if` another only where that one was
// positive (on the same side).
[[nodiscard]] bool is_asked(const Catalogue& catalogue, const Question& question, const Answers& answers);

// The counter shown with questions[next]: its number among the questions
// asked, and how many there are in all as far as the answers tell (a
// question whose condition is not yet answered counts).
struct QuestionCount {
  std::size_t number = 1;
  std::size_t count = 0;
};
[[nodiscard]] QuestionCount count_questions(const Catalogue& catalogue, const std::vector<Question>& questions,
                                            const Answers& answers, std::size_t next);

// Whether a red flag was answered yes: then no self-test is asked.
[[nodiscard]] bool any_red_flag(const Answers& answers);

}  // namespace valgus

namespace valgus {

// An answers file (assess --answers FILE): YAML keyed by the question keys,
// for example `knee-to-wall: {left: 7, right: 12}`, `thomas: yes`,
// `caves-when: [squat]`; a per-side test given one value takes it for both
// sides. Every mistake is an Error(bad_data) at its file:line:col.
[[nodiscard]] Answers read_answers(const CatalogueFile& file, const Catalogue& catalogue);

}  // namespace valgus
