#pragma once

// Converting open exercise data into a valgus catalogue file.

#include "core/catalogue.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct ImportResult {
  std::string yaml;  // a catalogue file with an `exercises:` section
  int read = 0;      // records in the input
  int imported = 0;  // exercises written
  // Why the others were not: "reason: N (example, example, ...)", most common first.
  std::vector<std::string> skipped;
};

// Converts the JSON of yuhonas/free-exercise-db (an array of records with
// name, category, equipment, primaryMuscles, instructions, level, id):
//   a name ending in "-SMR" -> release, "stretching" -> stretch,
//   "strength" -> strengthen; other categories are skipped.
// Muscles map to the catalogue's muscle and group ids ("lower back" ->
// lower-back), equipment through the vocabulary's ids and aliases; a record
// with no known leg or trunk muscle, or with equipment the vocabulary does
// not know, is skipped with its reason. Ids get the prefix "fedb-" so they
// never replace built-in entries. Throws Error(bad_data) for JSON that is
// not such an array, naming FILE:LINE:COL.
[[nodiscard]] ImportResult import_free_exercise_db(const Catalogue& catalogue, const std::string& file,
                                                   std::string_view json);

}  // namespace valgus
