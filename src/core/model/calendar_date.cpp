#include "core/model/calendar_date.hpp"

#include "core/model/error.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <iterator>

namespace valgus {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

date::year_month_day to_ymd(Date d) {
  return date::year_month_day{date::year{d.year}, date::month{static_cast<unsigned>(d.month)},
                              date::day{static_cast<unsigned>(d.day)}};
}

Date from_ymd(date::year_month_day ymd) {
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Days since 1970-01-01, the library's sys_days count.
std::int64_t day_number(Date d) { return date::sys_days{to_ymd(d)}.time_since_epoch().count(); }

// The day numbers of 0001-01-01 and 9999-12-31: the dates YYYY-MM-DD writes.
// Checking against them before converting back keeps the library's int day
// count from overflowing on a far-off SOURCE_DATE_EPOCH or a huge offset.
std::int64_t first_day_number() { return day_number(Date{1, 1, 1}); }
std::int64_t last_day_number() { return day_number(Date{9999, 12, 31}); }

Date from_day_number(std::int64_t number) {
  return from_ymd(date::year_month_day{date::sys_days{date::days{static_cast<int>(number)}}});
}

// The value of `count` ASCII digits at `text[at]`, or -1 if any is not one.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// `text` read as YYYY-MM-DD digits; -1 in every field when it is not.
Date digits_of(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-'
             ? Date{digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)}
             : Date{-1, -1, -1};
}

bool is_real(Date date) { return date.year >= 1 && date.month >= 1 && date.day >= 1 && to_ymd(date).ok(); }

bool is_supported(Date date) { return date.year >= first_supported_year && date.year <= last_supported_year; }

}  // namespace

std::optional<Date> valid_date(std::string_view text) {
  const Date parsed = digits_of(text);
  return is_real(parsed) && is_supported(parsed) ? std::optional<Date>(parsed) : std::nullopt;
}

std::string date_problem(std::string_view text) {
  const Date parsed = digits_of(text);
  if (!is_real(parsed)) {
    return fmt::format("invalid date \"{}\": use YYYY-MM-DD, for example 2026-11-23", text);
  }
  if (!is_supported(parsed)) {
    return fmt::format("date {} is outside the years valgus works with, {} to {}", text, first_supported_year,
                       last_supported_year);
  }
  return {};
}

Date parse_date(std::string_view text) {
  if (const auto date = valid_date(text)) {
    return *date;
  }
  throw Error(ExitCode::usage, date_problem(text));
}

std::string to_string(Date date) {
  std::string text;
  append_date(text, date);
  return text;
}

void append_date(std::string& out, Date date) {
  // By hand: every log row and calendar day goes through here.
  if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 || date.day > 99) {
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", date.year, date.month, date.day);
    return;
  }
  const auto digit = [](int value) { return static_cast<char>('0' + value % 10); };
  const std::array<char, 10> text{digit(date.year / 1000),
                                  digit(date.year / 100),
                                  digit(date.year / 10),
                                  digit(date.year),
                                  '-',
                                  digit(date.month / 10),
                                  digit(date.month),
                                  '-',
                                  digit(date.day / 10),
                                  digit(date.day)};
  out.append(text.data(), text.size());
}

Date add_days(Date date, int days) {
  const std::int64_t number = day_number(date) + days;
  if (number < first_day_number() || number > last_day_number()) {
    const std::int64_t size = days < 0 ? -std::int64_t{days} : days;
    throw Error(ExitCode::usage, fmt::format("date {} {} {} day{} is outside 0001-01-01 to 9999-12-31", to_string(date),
                                             days < 0 ? "minus" : "plus", size, size == 1 ? "" : "s"));
  }
  return from_day_number(number);
}

int weekday(Date date) { return static_cast<int>(date::weekday{date::sys_days{to_ymd(date)}}.iso_encoding()) - 1; }

int days_between(Date from, Date to) { return static_cast<int>(day_number(to) - day_number(from)); }

std::optional<int> weekday_of_id(std::string_view id) {
  for (std::size_t day = 0; day < weekday_names.size(); ++day) {
    if (weekday_names[day].id == id) {
      return static_cast<int>(day);
    }
  }
  return std::nullopt;
}

std::vector<int> spread_days(int count) {
  static const std::array<std::vector<int>, 7> spread{
      {{0}, {0, 3}, {0, 2, 4}, {0, 1, 3, 4}, {0, 1, 2, 3, 4}, {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5, 6}}};
  return spread.at(static_cast<std::size_t>(count - 1));
}

Date next_monday(Date today) { return add_days(today, 7 - weekday(today)); }

Date date_from_unix_seconds(std::int64_t seconds) {
  // Floor division: -1 s is still 1969-12-31.
  std::int64_t number = seconds / seconds_per_day;
  if (seconds % seconds_per_day < 0) {
    --number;
  }
  if (number < first_day_number() || number > last_day_number()) {
    throw Error(ExitCode::usage,
                fmt::format("{} seconds since 1970-01-01 is outside 0001-01-01 to 9999-12-31", seconds));
  }
  return from_day_number(number);
}

int parse_time_of_day(std::string_view text) {
  const int hours = text.size() == 5 && text[2] == ':' ? digits(text, 0, 2) : -1;
  const int minutes = hours >= 0 ? digits(text, 3, 2) : -1;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    throw Error(ExitCode::usage, fmt::format("invalid time \"{}\": use HH:MM, for example 18:00", text));
  }
  return hours * 60 + minutes;
}

}  // namespace valgus
