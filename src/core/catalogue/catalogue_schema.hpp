#pragma once

// The shape of a catalogue file as data: its sections, and the known and
// required fields of every mapping in them. The loader reads values; what
// may appear where is decided here, in one place.

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// What kind of entry an id belongs to; ids are unique per kind. Each
// section holds entries of one kind.
enum class EntryKind {
  muscle,
  muscle_group,
  equipment,
  position,
  problem,
  exercise,
  habit,
  note,
  red_flag,
  symptom,
  self_test,
  phase_rule,
  session_rule,
  progression_rule,
  skeleton,
  prop,
  pose
};

// The fields of one kind of mapping.
struct Schema {
  std::string_view what;                   // as messages name it: "muscle group", "progression dose"
  std::vector<std::string_view> known;     // in the order "fields are ..." lists them
  std::vector<std::string_view> required;  // in the order missing ones are reported
};

// A top-level section: a list of entries of one kind.
struct SectionSchema {
  std::string_view key;  // "muscle_groups"
  EntryKind kind;
  Schema entry;
};

// Every section, in the order "sections are ..." lists them.
[[nodiscard]] const std::vector<SectionSchema>& sections();
[[nodiscard]] const SectionSchema& section(EntryKind kind);
[[nodiscard]] const SectionSchema* find_section(std::string_view key);
[[nodiscard]] const std::vector<std::string>& section_keys();

// Mappings inside an exercise.
[[nodiscard]] const Schema& dose_schema();              // an exercise's dose
[[nodiscard]] const Schema& progression_schema();       // one of its progressions
[[nodiscard]] const Schema& progression_dose_schema();  // what a progression changes
// Mappings of figures.
[[nodiscard]] const Schema& segment_schema();   // a skeleton's segment
[[nodiscard]] const Schema& figure_schema();    // an exercise's or self-test's figure
[[nodiscard]] const Schema& prop_use_schema();  // a prop placed in a pose or figure

}  // namespace valgus
