#pragma once

// The rule engine: a request (what the person reported) and a catalogue in,
// a plan (the ordered routine, with the reason for every exercise) out.

#include "valgus/catalogue.hpp"
#include "valgus/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct Request {
  std::vector<std::string> problems;  // problem ids, in the order given
};

// Why an exercise is in the plan: which problem, and which of its muscles
// the exercise works. Integration exercises serve every problem.
struct Reason {
  std::string problem_id;
  std::string problem_name;
  std::vector<std::string> muscle_ids;  // as the problem names them
  std::vector<std::string> muscle_names;
};

// An exercise as it appears in a plan or a listing, with names resolved so
// renderers need no catalogue.
struct PlannedExercise {
  Exercise exercise;
  Dose dose;  // the dose to do (the catalogue's, adjusted for the person)
  std::vector<std::string> target_names;
  std::vector<std::string> equipment_names;  // what is needed beyond the household
  std::vector<Reason> reasons;
  int seconds = 0;  // estimated time for the whole dose
};

struct PlannedPhase {
  Phase phase = Phase::release;
  std::vector<PlannedExercise> exercises;
  int seconds = 0;
};

struct Plan {
  std::vector<Problem> problems;
  std::vector<PlannedPhase> phases;  // always all four, in order
  int seconds = 0;
  std::vector<Habit> habits;
  std::vector<Note> notes;

  [[nodiscard]] std::size_t exercise_count() const;
};

// Throws Error(usage) for no problem or an unknown problem id.
[[nodiscard]] Plan make_plan(const Catalogue& catalogue, const Request& request);

// An exercise described for listing or showing, with its dose as written.
[[nodiscard]] PlannedExercise describe_exercise(const Catalogue& catalogue, const Exercise& exercise);

// The muscles of `problem` (as the problem names them) that `exercise`
// works in its phase; empty when the rule engine would not pick it.
[[nodiscard]] std::vector<std::string> matching_muscles(const Catalogue& catalogue, const Problem& problem,
                                                        const Exercise& exercise);

// Whether the rule engine picks `exercise` for `problem`.
[[nodiscard]] bool serves(const Catalogue& catalogue, const Problem& problem, const Exercise& exercise);

// Looks up a problem or phase the person named; throws Error(usage) with the
// valid choices and a did-you-mean.
[[nodiscard]] const Problem& require_problem(const Catalogue& catalogue, std::string_view id);
[[nodiscard]] Phase require_phase(std::string_view name);

// Phase order, then region (pelvis to foot), then catalogue order.
void sort_in_plan_order(std::vector<PlannedExercise>& exercises);

// Parses what a person has, "band,foam-roller" ("none": bodyweight only).
// Throws Error(usage) naming the valid items for an unknown one.
[[nodiscard]] std::vector<std::string> parse_equipment_list(const Catalogue& catalogue, std::string_view list);

// Whether `exercise` can be done with `available`; household items (floor,
// wall, chair, ...) are always there.
[[nodiscard]] bool can_do_with(const Catalogue& catalogue, const Exercise& exercise,
                               const std::vector<std::string>& available);

// Title-case of a problem's name, "Hip internal rotation and adduction".
[[nodiscard]] std::string capitalised(std::string text);

}  // namespace valgus
