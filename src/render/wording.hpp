#pragma once

// Wording shared by the human-readable formats (text, Markdown): phase
// titles and purposes, the why-line, the session summary.

#include "core/follow/stage.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// What a stage of the followed programme changes, in one sentence, by name:
// "Harder from this stage: Short foot and Wall push (...)." `weeks` are the
// stage weeks; `plan` is the week planned at the stage.
[[nodiscard]] std::string stage_changes_text(const StageState& stage, const Plan& plan, const std::vector<int>& weeks);
// What to do when it hurts, one line each, from the plan's pain rules and
// warning symptoms: "Pain of 4 or 5 out of 10 ...: keep the doses as they
// are." Empty when the catalogue has neither.
[[nodiscard]] std::vector<std::string> pain_guide(const Plan& plan);

// A threshold as written: 10, 3.5.
[[nodiscard]] std::string number_text(double value);

// "about 25 min (budget 30 min) · 8 exercises · week 2"
[[nodiscard]] std::string session_line(const Plan& plan, const SessionWords& words);

// A week of sessions: what a person sees first is when to train, so both
// formats open with the same schedule in the same words.

// "Mon" for 0 ... "Sun" for 6.
[[nodiscard]] std::string day_name(int day);
// "Mon, Fri"
[[nodiscard]] std::string day_list(const std::vector<int>& days);
// "Monday": the day of the week a date falls on, in full.
[[nodiscard]] std::string weekday_name(Date date);
// One session on every day: "Mon · Wed · Fri, about 13 min each"; sessions
// that differ: "A: Mon, Fri · about 15 min; B: Wed · about 13 min" (a dot
// in both formats: a comma would run into the list of days). Then
// " · week 2" after the first week.
[[nodiscard]] std::string schedule_line(const Plan& plan, const SessionWords& words);
// "30 s each side · foam roller": what a session list shows of an exercise.
[[nodiscard]] std::string dose_and_equipment(const PlannedExercise& planned);
// The exercise of `phases` with this id, or null (a session names its
// exercises by id; the phases hold them once).
[[nodiscard]] const PlannedExercise* find_planned(const std::vector<PlannedPhase>& phases, std::string_view id);
// The days of the week in day order, each with the session done on it:
// the rows of the schedule and tick tables.
[[nodiscard]] std::vector<std::pair<int, const PlannedSession*>> session_days(
    const std::vector<PlannedSession>& sessions);

}  // namespace valgus
