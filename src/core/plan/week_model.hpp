#pragma once

// A week of sessions as one integer programme, solved exactly (GLPK's branch
// and cut) for a lexicographic objective. The planner describes each
// candidate exercise by what it covers (the problems' weak and tight
// muscles, as needs), what it costs (seconds, a slot) and the rules it obeys
// (weekly frequency, rest days, composition); the model knows nothing of
// exercises, so tests pit it against a brute-force search on small random
// instances. Pure: plain values in, plain values out.

#include "core/model/model.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace valgus {

// One candidate exercise as the week sees it.
struct WeekItem {
  Phase phase = Phase::strengthen;
  std::int64_t seconds = 0;
  Range per_week{1, 7};     // sessions a week once chosen: at least min (or every day), at most max
  bool resisted = false;    // never on consecutive training days
  bool position = false;    // trains the position where the knee caves
  bool prescribed = false;  // the prescription calls for it (an essential exercise)
  bool essential = false;   // priority 1: its sessions count before the active minutes
  std::vector<int> needs;   // the needs it covers (indices into WeekInput::needs)
  // Items it never shares a session with (it works a muscle they loosen).
  std::vector<int> apart_from;
  int rank = 0;  // the last tie-break: lower first (priority, then catalogue order)
  // A lighter dose of item `lighter_of` (an earlier stage of it): never
  // chosen with it or another of its doses. -1: an item in its own right.
  int lighter_of = -1;
  int stage = 0;  // of an item with lighter doses and of those doses: how far its dose has progressed

  [[nodiscard]] auto tied() const {
    return std::tie(phase, seconds, per_week, resisted, position, prescribed, essential, needs, apart_from, rank,
                    lighter_of, stage);
  }
  friend bool operator==(const WeekItem& a, const WeekItem& b) { return a.tied() == b.tied(); }
};

// A muscle of the problems the week should work: strengthen a weak one,
// release or stretch a tight one.
struct WeekNeed {
  bool weak = true;

  friend bool operator==(const WeekNeed& a, const WeekNeed& b) { return a.weak == b.weak; }
};

// How every session is composed (the catalogue's phase and session rules).
struct Composition {
  std::array<std::optional<int>, 4> most{};  // by phase: a hard limit
  std::array<int, 4> least{};                // by phase: a target, never a reason to fail
  int active_percent = 0;                    // least share of time on strengthen + integrate: hard
  bool integrate_every_session = false;      // hard, whenever an integration exercise fits a session

  [[nodiscard]] auto tied() const { return std::tie(most, least, active_percent, integrate_every_session); }
  friend bool operator==(const Composition& a, const Composition& b) { return a.tied() == b.tied(); }
};

struct WeekShape {
  std::vector<int> weekdays;            // training days, 0 = Monday, ascending; one session each
  std::optional<std::int64_t> seconds;  // per session; none: unlimited
  std::optional<int> exercises;         // per session; none: unlimited
  bool need_position = false;           // a position drill in at least two sessions (every one with fewer)

  [[nodiscard]] auto tied() const { return std::tie(weekdays, seconds, exercises, need_position); }
  friend bool operator==(const WeekShape& a, const WeekShape& b) { return a.tied() == b.tied(); }
};

struct WeekInput {
  std::vector<WeekItem> items;
  std::vector<WeekNeed> needs;
  Composition composition;
  WeekShape shape;

  [[nodiscard]] auto tied() const { return std::tie(items, needs, composition, shape); }
  friend bool operator==(const WeekInput& a, const WeekInput& b) { return a.tied() == b.tied(); }
};

// The goals, in order; each is maximised with the ones before it held.
enum class WeekGoal {
  position,         // sessions training the position where the knee caves, up to two
  weak_covered,     // weak needs covered
  progressed,       // minus the stages of progression held back (only to hold a weak muscle or the position)
  tight_covered,    // tight needs covered
  prescribed,       // prescribed items held
  composition,      // sessions meeting each phase's least, counted per exercise up to the least
  essential_slots,  // places in sessions taken by essential (priority 1) exercises: single-leg work first
  active_minutes,   // time on strengthen + integrate, each exercise in whole minutes (as shown)
  few_sessions,     // minus the period the sessions rotate with: A A A, then A B A B, then A B C A B C ...
                    // (a person learns two or three sessions, not seven)
  short_week,       // minus the week's seconds
  preferred,        // minus the chosen items' ranks
};
inline constexpr std::size_t week_goal_count = 11;

struct WeekChoice {
  std::vector<std::vector<std::size_t>> sessions;     // per training day: item indices, ascending
  std::vector<bool> covered;                          // per need
  std::vector<int> per_week;                          // per item: sessions it is in
  bool position_held = false;                         // a position item in min(2, days) sessions
  std::array<std::int64_t, week_goal_count> score{};  // each goal's value, as maximised
};

// The stages of progression a lighter dose holds back (0 for an item in its
// own right): what the progressed goal counts against a week.
[[nodiscard]] inline int held_back(const WeekInput& input, const WeekItem& item) {
  return item.lighter_of < 0 ? 0 : input.items[static_cast<std::size_t>(item.lighter_of)].stage - item.stage;
}

// Sessions a week the position drill is wanted in: two, or every session
// of a shorter week; none when no position was asked for.
[[nodiscard]] inline int position_target(const WeekInput& input) {
  return input.shape.need_position ? std::min(2, static_cast<int>(input.shape.weekdays.size())) : 0;
}

// Strengthen and integrate: the active work a session spends at least half
// its time on.
[[nodiscard]] inline bool active_phase(Phase phase) { return phase == Phase::strengthen || phase == Phase::integrate; }

// Whether `item` fits a session of `shape` on its own.
[[nodiscard]] inline bool fits_alone(const WeekItem& item, const WeekShape& shape) {
  return (!shape.seconds || item.seconds <= *shape.seconds) && (!shape.exercises || *shape.exercises >= 1);
}

// An exercise's time as the active-time goal counts it: whole minutes, as
// the plan shows it. Seconds would make the solver prove which of many
// packings is a few seconds longer, for no difference a person would notice.
[[nodiscard]] inline std::int64_t goal_minutes(std::int64_t seconds) { return (seconds + 30) / 60; }

// The best week: every hard rule kept (among them: at most three distinct
// sessions, done in turn), the goals maximised in order. Every
// answer is proven optimal (GLPK with a zero gap); a week with no item is
// the answer when nothing fits.
[[nodiscard]] WeekChoice solve_week(const WeekInput& input);

// Whether some week within the limits covers every need, holds every
// prescribed item and the position drill: what "it fits" means for advice.
[[nodiscard]] bool holds_everything(const WeekInput& input);

// Whether the composition asks an integration exercise of every session and
// one fits a session. The rule lapses for a week that no arrangement lets
// keep it (solve_week then answers a week without it).
[[nodiscard]] bool integration_rule_asked(const WeekInput& input);

// Whether the rule is asked and some week keeps it (a feasibility search,
// much cheaper than solve_week); when none can, the rule lapses rather than
// the week failing.
[[nodiscard]] bool integration_rule_in_force(const WeekInput& input);

// The hard rules, checked on a given week (for tests, brute force and weeks
// read back): true when `sessions` keeps every limit of `input`; with
// `integration_lapsed`, every one but an integration exercise in each session.
[[nodiscard]] bool keeps_rules(const WeekInput& input, const std::vector<std::vector<std::size_t>>& sessions,
                               bool integration_lapsed = false);

// A given week as solve_week answers it: its sessions, what they cover and
// hold, and its score.
[[nodiscard]] WeekChoice describe_week(const WeekInput& input, std::vector<std::vector<std::size_t>> sessions);

// Items the week tells apart only by rank (a catalogue with near copies of
// an exercise, generated or imported, has many): the same phase, time,
// weekly range, flags, needs and stage, no lighter dose, and apart from the
// same other items. Swapping two changes no goal but the last, where the
// lower rank wins; so any best week can be brought, by such swaps, to one
// where a copy is chosen only with every lower-ranked one, and its sessions
// then put in the order the model asks of them. The pairs (a, b): a is
// chosen whenever b is; each group of copies in rank order.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> copies_in_order(const WeekInput& input);

// The goals' values of a given week, as solve_week scores them.
[[nodiscard]] std::array<std::int64_t, week_goal_count> score_week(
    const WeekInput& input, const std::vector<std::vector<std::size_t>>& sessions);

}  // namespace valgus
