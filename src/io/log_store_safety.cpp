// The log store's safety decisions (pauses, resumes, clearances) and what a
// session gains after it is logged (next-morning pain, warning symptoms):
// the SQL of schema 3. Shares the connection of io/log_store.cpp.

#include "io/log_store_impl.hpp"

#include "core/model/text.hpp"

#include <algorithm>

namespace valgus {

void log_store_detail::insert_event(SQLite::Database& db, const SafetyEvent& event) {
  SQLite::Statement insert(db, "INSERT INTO safety_events (date, kind, reason) VALUES (?, ?, ?)");
  insert.bind(1, to_string(event.date));
  insert.bind(2, std::string(to_string(event.kind)));
  insert.bind(3, event.reason);
  insert.exec();
}

bool LogStore::amend(Date date, std::optional<int> next_morning_pain, const std::vector<std::string>& symptoms,
                     const std::optional<SafetyEvent>& pause) {
  return Impl::writable(impl_, path_).in_write_transaction([&](SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT symptoms FROM sessions WHERE date = ?");
    query.bind(1, to_string(date));
    if (!query.executeStep()) {
      return false;
    }
    std::vector<std::string> all = split_list(query.getColumn(0).getString());
    for (const std::string& id : symptoms) {
      if (std::find(all.begin(), all.end(), id) == all.end()) {
        all.push_back(id);
      }
    }
    query.reset();
    SQLite::Statement update(
        db, "UPDATE sessions SET next_morning_pain = coalesce(?, next_morning_pain), symptoms = ? WHERE date = ?");
    if (next_morning_pain) {
      update.bind(1, *next_morning_pain);
    }
    update.bind(2, join(all, ","));
    update.bind(3, to_string(date));
    update.exec();
    if (pause) {
      log_store_detail::insert_event(db, *pause);
    }
    return true;
  });
}

void LogStore::record_event(const SafetyEvent& event) {
  Impl::writable(impl_, path_).in_write_transaction([&](SQLite::Database& db) {
    log_store_detail::insert_event(db, event);
    return true;
  });
}

std::vector<SafetyEvent> LogStore::events() const {
  // A log from before schema 3 has no safety decisions yet.
  return Impl::read_rows<std::vector<SafetyEvent>>(impl_, path_, 3, [this](SQLite::Database& db) {
    std::vector<SafetyEvent> result;
    SQLite::Statement query(db, "SELECT date, kind, reason FROM safety_events ORDER BY date, id");
    while (query.executeStep()) {
      const std::string date = query.getColumn(0).getString();
      // Unlike a session, a pause or a referral is never left out: the
      // programme must not go on because a date in the log was edited.
      if (const std::string problem = date_problem(date); !problem.empty()) {
        throw Error(ExitCode::bad_data, fmt::format("{}: a safety decision is dated \"{}\": {}; fix its date with "
                                                    "sqlite3, or move the log aside to start a new one",
                                                    path_, one_line(date), problem));
      }
      SafetyEvent event;
      event.date = parse_date(date);
      event.kind = parse_safety_kind(query.getColumn(1).getString()).value_or(SafetyKind::pause);
      event.reason = query.getColumn(2).getString();
      result.push_back(std::move(event));
    }
    return result;
  });
}

}  // namespace valgus
