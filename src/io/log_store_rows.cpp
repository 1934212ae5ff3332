// The rows of the log that cannot be read: what makes one so, and the one
// warning each gets (LogStore::readable). Such a row is left out, never
// fatal: another program may have edited the log.

#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/log_store_impl.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace valgus {

std::string log_store_detail::session_problem(std::string_view date, const SQLite::Column& stage_week,
                                              const SQLite::Column& pain, const SQLite::Column& effort,
                                              const SQLite::Column& next_morning) {
  std::string problem = date_problem(date);
  const auto out_of = [](const SQLite::Column& value, std::int64_t low, std::int64_t high) {
    return !value.isNull() && (!value.isInteger() || value.getInt64() < low || value.getInt64() > high);
  };
  if (!problem.empty()) {
    return problem;
  }
  if (out_of(stage_week, 1, 10000) || stage_week.isNull()) {
    return fmt::format("its stage week, {}, is not a week of a programme", one_line(stage_week.getString()));
  }
  if (out_of(pain, 0, 10)) {
    return fmt::format("its pain, {}, is not 0 to 10", one_line(pain.getString()));
  }
  if (!effort.isNull() && !parse_effort(effort.getString())) {
    return fmt::format("its effort, \"{}\", is not easy, right or hard", one_line(effort.getString()));
  }
  if (out_of(next_morning, 0, 10)) {
    return fmt::format("its next-morning pain, {}, is not 0 to 10", one_line(next_morning.getString()));
  }
  return {};
}

LoggedSession log_store_detail::session_of(SQLite::Statement& query, std::string_view date) {
  LoggedSession session;
  session.date = parse_date(date);
  session.session = query.getColumn(2).getString();
  session.stage_week = query.getColumn(3).getInt();
  if (!query.getColumn(4).isNull()) {
    session.pain = query.getColumn(4).getInt();
  }
  if (!query.getColumn(5).isNull()) {
    session.effort = parse_effort(query.getColumn(5).getString());
  }
  session.note = query.getColumn(6).getString();
  if (!query.getColumn(7).isNull()) {
    session.next_morning_pain = query.getColumn(7).getInt();
  }
  session.symptoms = split_list(query.getColumn(8).getString());
  return session;
}

namespace {

// `text` as a shell word: as it is when plain, else in single quotes.
std::string shell_word(std::string_view text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == ':';
      })) {
    return std::string(text);
  }
  std::string out = "'";
  for (const char c : one_line(text)) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

}  // namespace

bool LogStore::readable(std::string_view table, std::int64_t id, std::string_view date,
                        const std::string& problem) const {
  if (problem.empty()) {
    return true;
  }
  const std::string key = fmt::format("{}:{}", table, id);
  if (std::find(warned_.begin(), warned_.end(), key) == warned_.end()) {
    warned_.push_back(key);
    warn_(table == "sessions"
              ? fmt::format("{}: the session logged as \"{}\" (row {}) cannot be read: {}; it is left out; delete "
                            "it with: valgus log --delete {}",
                            path_, one_line(date), id, problem, shell_word(date))
              : fmt::format("{}: the assessment dated \"{}\" (row {}) cannot be read: {}; it is left out", path_,
                            one_line(date), id, problem));
  }
  return false;
}

void LogStore::each_session(const SessionFilter& filter, const std::function<void(const LoggedSession&)>& visit) const {
  (void)Impl::read_rows<bool>(impl_, path_, 1, [&](SQLite::Database& db) {
    // The sessions in date order (the date index, UNIQUE, serves the order
    // and both limits), and each one's exercises by a second statement
    // made once and bound per session: a join would hand SQLite every
    // session column again on each exercise row, a third of the listing's
    // time on a long log. Both read in the one snapshot of the connection.
    const bool schema_3 = impl_->pragma("user_version") >= 3;
    SQLite::Statement query(
        db, fmt::format("SELECT s.id, s.date, s.session, s.stage_week, s.pain, s.effort, s.note, {} "
                        "FROM sessions AS s WHERE s.date >= ?1 AND (?2 IS NULL OR s.date >= coalesce((SELECT date "
                        "FROM sessions WHERE date >= ?1 ORDER BY date DESC LIMIT 1 OFFSET ?2), '')) "
                        "ORDER BY s.date, s.id",
                        schema_3 ? "s.next_morning_pain, s.symptoms" : "NULL, ''"));
    query.bind(1, filter.since ? to_string(*filter.since) : std::string());
    if (filter.last) {
      query.bind(2, std::max<std::int64_t>(*filter.last - 1, 0));
    } else {
      query.bind(2);  // NULL: no limit
    }
    SQLite::Statement exercises(db,
                                "SELECT exercise, done FROM session_exercises WHERE session_id = ?1 ORDER BY position");
    while (query.executeStep()) {
      const std::int64_t id = query.getColumn(0).getInt64();
      const std::string date = query.getColumn(1).getString();
      if (!readable("sessions", id, date,
                    log_store_detail::session_problem(date, query.getColumn(3), query.getColumn(4), query.getColumn(5),
                                                      query.getColumn(7)))) {
        continue;
      }
      LoggedSession session = log_store_detail::session_of(query, date);
      session.exercises.reserve(8);  // a session holds up to about eight
      exercises.bind(1, id);
      while (exercises.executeStep()) {
        session.exercises.push_back({exercises.getColumn(0).getString(), exercises.getColumn(1).getInt() != 0});
      }
      exercises.reset();
      visit(session);
    }
    return true;
  });
}

}  // namespace valgus
