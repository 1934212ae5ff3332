#pragma once

// Plain value types for everything the catalogue describes. The loader fills
// them from YAML; nothing else needs to know YAML exists.

#include "core/model/error.hpp"
#include "core/model/figure.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

// A name as catalogue files, flags and output spell it, for an enum value.
template <typename Enum>
struct Named {
  Enum value;
  std::string_view name;
};

// The corrective-exercise continuum, in session order.
enum class Phase { release, stretch, strengthen, integrate };

// Body regions, top to bottom: the order exercises appear within a phase.
enum class Region { pelvis, hip, knee, ankle, foot };

// Which leg valgus affects more; it gets the extra volume.
enum class Side { both, left, right };

// The one list of each enum's values and names, in order: to_string,
// parse_*, all_* and the loader's "choose one of" all read these, and
// tools/compile_catalogue writes a value as "Phase::" + its name, so a
// name is also its enumerator.
inline constexpr std::array<Named<Phase>, 4> phase_names{{{Phase::release, "release"},
                                                          {Phase::stretch, "stretch"},
                                                          {Phase::strengthen, "strengthen"},
                                                          {Phase::integrate, "integrate"}}};
inline constexpr std::array<Named<Region>, 5> region_names{{{Region::pelvis, "pelvis"},
                                                            {Region::hip, "hip"},
                                                            {Region::knee, "knee"},
                                                            {Region::ankle, "ankle"},
                                                            {Region::foot, "foot"}}};
// Where a note is printed: a short banner at the top of a plan, or at the end.
enum class Placement { end, top };

inline constexpr std::array<Named<Placement>, 2> placement_names{{{Placement::end, "end"}, {Placement::top, "top"}}};
inline constexpr std::array<Named<Side>, 3> side_names{
    {{Side::both, "both"}, {Side::left, "left"}, {Side::right, "right"}}};

// How hard a logged session felt.
enum class Effort { easy, right, hard };
inline constexpr std::array<Named<Effort>, 3> effort_names{
    {{Effort::easy, "easy"}, {Effort::right, "right"}, {Effort::hard, "hard"}}};

// The rules that move a saved programme between stages by its log.
enum class ProgressionKind { advance, hold, step_back, pause };
inline constexpr std::array<Named<ProgressionKind>, 4> progression_kind_names{
    {{ProgressionKind::advance, "advance"},
     {ProgressionKind::hold, "hold"},
     {ProgressionKind::step_back, "step-back"},
     {ProgressionKind::pause, "pause"}}};

// The values of a name table, in its order.
template <typename Enum, std::size_t N>
constexpr std::array<Enum, N> values_of(const std::array<Named<Enum>, N>& table) {
  std::array<Enum, N> values{};
  for (std::size_t i = 0; i < N; ++i) {
    values[i] = table[i].value;
  }
  return values;
}

// The names of a name table, in its order (for "choose one of ..." lists).
template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const std::array<Named<Enum>, N>& table) {
  std::vector<std::string> names;
  names.reserve(N);
  for (const auto& entry : table) {
    names.emplace_back(entry.name);
  }
  return names;
}

inline constexpr std::array<Phase, 4> all_phases = values_of(phase_names);
inline constexpr std::array<Region, 5> all_regions = values_of(region_names);

[[nodiscard]] std::string_view to_string(Phase phase);
[[nodiscard]] std::string_view to_string(Region region);
[[nodiscard]] std::string_view to_string(Side side);
[[nodiscard]] std::string_view to_string(Placement placement);
[[nodiscard]] std::optional<Phase> parse_phase(std::string_view text);
[[nodiscard]] std::optional<Region> parse_region(std::string_view text);
[[nodiscard]] std::optional<Side> parse_side(std::string_view text);
[[nodiscard]] std::optional<Placement> parse_placement(std::string_view text);
[[nodiscard]] std::string_view to_string(Effort effort);
[[nodiscard]] std::optional<Effort> parse_effort(std::string_view text);
[[nodiscard]] std::optional<ProgressionKind> parse_progression_kind(std::string_view text);

// Limits shared by requests (the planner, the command line) and catalogues
// (a progression's week), so each is checked against the same number.
inline constexpr int max_week = 104;              // a programme's last week
inline constexpr int max_minutes = 600;           // a session's time budget
inline constexpr int max_session_exercises = 60;  // a session's exercise count
inline constexpr int max_shortlist = 100;         // the exercises a phase's short list keeps
// What a person who says nothing gets: the one place these numbers live
// (the command line's help, its defaults and a saved programme's fields).
inline constexpr int default_minutes = 20;           // a session's time budget
inline constexpr int default_session_exercises = 6;  // a session's exercise count
inline constexpr int default_days_a_week = 3;        // training days, spread over the week
inline constexpr int default_programme_weeks = 6;    // export's programme length
// The planner tracks (problem, phase) pairs in 64 bits: 16 problems of 4 phases.
inline constexpr std::size_t max_plan_problems = 16;

// An inclusive count or number of seconds, such as 20 or 10-15. A default
// Range (0-0) means "not given".
struct Range {
  int min = 0;
  int max = 0;

  [[nodiscard]] bool given() const { return max > 0; }
  friend bool operator==(const Range& a, const Range& b) { return a.min == b.min && a.max == b.max; }
  friend bool operator!=(const Range& a, const Range& b) { return !(a == b); }
};

// The structs below compare field by field: tied() lists every field, and
// model.cpp checks each struct's size so that a field added but left out of
// tied() (and of tools/compile_catalogue.cpp, which writes every field)
// fails the build.

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

  [[nodiscard]] auto tied() const {
    return std::tie(sets, reps, hold_seconds, duration_seconds, per_side, seconds_per_rep, extra_set_side);
  }
  friend bool operator==(const Dose& a, const Dose& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Dose& a, const Dose& b) { return !(a == b); }
};

// Dose fields a progression replaces; unset ones stay as they were.
struct DoseChange {
  std::optional<Range> sets;
  std::optional<Range> reps;
  std::optional<Range> hold_seconds;
  std::optional<Range> duration_seconds;

  [[nodiscard]] auto tied() const { return std::tie(sets, reps, hold_seconds, duration_seconds); }
  friend bool operator==(const DoseChange& a, const DoseChange& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const DoseChange& a, const DoseChange& b) { return !(a == b); }
};

struct Progression {
  int week = 0;        // applies from this week on
  std::string change;  // what to do differently, one sentence
  DoseChange dose;

  [[nodiscard]] auto tied() const { return std::tie(week, change, dose); }
  friend bool operator==(const Progression& a, const Progression& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Progression& a, const Progression& b) { return !(a == b); }
};

struct Muscle {
  std::string id;
  std::string name;   // anatomical: "gluteus medius"
  std::string plain;  // everyday words: "side of the hip"; empty: the name is plain already
  Region region = Region::hip;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, plain, region, where); }
  friend bool operator==(const Muscle& a, const Muscle& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Muscle& a, const Muscle& b) { return !(a == b); }
};

// A named set of muscles ("glutes", "abductors") so coarse tags still match.
struct MuscleGroup {
  std::string id;
  std::string name;
  std::string plain;  // as Muscle::plain
  std::vector<std::string> members;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, plain, members, where); }
  friend bool operator==(const MuscleGroup& a, const MuscleGroup& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const MuscleGroup& a, const MuscleGroup& b) { return !(a == b); }
};

struct Equipment {
  std::string id;
  std::string name;
  bool household = false;            // everyone has it: always allowed
  std::vector<std::string> aliases;  // names other datasets use for it ("foam roll")
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, household, aliases, where); }
  friend bool operator==(const Equipment& a, const Equipment& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Equipment& a, const Equipment& b) { return !(a == b); }
};

struct Problem {
  std::string id;
  std::string name;
  std::string summary;
  std::vector<std::string> overactive;   // released and stretched
  std::vector<std::string> underactive;  // strengthened
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, summary, overactive, underactive, sources, where); }
  friend bool operator==(const Problem& a, const Problem& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Problem& a, const Problem& b) { return !(a == b); }
};

// What a self-test's answer is: a length, an angle, or a yes/no.
enum class Unit { cm, mm, degrees, yes_no };
// When a self-test is positive: the answer is below or above the threshold,
// or (yes/no tests) it is yes.
enum class Comparison { below, above, yes };

// Names as catalogue files spell them; tools/compile_catalogue writes a value
// as its name with "-" as "_" ("yes-no" is Unit::yes_no).
inline constexpr std::array<Named<Unit>, 4> unit_names{
    {{Unit::cm, "cm"}, {Unit::mm, "mm"}, {Unit::degrees, "degrees"}, {Unit::yes_no, "yes-no"}}};
inline constexpr std::array<Named<Comparison>, 3> comparison_names{
    {{Comparison::below, "below"}, {Comparison::above, "above"}, {Comparison::yes, "yes"}}};

[[nodiscard]] std::string_view to_string(Unit unit);
[[nodiscard]] std::string_view to_string(Comparison comparison);
[[nodiscard]] std::optional<Unit> parse_unit(std::string_view text);
[[nodiscard]] std::optional<Comparison> parse_comparison(std::string_view text);

// A test a person can do at home that points to one problem: how to do it,
// what to look at, and what the answer means. `valgus problems` prints them;
// `valgus assess` asks them one at a time.
struct SelfTest {
  std::string id;
  std::string name;
  std::string problem;                    // the problem id a positive result points to
  std::vector<std::string> instructions;  // short steps in everyday words
  std::string look_for;                   // the one thing to watch
  // The question asked, about the positive sign so that yes always means
  // positive ("Did the kneecap move inside the big toe?"); a number: "How far
  // ...?".
  std::string question;
  // Another test's id, or empty: this test is asked for a side only when
  // that test was positive on it (the heels-raised squat follows a caved
  // single-leg squat), and its answer counts only there.
  std::string asked_if;
  Unit unit = Unit::yes_no;
  Comparison comparison = Comparison::yes;
  // Numeric units only: positive below or above this; answers lie in `range`.
  std::optional<double> threshold;
  Range range;  // valid answers (min may be 0); not given for yes/no tests
  bool per_side = false;
  // Numeric per-side tests: a difference between the sides of more than
  // this makes the worse side the one that gets more volume.
  std::optional<double> side_difference;
  std::string positive;  // what a positive result means, one sentence
  std::string negative;  // what a negative one means
  std::vector<std::string> sources;
  SourceLocation where;
  Figure figure;  // what to look for, drawn (start: as it should be, end: the sign)

  // Whether `answer` (the number, or 1 for yes and 0 for no) is positive.
  [[nodiscard]] bool positive_at(double answer) const;

  [[nodiscard]] auto tied() const {
    return std::tie(id, name, problem, instructions, look_for, question, asked_if, unit, comparison, threshold, range,
                    per_side, side_difference, positive, negative, sources, where, figure);
  }
  friend bool operator==(const SelfTest& a, const SelfTest& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const SelfTest& a, const SelfTest& b) { return !(a == b); }
};

// A warning sign that sends a person to a clinician before any programme.
struct RedFlag {
  std::string id;
  std::string question;  // answered yes or no, in everyday words
  std::string why;       // what a yes may mean and whom to see
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, question, why, sources, where); }
  friend bool operator==(const RedFlag& a, const RedFlag& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const RedFlag& a, const RedFlag& b) { return !(a == b); }
};

// A warning symptom a person can log (`valgus log --symptom ID`): any one
// pauses the programme until a clinician has seen the knee.
struct Symptom {
  std::string id;
  std::string name;      // in everyday words, for "swelling logged on ..."
  std::string question;  // asked at the end of a guided session, yes or no
  std::string why;       // what it may mean and whom to see
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, question, why, sources, where); }
  friend bool operator==(const Symptom& a, const Symptom& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Symptom& a, const Symptom& b) { return !(a == b); }
};

// How often a week asks for a phase's exercises: an exercise chosen for the
// week appears in at least `per_week.min` sessions (when there are that
// many) and at most `per_week.max`.
//
// Per session of a week: at most `session_most` of the phase's exercises (a
// hard limit; unset: none) and, as a target the planner pursues when the
// week's exercises allow, at least `session_least`.
struct PhaseRule {
  std::string id;  // the phase's name
  Range per_week{1, 7};
  std::optional<int> session_most;
  int session_least = 0;
  // How many of its exercises the week weighs: each muscle's best N (the
  // phases that serve a muscle share its count), or the week's best N for a
  // phase that serves none. Unset: every one.
  std::optional<int> shortlist;
  std::string why;
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const {
    return std::tie(id, per_week, session_most, session_least, shortlist, why, sources, where);
  }
  friend bool operator==(const PhaseRule& a, const PhaseRule& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const PhaseRule& a, const PhaseRule& b) { return !(a == b); }
};

// How a session of a week shares its time: at least `active_percent` of it
// on strengthen and integrate work (a hard limit), whatever the rule's id.
struct SessionRule {
  std::string id;
  int active_percent = 0;
  std::string why;
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, active_percent, why, sources, where); }
  friend bool operator==(const SessionRule& a, const SessionRule& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const SessionRule& a, const SessionRule& b) { return !(a == b); }
};

// When a saved programme moves by its log (the pain-monitoring model: a
// session's pain is the higher of during and the next morning). `advance`:
// over the last `window_days`, at least `adherence_percent` of the planned
// sessions were logged, mean pain was at most `mean_pain_at_most` and at
// most `hard_sessions_at_most` sessions felt hard. `hold`: a session in that
// window with pain of at least `pain_at_least` keeps the stage. `step_back`:
// `sessions` sessions since the stage began had pain of at least
// `pain_at_least`. `pause`: `sessions` sessions with pain of at least
// `pain_at_least` pause the programme until `valgus resume`. Fields a rule
// does not use are 0.
struct ProgressionRule {
  std::string id;  // "advance", "hold", "step-back" or "pause"
  int window_days = 0;
  int adherence_percent = 0;
  int mean_pain_at_most = 0;
  int hard_sessions_at_most = 0;
  int pain_at_least = 0;
  int sessions = 0;
  std::string why;
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const {
    return std::tie(id, window_days, adherence_percent, mean_pain_at_most, hard_sessions_at_most, pain_at_least,
                    sessions, why, sources, where);
  }
  friend bool operator==(const ProgressionRule& a, const ProgressionRule& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const ProgressionRule& a, const ProgressionRule& b) { return !(a == b); }
};

struct Exercise {
  std::string id;
  std::string name;
  Phase phase = Phase::release;
  Region region = Region::hip;
  std::vector<std::string> targets;  // muscle or group ids: what it is chosen to work
  // Muscles it loads besides its targets (the leg raise's hip flexors): never
  // counted as covering a problem, only kept apart from loosening work.
  std::vector<std::string> also_works;
  std::vector<std::string> equipment;  // every item needed
  // Worked against a band or a load: never on consecutive days.
  bool resisted = false;
  // Jumps, hops and drops: left out while pain has stepped the programme
  // back, until it moves on again.
  bool impact = false;
  std::string summary;
  Dose dose;
  std::vector<std::string> steps;
  std::vector<std::string> cues;
  std::vector<std::string> sources;
  int priority = 2;                       // 1 essential, 2 normal, 3 optional
  std::vector<std::string> positions;     // position ids (integrate only)
  std::vector<std::string> alternatives;  // used when equipment is missing
  // The same movement in another form (other equipment, a band): never
  // planned beside the main exercise, only in its place.
  std::string variant_of;
  // On a variant, 0: a fallback, planned only when the main exercise's
  // equipment is missing; N >= 1: the main exercise's progression, in its
  // place from week N whenever its equipment is there. On any other
  // exercise, N >= 1: it joins the programme only from week N (a harder
  // drill after its easier ones); 0: from the first week.
  int from_week = 0;
  // A position drill (landing, running, ...): planned only when --when names
  // one of its positions.
  bool drill = false;
  // Exercises whose skill a cue relies on ("short foot"): the plan teaches
  // each in one line the first time it is relied on, unless it is planned.
  std::vector<std::string> skills;
  // How to do this exercise in one line, for plans that rely on it as a skill.
  std::string teach;
  std::string origin;  // "built-in", "user" or the --catalog path it came from
  std::vector<Progression> progressions;
  Figure figure;  // how it is drawn; none given: a neutral placeholder
  SourceLocation where;

  [[nodiscard]] auto tied() const {
    return std::tie(id, name, phase, region, targets, also_works, equipment, resisted, impact, summary, dose, steps,
                    cues, sources, priority, positions, alternatives, variant_of, from_week, drill, skills, teach,
                    origin, progressions, figure, where);
  }
  friend bool operator==(const Exercise& a, const Exercise& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Exercise& a, const Exercise& b) { return !(a == b); }
};

// A situation in which a knee caves (standing, squat, ...): --when picks one,
// and its advice says how to apply the cues there.
struct Position {
  std::string id;
  std::string name;
  std::string advice;
  std::vector<std::string> sources;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, advice, sources, where); }
  friend bool operator==(const Position& a, const Position& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Position& a, const Position& b) { return !(a == b); }
};

// A position to avoid during the day.
struct Habit {
  std::string id;
  std::string name;
  std::string advice;
  std::vector<std::string> sources;
  SourceLocation where;
  // Problem ids whose plans leave it out: the advice would feed them (knees
  // falling outwards turn a shin that is already turned out further out).
  std::vector<std::string> not_for;

  [[nodiscard]] auto tied() const { return std::tie(id, name, advice, sources, where, not_for); }
  friend bool operator==(const Habit& a, const Habit& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Habit& a, const Habit& b) { return !(a == b); }
};

// Notes of every plan: the safety banner at the top, the full safety note
// and others at the end.
struct Note {
  std::string id;
  std::string title;
  std::string text;
  std::vector<std::string> sources;
  Placement placement = Placement::end;
  SourceLocation where;
  // Problem ids: shown only in plans for one of `only_for` (empty: every
  // plan), never in plans for one of `not_for`.
  std::vector<std::string> only_for;
  std::vector<std::string> not_for;

  [[nodiscard]] auto tied() const { return std::tie(id, title, text, sources, placement, where, only_for, not_for); }
  friend bool operator==(const Note& a, const Note& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Note& a, const Note& b) { return !(a == b); }
};

}  // namespace valgus
