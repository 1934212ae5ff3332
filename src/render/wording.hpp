#pragma once

// Wording shared by the human-readable formats (text, Markdown): phase
// titles and purposes, the why-line, the session summary.

#include "core/planner.hpp"

#include <string>
#include <string_view>

namespace valgus {

// What each phase does, one short phrase, shared by every format.
[[nodiscard]] std::string_view phase_purpose(Phase phase);
// "Release", "Stretch", ...
[[nodiscard]] std::string phase_title(Phase phase);
// The why-line of an exercise in a plan, without a "Why:" prefix.
[[nodiscard]] std::string why_line(const PlannedExercise& planned);

// How a format words the session summary: units and separators differ,
// the facts and their order do not.
struct SessionWords {
  std::string_view minutes;      // "min"
  std::string_view separator;    // " · "
  std::string_view budget;       // " (budget {} min)"
  std::string_view over_budget;  // " (over your {} min: see below)"
};
inline constexpr SessionWords text_session_words{"min", " · ", " (budget {} min)", " (over your {} min: see below)"};
inline constexpr SessionWords markdown_session_words{"minutes", ", ", " (budget {} minutes)",
                                                     " (over your {}-minute budget)"};

// A self-test's answer in words: "yes or no: ...; yes is positive", or
// "distance from the big toe to the wall, in cm (0-30); below 10 cm is
// positive".
[[nodiscard]] std::string self_test_answer(const SelfTest& test);
// A threshold as written: 10, 3.5.
[[nodiscard]] std::string number_text(double value);

// "about 25 min (budget 30 min) · 8 exercises · week 2"
[[nodiscard]] std::string session_line(const Plan& plan, const SessionWords& words);

}  // namespace valgus
