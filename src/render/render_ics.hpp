#pragma once

// An iCalendar file (RFC 5545) of training sessions, one event per session
// with a reminder before it. Pure like every renderer: no clock and no
// environment, so the same input gives the same bytes (DTSTAMP and the
// UIDs come from the input, never from now or from chance).

#include "core/model/calendar_date.hpp"
#include "render/render.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// One session on one day.
struct CalendarEvent {
  Date date;
  int minutes = 0;  // duration, at least 1
  std::string summary;
  std::vector<std::string> description_lines;  // the session's exercises and doses; none: no DESCRIPTION
  // Derived by the caller from the programme's content, so that exporting
  // the same programme again updates the events a calendar already holds
  // instead of adding copies. Two events of one calendar must differ in
  // key or date.
  std::string uid_key;
};

struct CalendarInput {
  std::string prodid;                 // "-//valgus//valgus 0.1.0//EN"
  Date dtstamp;                       // written as YYYYMMDDT000000Z (from SOURCE_DATE_EPOCH or today)
  std::string calendar_name;          // X-WR-CALNAME; empty: none
  int alarm_minutes = 30;             // the reminder, this many minutes before the start (0 or more)
  int minutes_of_day = 18 * 60;       // start time in floating local time (0..1439): the user's own clock
  std::vector<CalendarEvent> events;  // at least one (RFC 5545 wants a component)
};

// The calendar, CRLF line endings, lines folded at 75 octets. Throws an
// internal Error for input outside the ranges above (the caller checks what
// a person types).
[[nodiscard]] std::string render_ics(const CalendarInput& input);

// The calendar of a programme (the ics row of the format table): week k
// runs from calendar.start + 7(k-1); each training day in it gets the
// session planned for that weekday in week k, with that week's exercises
// and doses, and the plan's banner notes. Event UIDs come from the request
// (not the number of weeks, so a longer export updates the weeks a calendar
// holds), the week, the session and its content. The caller makes sure the
// plan is a week of sessions (days) and that some session has a day
// (calendar_has_sessions); anything else is an internal Error.
[[nodiscard]] std::string render_programme_ics(const ProgrammeView& view);

// Whether any week of `plan` puts a session on a training day, so its
// calendar holds at least one event.
[[nodiscard]] bool calendar_has_sessions(const Plan& plan);

// The building blocks, exposed for their tests.

// `text` as an RFC 5545 TEXT value: '\\', ';' and ',' escaped, a line break
// (LF, CRLF or CR) written "\n", tab kept. The other characters TEXT may
// not hold (controls) become U+FFFD, and so do invisible reordering marks
// and invalid UTF-8: the terminal's rule (is_hidden_control), so a
// calendar shows what the other outputs show.
[[nodiscard]] std::string ics_text(std::string_view text);

// One content line (no line break inside) folded for RFC 5545: each
// physical line at most 75 octets before its CRLF, a continuation line
// starting with one space, never splitting a UTF-8 character. Ends in CRLF.
[[nodiscard]] std::string ics_folded(std::string_view line);

// The event's UID: FNV-1a 64 of the key and the date, in hex, "@valgus".
// Stable across runs, machines and versions; never random.
[[nodiscard]] std::string ics_uid(std::string_view uid_key, Date date);

}  // namespace valgus
