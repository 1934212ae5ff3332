#include "cli/assess_prompt.hpp"

#include "core/model/text.hpp"
#include "io/output.hpp"

#include <fmt/format.h>

#include <iostream>

#include <unistd.h>

namespace valgus::cli {
namespace {

// Line by line in the terminal's own canonical mode: the terminal edits
// the line, so nothing here changes its settings and nothing needs
// restoring, whatever ends the program.
void say(std::string_view text) { write_all(STDOUT_FILENO, text); }

std::string wrapped(const std::string& first, const std::string& text, int width) {
  std::string out = first;
  wrap_into(out, terminal_safe(text), std::max(20, width - display_width(first)), std::max(20, width - 2), 2);
  return out + "\n";
}

}  // namespace

Answers ask_in_terminal(const Context& context, const Catalogue& catalogue, const std::vector<Question>& questions) {
  const TextStyle style = context.terminal_style();
  const auto bold = [&](const std::string& text) {
    return style.color ? fmt::format("\x1b[1m{}\x1b[0m", one_line(text)) : one_line(text);
  };
  say(wrapped("",
              "Answer each question and press Enter. Type skip to leave one out, back to change the one "
              "before. Nothing is sent anywhere.",
              style.width));
  Answers answers;
  std::size_t index = 0;
  std::string last_title;
  while (index < questions.size()) {
    const Question& question = questions[index];
    if (question.kind != QuestionKind::red_flag && any_red_flag(answers)) {
      break;  // a red flag: no self-test
    }
    if (question.title != last_title || question.side) {
      say("\n" + bold(fmt::format("{} ({} of {})", question.title, index + 1, questions.size())) + "\n");
      if (question.side != Side::right) {  // instructions once per test
        for (const std::string& step : question.instructions) {
          say(wrapped("  - ", step, style.width));
        }
      }
      last_title = question.title;
    }
    say(wrapped("", question.prompt, style.width));
    say("> ");
    std::string line;
    if (!std::getline(std::cin, line)) {
      say("\n");
      throw Error(ExitCode::usage, "the assessment ended before its last question; nothing was saved");
    }
    const std::string word = trim(line);
    if (word == "back" || word == "b") {
      if (index > 0) {
        --index;
        forget_reply(answers, questions[index]);
        last_title.clear();
      }
      continue;
    }
    std::string error;
    const auto reply = parse_reply(catalogue, question, word, error);
    if (!reply) {
      say(wrapped("  ", capitalised(error) + ".", style.width));
      continue;
    }
    record_reply(answers, question, *reply);
    ++index;
  }
  say("\n");
  return answers;
}

bool ask_to_start(const Context& context) {
  const TextStyle style = context.terminal_style();
  while (true) {
    say(wrapped("\n", "Save this programme and follow it from today (valgus start)? yes or no", style.width));
    say("> ");
    std::string line;
    if (!std::getline(std::cin, line)) {
      say("\n");
      return false;
    }
    const std::string word = trim(line);
    if (word == "yes" || word == "y") {
      return true;
    }
    if (word == "no" || word == "n" || word.empty()) {
      return false;
    }
    say("  Answer yes or no.\n");
  }
}

}  // namespace valgus::cli
