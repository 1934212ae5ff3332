// `valgus log --list`: every session of the log, streamed in date order.
// The one read of the log that grows with its whole history, so it talks
// to SQLite directly: no Column object, shared pointer or string per
// value, one LoggedSession reused for every row, and the exercises read by
// one forward scan of their table instead of one lookup per session.

#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/log_store_impl.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>

namespace valgus {

namespace {

using log_store_detail::Cell;
using log_store_detail::cell_of;

// A prepared statement of the connection, finalised when it goes.
class RawStatement {
 public:
  RawStatement(sqlite3* db, const char* sql) : db_(db) {
    sqlite3_stmt* statement = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr));
    statement_.reset(statement);
  }

  [[nodiscard]] sqlite3_stmt* get() const { return statement_.get(); }

  // The next row: true while there is one.
  bool step() {
    const int result = sqlite3_step(get());
    if (result == SQLITE_ROW) {
      return true;
    }
    if (result != SQLITE_DONE) {
      check(result);
    }
    return false;
  }

  void reset() { check(sqlite3_reset(get())); }
  void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(get(), index, value)); }
  void bind(int index, std::string_view text) {
    check(sqlite3_bind_text(get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind_null(int index) { check(sqlite3_bind_null(get(), index)); }

  // Through the column's value, one call into the statement per column.
  // SQLite calls that value unprotected: safe to read here because the
  // connection is opened without a mutex (NOMUTEX) and read on this thread
  // only, before the next step. Text, then its size, as SQLite asks.
  [[nodiscard]] std::string_view text(int column) const {
    sqlite3_value* value = sqlite3_column_value(get(), column);
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return bytes == nullptr ? std::string_view()
                            : std::string_view(bytes, static_cast<std::size_t>(sqlite3_value_bytes(value)));
  }
  [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(get(), column); }

 private:
  // Failures surface as SQLiteCpp's exception, so read_rows maps them to
  // the log's exit codes as it does every other read.
  void check(int result) const {
    if (result != SQLITE_OK) {
      throw SQLite::Exception(db_, result);
    }
  }

  struct Finalise {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalise> statement_;
};

// The exercises of each session, by one scan of session_exercises in key
// order (session, position) that only moves forward. Sessions listed by
// date mostly come in id order too (a log kept day by day), so the scan
// reads each row once. A session behind the scan (logged late, or before
// the first one listed) is looked up on its own: when its rows were stepped
// over (remembered in `pending_`), or when it is before where the scan
// began; a session the scan passed without stepping over a row of it has
// none. Memory stays small however long the log: past a limit the scan
// forgets what it stepped over and looks up every session behind it.
class ExerciseCursor {
 public:
  ExerciseCursor(sqlite3* db, bool skipped_only) : db_(db), skipped_only_(skipped_only) {}

  // Fills `into` with session `id`'s exercises in order, reusing its strings.
  void read(std::int64_t id, std::vector<LoggedExercise>& into) {
    if (!scan_) {
      scan_ = std::make_unique<RawStatement>(db_, sql("session_id >= ?1").c_str());
      scan_->bind(1, id);
      first_ = id;
      advance();
    }
    std::size_t count = 0;
    const auto take = [&](const RawStatement& row) {
      if (count == into.size()) {
        into.emplace_back();
      }
      LoggedExercise& exercise = into[count++];
      exercise.id.assign(row.text(1));
      exercise.done = row.integer(2) != 0;
    };
    if (id < current_) {  // behind the scan
      const auto stepped = pending_.find(id);
      if (id < first_ || forgetful_ || stepped != pending_.end()) {
        if (stepped != pending_.end()) {
          pending_.erase(stepped);
        }
        look_up(id, take);
      }
    } else {
      for (; current_ < id; advance()) {
        remember(current_);
      }
      for (; current_ == id; advance()) {
        take(*scan_);
      }
    }
    into.resize(count);
  }

 private:
  [[nodiscard]] std::string sql(const char* where) const {
    return fmt::format(
        "SELECT session_id, exercise, done FROM session_exercises WHERE {}{} ORDER BY session_id, position", where,
        skipped_only_ ? " AND done = 0" : "");
  }

  void advance() { current_ = scan_->step() ? scan_->integer(0) : std::numeric_limits<std::int64_t>::max(); }

  // A session whose rows the scan steps over, to be looked up when listed.
  void remember(std::int64_t id) {
    constexpr std::size_t most = 4096;
    if (forgetful_) {
      return;
    }
    if (pending_.size() == most) {
      pending_.clear();
      forgetful_ = true;
      return;
    }
    pending_.insert(id);
  }

  template <typename Take>
  void look_up(std::int64_t id, Take take) {
    if (!lookup_) {
      lookup_ = std::make_unique<RawStatement>(db_, sql("session_id = ?1").c_str());
    }
    lookup_->reset();
    lookup_->bind(1, id);
    while (lookup_->step()) {
      take(*lookup_);
    }
  }

  sqlite3* db_;
  bool skipped_only_;
  std::unique_ptr<RawStatement> scan_;    // forward only, from session `first_`
  std::unique_ptr<RawStatement> lookup_;  // one session's rows
  std::int64_t first_ = 0;
  std::int64_t current_ = 0;  // the session of the row the scan stands on; the largest id once done
  std::unordered_set<std::int64_t> pending_;
  bool forgetful_ = false;  // pending_ outgrew its limit and was dropped
};

}  // namespace

void LogStore::each_session(const SessionFilter& filter, const std::function<void(const LoggedSession&)>& visit) const {
  (void)Impl::read_rows<bool>(impl_, path_, 1, [&](SQLite::Database& db) {
    // The sessions in date order (the date index, UNIQUE, serves the order
    // and both limits). Both statements read in the one snapshot the
    // connection holds while the first is running.
    const bool schema_3 = impl_->pragma("user_version") >= 3;
    const std::string sql = fmt::format(
        "SELECT s.id, s.date, s.session, s.stage_week, s.pain, s.effort, s.note, {} "
        "FROM sessions AS s WHERE s.date >= ?1 AND (?2 IS NULL OR s.date >= coalesce((SELECT date "
        "FROM sessions WHERE date >= ?1 ORDER BY date DESC LIMIT 1 OFFSET ?2), '')) "
        "ORDER BY s.date, s.id",
        schema_3 ? "s.next_morning_pain, s.symptoms" : "NULL, ''");
    RawStatement query(db.getHandle(), sql.c_str());
    query.bind(1, filter.since ? to_string(*filter.since) : std::string());
    if (filter.last) {
      query.bind(2, std::max<std::int64_t>(*filter.last - 1, 0));
    } else {
      query.bind_null(2);  // no limit
    }
    ExerciseCursor exercises(db.getHandle(), filter.skipped_only);
    LoggedSession session;  // one for every row: its strings keep their room
    sqlite3_stmt* row = query.get();
    while (query.step()) {
      const std::int64_t id = query.integer(0);
      const std::string_view date = query.text(1);
      const Cell stage_week = cell_of(row, 3);
      const Cell pain = cell_of(row, 4);
      const Cell effort = cell_of(row, 5);
      const Cell next_morning = cell_of(row, 7);
      const std::optional<Date> day = valid_date(date);
      if (!readable("sessions", id, date,
                    log_store_detail::session_problem(date, day, stage_week, pain, effort, next_morning))) {
        continue;
      }
      // A readable row: the numbers are integers in range, the effort a name.
      const auto number = [](const Cell& cell) {
        return cell.kind == Cell::Kind::null ? std::nullopt : std::optional<int>(static_cast<int>(cell.number));
      };
      session.date = *day;  // session_problem found it valid
      session.session.assign(query.text(2));
      session.stage_week = static_cast<int>(stage_week.number);
      session.pain = number(pain);
      session.effort = effort.kind == Cell::Kind::null ? std::nullopt : parse_effort(effort.text);
      session.note.assign(query.text(6));
      session.next_morning_pain = number(next_morning);
      const std::string_view symptoms = query.text(8);
      if (symptoms.empty()) {
        session.symptoms.clear();
      } else {
        session.symptoms = split_list(symptoms);
      }
      exercises.read(id, session.exercises);
      visit(session);
    }
    return true;
  });
}

}  // namespace valgus
