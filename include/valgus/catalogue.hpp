#pragma once

// The catalogue: every exercise, problem, muscle, piece of equipment, habit
// and note valgus knows, loaded from YAML files.

#include "valgus/error.hpp"
#include "valgus/model.hpp"

#include <map>
#include <string>
#include <string_view>
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
  [[nodiscard]] const Note* find_note(std::string_view id) const;
  [[nodiscard]] const Position* find_position(std::string_view id) const;

  // The muscle ids a target names: a muscle itself, or a group's members.
  [[nodiscard]] std::vector<std::string> expand_muscles(std::string_view id) const;
  // Display name of a muscle or group id (the id itself if unknown).
  [[nodiscard]] std::string muscle_name(std::string_view id) const;
  [[nodiscard]] std::string equipment_name(std::string_view id) const;

  [[nodiscard]] std::vector<std::string> problem_ids() const;
  [[nodiscard]] std::vector<std::string> exercise_ids() const;
  [[nodiscard]] std::vector<std::string> equipment_ids() const;
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

// Limits on what valgus reads, so any input is answered quickly and in
// bounded memory (see README, "Limits").
inline constexpr std::size_t max_catalogue_file_bytes = std::size_t{4} * 1024 * 1024;
inline constexpr std::size_t max_catalogue_files = 5000;
inline constexpr std::size_t max_catalogue_total_bytes = std::size_t{32} * 1024 * 1024;

// Data to import may be larger than a catalogue file.
inline constexpr std::size_t max_import_bytes = std::size_t{64} * 1024 * 1024;

// Reads a regular file of at most `max_bytes` with open + fstat: a missing
// or unreadable path, a FIFO or a device -> Error(no_input); larger ->
// Error(bad_data).
[[nodiscard]] std::string read_input_file(const std::string& path, std::size_t max_bytes);

struct CatalogueInput {
  std::vector<CatalogueFile> files;
  std::vector<std::string> skipped;  // "path: skipped: why", for a warning
};

// Reads a catalogue file, or every *.yaml file of a folder in name order
// (other entries are listed in `skipped`). Throws Error(no_input) when a
// path cannot be read or is not a regular file or folder (a FIFO, a
// device), and Error(bad_data) for a file over max_catalogue_file_bytes or
// a folder over max_catalogue_files.
[[nodiscard]] CatalogueInput read_catalogue_path(const std::string& path, int layer, const std::string& origin);

// The personal catalogue folder: $XDG_DATA_HOME/valgus/exercises, or
// ~/.local/share/valgus/exercises when XDG_DATA_HOME is unset or relative.
// Empty when neither variable gives a home.
[[nodiscard]] std::string user_catalogue_dir();

struct LoadResult {
  Catalogue catalogue;
  std::vector<Diagnostic> errors;  // every problem found, in file order
};

// Parses and validates all files together; never throws for bad data.
[[nodiscard]] LoadResult load_catalogue(const std::vector<CatalogueFile>& files);

// As load_catalogue, but throws Error(bad_data) listing every error.
[[nodiscard]] Catalogue load_catalogue_or_throw(const std::vector<CatalogueFile>& files);

// Loads `files` on top of an already valid `base` (layer 0): their entries
// add to it and replace same-id ones, and their references are checked
// against the merged whole. The base itself is not checked again.
[[nodiscard]] LoadResult load_catalogue(const Catalogue& base, const std::vector<CatalogueFile>& files);
[[nodiscard]] Catalogue load_catalogue_or_throw(const Catalogue& base, const std::vector<CatalogueFile>& files);

}  // namespace valgus
