#pragma once

// The log of sessions done: a SQLite database (the only file that holds
// SQL). WAL journal, a busy timeout so concurrent `valgus log` runs wait
// instead of failing, foreign keys on, one transaction per command, the
// schema versioned by PRAGMA user_version and migrated forward from every
// earlier version. Errors are valgus Errors: a file that is not a valgus
// database is 65 (never touched, never deleted), a newer schema is 65 with
// what to do, a database that cannot be written is 73, a full disk or an I/O
// failure 74.

#include "core/follow/stage.hpp"
#include "core/model/calendar_date.hpp"
#include "core/model/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// LoggedSession, LoggedExercise and StoredAssessment, the values stored,
// are in core/follow/stage.hpp.

class LogStore {
 public:
  enum class Access { read, write };

  // The schema version this build writes (PRAGMA user_version).
  static constexpr int schema_version = 4;

  // Opens the database at `path`. Access::write creates it (and its folders,
  // mode 0700; the file 0600) when missing and migrates an older schema;
  // Access::read never creates or changes anything: a missing file reads as
  // an empty log, an older schema is read as it is, and the -wal and -shm
  // files SQLite adds while reading are gone when the last reader closes
  // (only a WAL left by a crashed writer is folded back into the file, as
  // SQLite always does). A read-only folder or a full disk is read with
  // SQLite's immutable flag, since nobody can be writing there.
  //
  // A session or assessment row that cannot be read (a date that is none,
  // a pain of 11: another program edited the log) is left out of every
  // read, and `warn` is told once per row, in one line naming the log, the
  // row and how to delete it; empty: a "valgus: warning:" line on standard
  // error. One bad row never locks the log.
  using Warn = std::function<void(const std::string&)>;
  static LogStore open(const std::string& path, Access access, Warn warn = {});

  // The checks open makes of where the log lives (a folder, a link to
  // nothing or a file in its place, a -wal or -shm that is not a file or
  // not ours), alone: a command that reads the log before it writes calls
  // this first with Access::write, so a bad path is its 73, not a 66.
  static void check_path(const std::string& path, Access access);

  LogStore(LogStore&&) noexcept;
  LogStore& operator=(LogStore&&) noexcept;
  LogStore(const LogStore&) = delete;
  LogStore& operator=(const LogStore&) = delete;
  ~LogStore();

  // Records `session`, replacing the one of the same date, and `pause` when
  // the session pauses the programme; one transaction. Returns whether one
  // was replaced.
  bool record(const LoggedSession& session, const std::optional<SafetyEvent>& pause = std::nullopt);
  // Adds to the session of `date` its next-morning pain (when given) and
  // warning symptoms (added to those logged), and `pause`; one transaction.
  // False when no session is logged on `date`.
  bool amend(Date date, std::optional<int> next_morning_pain, const std::vector<std::string>& symptoms,
             const std::optional<SafetyEvent>& pause);
  // Records a safety decision (a resume, a clearance); one transaction.
  void record_event(const SafetyEvent& event);
  // Every safety decision, by date then in the order made; empty for a
  // missing log or one older than schema 3 (opened for reading).
  [[nodiscard]] std::vector<SafetyEvent> events() const;
  // Removes the session of `date`; whether there was one.
  bool remove(Date date);
  // Removes the sessions whose stored date is `text` exactly, a date or
  // not (how a row another program wrote as 2027-02-30 is deleted).
  bool remove_dated(std::string_view text);
  // Every session, oldest first; `with_exercises` false leaves
  // LoggedSession::exercises empty (faster for statistics).
  [[nodiscard]] std::vector<LoggedSession> sessions(bool with_exercises = true) const;
  // Which sessions each_session visits: from `since` on, and of those the
  // last `last` (by date).
  struct SessionFilter {
    std::optional<Date> since;
    std::optional<std::int64_t> last;
    bool skipped_only = false;  // of each session's exercises, only those not done
  };
  // Calls `visit` with each session, oldest first, exercises included, one
  // at a time as the rows are read: what a listing of a long log streams
  // (a session visited is not kept). Bad rows are left out as above.
  void each_session(const SessionFilter& filter, const std::function<void(const LoggedSession&)>& visit) const;
  // What the progression rules read of every session (date, pain, effort),
  // oldest first: the cheapest read of the whole log.
  [[nodiscard]] std::vector<SessionRecord> records() const;

  // Records an assessment, replacing the one of the same date with its
  // values; one transaction. Returns whether one was replaced.
  bool record_assessment(const StoredAssessment& assessment);
  // Every assessment, oldest first, values by test and side; empty for a
  // missing log or one older than schema 2 (opened for reading).
  [[nodiscard]] std::vector<StoredAssessment> assessments() const;

  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  struct Impl;
  LogStore(std::string path, std::unique_ptr<Impl> impl);
  static LogStore open_store(const std::string& path, Access access);
  // Whether a row reads (`problem` empty); otherwise warns, once per row.
  bool readable(std::string_view table, std::int64_t id, std::string_view date, const std::string& problem) const;
  std::string path_;
  std::unique_ptr<Impl> impl_;  // null: Access::read of a missing file
  Warn warn_;
  mutable std::vector<std::string> warned_;  // "table:id" of the rows reported
};

}  // namespace valgus
