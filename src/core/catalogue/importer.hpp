#pragma once

// Converting open exercise data into a valgus catalogue file.

#include "core/catalogue/catalogue.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// Bounds on the JSON, checked on its text before any of it is built: the
// parsed tree costs many times the text (64 MiB of "[" took 5 GB). The
// real data nests 3 deep and has 873 records of about 22 values each.
inline constexpr int max_import_depth = 64;
inline constexpr std::size_t max_import_records = 100000;
inline constexpr std::size_t max_import_values = 3000000;

struct ImportResult {
  std::string yaml;  // a catalogue file with an `exercises:` section
  int read = 0;      // records in the input
  int imported = 0;  // exercises written
  // What was altered so the file passes check: "renamed 2 ids: ...",
  // "dropped 1 empty step: ...".
  std::vector<std::string> changed;
  // Why the others were not: "reason: N (e.g. example, example, ...)", most common first.
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
// never replace built-in entries; accented Latin letters become ASCII
// ("Élévation" -> fedb-elevation) and an id with nothing left is numbered
// (fedb-exercise-17). Text is made one line without control characters,
// empty steps are dropped and over-long text is shortened to the loader's
// limits, each change listed in `changed`.
//
// The result is checked with the real loader on top of `catalogue`, so it
// always passes `valgus check`. Throws Error(bad_data), naming FILE:LINE:COL
// where it can, for JSON that is not such an array, that breaks the bounds
// above, whose catalogue would exceed `max_yaml_bytes`, or (a backstop)
// whose catalogue the loader refuses, with its first errors.
[[nodiscard]] ImportResult import_free_exercise_db(
    const Catalogue& catalogue, const std::string& file, std::string_view json,
    std::size_t max_yaml_bytes = std::numeric_limits<std::size_t>::max());

}  // namespace valgus
