#pragma once

// The log store's connection, shared by the files of the store
// (io/log_store*.cpp): the only place besides them that sees SQLite.
// Internal to io/.

#include "core/model/error.hpp"
#include "io/log_schema.hpp"
#include "io/log_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

namespace log_store_detail {

// An SQLite failure as a valgus Error: damage 65 (the file left as it is),
// a log that cannot be written 73 (read: 66), anything else that stops a
// write (full disk, I/O error, the lock held past the timeout) 74, after
// the transaction rolled back: the log is as it was.
[[nodiscard]] Error translate(const SQLite::Exception& failure, const std::string& path, sqlite3* handle,
                              LogStore::Access access);

// One column of a row as the row checks read it, whether it comes through
// SQLiteCpp or a raw statement (the listing's hot loop, log_store_list.cpp).
struct Cell {
  enum class Kind { null, integer, other };
  Kind kind = Kind::null;
  std::int64_t number = 0;  // when an integer
  std::string_view text;    // otherwise: the value's bytes, as SQLiteCpp's getString gives them
};
[[nodiscard]] Cell cell_of(const SQLite::Column& column);
[[nodiscard]] Cell cell_of(sqlite3_stmt* statement, int column);

// What makes a session row unreadable, in one line; empty when it reads.
// The same checks whichever columns a command reads, so `today` and `log
// --list` leave out the same rows (log_store_rows.cpp). `date` is the row's
// text, `day` what valid_date made of it (the caller keeps it for the row).
[[nodiscard]] std::string session_problem(std::string_view date, const std::optional<Date>& day, const Cell& stage_week,
                                          const Cell& pain, const Cell& effort, const Cell& next_morning);

// A readable session row as a LoggedSession, without its exercises: the
// columns id, date, session, stage_week, pain, effort, note,
// next_morning_pain, symptoms in that order (log_store_rows.cpp); `date`
// the row's date as session_problem's check read it.
[[nodiscard]] LoggedSession session_of(SQLite::Statement& query, Date date);

// Checks where the log lives before anything opens it (log_path.cpp):
// whether a log is there; Error(66 read / 73 write) naming the file at
// fault: a folder, a link to nothing, a file where a folder should be, a
// -wal or -shm that is not a file or not ours to use; a FIFO or a device
// is 65, not a valgus log.
bool check_log_path(const std::string& path, LogStore::Access access);

// Inserts a safety decision, inside the caller's transaction.
void insert_event(SQLite::Database& db, const SafetyEvent& event);

// Long enough for 20 `valgus log` runs started together to queue on the
// busy handler (each holds the write lock for a few milliseconds).
constexpr int busy_timeout_ms = 10000;

}  // namespace log_store_detail

struct LogStore::Impl {
  SQLite::Database db;
  std::string path;

  Impl(const std::string& file, int flags) : db(file, flags, log_store_detail::busy_timeout_ms), path(file) {}

  static std::unique_ptr<Impl> connect(const std::string& path, Access access, bool immutable);

  static Impl& writable(const std::unique_ptr<Impl>& impl, const std::string& path) {  // record, remove
    if (!impl) {
      throw Error(ExitCode::internal, fmt::format("the log {} was opened for reading", path));
    }
    return *impl;
  }

  // `work(db)` in one write transaction. BEGIN IMMEDIATE takes the write
  // lock first, so concurrent writers queue on the busy handler instead of
  // failing to upgrade a read lock.
  template <typename Work>
  bool in_write_transaction(Work work) {
    try {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      const bool result = work(db);
      transaction.commit();
      return result;
    } catch (const SQLite::Exception& failure) {
      throw log_store_detail::translate(failure, path, db.getHandle(), Access::write);
    }
  }

  // `read(db)` for a reading command, as in_write_transaction is for a
  // writing one: nothing to read without a log, or in one older than schema
  // `since` (schema 0: an empty log opened for reading).
  template <typename Rows, typename Read>
  static Rows read_rows(const std::unique_ptr<Impl>& impl, const std::string& path, int since, Read read) {
    if (!impl) {
      return {};
    }
    try {
      return impl->pragma("user_version") < since ? Rows{} : read(impl->db);
    } catch (const SQLite::Exception& failure) {
      throw log_store_detail::translate(failure, path, impl->db.getHandle(), Access::read);
    }
  }

  [[nodiscard]] int pragma(const char* name) { return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt(); }

  // Which version this file holds; throws 65 for another program's database
  // or a newer valgus's log. Reads only.
  int identify() {
    // One snapshot: another valgus may migrate the file between two reads.
    SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
    const int app = pragma("application_id");
    const int version = pragma("user_version");
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    snapshot.commit();
    if (app != log_schema::application_id && (app != 0 || version != 0 || objects != 0)) {
      log_schema::throw_not_a_log(path, log_schema::foreign_reason(static_cast<std::uint32_t>(app)));
    }
    if (version > schema_version) {
      log_schema::throw_newer(path, version);
    }
    return version;
  }

  // Brings the schema to schema_version, one transaction per step. Each step
  // checks the version again under the write lock: another valgus may have
  // migrated the file meanwhile.
  void migrate(int from) {
    for (int version = from; version < schema_version; ++version) {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      const int now = pragma("user_version");
      if (now > version) {
        version = now - 1;
        continue;
      }
      db.exec(log_schema::migration(version));
      db.exec(fmt::format("PRAGMA application_id = {}", log_schema::application_id));
      db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
      transaction.commit();
    }
  }
};

}  // namespace valgus
