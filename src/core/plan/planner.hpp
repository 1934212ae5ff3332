#pragma once

// The rule engine: a request (what the person reported) and a catalogue in,
// a plan (the ordered routine, with the reason for every exercise) out.
// The names in a request are resolved by core/plan/resolve.hpp; make_plan is a
// pipeline of passes (core/plan/passes.hpp).

#include "core/catalogue/catalogue.hpp"
#include "core/model/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

class WeekStore;  // core/plan/week_store.hpp

struct Request {
  std::vector<std::string> problems;  // problem ids, in the order given
  // What the person has (equipment ids); unset means everything.
  std::optional<std::vector<std::string>> equipment;
  std::optional<int> minutes;  // session budget
  Side side = Side::both;      // the leg that caves more gets more volume
  std::string when;            // position id where the knee caves; empty: not said
  int week = 1;                // progressions due by this week apply
  int weeks = 1;               // programme length: weeks > 1 adds a schedule
  // Training days of the week (0 = Monday), ascending: a week of sessions,
  // each within `minutes` and `max_exercises`. Empty: one full routine.
  std::vector<int> days;
  std::optional<int> max_exercises;  // per session
  // Work out the smallest limits that would hold what the week leaves out
  // (Plan::fits_with): a few more solves, skipped for a programme's later
  // weeks, whose advice nobody reads.
  bool advise = true;
  // Pain has stepped a saved programme back (or it resumed after a pause):
  // jumps, hops and drops (`impact: true`) wait until it moves on again,
  // even when they are the only drills for the position.
  bool leave_out_impact = false;
};

// Why an exercise is in the plan: which problem, and which of its muscles
// the exercise works. Integration exercises serve every problem.
struct Reason {
  std::string problem_id;
  std::string problem_name;
  std::vector<std::string> muscle_ids;  // as the problem names them
  std::vector<std::string> muscle_names;
};

// A skill an exercise relies on, taught in one line where the plan first
// needs it (its own exercise is not planned before).
struct TaughtSkill {
  std::string id;
  std::string name;
  std::string how;
};

// An exercise as it appears in a plan or a listing, with names resolved so
// renderers need no catalogue.
// An earlier stage of the week's dose, with its time: what a week keeps
// when the harder dose would cost it the work of a weak muscle.
struct EarlierDose {
  Dose dose;
  std::vector<std::string> progress;  // the progressions it has
  int stage = 0;                      // how many of the dose's progression weeks it has
  int held_week = 0;                  // the first progression week it leaves out
  std::int64_t seconds = 0;
};

struct PlannedExercise {
  Exercise exercise;
  Dose dose;  // the dose to do (the catalogue's, adjusted for the person)
  std::vector<std::string> target_names;
  std::vector<std::string> equipment_names;  // what is needed beyond the household
  std::vector<Reason> reasons;
  std::vector<std::string> progress;  // progressions applied by this week
  std::vector<TaughtSkill> skills_taught;
  std::string form_of;               // the main exercise this later form replaces this week, by name
  int per_week = 1;                  // sessions a week it is in (1 for a full routine)
  std::int64_t seconds = 0;          // estimated time for the whole dose
  int stage = 0;                     // progression weeks due by the week
  std::vector<EarlierDose> earlier;  // the stage before and the first, when progressions are due
  // The easier form this week's harder one replaces (none or one), with its
  // own dose for the week: what a week keeps when the harder form would cost
  // a weak muscle its work. This form's stages count on from its stage.
  std::vector<PlannedExercise> base_form;
};

// One row of a multi-week programme: from `week` on, `exercise` changes.
struct ScheduledChange {
  int week = 0;
  std::string exercise;
  std::string change;
  std::string dose;  // the dose from that week on
};

struct PlannedPhase {
  Phase phase = Phase::release;
  std::vector<PlannedExercise> exercises;
  std::int64_t seconds = 0;
  std::string empty_reason;  // why the phase has no exercise, when it has none
};

// One session of the week: the days it is done on (identical sessions are
// one, done on several days) and its exercises in plan order.
struct PlannedSession {
  std::string id;         // "A", "B", ...
  std::vector<int> days;  // 0 = Monday
  std::vector<std::string> exercise_ids;
  std::int64_t seconds = 0;
};

// Why a muscle the prescription calls for is not worked in the week.
enum class UncoveredWhy {
  not_in_catalogue,  // no exercise of the catalogue works it in that phase
  no_equipment,      // only exercises needing equipment the person lacks do
  no_room,           // the days, minutes and exercise cap cannot hold it with the rest
};

// A weak (underactive) muscle of a chosen problem that no strengthen exercise
// of the week works, or a tight (overactive) one that no release or stretch
// exercise works.
[[nodiscard]] std::string_view to_string(UncoveredWhy why);  // "no-room", ...

struct UncoveredMuscle {
  std::string problem_id;
  std::string problem_name;
  std::string muscle_id;  // as the problem names it (a muscle or a group)
  std::string muscle_name;
  Phase phase = Phase::strengthen;  // strengthen (weak), or release or stretch (tight)
  UncoveredWhy why = UncoveredWhy::no_room;

  friend bool operator==(const UncoveredMuscle& a, const UncoveredMuscle& b) {
    return std::tie(a.problem_id, a.muscle_id, a.phase, a.why) == std::tie(b.problem_id, b.muscle_id, b.phase, b.why);
  }
};

// Why the prescription calls for an exercise the week could not hold.
enum class LeftOutWhy {
  essential,       // priority 1
  only_exercise,   // the only exercise (with the person's equipment) for a muscle of the problems
  position_drill,  // the drill for the position where the knee caves, in fewer than two sessions
};

struct LeftOutExercise {
  std::string id;
  std::string name;
  LeftOutWhy why = LeftOutWhy::essential;
};

// For each limit, the smallest value that, the other two unchanged, holds
// everything the week leaves out (both `left_out` and `uncovered` empty);
// unset when no value up to the limit's maximum does, or nothing is missing.
// Days are a count, on the default weekday pattern for that count.
struct FitsWith {
  std::optional<int> minutes;
  std::optional<int> days;
  std::optional<int> max_exercises;

  friend bool operator==(const FitsWith& a, const FitsWith& b) {
    return a.minutes == b.minutes && a.days == b.days && a.max_exercises == b.max_exercises;
  }
};

// A limit the person sets on a plan. Advice names the limit to change and
// its value; the command line words it as its option, so core names none.
enum class Limit { minutes, days, max_exercises };

// A limit at a value: {Limit::days, 4} is four days a week.
struct LimitValue {
  Limit limit = Limit::minutes;
  int value = 0;

  friend bool operator==(const LimitValue& a, const LimitValue& b) { return a.limit == b.limit && a.value == b.value; }
  friend bool operator!=(const LimitValue& a, const LimitValue& b) { return !(a == b); }
};

// The limits a full routine or a week was planned within.
struct SessionLimits {
  int days = 1;                      // sessions a week; 1 for a full routine
  std::optional<int> minutes;        // a session's; unset: no time limit
  std::optional<int> max_exercises;  // a session's

  friend bool operator==(const SessionLimits& a, const SessionLimits& b) {
    return a.days == b.days && a.minutes == b.minutes && a.max_exercises == b.max_exercises;
  }
  friend bool operator!=(const SessionLimits& a, const SessionLimits& b) { return !(a == b); }
};

// What the limits could not hold, as facts for the renderers to word: what
// was left out and not covered under which limits, and which single limit
// at which value would hold it all.
struct TimeShortfall {
  bool week = true;  // a week of sessions; false: one full routine within its minutes
  SessionLimits limits;
  std::vector<LeftOutExercise> left_out;
  std::vector<UncoveredMuscle> uncovered;
  FitsWith fits_with;
};

// Something the planner changed for the person, and why: shown in the
// "adjusted for you" block of every format.
enum class AdjustmentKind { substituted, left_out, unlock, time, side, position, progressed };
[[nodiscard]] std::string_view to_string(AdjustmentKind kind);

struct Adjustment {
  AdjustmentKind kind = AdjustmentKind::substituted;
  std::string text;              // empty when `shortfall` holds the facts instead
  Phase phase = Phase::release;  // for unlock: the phase that would be empty
  // A time adjustment that advises a limit: renderers word it
  // (render/adjustment_wording.hpp), naming the limit's option.
  std::optional<TimeShortfall> shortfall{};
  // An exercise the text says is in the plan (a substitute, or the one that
  // does a left-out exercise's work): when the week leaves it out after
  // all, `otherwise` is said instead.
  std::string relies_on{};
  std::string otherwise{};
};

// One week of a programme, planned as `plan --week N` plans it: its
// progressions applied, then fitted to the budget.
struct PlannedWeek {
  int week = 0;
  std::vector<PlannedPhase> phases;  // all four, in order
  std::vector<PlannedSession> sessions;
  std::int64_t seconds = 0;
  bool over_budget = false;
  // What differs from the week before beyond doses: an exercise the
  // budget left out once progressions lengthened the session, a variant
  // taking a place, an exercise joining; one sentence each.
  std::vector<std::string> changes;
};

struct Plan {
  std::vector<Problem> problems;
  std::vector<PlannedPhase> phases;  // always all four, in order; every exercise of the week once
  std::int64_t seconds = 0;          // a full routine's time; a week's longest session
  std::vector<int> days;             // training days (0 = Monday); empty: a full routine
  std::optional<int> max_exercises;  // per session
  std::vector<PlannedSession> sessions;
  std::vector<UncoveredMuscle> uncovered;  // muscles of the problems the week does not work
  std::vector<LeftOutExercise> left_out;   // what the prescription calls for that the week cannot hold
  FitsWith fits_with;
  int week = 1;
  int weeks = 1;
  std::optional<int> budget_minutes;
  // Even the shortest plan that keeps every problem in every phase is over
  // the budget; `seconds` is then that minimum.
  bool over_budget = false;
  std::optional<Position> position;  // where the knee caves, with advice
  std::vector<Adjustment> adjustments;
  std::vector<ScheduledChange> schedule;   // weeks after the first, for a programme
  std::vector<PlannedWeek> planned_weeks;  // every week from `week`, for a programme
  std::vector<Habit> habits;
  std::vector<Note> notes;
  // No equipment was said, so every item was assumed at hand: the names of
  // those the plan uses (not household things), in catalogue order.
  bool equipment_assumed = false;
  std::vector<std::string> assumed_equipment;
  // What to do when it hurts, for handouts with no `today` to stop anyone:
  // the catalogue's pain rules and warning symptoms.
  std::vector<ProgressionRule> progression_rules;
  std::vector<Symptom> symptoms;

  [[nodiscard]] std::size_t exercise_count() const;
};

// Runs the passes of core/plan/passes.hpp in order. Throws Error(usage) for a
// request core/plan/resolve.hpp refuses: a week or minutes out of range, no
// problem, an unknown problem id or position. With `kept`, weeks solved by
// an earlier run are read from it and new ones kept in it
// (core/plan/week_store.hpp); the plan is the same either way.
[[nodiscard]] Plan make_plan(const Catalogue& catalogue, const Request& request, WeekStore* kept = nullptr);

// What make_plan refuses as Error(usage), checked without planning: for a
// command that checks something more (a file to write) after what was
// typed and before the planning, which can take a second.
void check_plan_request(const Catalogue& catalogue, const Request& request);

// An exercise described for listing or showing, with its dose as written.
[[nodiscard]] PlannedExercise describe_exercise(const Catalogue& catalogue, const Exercise& exercise);

// The muscles of `problem` (as the problem names them) that `exercise`
// works in its phase; empty when the rule engine would not pick it.
[[nodiscard]] std::vector<std::string> matching_muscles(const Catalogue& catalogue, const Problem& problem,
                                                        const Exercise& exercise);

// Whether the rule engine picks `exercise` for `problem`.
[[nodiscard]] bool serves(const Catalogue& catalogue, const Problem& problem, const Exercise& exercise);

// Phase order, then region (pelvis to foot), then catalogue order.
void sort_in_plan_order(std::vector<PlannedExercise>& exercises);

// Whether `exercise` can be done with `available`; household items (floor,
// wall, chair, ...) are always there.
[[nodiscard]] bool can_do_with(const Catalogue& catalogue, const Exercise& exercise,
                               const std::vector<std::string>& available);

}  // namespace valgus
