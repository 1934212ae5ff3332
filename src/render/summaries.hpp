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
// "Deleted the session logged on 2027-01-04."
[[nodiscard]] std::string render_log_deleted(Date date);
// "Session A finished: 5 of 5 exercises done." (and that nothing was logged
// when nothing was done).
[[nodiscard]] std::string render_go_end(const GoEnd& end);
// "Logged session A of 2027-01-04: 5 done, 0 skipped, pain 2, effort hard."
[[nodiscard]] std::string render_go_logged(const LoggedSummary& summary);
[[nodiscard]] std::string render_go_rest_day(const GoRestDay& day);

}  // namespace valgus
