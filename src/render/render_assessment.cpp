// The result of valgus assess: refer to a clinician, or each test's answer
// and meaning, the problems, side and position, and the command to run.

#include "core/model/text.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"

#include <fmt/format.h>

namespace valgus {

using json_detail::dump;
using text_detail::TextWriter;

namespace {

std::string problem_name(const Catalogue& catalogue, const std::string& id) {
  const Problem* problem = catalogue.find_problem(id);
  return problem != nullptr ? problem->name : id;
}

}  // namespace

std::string render_assessment_text(const AssessmentView& view, const TextStyle& style) {
  const Assessment& result = *view.assessment;
  TextWriter w(style);
  w.line(w.bold(fmt::format("Knee valgus self-assessment · {}", to_string(view.date))));
  for (const Note& note : view.catalogue->notes) {
    if (note.placement == Placement::top) {
      w.paragraph(w.paint(note.title + ":", "1;33") + " ", note.text, 2);
    }
  }
  w.rule();
  if (result.refer) {
    w.line(w.paint("SEE A CLINICIAN FIRST", "1;33"));
    w.paragraph("",
                "You answered yes to a warning sign. Exercise is not the place to start: have a doctor or "
                "physiotherapist examine your knee, and bring this list.",
                0);
    for (const std::string& reason : result.reasons) {
      w.paragraph("- ", reason, 2);
    }
    return w.take();
  }
  w.line(w.paint("WHAT THE TESTS SHOWED", "1;36"));
  for (const Finding& finding : result.findings) {
    const std::string points =
        finding.problem.empty() ? std::string() : " Points to: " + problem_name(*view.catalogue, finding.problem) + ".";
    w.paragraph(w.bold(finding.name) + ": ", finding.answer + ". " + finding.meaning + points, 2);
  }
  w.line();
  if (result.problems.empty()) {
    w.paragraph("",
                "No self-test was positive, so valgus names no problem: it does not guess. If your knee still "
                "caves, practise the movement itself (valgus list --phase integrate), and see a physiotherapist "
                "for a full assessment.",
                0);
    return w.take();
  }
  // Each problem with the tests that found it, so a person sees why.
  std::vector<std::string> names;
  for (std::size_t i = 0; i < result.problems.size(); ++i) {
    std::vector<std::string> tests;
    for (const std::string& test_id : result.evidence.at(i)) {
      const SelfTest* test = view.catalogue->find_self_test(test_id);
      tests.push_back(test != nullptr ? test->name : test_id);
    }
    names.push_back(fmt::format("{} (from: {})", problem_name(*view.catalogue, result.problems[i]), join_and(tests)));
  }
  w.paragraph(w.bold("Your problems: "), join(names, "; "), 2);
  if (result.side != Side::both) {
    w.paragraph(w.bold("Side: "), capitalised(result.side_reason) + ".", 2);
  }
  if (!result.when.empty()) {
    const Position* position = view.catalogue->find_position(result.when);
    w.paragraph(w.bold("Your knee caves: "), position != nullptr ? position->name : result.when, 2);
  }
  w.line();
  w.paragraph(w.bold("Your plan: "), view.command, 2);
  w.paragraph(w.bold("Follow it day by day: "), "valgus start" + view.command.substr(std::string("valgus plan").size()),
              2);
  return w.take();
}

std::string render_assessment_json(const AssessmentView& view) {
  const Assessment& result = *view.assessment;
  Json findings = Json::array();
  for (const Finding& finding : result.findings) {
    findings.push_back(Json{{"test", finding.test},
                            {"name", finding.name},
                            {"answer", finding.answer},
                            {"meaning", finding.meaning},
                            {"problem", finding.problem.empty() ? Json(nullptr) : Json(finding.problem)}});
  }
  Json evidence = Json::array();
  for (std::size_t i = 0; i < result.problems.size(); ++i) {
    evidence.push_back(Json{{"problem", result.problems[i]}, {"tests", result.evidence.at(i)}});
  }
  return dump(Json{{"date", to_string(view.date)},
                   {"refer", result.refer},
                   {"reasons", result.reasons},
                   {"findings", findings},
                   {"problems", result.problems},
                   {"evidence", evidence},
                   {"side", std::string(to_string(result.side))},
                   {"when", result.when.empty() ? Json(nullptr) : Json(result.when)},
                   {"command", view.command.empty() ? Json(nullptr) : Json(view.command)}});
}

}  // namespace valgus
