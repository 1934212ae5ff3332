#pragma once

// What start, log and go say when they are done: the programme saved, the
// session logged (or deleted), the end of a guided session. A value in,
// plain text out (no colour: each is a line or two of facts).

#include "core/follow/stage.hpp"
#include "core/model/calendar_date.hpp"
#include "core/plan/planner.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace valgus {

// A programme saved by `valgus start`.
struct StartSummary {
  const Plan* plan = nullptr;  // planned from the saved request
  std::string path;            // where it was saved
  Date start;                  // its first day
};

// A session written to the log.
struct LoggedSummary {
  const LoggedSession* logged = nullptr;
  bool replaced = false;  // it took the place of the entry of that day
  std::string source;     // which programme: "saved programme PATH" (log only)
  // What this entry paused, when it did (said at once, after the summary).
  std::optional<SafetyEvent> pause;
  // The catalogue's names of the symptoms logged ("swelling"), in order.
  std::vector<std::string> symptom_names;
};

// Next-morning pain and symptoms added to a logged session.
struct AmendedSummary {
  Date session;                     // the session's date
  std::optional<int> next_morning;  // as logged now
  std::vector<std::string> symptom_names;
  std::optional<SafetyEvent> pause;  // what this paused, when it did
};

// A guided session ended by a signal (Ctrl-C) before anything was logged.
struct GoInterrupted {
  Date date;
  std::vector<std::string> done;      // exercise ids done so far
  std::vector<std::string> not_done;  // the rest of the session's ids, in order
};

// A resume after a pause.
struct ResumedSummary {
  SafetyEvent pause;  // the pause it ends
  Date date;
  std::string stage;  // "stage 1 of 3 (week 1 doses)"
};

// A guided session's end, before anything is logged.
struct GoEnd {
  std::string session;  // the session's id: "A"
  std::size_t done = 0;
  std::size_t total = 0;
  bool stopped = false;  // q before the end
};

// A day `valgus go` has no session for.
struct GoRestDay {
  Date date;
  std::optional<Date> next_date;  // the next session's day, if any
  const PlannedSession* next_session = nullptr;
};

[[nodiscard]] std::string render_start_summary(const StartSummary& summary);
// "Logged session A of 2027-01-04 (week 1 doses): 5 of 6 exercises done, pain 2/10."
[[nodiscard]] std::string render_log_summary(const LoggedSummary& summary);
// "Added to the session of 2027-01-04: pain the next morning 7/10." and the
// pause it caused.
[[nodiscard]] std::string render_amended(const AmendedSummary& summary);
// The pause in force: since when and why, not to train, to ignore calendar
// reminders, whom to see, and how to go on once cleared. Lines of at most
// 80 columns (the reason may run longer).
[[nodiscard]] std::string render_pause(const SafetyEvent& pause);
// One line for standard error: nothing was logged, and the `valgus log`
// command that would log what was done (none when nothing was).
[[nodiscard]] std::string render_go_interrupted(const GoInterrupted& stopped);
// The `valgus log` command that records `logged` as it is (date, pain,
// effort, skipped exercises, symptoms): what to run when go could not write
// it. One line, no newline.
[[nodiscard]] std::string log_command_for(const LoggedSession& logged);
// "Resumed on 2027-01-20 after the pause since 2027-01-06 ..."
[[nodiscard]] std::string render_resumed(const ResumedSummary& summary);
// "Deleted the session logged on 2027-01-04."
[[nodiscard]] std::string render_log_deleted(std::string_view date);
// "Session A finished: 5 of 5 exercises done." (and that nothing was logged
// when nothing was done).
[[nodiscard]] std::string render_go_end(const GoEnd& end);
// "Logged session A of 2027-01-04: 5 done, 0 skipped, pain 2, effort hard."
[[nodiscard]] std::string render_go_logged(const LoggedSummary& summary);
[[nodiscard]] std::string render_go_rest_day(const GoRestDay& day);

}  // namespace valgus
