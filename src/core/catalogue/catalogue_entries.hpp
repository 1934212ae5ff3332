#pragma once

// Reads one entry of each section (a muscle, an exercise, ...) from its
// mapping: its fields by the section's schema, each value with the field
// reader, its references recorded for the cross-reference pass. The loader
// owns the ids and adds what is read to the catalogue. The rules' sections
// (phases, sessions, progression) are read in catalogue_rules.cpp.

#include "core/catalogue/catalogue_schema.hpp"
#include "core/catalogue/cross_references.hpp"
#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/model.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace valgus {

class EntryReader {
 public:
  // Claims `id` for the entry of `kind` at `where` (in the current file);
  // false, with the error reported, when the id is taken.
  using ClaimId = std::function<bool(EntryKind kind, const std::string& id, const Mark& where)>;

  EntryReader(FieldReader& read, References& references, ClaimId claim_id)
      : read_(read), references_(references), claim_id_(std::move(claim_id)) {}

  // Entries read from now on are in file number `file` (as LoadErrors
  // numbers it), which came from `origin`.
  void begin_file(std::size_t file, std::string origin) {
    file_ = file;
    origin_ = std::move(origin);
  }

  // Each is nullopt when anything in the entry is wrong (and reported).
  std::optional<Muscle> muscle(const YamlNode& node);
  std::optional<MuscleGroup> muscle_group(const YamlNode& node);
  std::optional<Equipment> equipment(const YamlNode& node);
  std::optional<Problem> problem(const YamlNode& node);
  std::optional<Exercise> exercise(const YamlNode& node);
  std::optional<Position> position(const YamlNode& node);
  std::optional<Habit> habit(const YamlNode& node);
  std::optional<Note> note(const YamlNode& node);
  std::optional<RedFlag> red_flag(const YamlNode& node);
  std::optional<Symptom> symptom(const YamlNode& node);
  std::optional<PhaseRule> phase_rule(const YamlNode& node);
  std::optional<SessionRule> session_rule(const YamlNode& node);
  std::optional<ProgressionRule> progression_rule(const YamlNode& node);
  std::optional<SelfTest> self_test(const YamlNode& node);
  // Figures (figure_entries.cpp).
  std::optional<Skeleton> skeleton(const YamlNode& node);
  std::optional<PropKind> prop_kind(const YamlNode& node);
  std::optional<Pose> pose(const YamlNode& node);
  // An exercise's or self-test's "figure"; a missing node is no figure.
  std::optional<Figure> figure(const YamlNode* node);

 private:
  // Reads the id and claims it as soon as it is read, so a repeated id is
  // reported even when either entry has other errors.
  std::optional<std::string> id(EntryKind kind, const Fields& f, const YamlNode& entry);
  // A list of ids that refer to other entries, checked once all are loaded.
  std::optional<std::vector<std::string>> references(const YamlNode* node, std::string_view field, Reference::To to,
                                                     std::optional<Phase> phase = std::nullopt);
  // The simple sections (positions, habits): an id, two texts and
  // sources, as T{id, title, body, sources, where}.
  std::optional<Segment> segment(const YamlNode* node);
  std::optional<Span> span(const YamlNode* node, std::string_view field, int low, int high);
  std::optional<JointValues> joint_values(const YamlNode* node, std::string_view field);
  std::optional<std::vector<PropUse>> prop_uses(const YamlNode* node);
  template <typename T>
  std::optional<T> named(EntryKind kind, const YamlNode& node, std::string_view title_field,
                         std::string_view body_field);

  FieldReader& read_;
  References& references_;
  ClaimId claim_id_;
  std::size_t file_ = 0;
  std::string origin_;
};

}  // namespace valgus
