// `log --list`'s read of the log (LogStore::each_session): every session in
// date order with its exercises, whatever order the days were logged in,
// against the whole-log read that sorts in memory (LogStore::sessions).

#include "core/model/calendar_date.hpp"
#include "io/log_store.hpp"
#include "sqlite_cli.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using valgus::Date;
using valgus::LoggedSession;
using valgus::LogStore;
using valgus::test::TempDir;

std::vector<LoggedSession> listed(const LogStore& store, const LogStore::SessionFilter& filter) {
  std::vector<LoggedSession> out;
  store.each_session(filter, [&out](const LoggedSession& session) { out.push_back(session); });
  return out;
}

// What each_session should give: the whole log, filtered in memory.
std::vector<LoggedSession> expected_listing(std::vector<LoggedSession> all, const LogStore::SessionFilter& filter) {
  if (filter.since) {
    all.erase(std::remove_if(all.begin(), all.end(), [&](const LoggedSession& s) { return s.date < *filter.since; }),
              all.end());
  }
  if (filter.last && static_cast<std::int64_t>(all.size()) > std::max<std::int64_t>(*filter.last, 1)) {
    all.erase(all.begin(), all.end() - std::max<std::int64_t>(*filter.last, 1));
  }
  for (LoggedSession& session : all) {
    if (filter.skipped_only) {
      auto& exercises = session.exercises;
      exercises.erase(std::remove_if(exercises.begin(), exercises.end(), [](const auto& e) { return e.done; }),
                      exercises.end());
    }
  }
  return all;
}

}  // namespace

TEST_CASE("log listing: every session in date order with its exercises, however the days were logged") {
  // Days logged in a random order, some replaced (a new row id) or deleted,
  // so the ids run out of date order: the listing's forward scan of the
  // exercises must fall back to a search for a day logged late, and never
  // hand one session another's exercises.
  std::mt19937 random(20261205);
  const std::vector<std::string> names{"clamshell", "glute-bridge", "side-lying-wall-slide", "short-foot", "step-up"};
  for (int round = 0; round < 60; ++round) {
    CAPTURE(round);
    const TempDir dir;
    const std::string db = (dir.path / "valgus.db").string();
    LogStore store = LogStore::open(db, LogStore::Access::write);
    const int days = static_cast<int>(random() % 40);
    const bool in_order = round % 3 == 0;  // a log kept day by day
    std::vector<int> order(static_cast<std::size_t>(days));
    for (int d = 0; d < days; ++d) {
      order[static_cast<std::size_t>(d)] = d;
    }
    if (!in_order) {
      std::shuffle(order.begin(), order.end(), random);
    }
    for (const int d : order) {
      LoggedSession session;
      session.date = valgus::add_days(Date{2027, 1, 1}, d * static_cast<int>(1 + random() % 3));
      session.session = std::string(1, static_cast<char>('A' + random() % 3));
      session.stage_week = static_cast<int>(1 + random() % 8);
      session.pain = static_cast<int>(random() % 11);
      session.note = random() % 4 == 0 ? "note " + std::to_string(d) : "";
      const auto count = random() % 8;
      for (std::size_t e = 0; e < count; ++e) {
        session.exercises.push_back({names[random() % names.size()], random() % 3 != 0});
      }
      store.record(session);
      if (random() % 10 == 0) {
        store.remove(session.date);
      }
    }
    const std::vector<LoggedSession> all = store.sessions();
    for (int probe = 0; probe < 6; ++probe) {
      LogStore::SessionFilter filter;
      filter.skipped_only = probe % 2 == 1;
      if (probe >= 2 && !all.empty()) {
        filter.since = all[random() % all.size()].date;
      }
      if (probe >= 4) {
        filter.last = static_cast<std::int64_t>(random() % 6);
      }
      CAPTURE(probe);
      CHECK(listed(store, filter) == expected_listing(all, filter));
    }
  }
}

TEST_CASE("log listing: a schema 3 log lists as it is, and schema 4 adds the index of skipped exercises") {
  const TempDir dir;
  const std::filesystem::path db = dir.path / "valgus.db";
  valgus::test::sqlite(
      db, valgus::test::bytes_of(std::filesystem::path(VALGUS_TEST_DATA) / "data" / "log_store" / "v3.sql"));
  const auto names_of = [](const std::vector<LoggedSession>& sessions) {
    std::vector<std::string> out;
    for (const LoggedSession& session : sessions) {
      out.push_back(valgus::to_string(session.date) + ":");
      for (const auto& exercise : session.exercises) {
        out.back() += " " + exercise.id + (exercise.done ? "" : " (skipped)");
      }
    }
    return out;
  };
  LogStore::SessionFilter skipped;
  skipped.skipped_only = true;
  {
    const LogStore reader = LogStore::open(db.string(), LogStore::Access::read);
    CHECK(names_of(listed(reader, {})) ==
          std::vector<std::string>{"2027-01-04: foam-roll-tfl clamshell (skipped)", "2027-01-06: side-plank"});
    CHECK(names_of(listed(reader, skipped)) ==
          std::vector<std::string>{"2027-01-04: clamshell (skipped)", "2027-01-06:"});
  }
  CHECK(valgus::test::sqlite(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index';") == "2");
  const LogStore store = LogStore::open(db.string(), LogStore::Access::write);
  CHECK(valgus::test::sqlite(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL;") ==
        "skipped_exercises");
  CHECK(names_of(listed(store, skipped)) == std::vector<std::string>{"2027-01-04: clamshell (skipped)", "2027-01-06:"});
  CHECK(valgus::test::sqlite(db, "PRAGMA integrity_check;") == "ok");
}

TEST_CASE("log listing: a day logged after five thousand later ones lists every session's exercises") {
  // Day 2 is logged last, so its row id is after those of days 3 to 5002:
  // the scan steps over 5,000 sessions to reach it, more than it remembers,
  // and then looks up each of them as they are listed.
  const TempDir dir;
  const std::filesystem::path db = dir.path / "valgus.db";
  { const LogStore created = LogStore::open(db.string(), LogStore::Access::write); }
  valgus::test::sqlite(db, R"sql(
BEGIN;
INSERT INTO sessions (id, date, session, stage_week) VALUES (1, '2030-01-01', 'A', 1);
WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 5001)
INSERT INTO sessions (id, date, session, stage_week) SELECT i, date('2030-01-01', '+' || i || ' days'), 'A', 1 FROM n;
INSERT INTO sessions (id, date, session, stage_week) VALUES (5002, '2030-01-02', 'B', 1);
INSERT INTO session_exercises (session_id, position, exercise, done)
  SELECT id, 0, 'clam-' || id, id % 2 FROM sessions;
COMMIT;
)sql");
  const LogStore store = LogStore::open(db.string(), LogStore::Access::read);
  for (const bool skipped_only : {false, true}) {
    CAPTURE(skipped_only);
    LogStore::SessionFilter filter;
    filter.skipped_only = skipped_only;
    std::size_t count = 0;
    bool right = true;
    store.each_session(filter, [&](const LoggedSession& session) {
      ++count;
      const int days = valgus::days_between(Date{2030, 1, 1}, session.date);
      const std::int64_t id = session.session == "B" ? 5002 : days == 0 ? 1 : days;
      const bool skipped = id % 2 == 0;
      const std::vector<valgus::LoggedExercise> expected =
          skipped_only && !skipped ? std::vector<valgus::LoggedExercise>{}
                                   : std::vector<valgus::LoggedExercise>{{"clam-" + std::to_string(id), !skipped}};
      right = right && session.exercises == expected;
    });
    CHECK(count == 5002);
    CHECK(right);
  }
}
