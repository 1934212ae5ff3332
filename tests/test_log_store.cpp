// The log of sessions on a temporary database. Old-version and foreign
// databases are built with the sqlite3 command-line program from SQL kept
// in tests/data/log_store/ or written here, so that no test source includes
// SQLite: SQL in C++ belongs to src/io/log_store.cpp alone
// (tests/e2e/layers.sh).

#include "cli/programme_day.hpp"
#include "core/model/error.hpp"
#include "io/log_store.hpp"
#include "sqlite_cli.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): mkdtemp, setenv
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using valgus::Date;
using valgus::Effort;
using valgus::ExitCode;
using valgus::LoggedExercise;
using valgus::LoggedSession;
using valgus::LogStore;
using valgus::SafetyEvent;
using valgus::SafetyKind;
using valgus::Side;
using valgus::StoredAssessment;
using Access = valgus::LogStore::Access;

using valgus::test::bytes_of;
using valgus::test::sqlite;
using valgus::test::TempDir;
using valgus::test::write_file;

namespace {

// The Error `action` throws as "CODE: its line"; "0: " when none.
std::string failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const valgus::Error& error) {
    return std::to_string(static_cast<int>(error.code())) + ": " + error.diagnostics().front().to_string();
  }
  return "0: ";
}

std::string error_line(ExitCode code, const std::string& message) {
  return std::to_string(static_cast<int>(code)) + ": " + message;
}

LoggedSession session_a() {
  return {Date{2027, 1, 4}, "A", 1, 3, Effort::right, "left knee sore", {{"foam-roll-tfl", true}, {"clamshell", false}},
          std::nullopt,     {}};
}
StoredAssessment assessment_early() {
  return {Date{2027, 1, 4},
          false,
          {"ankle-mobility", "hip-weakness"},
          Side::right,
          {{"knee-to-wall", "left", 7}, {"knee-to-wall", "right", 12.5}, {"single-leg-squat", "", 1}}};
}
StoredAssessment assessment_late() { return {Date{2027, 2, 1}, false, {}, Side::both, {{"knee-to-wall", "left", 10}}}; }

// A log at `db` holding session A on each of these days of January 2027.
void record_january(const fs::path& db, const std::vector<int>& days) {
  LogStore store = LogStore::open(db.string(), Access::write);
  for (const int day : days) {
    LoggedSession session = session_a();
    session.date = Date{2027, 1, day};
    store.record(session);
  }
}

LoggedSession session_b() {
  return {Date{2027, 1, 6}, "B", 2, std::nullopt, std::nullopt, "", {{"side-plank", true}}, std::nullopt, {}};
}

std::string not_a_log(const fs::path& db, const std::string& reason) {
  return db.string() + " is not a valgus log (" + reason +
         "); move it aside to start a new log \u2014 valgus leaves it as it is";
}

bool running_as_root() { return ::geteuid() == 0; }

}  // namespace

TEST_CASE("log store: sessions round-trip, oldest first, in new private folders") {
  const TempDir dir;
  const fs::path db = dir.path / "state" / "valgus" / "valgus.db";
  {
    LogStore store = LogStore::open(db.string(), Access::write);
    CHECK(store.path() == db.string());
    CHECK_FALSE(store.record(session_b()));
    CHECK_FALSE(store.record(session_a()));
    CHECK(store.sessions() == std::vector<LoggedSession>{session_a(), session_b()});
  }
  const LogStore reader = LogStore::open(db.string(), Access::read);
  CHECK(reader.sessions() == std::vector<LoggedSession>{session_a(), session_b()});
  const std::vector<LoggedSession> bare = reader.sessions(false);
  REQUIRE(bare.size() == 2);
  CHECK(bare[0].exercises.empty());
  CHECK(bare[0].note == "left knee sore");
  CHECK(bare[1].exercises.empty());
  // The records the progression rules read: date, pain, effort, oldest first.
  const auto records = reader.records();
  REQUIRE(records.size() == 2);
  CHECK(records[0].date == Date{2027, 1, 4});
  CHECK(records[0].pain == 3);
  CHECK(records[0].effort == Effort::right);
  CHECK(records[1].date == Date{2027, 1, 6});
  CHECK_FALSE(records[1].pain);
  CHECK_FALSE(records[1].effort);
  CHECK(LogStore::open((dir.path / "missing.db").string(), Access::read).records().empty());
  CHECK((fs::status(db.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(dir.path / "state").permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(db).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(sqlite(db, "PRAGMA journal_mode; PRAGMA user_version; PRAGMA application_id;") == "wal\n4\n1447119943");
}

TEST_CASE("log store: a session of the same date replaces the old one, exercises and all") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  LogStore store = LogStore::open(db.string(), Access::write);
  store.record(session_a());
  LoggedSession again = session_a();
  again.pain = 0;
  again.effort = Effort::easy;
  again.note = "better";
  again.exercises = {{"side-plank", true}};
  CHECK(store.record(again));
  CHECK(store.sessions() == std::vector<LoggedSession>{again});
  CHECK(sqlite(db, "SELECT count(*) FROM session_exercises;") == "1");
}

TEST_CASE("log store: remove takes the session and its exercises") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  LogStore store = LogStore::open(db.string(), Access::write);
  store.record(session_a());
  store.record(session_b());
  CHECK(store.remove(Date{2027, 1, 4}));
  CHECK_FALSE(store.remove(Date{2027, 1, 4}));
  CHECK_FALSE(store.remove(Date{2030, 1, 1}));
  CHECK(store.sessions() == std::vector<LoggedSession>{session_b()});
  CHECK(sqlite(db, "SELECT exercise FROM session_exercises;") == "side-plank");
}

TEST_CASE("log store: reading a missing log creates nothing, reading an empty file writes nothing") {
  const TempDir dir;
  const fs::path db = dir.path / "absent" / "valgus.db";
  const LogStore store = LogStore::open(db.string(), Access::read);
  CHECK(store.sessions().empty());
  CHECK_FALSE(fs::exists(dir.path / "absent"));

  const fs::path empty = dir.path / "empty.db";
  write_file(empty, "");
  CHECK(LogStore::open(empty.string(), Access::read).sessions().empty());
  CHECK(fs::file_size(empty) == 0);
  CHECK_FALSE(fs::exists(empty.string() + "-wal"));
}

TEST_CASE("log store: every earlier schema version migrates to the current one, keeping its sessions") {
  // Version 0 is an empty file (what SQLite makes of a new path); version v
  // from 1 on is tests/data/log_store/v<v>.sql, holding sessions A and B.
  // A new version adds its migration step, and the version before it
  // becomes a fixture (frozen as it shipped): this loop then covers the
  // steps from every older version.
  for (int version = 0; version < LogStore::schema_version; ++version) {
    CAPTURE(version);
    const TempDir dir;
    const fs::path db = dir.path / "valgus.db";
    std::vector<LoggedSession> expected;
    if (version == 0) {
      write_file(db, "");
    } else {
      const fs::path fixture =
          fs::path(VALGUS_TEST_DATA) / "data" / "log_store" / ("v" + std::to_string(version) + ".sql");
      REQUIRE(fs::exists(fixture));
      sqlite(db, bytes_of(fixture));
      CHECK(sqlite(db, "PRAGMA user_version;") == std::to_string(version));
      expected = {session_a(), session_b()};
    }
    LogStore store = LogStore::open(db.string(), Access::write);
    CHECK(sqlite(db, "PRAGMA user_version; PRAGMA application_id; PRAGMA integrity_check;") ==
          std::to_string(LogStore::schema_version) + "\n1447119943\nok");
    CHECK(store.sessions() == expected);
    LoggedSession later = session_a();
    later.date = Date{2027, 1, 8};
    store.record(later);
    expected.push_back(later);
    CHECK(store.sessions() == expected);
    CHECK(store.assessments().empty());
    store.record_assessment(assessment_early());
    CHECK(store.assessments() == std::vector<StoredAssessment>{assessment_early()});
    CHECK(store.events().empty());
  }
}

TEST_CASE("log store: a v2 log reads as it is, then migrates to v3 with next-morning pain, symptoms and pauses") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  sqlite(db, bytes_of(fs::path(VALGUS_TEST_DATA) / "data" / "log_store" / "v2.sql"));
  {
    const LogStore reader = LogStore::open(db.string(), Access::read);
    CHECK(reader.sessions() == std::vector<LoggedSession>{session_a(), session_b()});
    CHECK(reader.records().size() == 2);
    CHECK(reader.events().empty());
  }
  CHECK(sqlite(db, "PRAGMA user_version;") == "2");
  LogStore store = LogStore::open(db.string(), Access::write);
  CHECK(sqlite(db, "PRAGMA user_version;") == std::to_string(LogStore::schema_version));
  CHECK(store.sessions() == std::vector<LoggedSession>{session_a(), session_b()});
  const SafetyEvent pause{Date{2027, 1, 6}, SafetyKind::pause, "swelling logged on 2027-01-06"};
  CHECK(store.amend(Date{2027, 1, 6}, 7, {"swelling"}, pause));
  CHECK_FALSE(store.amend(Date{2027, 1, 5}, 7, {}, std::nullopt));  // nothing logged that day
  LoggedSession amended = session_b();
  amended.next_morning_pain = 7;
  amended.symptoms = {"swelling"};
  CHECK(store.sessions() == std::vector<LoggedSession>{session_a(), amended});
  CHECK(store.records().back().next_morning_pain == 7);
  CHECK(store.records().back().symptom);
  // The pause is its own entry: deleting the session does not lift it.
  CHECK(store.remove(Date{2027, 1, 6}));
  CHECK(store.events() == std::vector<SafetyEvent>{pause});
  const SafetyEvent resume{Date{2027, 1, 20}, SafetyKind::resume, "cleared by a clinician"};
  store.record_event(resume);
  CHECK(store.events() == std::vector<SafetyEvent>{pause, resume});
  CHECK(sqlite(db, "SELECT kind FROM safety_events ORDER BY id;") == "pause\nresume");
}

TEST_CASE("log store: a v1 log with sessions migrates to the current schema with its sessions and no assessments") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  sqlite(db, bytes_of(fs::path(VALGUS_TEST_DATA) / "data" / "log_store" / "v1.sql"));
  // Read as it is: not migrated, no assessments yet.
  CHECK(LogStore::open(db.string(), Access::read).assessments().empty());
  CHECK(sqlite(db, "PRAGMA user_version;") == "1");
  const LogStore store = LogStore::open(db.string(), Access::write);
  CHECK(sqlite(db, "PRAGMA user_version;") == std::to_string(LogStore::schema_version));
  CHECK(store.sessions() == std::vector<LoggedSession>{session_a(), session_b()});
  CHECK(store.assessments().empty());
  CHECK(sqlite(db, "SELECT count(*) FROM assessments; SELECT count(*) FROM assessment_values;") == "0\n0");
  CHECK(sqlite(db, "SELECT count(*) FROM sessions; SELECT count(*) FROM session_exercises;") == "2\n3");
}

TEST_CASE("log store: assessments round-trip, oldest first, with their values") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  {
    LogStore store = LogStore::open(db.string(), Access::write);
    CHECK_FALSE(store.record_assessment(assessment_late()));
    CHECK_FALSE(store.record_assessment(assessment_early()));
    CHECK(store.assessments() == std::vector<StoredAssessment>{assessment_early(), assessment_late()});
  }
  const LogStore reader = LogStore::open(db.string(), Access::read);
  CHECK(reader.assessments() == std::vector<StoredAssessment>{assessment_early(), assessment_late()});
  CHECK(reader.sessions().empty());
  CHECK(LogStore::open((dir.path / "absent.db").string(), Access::read).assessments().empty());
}

TEST_CASE("log store: an assessment of the same date replaces the old one, values and all") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  LogStore store = LogStore::open(db.string(), Access::write);
  store.record_assessment(assessment_early());
  store.record_assessment(assessment_late());
  StoredAssessment again = assessment_early();
  again.refer = true;
  again.problems = {};
  again.side = Side::both;
  again.values = {{"knee-to-wall", "left", 9}};
  CHECK(store.record_assessment(again));
  CHECK(store.assessments() == std::vector<StoredAssessment>{again, assessment_late()});
  CHECK(sqlite(db, "SELECT count(*) FROM assessments; SELECT count(*) FROM assessment_values;") == "2\n2");
}

TEST_CASE("log store: a log from a newer valgus is refused, untouched") {
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  LogStore::open(db.string(), Access::write).record(session_a());
  sqlite(db, "PRAGMA user_version = 99;");
  const std::string before = bytes_of(db);
  const std::string message =
      db.string() + " was written by a newer valgus (schema 99, this one reads up to 4); update valgus";
  for (const Access access : {Access::read, Access::write}) {
    CHECK(failure_of([&] { (void)LogStore::open(db.string(), access); }) == error_line(ExitCode::bad_data, message));
  }
  CHECK(bytes_of(db) == before);
  // Refused from the file's header: SQLite never added its files beside it.
  CHECK_FALSE(fs::exists(db.string() + "-wal"));
  CHECK_FALSE(fs::exists(db.string() + "-shm"));
}

TEST_CASE("log store: a file that is not a database is refused, byte for byte untouched") {
  const TempDir dir;
  // A real log to cut short: its first 5,000 bytes (not a whole page), and
  // its first page alone (whole pages, fewer than the header counts).
  const fs::path real = dir.path / "real.db";
  {
    LogStore store = LogStore::open(real.string(), Access::write);
    for (int day = 1; day <= 28; ++day) {
      LoggedSession session = session_a();
      session.date = Date{2027, 2, day};
      session.note = std::string(300, 'n');
      store.record(session);
    }
  }
  const std::string log = bytes_of(real);
  REQUIRE(log.size() >= 3 * 4096);
  std::string noise(8192, '\0');
  unsigned state = 12345;
  for (char& byte : noise) {
    state = state * 1103515245U + 12345U;
    byte = static_cast<char>(state >> 16U);
  }
  const std::string total = std::to_string(log.size());
  struct Broken {
    std::string name;
    std::string bytes;
    std::string reason;
  };
  const std::vector<Broken> cases{
      {"noise.db", noise, "file is not a database"},
      {"text.db", "date,session\n2027-01-04,A\n", "file is not a database"},
      {"short.db", log.substr(0, 60), "file is not a database"},
      {"cut.db", log.substr(0, 5000), "the file is cut short: 5000 bytes of " + total},
      {"page.db", log.substr(0, 4096), "the file is cut short: 4096 bytes of " + total},
  };
  for (const auto& broken : cases) {
    CAPTURE(broken.name);
    const fs::path db = dir.path / broken.name;
    write_file(db, broken.bytes);
    for (const Access access : {Access::read, Access::write}) {
      CHECK(failure_of([&] { (void)LogStore::open(db.string(), access); }) ==
            error_line(ExitCode::bad_data, not_a_log(db, broken.reason)));
    }
    CHECK(bytes_of(db) == broken.bytes);
    CHECK_FALSE(fs::exists(db.string() + "-wal"));
    CHECK_FALSE(fs::exists(db.string() + "-shm"));
  }
}

TEST_CASE("log store: another program's SQLite database is refused, not migrated") {
  const TempDir dir;
  const fs::path tables = dir.path / "notes.db";
  sqlite(tables, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
  const fs::path tagged = dir.path / "tagged.db";
  sqlite(tagged, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
  const fs::path versioned = dir.path / "versioned.db";
  sqlite(versioned, "PRAGMA user_version = 1;");
  struct Foreign {
    fs::path db;
    std::string reason;
  };
  const std::vector<Foreign> cases{{tables, "it holds another program's tables"},
                                   {tagged, "it belongs to another program: application id 0x4d2"},
                                   {versioned, "it holds another program's tables"}};
  for (const auto& foreign : cases) {
    CAPTURE(foreign.db);
    const std::string before = bytes_of(foreign.db);
    for (const Access access : {Access::read, Access::write}) {
      CHECK(failure_of([&] { (void)LogStore::open(foreign.db.string(), access); }) ==
            error_line(ExitCode::bad_data, not_a_log(foreign.db, foreign.reason)));
    }
    CHECK(bytes_of(foreign.db) == before);
    CHECK_FALSE(fs::exists(foreign.db.string() + "-wal"));
  }
}

TEST_CASE("log store: a log that cannot be written is 73, and still reads") {
  if (running_as_root()) {
    MESSAGE("running as root: permissions do not stop root; tests/e2e/log_reliability.sh uses a read-only mount");
    return;
  }
  const TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  LogStore::open(db.string(), Access::write).record(session_a());
  fs::permissions(db, fs::perms::owner_read);
  CHECK(failure_of([&] { (void)LogStore::open(db.string(), Access::write); }) ==
        error_line(ExitCode::cannot_create, "cannot write " + db.string() + ": Permission denied"));
  CHECK(LogStore::open(db.string(), Access::read).sessions() == std::vector<LoggedSession>{session_a()});

  const fs::path locked = dir.path / "locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const fs::path inside = locked / "valgus.db";
  CHECK(failure_of([&] { (void)LogStore::open(inside.string(), Access::write); }) ==
        error_line(ExitCode::cannot_create, "cannot create " + inside.string() + ": Permission denied"));
}

TEST_CASE("the log is under XDG_STATE_HOME, else ~/.local/state; nowhere is a usage error") {
  const char* saved_state = std::getenv("XDG_STATE_HOME");
  const char* saved_home = std::getenv("HOME");
  const std::string old_state = saved_state != nullptr ? saved_state : "";
  const std::string old_home = saved_home != nullptr ? saved_home : "";
  ::setenv("XDG_STATE_HOME", "/srv/state", 1);
  CHECK(valgus::cli::log_path() == "/srv/state/valgus/valgus.db");
  ::setenv("XDG_STATE_HOME", "relative", 1);
  ::setenv("HOME", "/home/someone", 1);
  CHECK(valgus::cli::log_path() == "/home/someone/.local/state/valgus/valgus.db");
  ::setenv("HOME", "", 1);
  CHECK_THROWS_WITH_AS(valgus::cli::log_path(),
                       "cannot tell where the log goes: set HOME or XDG_STATE_HOME to an absolute path", valgus::Error);
  for (const auto& [name, value, was_set] : {std::tuple{"XDG_STATE_HOME", old_state, saved_state != nullptr},
                                             std::tuple{"HOME", old_home, saved_home != nullptr}}) {
    if (was_set) {
      ::setenv(name, value.c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
}

TEST_CASE("log store: a row another program wrote is left out with one warning, and deleted by its text") {
  TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  record_january(db, {4, 6, 8});
  (void)sqlite(db,
               "PRAGMA ignore_check_constraints = ON;"
               "UPDATE sessions SET date = '2027-02-30' WHERE date = '2027-01-06';"
               "UPDATE sessions SET stage_week = 9223372036854775807 WHERE date = '2027-01-08';");
  std::vector<std::string> warnings;
  LogStore store =
      LogStore::open(db.string(), Access::write, [&](const std::string& line) { warnings.push_back(line); });
  const auto sessions = store.sessions();
  REQUIRE(sessions.size() == 1);
  CHECK(sessions.front().date == Date{2027, 1, 4});
  CHECK(store.records().size() == 1);  // the same rows left out, each warned about once
  CHECK(warnings ==
        std::vector<std::string>{
            db.string() + ": the session logged as \"2027-02-30\" (row 2) cannot be read: invalid date \"2027-02-30\": "
                          "use YYYY-MM-DD, for example 2026-11-23; it is left out; delete it with: valgus log "
                          "--delete 2027-02-30",
            db.string() + ": the session logged as \"2027-01-08\" (row 3) cannot be read: its stage week, "
                          "9223372036854775807, is not a week of a programme; it is left out; delete it with: valgus "
                          "log --delete 2027-01-08"});
  CHECK(store.remove_dated("2027-02-30"));
  CHECK_FALSE(store.remove_dated("2027-02-30"));
  CHECK(store.remove(Date{2027, 1, 8}));
  CHECK(sqlite(db, "SELECT count(*) FROM sessions;") == "1");
}

TEST_CASE("log store: values of every SQLite type read the same by the listing and by every other read") {
  // Another program may store a real, text, a blob or an integer where the
  // log keeps something else: log --list reads its columns by hand
  // (log_store_list.cpp), the other reads through SQLiteCpp, and both must
  // keep and leave out the same rows with the same values.
  TempDir dir;
  const fs::path db = dir.path / "valgus.db";
  record_january(db, {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
  (void)sqlite(db,
               "PRAGMA ignore_check_constraints = ON;"
               "UPDATE sessions SET pain = 2.5 WHERE date = '2027-01-05';"
               "UPDATE sessions SET pain = '3' WHERE date = '2027-01-06';"
               "UPDATE sessions SET effort = CAST('easy' AS BLOB) WHERE date = '2027-01-07';"
               "UPDATE sessions SET effort = x'' WHERE date = '2027-01-08';"
               "UPDATE sessions SET note = 42 WHERE date = '2027-01-09';"
               "UPDATE sessions SET note = CAST('a blob note' AS BLOB) WHERE date = '2027-01-10';"
               "UPDATE sessions SET session = 7, note = '' WHERE date = '2027-01-11';"
               "UPDATE sessions SET next_morning_pain = 4.0 WHERE date = '2027-01-12';"
               "UPDATE sessions SET stage_week = '2' WHERE date = '2027-01-13';"
               "UPDATE sessions SET symptoms = zeroblob(0) WHERE date = '2027-01-14';");
  std::vector<std::string> listing_warnings;
  std::vector<std::string> other_warnings;
  const LogStore listing_store =
      LogStore::open(db.string(), Access::read, [&](const std::string& line) { listing_warnings.push_back(line); });
  std::vector<LoggedSession> listed;
  listing_store.each_session({}, [&](const LoggedSession& session) { listed.push_back(session); });
  const LogStore other_store =
      LogStore::open(db.string(), Access::read, [&](const std::string& line) { other_warnings.push_back(line); });
  const std::vector<LoggedSession> read = other_store.sessions();
  CHECK(listed == read);
  CHECK(listing_warnings == other_warnings);
  std::vector<Date> kept;
  for (const LoggedSession& session : read) {
    kept.push_back(session.date);
  }
  // The columns' affinity stores '3', 4.0 and '2' as the integers they
  // are, 42 in the note as text; 2.5 stays a real, not a pain, and an
  // empty blob is no effort. A blob holding "easy" reads as easy.
  CHECK(kept == std::vector<Date>{Date{2027, 1, 4}, Date{2027, 1, 6}, Date{2027, 1, 7}, Date{2027, 1, 9},
                                  Date{2027, 1, 10}, Date{2027, 1, 11}, Date{2027, 1, 12}, Date{2027, 1, 13},
                                  Date{2027, 1, 14}});
  CHECK(listing_warnings.size() == 2);
  REQUIRE(read.size() == 9);
  CHECK(read[1].pain == 3);
  CHECK(read[2].effort == Effort::easy);
  CHECK(read[3].note == "42");
  CHECK(read[4].note == "a blob note");
  CHECK(read[5].session == "7");
  CHECK(read[6].next_morning_pain == 4);
  CHECK(read[7].stage_week == 2);
  CHECK(read[8].symptoms.empty());
}
