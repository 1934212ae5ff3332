#pragma once

// Renderers are pure: a plan (or catalogue entries) in, text out. Colour is
// decided once by the caller and passed in TextStyle; only the text renderer
// knows about it.

#include "valgus/catalogue.hpp"
#include "valgus/planner.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct TextStyle {
  int width = 80;      // columns to wrap to
  bool color = false;  // ANSI colour and bold
};

// What each phase does, one short phrase, shared by every format.
[[nodiscard]] std::string_view phase_purpose(Phase phase);
// "Release", "Stretch", ...
[[nodiscard]] std::string phase_title(Phase phase);
// The why-line of an exercise in a plan, without a "Why:" prefix.
[[nodiscard]] std::string why_line(const PlannedExercise& planned);

[[nodiscard]] std::string render_plan_text(const Plan& plan, const TextStyle& style);
[[nodiscard]] std::string render_plan_markdown(const Plan& plan);
[[nodiscard]] std::string render_plan_json(const Plan& plan);

// `show_origin` adds where each entry came from (built-in, user, a path).
[[nodiscard]] std::string render_list_text(const std::vector<PlannedExercise>& exercises, const TextStyle& style,
                                           bool show_origin = false);
[[nodiscard]] std::string render_list_markdown(const std::vector<PlannedExercise>& exercises, bool show_origin = false);
[[nodiscard]] std::string render_list_json(const std::vector<PlannedExercise>& exercises);

// One exercise in full, with the problems it serves.
[[nodiscard]] std::string render_exercise_text(const PlannedExercise& exercise, const std::vector<Problem>& serves,
                                               const TextStyle& style);

[[nodiscard]] std::string render_problems_text(const Catalogue& catalogue, const TextStyle& style);

// JSON for show, problems and check; shapes in schemas/*.schema.json.
[[nodiscard]] std::string render_exercise_json(const PlannedExercise& exercise, const std::vector<Problem>& serves);
[[nodiscard]] std::string render_problems_json(const Catalogue& catalogue);
[[nodiscard]] std::string render_check_json(const LoadResult& result, std::size_t files);

}  // namespace valgus
