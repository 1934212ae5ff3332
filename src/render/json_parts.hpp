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
// The JSON text of a value at `indent` (-1: on one line), UTF-8 kept and
// any byte that is not valid UTF-8 replaced by U+FFFD: a note, a file name
// or a folder from the environment may hold any bytes, and a JSON document
// must still be printed. Every JSON view writes through it.
[[nodiscard]] std::string text_of(const Json& json, int indent);
// A document: 2-space indent, a final newline.
[[nodiscard]] std::string dump(const Json& json);

}  // namespace json_detail
}  // namespace valgus
