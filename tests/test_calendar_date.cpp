#include "core/model/calendar_date.hpp"

#include "core/model/error.hpp"

#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <string>

using valgus::Date;

namespace {

// The usage error `call` throws, as "code: message"; "" when it throws none.
template <typename Call>
std::string usage_error(Call call) {
  try {
    call();
  } catch (const valgus::Error& error) {
    return std::to_string(static_cast<int>(error.code())) + ": " + error.what();
  }
  return "";
}

std::string date_error(const std::string& text) {
  return usage_error([&text] { (void)valgus::parse_date(text); });
}

std::string time_error(const std::string& text) {
  return usage_error([&text] { (void)valgus::parse_time_of_day(text); });
}

}  // namespace

TEST_CASE("parse_date reads YYYY-MM-DD and to_string writes it back") {
  CHECK(valgus::parse_date("2026-11-23") == Date{2026, 11, 23});
  CHECK(valgus::parse_date("2024-02-29") == Date{2024, 2, 29});  // a leap year
  CHECK(valgus::parse_date("2000-02-29") == Date{2000, 2, 29});  // divisible by 400
  CHECK(valgus::parse_date("1900-01-01") == Date{1900, 1, 1});   // the supported years' ends
  CHECK(valgus::parse_date("2199-12-31") == Date{2199, 12, 31});
  CHECK(valgus::to_string(Date{2026, 11, 23}) == "2026-11-23");
  CHECK(valgus::to_string(Date{1, 2, 3}) == "0001-02-03");
  CHECK(valgus::to_string(Date{2199, 12, 31}) == "2199-12-31");
  CHECK(valgus::to_string(Date{1900, 10, 10}) == "1900-10-10");
  CHECK(valgus::to_string(Date{0, 0, 0}) == "0000-00-00");
  CHECK(valgus::to_string(Date{12345, 1, 2}) == "12345-01-02");  // not a date valgus reads: as fmt writes it
  CHECK(valgus::to_string(Date{-1, -1, -1}) == "-001--1--1");
  CHECK(valgus::to_string(valgus::parse_date("2026-01-09")) == "2026-01-09");
}

TEST_CASE("append_date writes the date after what the string holds") {
  std::string line = "on ";
  valgus::append_date(line, Date{2027, 3, 9});
  CHECK(line == "on 2027-03-09");
  valgus::append_date(line, Date{12345, 1, 2});
  CHECK(line == "on 2027-03-0912345-01-02");
}

TEST_CASE("parse_date refuses anything but an existing day written YYYY-MM-DD") {
  CHECK(date_error("2026-02-30") == "64: invalid date \"2026-02-30\": use YYYY-MM-DD, for example 2026-11-23");
  for (const char* bad : {"2026-02-29",    "1900-02-29",  "2026-04-31",  "2026-13-01", "2026-00-10",
                          "2026-11-00",    "0000-01-01",  "2026-2-3",    "2026-02-3",  "26-11-23",
                          "2026-11-23x",   " 2026-11-23", "2026-11-23 ", "2026/11/23", "2026-11-2a",
                          "+026-11-23",    "2026-+1-23",  "20261123",    "",           "2026-11-23T18:00",
                          "２０２６-11-23"}) {
    CAPTURE(bad);
    CHECK(date_error(bad) == "64: invalid date \"" + std::string(bad) + "\": use YYYY-MM-DD, for example 2026-11-23");
    CHECK_FALSE(valgus::valid_date(bad));
  }
}

TEST_CASE("parse_date reads only the supported years, 1900 to 2199, and says so") {
  for (const char* far : {"1899-12-31", "2200-01-01", "0001-01-01", "9000-01-01", "9999-12-31"}) {
    CAPTURE(far);
    CHECK(date_error(far) == "64: date " + std::string(far) + " is outside the years valgus works with, 1900 to 2199");
    CHECK(valgus::date_problem(far) ==
          "date " + std::string(far) + " is outside the years valgus works with, 1900 to 2199");
    CHECK_FALSE(valgus::valid_date(far));
  }
  CHECK(valgus::date_problem("2027-01-04").empty());
  CHECK(valgus::valid_date("2027-01-04") == Date{2027, 1, 4});
  CHECK(valgus::valid_date("1900-01-01") == Date{1900, 1, 1});
  CHECK(valgus::valid_date("2199-12-31") == Date{2199, 12, 31});
  CHECK(valgus::date_problem("2027-02-30") == "invalid date \"2027-02-30\": use YYYY-MM-DD, for example 2026-11-23");
}

TEST_CASE("dates compare in calendar order") {
  CHECK(Date{2026, 11, 23} < Date{2026, 11, 24});
  CHECK(Date{2026, 11, 30} < Date{2026, 12, 1});
  CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
  CHECK(Date{2026, 1, 1} > Date{2025, 12, 31});
  CHECK(Date{2026, 1, 1} <= Date{2026, 1, 1});
  CHECK(Date{2026, 1, 1} >= Date{2026, 1, 1});
  CHECK(Date{2026, 1, 1} != Date{2026, 1, 2});
  CHECK_FALSE(Date{2026, 1, 1} < Date{2026, 1, 1});
}

TEST_CASE("add_days crosses months, years and leap days") {
  CHECK(valgus::add_days(Date{2026, 11, 23}, 0) == Date{2026, 11, 23});
  CHECK(valgus::add_days(Date{2026, 11, 23}, 7) == Date{2026, 11, 30});
  CHECK(valgus::add_days(Date{2026, 11, 30}, 1) == Date{2026, 12, 1});
  CHECK(valgus::add_days(Date{2026, 12, 31}, 1) == Date{2027, 1, 1});
  CHECK(valgus::add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
  CHECK(valgus::add_days(Date{2026, 2, 28}, 1) == Date{2026, 3, 1});
  CHECK(valgus::add_days(Date{2026, 1, 1}, -1) == Date{2025, 12, 31});
  CHECK(valgus::add_days(Date{2026, 3, 1}, -1) == Date{2026, 2, 28});
  CHECK(valgus::add_days(Date{2026, 1, 1}, 365) == Date{2027, 1, 1});
  CHECK(valgus::add_days(Date{2024, 1, 1}, 366) == Date{2025, 1, 1});
  CHECK(valgus::add_days(Date{9999, 12, 30}, 1) == Date{9999, 12, 31});
  CHECK(valgus::add_days(Date{1, 1, 2}, -1) == Date{1, 1, 1});
}

TEST_CASE("add_days refuses to leave the years YYYY-MM-DD can write") {
  CHECK(usage_error([] {
          (void)valgus::add_days(Date{9999, 12, 31}, 1);
        }) == "64: date 9999-12-31 plus 1 day is outside 0001-01-01 to 9999-12-31");
  CHECK(usage_error([] {
          (void)valgus::add_days(Date{1, 1, 1}, -1);
        }) == "64: date 0001-01-01 minus 1 day is outside 0001-01-01 to 9999-12-31");
  // The extremes of int do not overflow on the way.
  CHECK(usage_error([] {
          (void)valgus::add_days(Date{2026, 1, 1}, INT_MAX);
        }) == "64: date 2026-01-01 plus 2147483647 days is outside 0001-01-01 to 9999-12-31");
  CHECK(usage_error([] {
          (void)valgus::add_days(Date{2026, 1, 1}, INT_MIN);
        }) == "64: date 2026-01-01 minus 2147483648 days is outside 0001-01-01 to 9999-12-31");
}

TEST_CASE("weekday counts from Monday, and the names follow it") {
  CHECK(valgus::weekday(Date{2026, 11, 23}) == 0);  // a Monday
  CHECK(valgus::weekday(Date{2026, 11, 22}) == 6);  // a Sunday
  CHECK(valgus::weekday(Date{1970, 1, 1}) == 3);    // a Thursday
  CHECK(valgus::weekday(Date{2024, 2, 29}) == 3);
  CHECK(valgus::weekday(Date{1, 1, 1}) == 0);  // proleptic Gregorian: a Monday
  CHECK(valgus::weekday_names.size() == 7);
  CHECK(valgus::weekday_names[0].id == "mon");
  CHECK(valgus::weekday_names[2].short_name == "Wed");
  CHECK(valgus::weekday_names[6].long_name == "Sunday");
  CHECK(valgus::weekday_of_id("wed") == 2);
  CHECK(valgus::weekday_of_id("sun") == 6);
  CHECK_FALSE(valgus::weekday_of_id("Wed").has_value());  // ids are lower case; --days folds case first
  CHECK_FALSE(valgus::weekday_of_id("").has_value());
  for (int i = 0; i < 14; ++i) {
    CHECK(valgus::weekday(valgus::add_days(Date{2026, 11, 23}, i)) == i % 7);
  }
}

TEST_CASE("days_between is signed and whole") {
  CHECK(valgus::days_between(Date{2026, 11, 23}, Date{2026, 11, 23}) == 0);
  CHECK(valgus::days_between(Date{2026, 11, 23}, Date{2026, 11, 30}) == 7);
  CHECK(valgus::days_between(Date{2026, 11, 30}, Date{2026, 11, 23}) == -7);
  CHECK(valgus::days_between(Date{2024, 1, 1}, Date{2025, 1, 1}) == 366);
  CHECK(valgus::days_between(Date{1, 1, 1}, Date{9999, 12, 31}) == 3652058);
}

TEST_CASE("next_monday is the first Monday after today, never today") {
  const Date monday{2026, 11, 23};
  const Date following{2026, 11, 30};
  CHECK(valgus::next_monday(monday) == following);  // a Monday gives next week's
  for (int i = 1; i < 7; ++i) {
    CAPTURE(i);
    CHECK(valgus::next_monday(valgus::add_days(monday, i)) == following);
  }
  CHECK(valgus::next_monday(Date{2026, 12, 29}) == Date{2027, 1, 4});  // across a year
}

TEST_CASE("date_from_unix_seconds gives the UTC day, flooring before 1970") {
  CHECK(valgus::date_from_unix_seconds(0) == Date{1970, 1, 1});
  CHECK(valgus::date_from_unix_seconds(86399) == Date{1970, 1, 1});
  CHECK(valgus::date_from_unix_seconds(86400) == Date{1970, 1, 2});
  CHECK(valgus::date_from_unix_seconds(-1) == Date{1969, 12, 31});
  CHECK(valgus::date_from_unix_seconds(-86400) == Date{1969, 12, 31});
  CHECK(valgus::date_from_unix_seconds(-86401) == Date{1969, 12, 30});
  CHECK(valgus::date_from_unix_seconds(1700000000) == Date{2023, 11, 14});
  CHECK(valgus::date_from_unix_seconds(1795392000) == Date{2026, 11, 23});
  CHECK(valgus::date_from_unix_seconds(253402300799) == Date{9999, 12, 31});
  CHECK(valgus::date_from_unix_seconds(-62135596800) == Date{1, 1, 1});
  CHECK(usage_error([] { (void)valgus::date_from_unix_seconds(253402300800); }) ==
        "64: 253402300800 seconds since 1970-01-01 is outside 0001-01-01 to 9999-12-31");
  CHECK_FALSE(usage_error([] { (void)valgus::date_from_unix_seconds(-62135596801); }).empty());
  CHECK_FALSE(usage_error([] { (void)valgus::date_from_unix_seconds(INT64_MAX); }).empty());
  CHECK_FALSE(usage_error([] { (void)valgus::date_from_unix_seconds(INT64_MIN); }).empty());
}

TEST_CASE("parse_time_of_day reads HH:MM from 00:00 to 23:59") {
  CHECK(valgus::parse_time_of_day("00:00") == 0);
  CHECK(valgus::parse_time_of_day("07:05") == 7 * 60 + 5);
  CHECK(valgus::parse_time_of_day("18:00") == 18 * 60);
  CHECK(valgus::parse_time_of_day("23:59") == 23 * 60 + 59);
  CHECK(time_error("24:00") == "64: invalid time \"24:00\": use HH:MM, for example 18:00");
  for (const char* bad : {"12:60", "7:05", "07:5", "18:00 ", " 18:00", "18.00", "1800", "", "-1:00", "18:0a",
                          "18:00:00", "+8:00", "18:-1", "99:99"}) {
    CAPTURE(bad);
    CHECK(time_error(bad) == "64: invalid time \"" + std::string(bad) + "\": use HH:MM, for example 18:00");
  }
}
