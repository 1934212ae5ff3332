#include "render/render_ics.hpp"

#include "core/model/error.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace valgus {

namespace {

constexpr std::string_view crlf = "\r\n";
constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD
// RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets,
// excluding the line break."
constexpr std::size_t max_line_octets = 75;

std::string basic_date(Date date) { return fmt::format("{:04}{:02}{:02}", date.year, date.month, date.day); }

void check_input(const CalendarInput& input) {
  const auto fail = [](std::string_view what) { throw Error(ExitCode::internal, fmt::format("calendar: {}", what)); };
  if (input.prodid.empty()) {
    fail("the product id is empty");
  }
  if (input.events.empty()) {
    fail("no events (RFC 5545 wants at least one)");
  }
  if (input.minutes_of_day < 0 || input.minutes_of_day >= 24 * 60) {
    fail(fmt::format("start time {} is not minutes 0 to 1439 of a day", input.minutes_of_day));
  }
  if (input.alarm_minutes < 0) {
    fail(fmt::format("alarm {} minutes before the start is negative", input.alarm_minutes));
  }
  for (const CalendarEvent& event : input.events) {
    if (event.minutes < 1) {
      fail(fmt::format("event on {} lasts {} minutes", to_string(event.date), event.minutes));
    }
  }
}

// Appends one folded content line "NAME:value".
void content_line(std::string& out, std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + 1 + value.size());
  line.append(name).append(":").append(value);
  out += ics_folded(line);
}

}  // namespace

std::string ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char byte = text[i];
    switch (byte) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;  // CRLF is one line break
        }
        break;
      case '\t': out += byte; break;  // TEXT allows it (WSP)
      default: {
        const Utf8Char c = utf8_char_at(text, i);
        if (c.valid && !is_hidden_control(c.code)) {
          out += text.substr(i, c.length);
        } else {
          out += replacement;
        }
        i += c.length;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::string ics_folded(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / (max_line_octets - 1) * 3 + 2);
  std::size_t used = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    // A whole character or nothing: a continuation must not start inside a
    // UTF-8 sequence (an invalid byte counts as one character).
    const std::size_t length = utf8_char_at(line, i).length;
    if (used + length > max_line_octets) {
      out += crlf;
      out += ' ';
      used = 1;
    }
    out += line.substr(i, length);
    used += length;
    i += length;
  }
  out += crlf;
  return out;
}

std::string ics_uid(std::string_view uid_key, Date date) {
  // FNV-1a 64: tiny, specified, the same everywhere. The date is appended
  // with a separator and has a fixed width, so no two (key, date) pairs hash
  // the same string.
  std::uint64_t hash = 14695981039346656037ULL;
  const auto add = [&hash](std::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  };
  add(uid_key);
  add("|");
  add(to_string(date));
  return fmt::format("{:016x}@valgus", hash);
}

std::string render_ics(const CalendarInput& input) {
  check_input(input);
  std::string out;
  content_line(out, "BEGIN", "VCALENDAR");
  content_line(out, "VERSION", "2.0");
  content_line(out, "PRODID", ics_text(input.prodid));
  content_line(out, "CALSCALE", "GREGORIAN");
  content_line(out, "METHOD", "PUBLISH");
  if (!input.calendar_name.empty()) {
    content_line(out, "X-WR-CALNAME", ics_text(input.calendar_name));
  }
  const std::string dtstamp = basic_date(input.dtstamp) + "T000000Z";
  // Floating time (no TZID, no Z): 18:00 is 18:00 wherever the person is.
  const std::string start_time = fmt::format("T{:02}{:02}00", input.minutes_of_day / 60, input.minutes_of_day % 60);
  const std::string trigger = fmt::format("-PT{}M", input.alarm_minutes);
  for (const CalendarEvent& event : input.events) {
    const std::string summary = ics_text(event.summary);
    content_line(out, "BEGIN", "VEVENT");
    content_line(out, "UID", ics_uid(event.uid_key, event.date));
    content_line(out, "DTSTAMP", dtstamp);
    content_line(out, "DTSTART", basic_date(event.date) + start_time);
    content_line(out, "DURATION", fmt::format("PT{}M", event.minutes));
    content_line(out, "SUMMARY", summary);
    if (!event.description_lines.empty()) {
      content_line(out, "DESCRIPTION", ics_text(join(event.description_lines, "\n")));
    }
    content_line(out, "BEGIN", "VALARM");
    content_line(out, "ACTION", "DISPLAY");
    content_line(out, "DESCRIPTION", summary);  // a DISPLAY alarm must have one
    content_line(out, "TRIGGER", trigger);
    content_line(out, "END", "VALARM");
    content_line(out, "END", "VEVENT");
  }
  content_line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace valgus
