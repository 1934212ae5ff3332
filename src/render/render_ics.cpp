#include "render/render_ics.hpp"

#include "core/model/dose.hpp"
#include "core/model/error.hpp"
#include "core/model/text.hpp"
#include "render/wording.hpp"

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

namespace {

constexpr int programme_alarm_minutes = 30;

// What makes a session's events the same events on a second export: the
// problems and options of the request (not the programme's length, so a
// longer export updates the weeks a calendar holds), then each event's week,
// session and content.
std::string request_key(const Request& request) {
  std::string key = "problems=" + join(request.problems, ",");
  if (request.equipment) {
    key += ";equipment=" + join(*request.equipment, ",");
  }
  key += fmt::format(";minutes={};max={};side={};when={};days=", request.minutes.value_or(0),
                     request.max_exercises.value_or(0), static_cast<int>(request.side), request.when);
  for (const int day : request.days) {
    key += weekday_names.at(static_cast<std::size_t>(day)).id;
  }
  return key;
}

const PlannedExercise* find_exercise(const std::vector<PlannedPhase>& phases, const std::string& id) {
  for (const PlannedPhase& phase : phases) {
    for (const PlannedExercise& planned : phase.exercises) {
      if (planned.exercise.id == id) {
        return &planned;
      }
    }
  }
  return nullptr;
}

// One week's sessions, its exercises with that week's doses.
struct WeekView {
  int week = 1;
  const std::vector<PlannedPhase>* phases = nullptr;
  const std::vector<PlannedSession>* sessions = nullptr;
};

std::vector<WeekView> weeks_of(const Plan& plan) {
  std::vector<WeekView> weeks;
  if (plan.planned_weeks.empty()) {
    weeks.push_back({plan.week, &plan.phases, &plan.sessions});
  }
  for (const PlannedWeek& week : plan.planned_weeks) {
    weeks.push_back({week.week, &week.phases, &week.sessions});
  }
  return weeks;
}

CalendarEvent session_event(const WeekView& week, const PlannedSession& session, const std::string& request,
                            const std::vector<std::string>& banner, Date date) {
  CalendarEvent event;
  event.date = date;
  event.minutes = static_cast<int>(display_minutes(session.seconds));
  event.summary = fmt::format("Knee programme · week {} · session {}", week.week, session.id);
  std::string key = fmt::format("{};week={};session={}", request, week.week, session.id);
  int number = 0;
  for (const std::string& id : session.exercise_ids) {
    const PlannedExercise* planned = find_exercise(*week.phases, id);
    if (planned == nullptr) {
      throw Error(ExitCode::internal,
                  fmt::format("calendar: session {} names {}, not in week {}", session.id, id, week.week));
    }
    const std::string dose = format_dose(planned->dose);
    event.description_lines.push_back(fmt::format("{}. {} — {}", ++number, planned->exercise.name, dose));
    key += fmt::format(";{}={}", id, dose);
  }
  event.description_lines.emplace_back();
  event.description_lines.push_back(fmt::format("About {} min", event.minutes));
  if (!banner.empty()) {
    event.description_lines.emplace_back();
    event.description_lines.insert(event.description_lines.end(), banner.begin(), banner.end());
  }
  event.uid_key = std::move(key);
  return event;
}

}  // namespace

bool calendar_has_sessions(const Plan& plan) {
  for (const WeekView& week : weeks_of(plan)) {
    for (const PlannedSession& session : *week.sessions) {
      if (!session.days.empty()) {
        return true;
      }
    }
  }
  return false;
}

std::string render_programme_ics(const ProgrammeView& view) {
  const Plan& plan = *view.plan;
  if (plan.days.empty()) {
    throw Error(ExitCode::internal, "calendar: a full routine has no training days to put sessions on");
  }
  // Every event carries the banner, what to do when it hurts and the notes
  // the banner points to (the warning signs under Safety): a reminder on a
  // phone is all a person may read before training.
  std::vector<std::string> banner;
  for (const Note& note : plan.notes) {
    if (note.placement == Placement::top) {
      banner.push_back(fmt::format("{}: {}", note.title, note.text));
    }
  }
  if (const auto guide = pain_guide(plan); !guide.empty()) {
    banner.emplace_back();
    banner.emplace_back("When it hurts:");
    for (const auto& line : guide) {
      banner.push_back("- " + line);
    }
  }
  for (const Note& note : plan.notes) {
    if (note.placement == Placement::end) {
      banner.emplace_back();
      banner.push_back(fmt::format("{}: {}", note.title, note.text));
    }
  }
  const CalendarSetting& setting = view.calendar;
  CalendarInput input;
  input.prodid = fmt::format("-//valgus//valgus {}//EN", setting.version);
  input.dtstamp = setting.dtstamp;
  input.calendar_name = "Knee programme";
  input.alarm_minutes = programme_alarm_minutes;
  input.minutes_of_day = setting.minutes_of_day;
  const std::string key = request_key(*view.request);
  const std::vector<WeekView> weeks = weeks_of(plan);
  for (std::size_t k = 0; k < weeks.size(); ++k) {
    const Date first_day_of_week = add_days(setting.start, static_cast<int>(7 * k));
    for (int offset = 0; offset < 7; ++offset) {
      const Date date = add_days(first_day_of_week, offset);
      const int day = weekday(date);
      for (const PlannedSession& session : *weeks[k].sessions) {
        for (const int session_day : session.days) {
          if (session_day == day) {
            input.events.push_back(session_event(weeks[k], session, key, banner, date));
          }
        }
      }
    }
  }
  return render_ics(input);
}

}  // namespace valgus
