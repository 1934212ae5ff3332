#pragma once

// The JSON pieces every JSON view shares (render_json.cpp,
// render_follow_json.cpp): an exercise, a dose, notes, and how a document
// is printed. Internal to src/render.

#include "core/plan/planner.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace valgus {

using Json = nlohmann::ordered_json;

namespace json_detail {

[[nodiscard]] Json range_json(Range range);
[[nodiscard]] Json dose_json(const Dose& dose);
[[nodiscard]] Json exercise_json(const PlannedExercise& planned);
[[nodiscard]] Json notes_json(const std::vector<Note>& notes);
// 2-space indent, UTF-8 kept, a final newline.
[[nodiscard]] std::string dump(const Json& json);

}  // namespace json_detail
}  // namespace valgus
