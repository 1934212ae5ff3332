#pragma once

// The catalogue: every exercise, problem, muscle, piece of equipment, habit
// and note valgus knows, loaded from YAML files.

#include "core/model/error.hpp"
#include "core/model/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

// One catalogue file's text. Files of one layer may not repeat an id; a
// later layer's entries replace earlier ones with the same id (that is how
// --catalog overrides the built-in catalogue).
struct CatalogueFile {
  std::string path;
  std::string text;
  int layer = 0;
  std::string origin = "built-in";  // where its entries came from, for list --origin
};

struct Catalogue {
  std::vector<Muscle> muscles;
  std::vector<MuscleGroup> muscle_groups;
  std::vector<Equipment> equipment;
  std::vector<Problem> problems;
  std::vector<Exercise> exercises;
  std::vector<Position> positions;
  std::vector<Habit> habits;
  std::vector<Note> notes;
  std::vector<RedFlag> red_flags;                  // asked before any self-test
  std::vector<Symptom> symptoms;                   // logged after a session: any one pauses the programme
  std::vector<SelfTest> self_tests;                // each points to one problem
  std::vector<PhaseRule> phase_rules;              // how often a week asks for each phase
  std::vector<SessionRule> session_rules;          // how a session shares its time
  std::vector<ProgressionRule> progression_rules;  // when a saved programme moves by its log
  std::vector<Skeleton> skeletons;                 // the views figures are drawn in
  std::vector<PropKind> props;                     // what figures may show besides the body
  std::vector<Pose> poses;                         // base postures figures start from

  // Every section, compared entry by entry (the indexes follow from them).
  [[nodiscard]] auto tied() const {
    return std::tie(muscles, muscle_groups, equipment, problems, exercises, positions, habits, notes, red_flags,
                    symptoms, self_tests, phase_rules, session_rules, progression_rules, skeletons, props, poses);
  }
  friend bool operator==(const Catalogue& a, const Catalogue& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Catalogue& a, const Catalogue& b) { return !(a == b); }

  [[nodiscard]] const Muscle* find_muscle(std::string_view id) const;
  [[nodiscard]] const MuscleGroup* find_muscle_group(std::string_view id) const;
  [[nodiscard]] const Equipment* find_equipment(std::string_view id) const;
  // The equipment a person's word names: its id, its name or one of its
  // aliases, ignoring case and treating "-", "_" and runs of spaces alike
  // ("Resistance Band", "foam roll"). More than one entry when the word is
  // ambiguous across entries; none when unknown.
  [[nodiscard]] std::vector<const Equipment*> equipment_named(std::string_view word) const;
  [[nodiscard]] const Problem* find_problem(std::string_view id) const;
  [[nodiscard]] const Exercise* find_exercise(std::string_view id) const;
  [[nodiscard]] const Position* find_position(std::string_view id) const;
  [[nodiscard]] const SelfTest* find_self_test(std::string_view id) const;
  [[nodiscard]] const Symptom* find_symptom(std::string_view id) const;
  [[nodiscard]] const Skeleton* find_skeleton(std::string_view id) const;
  [[nodiscard]] const PropKind* find_prop(std::string_view id) const;
  [[nodiscard]] const Pose* find_pose(std::string_view id) const;
  // How often a week asks for an exercise of `phase`: its rule, or once to
  // every day when the catalogue has none.
  [[nodiscard]] Range per_week(Phase phase) const;
  // A session's most exercises of `phase` (unset: no limit) and the least
  // the planner aims for, from the phase's rule.
  [[nodiscard]] std::optional<int> session_most(Phase phase) const;
  [[nodiscard]] int session_least(Phase phase) const;
  [[nodiscard]] std::optional<int> shortlist(Phase phase) const;
  // The least share of a session's time on strengthen and integrate work,
  // in percent: the highest any session rule asks; 0 without one.
  [[nodiscard]] int active_share_percent() const;
  // The rule of `kind`; nullptr when the catalogue has none (the programme
  // then never moves that way).
  [[nodiscard]] const ProgressionRule* progression_rule(ProgressionKind kind) const;
  // The self-tests that point to problem `id`, in catalogue order.
  [[nodiscard]] std::vector<const SelfTest*> self_tests_for(std::string_view id) const;

  // The muscle ids a target names: a muscle itself, or a group's members.
  [[nodiscard]] std::vector<std::string> expand_muscles(std::string_view id) const;
  // Display name of a muscle or group id (the id itself if unknown).
  [[nodiscard]] std::string muscle_name(std::string_view id) const;
  [[nodiscard]] std::string equipment_name(std::string_view id) const;

  [[nodiscard]] std::vector<std::string> problem_ids() const;
  [[nodiscard]] std::vector<std::string> exercise_ids() const;
  [[nodiscard]] std::vector<std::string> equipment_ids() const;
  // The equipment a person may or may not have (not household), in
  // catalogue order: what --equipment lists and completes.
  [[nodiscard]] std::vector<std::string> kit_ids() const;
  [[nodiscard]] std::vector<std::string> position_ids() const;

  // Rebuilds the id indexes; call after changing the vectors.
  void reindex();

 private:
  std::map<std::string, std::size_t, std::less<>> muscle_index_;
  std::map<std::string, std::size_t, std::less<>> group_index_;
  std::map<std::string, std::size_t, std::less<>> equipment_index_;
  std::map<std::string, std::size_t, std::less<>> problem_index_;
  std::map<std::string, std::size_t, std::less<>> exercise_index_;
};

// The files of exercises/ as they were at build time (layer 0).
[[nodiscard]] std::vector<CatalogueFile> builtin_catalogue_files();

// The same catalogue, validated at build time and compiled into the binary:
// no YAML is parsed to get it (library valgus_builtin).
[[nodiscard]] Catalogue builtin_catalogue();

struct LoadResult {
  Catalogue catalogue;
  std::vector<Diagnostic> errors;  // every problem found, in file order
};

// Parses and validates all files together; never throws for bad data.
[[nodiscard]] LoadResult load_catalogue(const std::vector<CatalogueFile>& files);

// Loads `files` on top of an already valid `base` (layer 0): their entries
// add to it and replace same-id ones, and their references are checked
// against the merged whole. The base itself is not checked again.
[[nodiscard]] LoadResult load_catalogue(const Catalogue& base, const std::vector<CatalogueFile>& files);
// As load_catalogue, but throws Error(bad_data) listing every error.
[[nodiscard]] Catalogue load_catalogue_or_throw(const Catalogue& base, const std::vector<CatalogueFile>& files);

}  // namespace valgus
