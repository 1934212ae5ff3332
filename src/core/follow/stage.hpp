#pragma once

// Following a saved programme day by day: which session a date holds, the
// stage the log has earned (advance, hold, step back, by the catalogue's
// progression rules) and adherence week by week. Pure: the programme, the
// catalogue's rules, the log and the date come in; nothing is read here.

#include "core/catalogue/catalogue.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// One exercise of a logged session: done, or skipped.
struct LoggedExercise {
  std::string id;
  bool done = true;

  friend bool operator==(const LoggedExercise& a, const LoggedExercise& b) { return a.id == b.id && a.done == b.done; }
};

// One session done, as `valgus log` or `valgus go` records it.
struct LoggedSession {
  Date date;
  std::string session;      // the session's id in its week ("A"); empty: not known
  int stage_week = 1;       // the programme week whose doses were done
  std::optional<int> pain;  // 0..10
  std::optional<Effort> effort;
  std::string note;
  std::vector<LoggedExercise> exercises;  // in session order
  std::optional<int> next_morning_pain;   // 0..10: `valgus log --next-morning`
  std::vector<std::string> symptoms;      // warning symptom ids (catalogue `symptoms`), in catalogue order

  friend bool operator==(const LoggedSession& a, const LoggedSession& b) {
    return a.date == b.date && a.session == b.session && a.stage_week == b.stage_week && a.pain == b.pain &&
           a.effort == b.effort && a.note == b.note && a.exercises == b.exercises &&
           a.next_morning_pain == b.next_morning_pain && a.symptoms == b.symptoms;
  }
};

// A safety decision kept in the log beside the sessions: a pause (pain at
// the pause rule's level, or a warning symptom), the resume that ends it, an
// assessment that referred (its warning signs as the reason), and a
// clinician's clearance after it. Deleting a session never deletes one.
enum class SafetyKind { pause, resume, referred, cleared };
inline constexpr std::array<Named<SafetyKind>, 4> safety_kind_names{{{SafetyKind::pause, "pause"},
                                                                     {SafetyKind::resume, "resume"},
                                                                     {SafetyKind::referred, "referred"},
                                                                     {SafetyKind::cleared, "cleared"}}};

[[nodiscard]] std::string_view to_string(SafetyKind kind);
[[nodiscard]] std::optional<SafetyKind> parse_safety_kind(std::string_view text);

struct SafetyEvent {
  Date date;
  SafetyKind kind = SafetyKind::pause;
  std::string reason;  // a pause's: "pain of 9/10 on 2027-01-06"

  friend bool operator==(const SafetyEvent& a, const SafetyEvent& b) {
    return a.date == b.date && a.kind == b.kind && a.reason == b.reason;
  }
};

// One raw answer of a self-test as `valgus assess` stored it: 1 or 0 for a
// yes/no test, the number for a measured one; `side` is "left" or "right"
// for a per-side test, "" for another.
struct MeasuredValue {
  std::string test;
  std::string side;
  double value = 0;

  friend bool operator==(const MeasuredValue& a, const MeasuredValue& b) {
    return a.test == b.test && a.side == b.side && a.value == b.value;
  }
};

// One `valgus assess` result kept in the log, so re-tests can be compared.
struct StoredAssessment {
  Date date;
  bool refer = false;
  std::vector<std::string> problems;  // problem ids, in catalogue order
  Side side = Side::both;
  std::vector<MeasuredValue> values;  // by test id, then side

  friend bool operator==(const StoredAssessment& a, const StoredAssessment& b) {
    return a.date == b.date && a.refer == b.refer && a.problems == b.problems && a.side == b.side &&
           a.values == b.values;
  }
};

// What the progression rules read of one logged session.
struct SessionRecord {
  Date date;
  std::optional<int> pain;
  std::optional<Effort> effort;
  std::optional<int> next_morning_pain;
  bool symptom = false;  // a warning symptom was logged with it

  // The pain the rules judge: the higher of during and the next morning.
  [[nodiscard]] std::optional<int> worst_pain() const {
    if (pain && next_morning_pain) {
      return std::max(*pain, *next_morning_pain);
    }
    return pain ? pain : next_morning_pain;
  }
};

// The weeks whose progressions make a stage: week 1, then every later week
// in which a progression or a later form of `plan`'s exercises begins, in
// order. Stage n (0-based) plans with --week stage_weeks[n]. Give the whole
// routine (every exercise the programme's weeks may use).
[[nodiscard]] std::vector<int> stage_weeks(const Catalogue& catalogue, const Plan& plan);

enum class StageMove { start, advance, hold, step_back, resume };

// One decision: on `date` the programme went from `from` to `to` (stage
// indexes; equal for a hold), and why, in one sentence.
struct StageDecision {
  Date date;
  StageMove move = StageMove::hold;
  int from = 0;
  int to = 0;
  std::string why;
};

struct StageState {
  int stage = 0;  // index into the stage weeks
  int week = 1;   // stage_weeks[stage]
  int stages = 1;
  // Every decision up to the date, oldest first; the last says why the
  // stage is what it is today (the first is the start).
  std::vector<StageDecision> decisions;
  bool see_clinician = false;  // stepped back for pain: say to see a clinician if it persists
  // Stepped back for pain (or resumed after a pause): jumps and hops wait
  // until the programme moves on again.
  bool impact_out = false;
  // In force on the date: paused since this event, until `valgus resume`.
  std::optional<SafetyEvent> pause;
};

// The referral in force after `events`: the last assessment that referred,
// when no clearance came after it; nullopt otherwise.
[[nodiscard]] std::optional<SafetyEvent> referral_in_force(const std::vector<SafetyEvent>& events);

// The pause in force after `events` (sorted by date): the first pause since
// the last resume; nullopt when none.
[[nodiscard]] std::optional<SafetyEvent> pause_in_force(const std::vector<SafetyEvent>& events);

// Why logging `session` (with `records`, the log before it, sorted by date,
// and `events`, the safety decisions so far) pauses the programme: a warning
// symptom, or pain at the pause rule's level in its count of sessions since
// the last resume; nullopt when it does not, or the programme is paused
// already. The reason names what and when ("pain of 9/10 on 2027-01-06").
[[nodiscard]] std::optional<SafetyEvent> pause_for(const Catalogue& catalogue, const LoggedSession& session,
                                                   const std::vector<SessionRecord>& records,
                                                   const std::vector<SafetyEvent>& events);

// The stage on `date`. Decisions fall on each week boundary of the
// programme (start + 7k): advance when the advance rule holds over its
// window (and no session in it reached the hold rule's pain) and the stage
// has lasted a whole window and the next stage's week has come; hold
// otherwise, saying which condition failed. A step back happens the day
// after the step-back rule's count of painful sessions since the stage
// began. A pause (from `events`) stops every decision until its resume,
// which restarts one stage lower. `records` and `events` are sorted by date.
[[nodiscard]] StageState stage_on(const Catalogue& catalogue, const std::vector<int>& weeks, Date start,
                                  const std::vector<int>& days, const std::vector<SessionRecord>& records,
                                  const std::vector<SafetyEvent>& events, Date date);

// What a date holds in a week plan.
struct DayPlan {
  Date date;
  int programme_week = 1;                   // 1 on the start's week; 0 before the start
  const PlannedSession* session = nullptr;  // nullptr: a rest day (or before the start)
  std::vector<PlannedExercise> exercises;   // the session's, in order
  // The next training day after `date` (within a week) and its session.
  std::optional<Date> next_date;
  const PlannedSession* next_session = nullptr;
};

// `plan` is a week plan (Plan::days not empty); its sessions repeat weekly
// from `start`.
[[nodiscard]] DayPlan day_plan(const Plan& plan, Date start, Date date);

// The session a log entry on `date` records: the day's session, or on a
// rest day the next one of the week (a session moved to another day).
[[nodiscard]] const PlannedSession* session_for_log(const Plan& plan, Date date);

// One week of the programme, as `valgus progress` shows it.
struct WeekProgress {
  int week = 1;  // programme week, 1 = the start's week
  Date first;    // its first day
  int planned = 0;
  int done = 0;
  std::optional<int> adherence_percent;  // none when nothing was planned
  std::optional<double> mean_pain;       // none when no pain was logged
  int hard = 0;                          // sessions that felt hard
  int stage = 0;                         // at the week's end (or on `date`)
  int stage_week = 1;
};

// Weeks 1.. up to the one holding `date`; planned counts the training days
// from `start` to `date` inclusive. `state` is stage_on(...) of the same
// records and date (computed once by the caller).
[[nodiscard]] std::vector<WeekProgress> progress_by_week(const StageState& state, const std::vector<int>& weeks,
                                                         Date start, const std::vector<int>& days,
                                                         const std::vector<SessionRecord>& records, Date date);

}  // namespace valgus
