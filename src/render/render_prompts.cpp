// The prompts of assess and go, wrapped to the terminal's width like the
// other text renderers.

#include "render/prompts.hpp"

#include "core/model/text.hpp"
#include "render/text_writer.hpp"

#include <fmt/format.h>

namespace valgus {

using text_detail::TextWriter;

std::string render_assess_intro(const TextStyle& style) {
  TextWriter w(style);
  w.paragraph("",
              "Answer each question and press Enter. Type skip to leave one out, back to change the one before. "
              "Nothing is sent anywhere.",
              2);
  return w.take();
}

std::string render_assess_question(const AssessQuestionView& view, const TextStyle& style) {
  const Question& question = *view.question;
  TextWriter w(style);
  if (view.heading) {
    w.line();
    w.line(w.bold(fmt::format("{} ({} of {})", question.title, view.number, view.count)));
    if (question.side != Side::right) {  // the instructions once per test
      for (const std::string& step : question.instructions) {
        w.paragraph("  - ", step, 2);
      }
    }
  }
  // The counter on every question: under a shared heading (the red flags)
  // it goes before the question itself.
  const std::string counter = view.heading ? std::string() : fmt::format("({} of {}) ", view.number, view.count);
  w.paragraph(counter, question.prompt, 2);
  return w.take() + "> ";
}

std::string render_reply_error(std::string_view error, const TextStyle& style) {
  TextWriter w(style);
  w.paragraph("  ", capitalised(std::string(error)) + ".", 2);
  return w.take();
}

std::string render_start_question(const TextStyle& style) {
  TextWriter w(style);
  w.paragraph("\n", "Save this programme and follow it from today (valgus start)? yes or no", 2);
  return w.take() + "> ";
}

}  // namespace valgus
