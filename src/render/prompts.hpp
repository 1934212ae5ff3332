#pragma once

// What the interactive commands ask at a normal terminal, one line typed
// after each prompt: the questions of `valgus assess` (a title with its
// counter, a test's instructions, the question with its choices or unit),
// the offer to start the programme, and the pain and effort `valgus go`
// asks after the session. Text only: the terminal layer reads the answers.

#include "core/assess/questionnaire.hpp"
#include "render/render.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace valgus {

// One question of the assessment where it stands in the questionnaire.
struct AssessQuestionView {
  const Question* question = nullptr;
  std::size_t number = 1;  // 1-based
  std::size_t count = 1;   // questions in all
  // The title and the test's instructions: for a new test and for each
  // leg of a per-leg one (the instructions once, before the left leg).
  bool heading = true;
};

// How to answer, said once before the first question.
[[nodiscard]] std::string render_assess_intro(const TextStyle& style);
// The question, ending in the "> " the answer is typed after.
[[nodiscard]] std::string render_assess_question(const AssessQuestionView& view, const TextStyle& style);
// An answer refused: `error` says what is valid ("answer yes or no (or skip)").
[[nodiscard]] std::string render_reply_error(std::string_view error, const TextStyle& style);
// After the last question, before the result.
inline constexpr std::string_view assess_done = "\n";

// After the result: whether to save the programme, ending in "> ".
[[nodiscard]] std::string render_start_question(const TextStyle& style);
inline constexpr std::string_view start_answer_again = "  Answer yes or no.\n";

// After a guided session; Enter leaves each out of the log.
inline constexpr std::string_view pain_question = "Pain during the session, 0 (none) to 10 (Enter: leave out): ";
inline constexpr std::string_view pain_answer_again =
    "  type a whole number from 0 to 10, or press Enter to leave it out\n";
// The morning after a session, asked when the next one starts.
inline constexpr std::string_view next_morning_question =
    "Pain the morning after your last session ({}), 0 to 10 (Enter: leave out): ";
// A warning symptom's question, with the answers it takes.
inline constexpr std::string_view symptom_answers = " y/N: ";
inline constexpr std::string_view yes_no_again = "  type y or n, or press Enter for no\n";
inline constexpr std::string_view effort_question = "Effort: e easy, r about right, h hard (1/2/3; Enter: leave out): ";
inline constexpr std::string_view effort_answer_again =
    "  type e, r or h (or 1, 2, 3), or press Enter to leave it out\n";

}  // namespace valgus
