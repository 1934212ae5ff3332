// The rows of the log that cannot be read: what makes one so, and the one
// warning each gets (LogStore::readable). Such a row is left out, never
// fatal: another program may have edited the log.

#include "core/model/calendar_date.hpp"
#include "core/model/text.hpp"
#include "io/log_store_impl.hpp"

#include <fmt/format.h>

#include <algorithm>

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
