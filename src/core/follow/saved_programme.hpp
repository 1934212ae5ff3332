#pragma once

// A saved programme: what `valgus start` chose (problems, personal choices,
// the first day), written as a small human-readable YAML file and read back
// by the same strict reader as the catalogue, so a typo in a hand edit is
// reported with file:line:col.

#include "core/catalogue/catalogue.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct SavedProgramme {
  Date start;                         // the first day of week 1
  std::vector<std::string> problems;  // problem ids
  // What the person has; unset means everything.
  std::optional<std::vector<std::string>> equipment;
  int minutes = default_minutes;
  int max_exercises = default_session_exercises;
  Side side = Side::both;
  std::string when;       // position id; empty: not said
  std::vector<int> days;  // training weekdays, 0 = Monday, ascending

  friend bool operator==(const SavedProgramme& a, const SavedProgramme& b) {
    return a.start == b.start && a.problems == b.problems && a.equipment == b.equipment && a.minutes == b.minutes &&
           a.max_exercises == b.max_exercises && a.side == b.side && a.when == b.when && a.days == b.days;
  }
};

// The file's text: `header` (what the file is and how to use it; the
// command line words it) as comment lines, then one field per line.
[[nodiscard]] std::string programme_yaml(const SavedProgramme& programme, std::string_view header);
// Reads a programme file strictly: unknown or missing fields, bad values,
// problem, equipment or position ids `catalogue` does not know are one
// Error(data) with every problem as file:line:col.
[[nodiscard]] SavedProgramme read_programme(const CatalogueFile& file, const Catalogue& catalogue);

}  // namespace valgus
