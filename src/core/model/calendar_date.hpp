#pragma once

// Calendar dates for a programme laid out on days: parsing what a person
// types (2026-11-23, 18:00), day arithmetic and weekdays. The arithmetic is
// Howard Hinnant's date library; only calendar_date.cpp sees it, so the rest
// of valgus deals in this plain value.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

// A day of the proleptic Gregorian calendar, from 0001-01-01 to 9999-12-31
// (what YYYY-MM-DD can write). The functions below only ever make valid
// dates; one built by hand is the caller's to keep valid.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

// Weekdays as valgus numbers them: 0 = Monday ... 6 = Sunday (ISO 8601's
// order, so a training week starts on Monday).
// Each weekday's names, the one table of them: the id typed and saved
// (`days: [mon, wed]`), and the short and long names printed.
struct WeekdayNames {
  std::string_view id;          // "mon"
  std::string_view short_name;  // "Mon"
  std::string_view long_name;   // "Monday"
};
inline constexpr std::array<WeekdayNames, 7> weekday_names{{{"mon", "Mon", "Monday"},
                                                            {"tue", "Tue", "Tuesday"},
                                                            {"wed", "Wed", "Wednesday"},
                                                            {"thu", "Thu", "Thursday"},
                                                            {"fri", "Fri", "Friday"},
                                                            {"sat", "Sat", "Saturday"},
                                                            {"sun", "Sun", "Sunday"}}};
// The weekday whose id is `id` ("wed" -> 2); none for anything else.
[[nodiscard]] std::optional<int> weekday_of_id(std::string_view id);
// `count` training days (1 to 7) spread over the week (3: Monday,
// Wednesday, Friday): what --days COUNT gives, and the pattern the
// planner's advice counts days on.
[[nodiscard]] std::vector<int> spread_days(int count);

// The dates valgus reads, from an option, a file or the log: 1900-01-01 to
// 2199-12-31, wide enough for any birth year or programme and narrow
// enough that a typo (9000-01-01) is caught, not planned. Dates it works
// out from them (a programme's later weeks) may run past the end.
inline constexpr int first_supported_year = 1900;
inline constexpr int last_supported_year = 2199;

// What is wrong with `text` as a date valgus reads, in one line; empty when
// it is one: strict YYYY-MM-DD (a two-digit month and day, a day that
// exists, nothing before or after) within the supported years.
[[nodiscard]] std::string date_problem(std::string_view text);

// `text` as a date when date_problem finds nothing wrong with it; none
// otherwise. For a reader that words its own error (a log row).
[[nodiscard]] std::optional<Date> valid_date(std::string_view text);

// `text` as a date; throws a usage Error with date_problem's message, e.g.
// invalid date "X": use YYYY-MM-DD, for example 2026-11-23.
[[nodiscard]] Date parse_date(std::string_view text);

// "2026-11-23".
[[nodiscard]] std::string to_string(Date date);
// The same appended to `out`: a listing writes one a row, into a string
// whose room it keeps.
void append_date(std::string& out, Date date);

// `date` moved by `days` (negative goes back). Throws a usage Error when the
// result leaves 0001-01-01..9999-12-31: only a date typed near the edge
// gets there.
[[nodiscard]] Date add_days(Date date, int days);

// 0 = Monday ... 6 = Sunday; weekday_names[weekday(d)] names it.
[[nodiscard]] int weekday(Date date);

// Days from `from` to `to`: positive when `to` is later, 0 on the same day.
[[nodiscard]] int days_between(Date from, Date to);

// The first Monday after `today`: on a Monday it is next week's Monday, never
// today, since a programme starting today would already be under way when
// its calendar is imported.
[[nodiscard]] Date next_monday(Date today);

// The UTC day holding `seconds` since 1970-01-01T00:00:00Z (before 1970 when
// negative), as SOURCE_DATE_EPOCH gives them. Throws a usage Error outside
// 0001-01-01..9999-12-31.
[[nodiscard]] Date date_from_unix_seconds(std::int64_t seconds);

// Strict HH:MM, 00:00 to 23:59, as minutes since midnight. Throws a usage
// Error: invalid time "X": use HH:MM, for example 18:00.
[[nodiscard]] int parse_time_of_day(std::string_view text);

}  // namespace valgus
