#pragma once

// valgus assess as a pure function: the answers to the red flags, the
// self-tests and the context questions in, the result out (refer to a
// clinician, or the problems, side and position the answers point to).
// Every question, threshold and the problem a test points to come from the
// catalogue; nothing here names a test.

#include "core/catalogue/catalogue.hpp"
#include "core/plan/planner.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace valgus {

// One self-test's answer: a number (cm, mm, degrees) or 1 for yes and 0 for
// no. A per-side test has left and right; another has `value`. Missing:
// skipped.
struct TestAnswer {
  std::optional<double> value;
  std::optional<double> left;
  std::optional<double> right;

  friend bool operator==(const TestAnswer& a, const TestAnswer& b) {
    return a.value == b.value && a.left == b.left && a.right == b.right;
  }
};

struct Answers {
  std::map<std::string, bool> red_flags;              // red flag id -> yes; missing: skipped
  std::map<std::string, TestAnswer> tests;            // self-test id -> answer; missing: skipped
  std::vector<std::string> caves_when;                // position ids
  std::optional<std::vector<std::string>> equipment;  // equipment ids; none: not asked
  std::optional<int> days;
  std::optional<int> minutes;
};

// What one self-test's answer means.
struct Finding {
  std::string test;                  // id
  std::string name;                  // "Knee-to-wall test"
  std::string answer;                // "left 7 cm, right 12 cm", "yes", "skipped"
  std::string meaning;               // the test's positive or negative sentence
  std::string problem;               // the problem a positive answer points to; empty otherwise
  std::vector<Side> positive_sides;  // left/right for a per-side test, both for another
};

struct Assessment {
  bool refer = false;
  std::vector<std::string> reasons;   // each red flag answered yes: its question, then why
  std::vector<Finding> findings;      // in catalogue order
  std::vector<std::string> problems;  // problem ids, in catalogue order, each once
  // For each of `problems`: the ids of the positive tests that point to it.
  std::vector<std::vector<std::string>> evidence;
  Side side = Side::both;
  std::string side_reason;  // why one side, in one sentence; empty for both
  std::string when;         // the first position where the knee caves; empty: not said
  // The personal answers, as given.
  std::optional<std::vector<std::string>> equipment;
  std::optional<int> days;
  std::optional<int> minutes;
};

// Throws nothing: unknown ids in `answers` are the reader's to refuse.
[[nodiscard]] Assessment assess(const Catalogue& catalogue, const Answers& answers);

// Whether `test` is asked (and its answer counts) on `side`: always, unless
// it is `asked_if` another test, which must then be positive on that side.
[[nodiscard]] bool asked_for(const Catalogue& catalogue, const SelfTest& test, const Answers& answers,
                             std::optional<Side> side);

// "7 cm", "yes": an answer as a person reads it.
[[nodiscard]] std::string answer_text(const SelfTest& test, double answer);

}  // namespace valgus
