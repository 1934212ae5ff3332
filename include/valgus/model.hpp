#pragma once

// Plain value types for everything the catalogue describes. The loader fills
// them from YAML; nothing else needs to know YAML exists.

#include "valgus/error.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// The corrective-exercise continuum, in session order.
enum class Phase { release, stretch, strengthen, integrate };
inline constexpr std::array<Phase, 4> all_phases{Phase::release, Phase::stretch, Phase::strengthen, Phase::integrate};

// Body regions, top to bottom: the order exercises appear within a phase.
enum class Region { pelvis, hip, knee, ankle, foot };
inline constexpr std::array<Region, 5> all_regions{Region::pelvis, Region::hip, Region::knee, Region::ankle,
                                                   Region::foot};

// Which leg valgus affects more; it gets the extra volume.
enum class Side { both, left, right };

[[nodiscard]] std::string_view to_string(Phase phase);
[[nodiscard]] std::string_view to_string(Region region);
[[nodiscard]] std::string_view to_string(Side side);
[[nodiscard]] std::optional<Phase> parse_phase(std::string_view text);
[[nodiscard]] std::optional<Region> parse_region(std::string_view text);
[[nodiscard]] std::optional<Side> parse_side(std::string_view text);

// An inclusive count or number of seconds, such as 20 or 10-15. A default
// Range (0-0) means "not given".
struct Range {
  int min = 0;
  int max = 0;

  [[nodiscard]] bool given() const { return max > 0; }
  friend bool operator==(const Range& a, const Range& b) { return a.min == b.min && a.max == b.max; }
  friend bool operator!=(const Range& a, const Range& b) { return !(a == b); }
};

// How much of an exercise to do.
struct Dose {
  Range sets{1, 1};
  Range reps;               // repetitions per set
  Range hold_seconds;       // pause at end range, per repetition
  Range duration_seconds;   // continuous work per set: rolling, a stretch, balance
  bool per_side = false;    // done once for each leg
  int seconds_per_rep = 3;  // tempo of one repetition, for the time estimate
  // For one-sided valgus: this leg does one set more (per-side doses only).
  Side extra_set_side = Side::both;
};

// Dose fields a progression replaces; unset ones stay as they were.
struct DoseChange {
  std::optional<Range> sets;
  std::optional<Range> reps;
  std::optional<Range> hold_seconds;
  std::optional<Range> duration_seconds;
};

struct Progression {
  int week = 0;        // applies from this week on
  std::string change;  // what to do differently, one sentence
  DoseChange dose;
};

struct Muscle {
  std::string id;
  std::string name;
  Region region = Region::hip;
  SourceLocation where;
};

// A named set of muscles ("glutes", "abductors") so coarse tags still match.
struct MuscleGroup {
  std::string id;
  std::string name;
  std::vector<std::string> members;
  SourceLocation where;
};

struct Equipment {
  std::string id;
  std::string name;
  bool household = false;            // everyone has it: always allowed
  std::vector<std::string> aliases;  // names other datasets use for it ("foam roll")
  SourceLocation where;
};

struct Problem {
  std::string id;
  std::string name;
  std::string summary;
  std::vector<std::string> overactive;   // released and stretched
  std::vector<std::string> underactive;  // strengthened
  std::string self_test;
  std::vector<std::string> sources;
  SourceLocation where;
};

struct Exercise {
  std::string id;
  std::string name;
  Phase phase = Phase::release;
  Region region = Region::hip;
  std::vector<std::string> targets;    // muscle or group ids
  std::vector<std::string> equipment;  // every item needed
  std::string summary;
  Dose dose;
  std::vector<std::string> steps;
  std::vector<std::string> cues;
  std::vector<std::string> sources;
  int priority = 2;                       // 1 essential, 2 normal, 3 optional
  std::vector<std::string> positions;     // position ids (integrate only)
  std::vector<std::string> alternatives;  // used when equipment is missing
  // The same exercise with other equipment: never planned beside the main
  // exercise, only in its place.
  std::string variant_of;
  std::string origin;  // "built-in", "user" or the --catalog path it came from
  std::vector<Progression> progressions;
  SourceLocation where;
};

// A situation in which a knee caves (standing, squat, ...): --when picks one,
// and its advice says how to apply the cues there.
struct Position {
  std::string id;
  std::string name;
  std::string advice;
  std::vector<std::string> sources;
  SourceLocation where;
};

// A position to avoid during the day.
struct Habit {
  std::string id;
  std::string name;
  std::string advice;
  std::vector<std::string> sources;
  SourceLocation where;
};

// Closing notes of every plan; the safety note is one of them.
struct Note {
  std::string id;
  std::string title;
  std::string text;
  std::vector<std::string> sources;
  SourceLocation where;
};

}  // namespace valgus
