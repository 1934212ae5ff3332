// The log of sessions in SQLite, through SQLiteCpp: the only file of valgus
// that includes SQLite (tests/e2e/layers.sh); the schema's steps and the
// header check are in io/log_schema.cpp. Opening never writes to a file that
// is not ours: 1. its header is read with read(2) (not SQLite, cut short,
// another program's or a newer valgus's: refused); 2. SQLite only reads
// application_id, user_version and the tables; 3. only then, for
// Access::write, the journal becomes WAL and the schema is migrated.

#include "io/log_store.hpp"

#include "core/model/error.hpp"
#include "core/model/text.hpp"
#include "io/log_schema.hpp"
#include "io/log_store_impl.hpp"
#include "io/output.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {

namespace {

using log_schema::application_id;
using log_schema::check_header;
using log_schema::foreign_reason;
using log_schema::not_a_log;
using log_schema::size_of;
using log_schema::throw_newer;
using log_schema::throw_not_a_log;
using log_schema::wal_has_frames;
using log_store_detail::translate;

using log_store_detail::busy_timeout_ms;

// Turns a log to WAL. SQLite takes the exclusive lock for the switch without
// calling the busy handler, so when several valgus create the log at once
// all but one are refused (SQLITE_BUSY, or the old mode returned): they try
// again, briefly, for as long as the busy timeout. Once the log is WAL,
// asking again changes nothing and takes no lock.
void use_wal(SQLite::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (int attempt = 0;; ++attempt) {
    try {
      if (db.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal") {
        return;
      }
    } catch (const SQLite::Exception& failure) {
      if ((failure.getErrorCode() & 0xff) != SQLITE_BUSY) {
        throw;
      }
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw SQLite::Exception("database is locked", SQLITE_BUSY);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(attempt, 5), 20)));
  }
}

// The empty file (version 0), mode 0600; another valgus may race us to it.
void create_empty(const std::string& path) {
  create_parent_folders(path);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
  } else if (errno != EEXIST) {
    throw Error(ExitCode::cannot_create, fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  }
}

void check_writable(const std::string& path) {
  // WAL mode writes two files beside the log (-wal, -shm): the folder must
  // be writable too. (access(2) stops root only on a read-only mount.)
  for (const std::string& target : {path, folder_of(path)}) {
    if (::access(target.c_str(), W_OK) != 0) {
      throw Error(ExitCode::cannot_create, fmt::format("cannot write {}: {}", target, std::strerror(errno)));
    }
  }
}

// file:PATH?immutable=1, PATH percent-encoded where a URI would misread it.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    uri += c == '%' || c == '?' || c == '#' ? fmt::format("%{:02x}", static_cast<unsigned char>(c)) : std::string(1, c);
  }
  return uri + "?immutable=1";
}

}  // namespace

// An SQLite failure as a valgus Error: damage 65 (the file left as it is),
// a log that cannot be written 73 (read: 66), anything else that stops a
// write (full disk, I/O error, the lock held past the timeout) 74, after
// the transaction rolled back: the log is as it was.
Error log_store_detail::translate(const SQLite::Exception& failure, const std::string& path, sqlite3* handle,
                                  LogStore::Access access) {
  const int primary = failure.getErrorCode() & 0xff;
  const int system_errno = handle != nullptr ? sqlite3_system_errno(handle) : 0;
  const bool reading = access == LogStore::Access::read;
  const char* reason = system_errno != 0        ? std::strerror(system_errno)
                       : primary == SQLITE_FULL ? std::strerror(ENOSPC)
                                                : sqlite3_errstr(primary);
  switch (primary) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return {ExitCode::bad_data, not_a_log(path, sqlite3_errstr(primary))};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ExitCode::io_error, fmt::format("the log {} is busy (another valgus is writing it); try again", path)};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return reading ? Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, reason))
                     : Error(ExitCode::cannot_create, fmt::format("cannot write {}: {}", path, reason));
    default:
      return reading
                 ? Error(ExitCode::io_error, fmt::format("cannot read {}: {}", path, reason))
                 : Error(ExitCode::io_error, fmt::format("cannot write {}: {}; the log is as it was", path, reason));
  }
}

LogStore::LogStore(std::string path, std::unique_ptr<Impl> impl) : path_(std::move(path)), impl_(std::move(impl)) {}
LogStore::LogStore(LogStore&&) noexcept = default;
LogStore& LogStore::operator=(LogStore&&) noexcept = default;
LogStore::~LogStore() = default;

LogStore LogStore::open(const std::string& path, Access access, Warn warn) {
  LogStore store = open_store(path, access);
  store.warn_ = warn ? std::move(warn) : [](const std::string& line) {
    write_all(STDERR_FILENO, "valgus: warning: " + one_line(line) + "\n");
  };
  return store;
}

LogStore LogStore::open_store(const std::string& path, Access access) {
  if (!log_store_detail::check_log_path(path, access)) {
    if (access == Access::read) {
      return {path, nullptr};  // nothing logged yet; create nothing
    }
    create_empty(path);
  }
  check_header(path);
  if (access == Access::write) {
    check_writable(path);
  }
  return {path, Impl::connect(path, access, false)};
}

std::unique_ptr<LogStore::Impl> LogStore::Impl::connect(const std::string& path, Access access, bool immutable) {
  std::unique_ptr<Impl> impl;
  try {
    if (access == Access::write) {
      impl = std::make_unique<Impl>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    } else if (immutable || (::access(folder_of(path).c_str(), W_OK) != 0 && !wal_has_frames(path))) {
      // A WAL database is read through its -shm file, which a read-only
      // folder (a read-only mount, a backup) cannot hold. Nobody can write
      // the log there either, so SQLite may read it as immutable.
      impl =
          std::make_unique<Impl>(immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
      impl->path = path;
    } else if (::access(folder_of(path).c_str(), W_OK) != 0 && ::access((path + "-shm").c_str(), F_OK) != 0) {
      // A copy of a log left mid-write (its -wal holds sessions not yet in
      // the file) on a read-only mount: SQLite needs a -shm file to read
      // the -wal, and nothing can create one there.
      throw Error(ExitCode::no_input,
                  fmt::format("cannot read {}: its -wal holds sessions not yet written into it, and reading them "
                              "needs a {}-shm file, which this read-only folder cannot hold; copy {} and its -wal "
                              "to a writable folder and read it there",
                              path, path, path));
    } else {
      // Read-write but query_only where allowed: the last connection to
      // close then removes the -wal and -shm files SQLite adds for a read.
      const bool may_write = ::access(path.c_str(), W_OK) == 0;
      impl = std::make_unique<Impl>(
          path, (may_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX);
    }
  } catch (const SQLite::Exception& failure) {
    throw translate(failure, path, nullptr, access);
  }
  try {
    impl->db.exec(access == Access::read ? "PRAGMA query_only = ON" : "PRAGMA foreign_keys = ON");
    const int version = impl->identify();
    if (access == Access::write) {
      // Only now that the file is known to be ours may anything write to it.
      // WAL: readers never block the writer; a crash never tears a commit.
      // synchronous=NORMAL survives any crash of the process (250 kill -9 per CI run in
      // tests/e2e/log_reliability.sh); a power cut may lose commits since
      // the last checkpoint, which the last valgus to close the log makes
      // with fsync. FULL would fsync every commit: about twice the time of
      // a `valgus log` here, for a record one can log again.
      use_wal(impl->db);
      impl->db.exec("PRAGMA synchronous = NORMAL");
      impl->migrate(version);
    }
  } catch (const SQLite::Exception& failure) {
    // On a full disk a reader cannot make the -shm file SQLite reads a WAL
    // log through, and no writer can commit either: with no frames in the
    // WAL the file is the whole log, to be read as immutable.
    if (access == Access::read && !immutable && sqlite3_system_errno(impl->db.getHandle()) == ENOSPC &&
        !wal_has_frames(path)) {
      impl.reset();
      return connect(path, access, true);
    }
    throw translate(failure, path, impl->db.getHandle(), access);
  }
  return impl;
}

bool LogStore::record(const LoggedSession& session, const std::optional<SafetyEvent>& pause) {
  return Impl::writable(impl_, path_).in_write_transaction([&](SQLite::Database& db) {
    SQLite::Statement remove_old(db, "DELETE FROM sessions WHERE date = ?");
    remove_old.bind(1, to_string(session.date));
    const bool replaced = remove_old.exec() > 0;
    SQLite::Statement insert(db,
                             "INSERT INTO sessions (date, session, stage_week, pain, effort, note, next_morning_pain, "
                             "symptoms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, to_string(session.date));
    insert.bind(2, session.session);
    insert.bind(3, session.stage_week);
    if (session.pain) {
      insert.bind(4, *session.pain);
    }
    if (session.effort) {
      insert.bind(5, std::string(to_string(*session.effort)));
    }
    insert.bind(6, session.note);
    if (session.next_morning_pain) {
      insert.bind(7, *session.next_morning_pain);
    }
    insert.bind(8, join(session.symptoms, ","));  // symptom ids hold no comma
    insert.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement exercise(db,
                               "INSERT INTO session_exercises (session_id, position, exercise, done) "
                               "VALUES (?, ?, ?, ?)");
    int position = 0;
    for (const LoggedExercise& done : session.exercises) {
      exercise.bind(1, id);
      exercise.bind(2, position++);
      exercise.bind(3, done.id);
      exercise.bind(4, done.done ? 1 : 0);
      exercise.exec();
      exercise.reset();
    }
    if (pause) {
      log_store_detail::insert_event(db, *pause);
    }
    return replaced;
  });
}

bool LogStore::remove(Date date) { return remove_dated(to_string(date)); }

bool LogStore::remove_dated(std::string_view text) {
  return Impl::writable(impl_, path_).in_write_transaction([text](SQLite::Database& db) {
    SQLite::Statement remove_one(db, "DELETE FROM sessions WHERE date = ?");
    remove_one.bind(1, std::string(text));
    return remove_one.exec() > 0;  // its exercises go with it (ON DELETE CASCADE)
  });
}

std::vector<SessionRecord> LogStore::records() const {
  auto result = Impl::read_rows<std::vector<SessionRecord>>(impl_, path_, 1, [this](SQLite::Database& db) {
    // Only what the progression rules read, without a string per row: the
    // everyday commands read the whole log this way. (A log older than
    // schema 3, read as it is, has no next-morning pain or symptoms.)
    std::vector<SessionRecord> rows;
    SQLite::Statement query(
        db, impl_->pragma("user_version") >= 3
                ? "SELECT date, pain, effort, next_morning_pain, symptoms != '', id, stage_week FROM sessions"
                : "SELECT date, pain, effort, NULL, 0, id, stage_week FROM sessions");
    while (query.executeStep()) {
      const std::string_view date(query.getColumn(0).getText(), static_cast<std::size_t>(query.getColumn(0).size()));
      const std::optional<Date> day = valid_date(date);
      if (!readable("sessions", query.getColumn(5).getInt64(), date,
                    log_store_detail::session_problem(date, day, log_store_detail::cell_of(query.getColumn(6)),
                                                      log_store_detail::cell_of(query.getColumn(1)),
                                                      log_store_detail::cell_of(query.getColumn(2)),
                                                      log_store_detail::cell_of(query.getColumn(3))))) {
        continue;
      }
      SessionRecord record;
      record.date = *day;
      if (!query.getColumn(1).isNull()) {
        record.pain = query.getColumn(1).getInt();
      }
      if (!query.getColumn(2).isNull()) {
        record.effort = parse_effort(query.getColumn(2).getText());
      }
      if (!query.getColumn(3).isNull()) {
        record.next_morning_pain = query.getColumn(3).getInt();
      }
      record.symptom = query.getColumn(4).getInt() != 0;
      rows.push_back(record);
    }
    return rows;
  });
  // Rows come in insertion order, which is date order for a log kept day by
  // day; sort only when a day was logged late.
  const auto earlier = [](const SessionRecord& a, const SessionRecord& b) { return a.date < b.date; };
  if (!std::is_sorted(result.begin(), result.end(), earlier)) {
    std::sort(result.begin(), result.end(), earlier);
  }
  return result;
}

std::vector<LoggedSession> LogStore::sessions(bool with_exercises) const {
  return Impl::read_rows<std::vector<LoggedSession>>(impl_, path_, 1, [this, with_exercises](SQLite::Database& db) {
    // One read transaction: both queries see the same snapshot. Each scans
    // its table in the table's order (the exercises are WITHOUT ROWID, kept
    // by session and position), never row by row through an index.
    std::vector<LoggedSession> result;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::DEFERRED);
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement query(db,
                            impl_->pragma("user_version") >= 3
                                ? "SELECT id, date, session, stage_week, pain, effort, note, next_morning_pain, "
                                  "symptoms FROM sessions"
                                : "SELECT id, date, session, stage_week, pain, effort, note, NULL, '' FROM sessions");
    while (query.executeStep()) {
      const std::string date = query.getColumn(1).getString();
      const std::optional<Date> day = valid_date(date);
      if (!readable("sessions", query.getColumn(0).getInt64(), date,
                    log_store_detail::session_problem(date, day, log_store_detail::cell_of(query.getColumn(3)),
                                                      log_store_detail::cell_of(query.getColumn(4)),
                                                      log_store_detail::cell_of(query.getColumn(5)),
                                                      log_store_detail::cell_of(query.getColumn(7))))) {
        continue;
      }
      LoggedSession session = log_store_detail::session_of(query, *day);
      index.emplace(query.getColumn(0).getInt64(), result.size());
      result.push_back(std::move(session));
    }
    if (with_exercises) {
      SQLite::Statement exercises(
          db, "SELECT session_id, exercise, done FROM session_exercises ORDER BY session_id, position");
      while (exercises.executeStep()) {
        const auto found = index.find(exercises.getColumn(0).getInt64());
        if (found != index.end()) {
          result[found->second].exercises.push_back(
              {exercises.getColumn(1).getString(), exercises.getColumn(2).getInt() != 0});
        }
      }
    }
    std::sort(result.begin(), result.end(),
              [](const LoggedSession& a, const LoggedSession& b) { return a.date < b.date; });
    transaction.commit();
    return result;
  });
}

bool LogStore::record_assessment(const StoredAssessment& assessment) {
  return Impl::writable(impl_, path_).in_write_transaction([&assessment](SQLite::Database& db) {
    SQLite::Statement remove_old(db, "DELETE FROM assessments WHERE date = ?");
    remove_old.bind(1, to_string(assessment.date));
    const bool replaced = remove_old.exec() > 0;  // its values go with it (ON DELETE CASCADE)
    SQLite::Statement insert(db, "INSERT INTO assessments (date, refer, problems, side) VALUES (?, ?, ?, ?)");
    insert.bind(1, to_string(assessment.date));
    insert.bind(2, assessment.refer ? 1 : 0);
    insert.bind(3, join(assessment.problems, ","));  // problem ids hold no comma
    insert.bind(4, std::string(to_string(assessment.side)));
    insert.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement value(db, "INSERT INTO assessment_values (assessment_id, test, side, value) VALUES (?, ?, ?, ?)");
    for (const MeasuredValue& measured : assessment.values) {
      value.bind(1, id);
      value.bind(2, measured.test);
      value.bind(3, measured.side);
      value.bind(4, measured.value);
      value.exec();
      value.reset();
    }
    return replaced;
  });
}

std::vector<StoredAssessment> LogStore::assessments() const {
  // A log from before schema 2 has no assessments yet.
  return Impl::read_rows<std::vector<StoredAssessment>>(impl_, path_, 2, [this](SQLite::Database& db) {
    std::vector<StoredAssessment> result;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::DEFERRED);  // both queries, one snapshot
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement query(db, "SELECT id, date, refer, problems, side FROM assessments ORDER BY date");
    while (query.executeStep()) {
      const std::string date = query.getColumn(1).getString();
      if (!readable("assessments", query.getColumn(0).getInt64(), date, date_problem(date))) {
        continue;
      }
      StoredAssessment assessment;
      assessment.date = parse_date(date);
      assessment.refer = query.getColumn(2).getInt() != 0;
      assessment.problems = split_list(query.getColumn(3).getString());
      assessment.side = parse_side(query.getColumn(4).getString()).value_or(Side::both);
      index.emplace(query.getColumn(0).getInt64(), result.size());
      result.push_back(std::move(assessment));
    }
    SQLite::Statement values(
        db, "SELECT assessment_id, test, side, value FROM assessment_values ORDER BY assessment_id, test, side");
    while (values.executeStep()) {
      const auto found = index.find(values.getColumn(0).getInt64());
      if (found != index.end()) {
        result[found->second].values.push_back(
            {values.getColumn(1).getString(), values.getColumn(2).getString(), values.getColumn(3).getDouble()});
      }
    }
    transaction.commit();
    return result;
  });
}

}  // namespace valgus
