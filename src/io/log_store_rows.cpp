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

log_store_detail::Cell log_store_detail::cell_of(const SQLite::Column& column) {
  Cell cell;
  if (column.isNull()) {
    return cell;
  }
  if (column.isInteger()) {
    cell.kind = Cell::Kind::integer;
    cell.number = column.getInt64();
    return cell;
  }
  cell.kind = Cell::Kind::other;
  const auto* bytes = static_cast<const char*>(column.getBlob());
  cell.text =
      bytes == nullptr ? std::string_view() : std::string_view(bytes, static_cast<std::size_t>(column.getBytes()));
  return cell;
}

log_store_detail::Cell log_store_detail::cell_of(sqlite3_stmt* statement, int column) {
  // One call into the statement, then the value's own accessors: this runs
  // for four columns of every row that log --list reads.
  sqlite3_value* value = sqlite3_column_value(statement, column);
  Cell cell;
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL: return cell;
    case SQLITE_INTEGER:
      cell.kind = Cell::Kind::integer;
      cell.number = sqlite3_value_int64(value);
      return cell;
    default:
      cell.kind = Cell::Kind::other;
      const auto* bytes = static_cast<const char*>(sqlite3_value_blob(value));
      cell.text = bytes == nullptr ? std::string_view()
                                   : std::string_view(bytes, static_cast<std::size_t>(sqlite3_value_bytes(value)));
      return cell;
  }
}

namespace {

// A cell as text, for a message: what SQLite's own conversion gives.
std::string text_of(const log_store_detail::Cell& cell) {
  return cell.kind == log_store_detail::Cell::Kind::integer ? std::to_string(cell.number) : std::string(cell.text);
}

}  // namespace

std::string log_store_detail::session_problem(std::string_view date, const std::optional<Date>& day,
                                              const Cell& stage_week, const Cell& pain, const Cell& effort,
                                              const Cell& next_morning) {
  std::string problem = day ? std::string() : date_problem(date);
  const auto out_of = [](const Cell& value, std::int64_t low, std::int64_t high) {
    return value.kind != Cell::Kind::null &&
           (value.kind != Cell::Kind::integer || value.number < low || value.number > high);
  };
  if (!problem.empty()) {
    return problem;
  }
  if (out_of(stage_week, 1, 10000) || stage_week.kind == Cell::Kind::null) {
    return fmt::format("its stage week, {}, is not a week of a programme", one_line(text_of(stage_week)));
  }
  if (out_of(pain, 0, 10)) {
    return fmt::format("its pain, {}, is not 0 to 10", one_line(text_of(pain)));
  }
  if (effort.kind != Cell::Kind::null && (effort.kind == Cell::Kind::integer || !parse_effort(effort.text))) {
    return fmt::format("its effort, \"{}\", is not easy, right or hard", one_line(text_of(effort)));
  }
  if (out_of(next_morning, 0, 10)) {
    return fmt::format("its next-morning pain, {}, is not 0 to 10", one_line(text_of(next_morning)));
  }
  return {};
}

LoggedSession log_store_detail::session_of(SQLite::Statement& query, Date date) {
  LoggedSession session;
  session.date = date;
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

}  // namespace valgus
