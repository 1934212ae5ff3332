#include "core/assess/assess.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace valgus {
namespace {

std::string unit_suffix(Unit unit) {
  switch (unit) {
    case Unit::cm: return " cm";
    case Unit::mm: return " mm";
    case Unit::degrees: return "°";
    case Unit::yes_no: return "";
  }
  return "";
}

// The side a numeric per-side test finds worse, when the two differ by more
// than the test's side difference; both otherwise.
Side worse_side(const SelfTest& test, double left, double right) {
  if (!test.side_difference || std::abs(left - right) <= *test.side_difference) {
    return Side::both;
  }
  const bool left_worse = test.comparison == Comparison::below ? left < right : left > right;
  return left_worse ? Side::left : Side::right;
}

}  // namespace

std::string answer_text(const SelfTest& test, double answer) {
  if (test.unit == Unit::yes_no) {
    return answer != 0 ? "yes" : "no";
  }
  const double whole = std::round(answer);
  const std::string number = std::abs(answer - whole) < 1e-9 ? fmt::format("{}", static_cast<long long>(whole))
                                                             : fmt::format("{:.1f}", answer);
  return number + unit_suffix(test.unit);
}

bool asked_for(const Catalogue& catalogue, const SelfTest& test, const Answers& answers, std::optional<Side> side) {
  if (test.asked_if.empty()) {
    return true;
  }
  const SelfTest* first = catalogue.find_self_test(test.asked_if);
  const auto found = answers.tests.find(test.asked_if);
  if (first == nullptr || found == answers.tests.end()) {
    return false;
  }
  const TestAnswer& answer = found->second;
  const std::optional<double>& value =
      side == Side::left ? answer.left : (side == Side::right ? answer.right : answer.value);
  return value && first->positive_at(*value);
}

Assessment assess(const Catalogue& catalogue, const Answers& answers) {
  Assessment result;
  for (const RedFlag& flag : catalogue.red_flags) {
    const auto found = answers.red_flags.find(flag.id);
    if (found != answers.red_flags.end() && found->second) {
      result.refer = true;
      result.reasons.push_back(flag.question + " " + flag.why);
    }
  }
  // Sides that tests found worse: a numeric difference, or a test positive
  // on one side only.
  std::vector<std::pair<Side, std::string>> side_votes;
  for (const SelfTest& test : catalogue.self_tests) {
    Finding finding;
    finding.test = test.id;
    finding.name = test.name;
    const auto found = answers.tests.find(test.id);
    const bool asked_anywhere = test.per_side ? asked_for(catalogue, test, answers, Side::left) ||
                                                    asked_for(catalogue, test, answers, Side::right)
                                              : asked_for(catalogue, test, answers, std::nullopt);
    if (!asked_anywhere) {
      const SelfTest* first = catalogue.find_self_test(test.asked_if);
      finding.answer = "not asked";
      finding.meaning = fmt::format("It follows only a positive {}.", first != nullptr ? first->name : test.asked_if);
      result.findings.push_back(std::move(finding));
      continue;
    }
    if (found == answers.tests.end() ||
        (test.per_side ? !(found->second.left || found->second.right) : !found->second.value)) {
      finding.answer = "skipped";
      if (test.per_side && !test.asked_if.empty()) {  // asked on one side only
        const bool left = asked_for(catalogue, test, answers, Side::left);
        finding.answer = left ? "left skipped, right not asked" : "left not asked, right skipped";
      }
      finding.meaning = "Not answered.";
      result.findings.push_back(std::move(finding));
      continue;
    }
    const TestAnswer& answer = found->second;
    if (test.per_side) {
      std::vector<std::string> parts;
      for (const auto& [side, value] : {std::pair{Side::left, answer.left}, std::pair{Side::right, answer.right}}) {
        if (!asked_for(catalogue, test, answers, side)) {
          parts.push_back(fmt::format("{} not asked", to_string(side)));
          continue;
        }
        if (!value) {
          parts.push_back(fmt::format("{} skipped", to_string(side)));
          continue;
        }
        parts.push_back(fmt::format("{} {}", to_string(side), answer_text(test, *value)));
        if (test.positive_at(*value)) {
          finding.positive_sides.push_back(side);
        }
      }
      finding.answer = join(parts, ", ");
      if (answer.left && answer.right && test.asked_if.empty()) {
        const Side worse = worse_side(test, *answer.left, *answer.right);
        if (worse != Side::both) {
          side_votes.emplace_back(worse, fmt::format("the {} differs by more than {} between the legs", test.name,
                                                     answer_text(test, *test.side_difference)));
        } else if (finding.positive_sides.size() == 1) {
          side_votes.emplace_back(
              finding.positive_sides.front(),
              fmt::format("the {} is positive on the {} only", test.name, to_string(finding.positive_sides.front())));
        }
      }
    } else {
      finding.answer = answer_text(test, *answer.value);
      if (test.positive_at(*answer.value)) {
        finding.positive_sides.push_back(Side::both);
      }
    }
    const bool positive = !finding.positive_sides.empty();
    finding.meaning = positive ? test.positive : test.negative;
    if (positive) {
      finding.problem = test.problem;
    }
    result.findings.push_back(std::move(finding));
  }
  // Problems in catalogue order, each once, with the positive tests that
  // point to it: a problem is named from its own tests only.
  for (const Problem& problem : catalogue.problems) {
    std::vector<std::string> tests;
    for (const Finding& finding : result.findings) {
      if (finding.problem == problem.id) {
        tests.push_back(finding.test);
      }
    }
    if (!tests.empty()) {
      result.problems.push_back(problem.id);
      result.evidence.push_back(std::move(tests));
    }
  }
  // One side only when every vote agrees.
  if (!side_votes.empty() && std::all_of(side_votes.begin(), side_votes.end(),
                                         [&](const auto& vote) { return vote.first == side_votes.front().first; })) {
    result.side = side_votes.front().first;
    std::vector<std::string> whys;
    for (const auto& vote : side_votes) {
      whys.push_back(vote.second);
    }
    result.side_reason = fmt::format("the {} side: {}", to_string(result.side), join(whys, "; "));
  }
  if (!answers.caves_when.empty()) {
    result.when = answers.caves_when.front();
  }
  if (result.refer) {
    // Not planned: no test result stands beside a reason to see a clinician.
    result.findings.clear();
    result.problems.clear();
    result.evidence.clear();
    result.side = Side::both;
    result.side_reason.clear();
  }
  result.equipment = answers.equipment;
  result.days = answers.days;
  result.minutes = answers.minutes;
  return result;
}

}  // namespace valgus
