#include "render/render_ics.hpp"

#include "core/model/error.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using valgus::CalendarEvent;
using valgus::CalendarInput;
using valgus::Date;
using valgus::Plan;
using valgus::ProgrammeView;
using valgus::Request;

namespace {

// The physical lines of CRLF text, without their CRLF; fails the test if a
// bare LF or CR hides among them or the text does not end in CRLF.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(start, end - start));
    CHECK(lines.back().find_first_of("\r\n") == std::string::npos);
    start = end + 2;
  }
  return lines;
}

// RFC 5545 3.1 unfolding: every CRLF followed by one space goes.
std::string unfolded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// What every folded text must be: lines of at most 75 octets, each valid
// UTF-8 on its own (no character split between two lines).
void check_folding(const std::string& text) {
  for (const std::string& line : physical_lines(text)) {
    CAPTURE(line);
    CHECK(line.size() <= 75);
    CHECK(valgus::is_valid_utf8(line));
  }
}

std::string crlf_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    out += line + "\r\n";
  }
  return out;
}

CalendarInput small_calendar() {
  CalendarInput input;
  input.prodid = "-//valgus//valgus 0.1.0//EN";
  input.dtstamp = Date{2026, 11, 22};
  input.calendar_name = "valgus: hip rotation";
  input.alarm_minutes = 30;
  input.minutes_of_day = 18 * 60 + 5;
  input.events.push_back(CalendarEvent{Date{2026, 11, 23},
                                       25,
                                       "Knee routine, week 1",
                                       {"Clamshell: 2 × 15 reps each side", "Calf stretch; 30 s"},
                                       "hip-rotation/w1"});
  input.events.push_back(CalendarEvent{Date{2026, 11, 25}, 5, "Knee routine, week 1", {}, "hip-rotation/w1"});
  return input;
}

// The fixture's hip programme: `weeks` weeks of Monday, Wednesday and Friday.
Request hip_programme(int weeks) {
  Request request = valgus::test::request_for({"hip"});
  request.days = {0, 2, 4};
  request.minutes = 20;
  request.max_exercises = 6;
  request.weeks = weeks;
  return request;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  for (const std::string& line : physical_lines(text)) {
    if (line.rfind(prefix, 0) == 0) {
      found.push_back(line);
    }
  }
  return found;
}

}  // namespace

TEST_CASE("render_programme_ics: every week's sessions on their days from the start, at the time given") {
  const valgus::Catalogue catalogue = valgus::test::fixture_catalogue();
  const Request request = hip_programme(2);
  const Plan plan = valgus::make_plan(catalogue, request);
  REQUIRE(plan.planned_weeks.size() == 2);
  REQUIRE(valgus::calendar_has_sessions(plan));
  std::size_t sessions_on_days = 0;
  for (const valgus::PlannedWeek& week : plan.planned_weeks) {
    for (const valgus::PlannedSession& session : week.sessions) {
      sessions_on_days += session.days.size();
    }
  }
  // A Wednesday start: week 1 is Wednesday to Tuesday, so its Monday
  // session falls on the Monday after.
  const ProgrammeView view{&plan,
                           &request,
                           {Date{2026, 11, 25}, 7 * 60 + 30, Date{2026, 11, 1}, "9.8.7"},
                           {},
                           nullptr,
                           {},
                           valgus::Paper::a4,
                           std::nullopt};
  const std::string text = valgus::render_programme_ics(view);
  check_folding(text);
  CHECK(count_of(text, "BEGIN:VEVENT\r\n") == sessions_on_days);
  CHECK(text.find("\r\nPRODID:-//valgus//valgus 9.8.7//EN\r\n") != std::string::npos);
  CHECK(text.find("\r\nX-WR-CALNAME:Knee programme\r\n") != std::string::npos);
  CHECK(count_of(text, "\r\nDTSTAMP:20261101T000000Z\r\n") == sessions_on_days);
  CHECK(count_of(text, "\r\nTRIGGER:-PT30M\r\n") == sessions_on_days);
  const std::vector<std::string> starts = lines_starting(text, "DTSTART:");
  REQUIRE(starts.size() == sessions_on_days);
  CHECK(starts.front() == "DTSTART:20261125T073000");
  CHECK(starts.at(1) == "DTSTART:20261127T073000");
  CHECK(starts.at(2) == "DTSTART:20261130T073000");
  CHECK(starts.back() == "DTSTART:20261207T073000");
  const std::string first_summary = lines_starting(text, "SUMMARY:").front();
  CHECK(first_summary.rfind("SUMMARY:Knee programme · week 1 · session ", 0) == 0);
  CHECK(lines_starting(text, "SUMMARY:").back().rfind("SUMMARY:Knee programme · week 2 · session ", 0) == 0);
  const std::string description = unfolded(text);
  CHECK(description.find("\\n\\nAbout ") != std::string::npos);
  // Pure: the same input, the same bytes.
  CHECK(valgus::render_programme_ics(view) == text);
}

TEST_CASE("render_programme_ics: UIDs depend on the request and the week, not on the programme's length") {
  const valgus::Catalogue catalogue = valgus::test::fixture_catalogue();
  const Request two_weeks = hip_programme(2);
  const Request one_week = hip_programme(1);
  const Plan long_plan = valgus::make_plan(catalogue, two_weeks);
  const Plan short_plan = valgus::make_plan(catalogue, one_week);
  const valgus::CalendarSetting setting{Date{2026, 11, 23}, 18 * 60, Date{2026, 11, 23}, "0.1.0"};
  const std::vector<std::string> long_uids =
      lines_starting(valgus::render_programme_ics(ProgrammeView{
                         &long_plan, &two_weeks, setting, {}, nullptr, {}, valgus::Paper::a4, std::nullopt}),
                     "UID:");
  const std::vector<std::string> short_uids =
      lines_starting(valgus::render_programme_ics(ProgrammeView{
                         &short_plan, &one_week, setting, {}, nullptr, {}, valgus::Paper::a4, std::nullopt}),
                     "UID:");
  REQUIRE(short_uids.size() == 3);
  CHECK(std::vector<std::string>(long_uids.begin(), long_uids.begin() + 3) == short_uids);
  CHECK(std::set<std::string>(long_uids.begin(), long_uids.end()).size() == long_uids.size());

  Request on_the_left = two_weeks;
  on_the_left.side = valgus::Side::left;
  const Plan left_plan = valgus::make_plan(catalogue, on_the_left);
  const std::vector<std::string> left_uids =
      lines_starting(valgus::render_programme_ics(ProgrammeView{
                         &left_plan, &on_the_left, setting, {}, nullptr, {}, valgus::Paper::a4, std::nullopt}),
                     "UID:");
  REQUIRE(left_uids.size() == long_uids.size());
  CHECK(left_uids.front() != long_uids.front());
}

TEST_CASE("a full routine has no days for a calendar: calendar_has_sessions says so, rendering is a bug") {
  const valgus::Catalogue catalogue = valgus::test::fixture_catalogue();
  Request request = hip_programme(2);
  request.days.clear();
  const Plan plan = valgus::make_plan(catalogue, request);
  REQUIRE(plan.days.empty());
  CHECK_FALSE(valgus::calendar_has_sessions(plan));
  const ProgrammeView view{&plan,
                           &request,
                           {Date{2026, 11, 23}, 18 * 60, Date{2026, 11, 23}, "0.1.0"},
                           {},
                           nullptr,
                           {},
                           valgus::Paper::a4,
                           std::nullopt};
  try {
    (void)valgus::render_programme_ics(view);
    FAIL("a full routine rendered as a calendar");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == valgus::ExitCode::internal);
  }

  Plan no_session_on_a_day;
  no_session_on_a_day.days = {0};
  no_session_on_a_day.sessions.push_back(valgus::PlannedSession{"A", {}, {}, 0});
  CHECK_FALSE(valgus::calendar_has_sessions(no_session_on_a_day));
  no_session_on_a_day.sessions.back().days = {0};
  CHECK(valgus::calendar_has_sessions(no_session_on_a_day));
}

TEST_CASE("render_ics writes a small calendar exactly") {
  const std::string expected = crlf_lines({
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//valgus//valgus 0.1.0//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:valgus: hip rotation",
      "BEGIN:VEVENT",
      "UID:adec2a39265be6c9@valgus",
      "DTSTAMP:20261122T000000Z",
      "DTSTART:20261123T180500",
      "DURATION:PT25M",
      "SUMMARY:Knee routine\\, week 1",
      "DESCRIPTION:Clamshell: 2 × 15 reps each side\\nCalf stretch\\; 30 s",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:Knee routine\\, week 1",
      "TRIGGER:-PT30M",
      "END:VALARM",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:adec2c39265bea2f@valgus",
      "DTSTAMP:20261122T000000Z",
      "DTSTART:20261125T180500",
      "DURATION:PT5M",
      "SUMMARY:Knee routine\\, week 1",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:Knee routine\\, week 1",
      "TRIGGER:-PT30M",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
  });
  CHECK(valgus::render_ics(small_calendar()) == expected);
}

TEST_CASE("render_ics leaves out an empty calendar name and writes midnight and a zero alarm") {
  CalendarInput input = small_calendar();
  input.calendar_name.clear();
  input.minutes_of_day = 0;
  input.alarm_minutes = 0;
  const std::string text = valgus::render_ics(input);
  CHECK(text.find("X-WR-CALNAME") == std::string::npos);
  CHECK(text.find("\r\nDTSTART:20261123T000000\r\n") != std::string::npos);
  CHECK(text.find("\r\nTRIGGER:-PT0M\r\n") != std::string::npos);
}

TEST_CASE("ics_text escapes what RFC 5545 TEXT escapes") {
  CHECK(valgus::ics_text("plain: \"quoted\" text") == "plain: \"quoted\" text");  // ':' and '"' need nothing
  CHECK(valgus::ics_text("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(valgus::ics_text("one\ntwo") == "one\\ntwo");
  CHECK(valgus::ics_text("one\r\ntwo\rthree\n\nfour") == "one\\ntwo\\nthree\\n\\nfour");
  CHECK(valgus::ics_text("\\n") == "\\\\n");  // a backslash and n, not a line break
  CHECK(valgus::ics_text("tab\there") == "tab\there");
  CHECK(valgus::ics_text("2 × 15 reps – gluteus medius, 臀") == "2 × 15 reps – gluteus medius\\, 臀");
  CHECK(valgus::ics_text("") == "");
}

TEST_CASE("ics_text turns controls and invalid UTF-8 into U+FFFD") {
  CHECK(valgus::ics_text("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(valgus::ics_text("esc\x1B[31m") == "esc\xEF\xBF\xBD[31m");
  CHECK(valgus::ics_text("del\x7F") == "del\xEF\xBF\xBD");
  CHECK(valgus::ics_text("bad\xFF byte") == "bad\xEF\xBF\xBD byte");
  CHECK(valgus::ics_text("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(valgus::ics_text("rtl \xE2\x80\xAE") == "rtl \xEF\xBF\xBD");  // U+202E
  CHECK(valgus::is_valid_utf8(valgus::ics_text(std::string("nul\0in", 6))));
}

TEST_CASE("ics_folded folds a long ASCII line at 75 octets") {
  CHECK(valgus::ics_folded("SUMMARY:short") == "SUMMARY:short\r\n");
  CHECK(valgus::ics_folded(std::string(75, 'a')) == std::string(75, 'a') + "\r\n");
  CHECK(valgus::ics_folded(std::string(76, 'a')) == std::string(75, 'a') + "\r\n a\r\n");
  const std::string line = "DESCRIPTION:" + std::string(200, 'x');
  const std::string folded = valgus::ics_folded(line);
  CHECK(folded == line.substr(0, 75) + "\r\n " + line.substr(75, 74) + "\r\n " + line.substr(149) + "\r\n");
  check_folding(folded);
  CHECK(unfolded(folded) == line + "\r\n");
}

TEST_CASE("ics_folded never splits a UTF-8 character") {
  // Two-, three- and four-octet characters, each alone and mixed, at every
  // offset against the 75-octet limit.
  for (const std::string character : {"é", "€", "😀"}) {
    for (std::size_t prefix = 0; prefix < 4; ++prefix) {
      std::string line = "DESCRIPTION:" + std::string(prefix, 'p');
      for (int i = 0; i < 60; ++i) {
        line += character;
      }
      CAPTURE(line);
      const std::string folded = valgus::ics_folded(line);
      check_folding(folded);
      CHECK(unfolded(folded) == line + "\r\n");
      CHECK(physical_lines(folded).size() > 1);
    }
  }
  const std::string mixed = "SUMMARY:" + std::string(66, 'a') + "é€😀臀x€😀é";
  const std::string folded = valgus::ics_folded(mixed);
  CHECK(folded == "SUMMARY:" + std::string(66, 'a') + "\r\n é€😀臀x€😀é\r\n");  // 74 + é would be 76
  check_folding(folded);
}

TEST_CASE("render_ics folds long and multi-byte text in every line") {
  CalendarInput input = small_calendar();
  std::string long_name;
  for (int i = 0; i < 40; ++i) {
    long_name += "Ägyptische Übung für die Hüfte; ";
  }
  input.calendar_name = long_name;
  input.events[0].description_lines = {long_name, std::string(300, 'z'), "😀😀😀"};
  const std::string text = valgus::render_ics(input);
  check_folding(text);
  const std::string whole = unfolded(text);
  CHECK(whole.find("\r\nX-WR-CALNAME:" + valgus::ics_text(long_name) + "\r\n") != std::string::npos);
  CHECK(whole.find("\r\nDESCRIPTION:" + valgus::ics_text(long_name) + "\\n" + std::string(300, 'z') + "\\n😀😀😀\r\n") !=
        std::string::npos);
}

TEST_CASE("UIDs are stable and depend on the key and the date") {
  CHECK(valgus::ics_uid("hip-rotation/w1", Date{2026, 11, 23}) == "adec2a39265be6c9@valgus");
  CHECK(valgus::ics_uid("a", Date{2026, 1, 1}) == "d80f31dd637eebd2@valgus");
  CHECK(valgus::ics_uid("", Date{2026, 1, 1}) != valgus::ics_uid("a", Date{2026, 1, 1}));
  CHECK(valgus::ics_uid("a", Date{2026, 1, 2}) != valgus::ics_uid("a", Date{2026, 1, 1}));
  CHECK(valgus::ics_uid("b", Date{2026, 1, 1}) != valgus::ics_uid("a", Date{2026, 1, 1}));
  // Same input, same bytes: nothing comes from the clock or chance.
  CHECK(valgus::render_ics(small_calendar()) == valgus::render_ics(small_calendar()));
  // A year of daily sessions under one key: every UID differs.
  std::set<std::string> uids;
  for (int day = 0; day < 366; ++day) {
    uids.insert(valgus::ics_uid("programme", valgus::add_days(Date{2026, 1, 1}, day)));
  }
  CHECK(uids.size() == 366);
}

TEST_CASE("render_ics refuses input a calendar cannot hold") {
  const auto code = [](const CalendarInput& input) {
    try {
      (void)valgus::render_ics(input);
    } catch (const valgus::Error& error) {
      return static_cast<int>(error.code());
    }
    return 0;
  };
  CalendarInput input = small_calendar();
  input.minutes_of_day = 24 * 60;
  CHECK(code(input) == 70);
  input = small_calendar();
  input.minutes_of_day = -1;
  CHECK(code(input) == 70);
  input = small_calendar();
  input.alarm_minutes = -5;
  CHECK(code(input) == 70);
  input = small_calendar();
  input.events[1].minutes = 0;
  CHECK(code(input) == 70);
  input = small_calendar();
  input.events.clear();
  CHECK(code(input) == 70);
  input = small_calendar();
  input.prodid.clear();
  CHECK(code(input) == 70);
}
