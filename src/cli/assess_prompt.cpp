#include "cli/assess_prompt.hpp"

#include "core/model/text.hpp"
#include "io/output.hpp"
#include "io/terminal.hpp"
#include "render/prompts.hpp"

namespace valgus::cli {

Answers ask_in_terminal(const Context& context, const Catalogue& catalogue, const std::vector<Question>& questions) {
  const TextStyle style = context.terminal_style();
  write_stdout(render_assess_intro(style));
  Answers answers;
  std::size_t index = 0;
  std::string last_title;
  while (index < questions.size()) {
    const Question& question = questions[index];
    if (question.kind != QuestionKind::red_flag && any_red_flag(answers)) {
      break;  // a red flag: no self-test
    }
    if (!is_asked(catalogue, question, answers)) {
      ++index;  // a follow-up whose test was negative here
      continue;
    }
    const QuestionCount counter = count_questions(catalogue, questions, answers, index);
    AssessQuestionView view;
    view.question = &question;
    view.number = counter.number;
    view.count = counter.count;
    view.heading = question.title != last_title || question.side.has_value();
    last_title = question.title;
    const std::optional<std::string> line = ask_line(render_assess_question(view, style));
    if (!line) {
      throw Error(ExitCode::usage, "the assessment ended before its last question; nothing was saved");
    }
    const std::string word = trim(*line);
    if (word == "back" || word == "b") {
      // To the last question asked, past follow-ups that were not.
      std::size_t back = index;
      while (back > 0 && !is_asked(catalogue, questions[back - 1], answers)) {
        --back;
      }
      if (back > 0) {
        index = back - 1;
        forget_reply(answers, questions[index]);
        last_title.clear();
      }
      continue;
    }
    std::string error;
    const auto reply = parse_reply(catalogue, question, word, error);
    if (!reply) {
      write_stdout(render_reply_error(error, style));
      continue;
    }
    record_reply(answers, question, *reply);
    ++index;
  }
  write_stdout(assess_done);
  return answers;
}

bool ask_to_start(const Context& context) {
  const TextStyle style = context.terminal_style();
  while (true) {
    const std::optional<std::string> line = ask_line(render_start_question(style));
    if (!line) {
      return false;
    }
    const std::string word = trim(*line);
    if (word == "yes" || word == "y") {
      return true;
    }
    if (word == "no" || word == "n" || word.empty()) {
      return false;
    }
    write_stdout(start_answer_again);
  }
}

}  // namespace valgus::cli
