#!/usr/bin/python3
"""Checks a calendar valgus wrote, with a real iCalendar parser.

Usage: /usr/bin/python3 ics_parse.py FILE.ics EXPECTED.json

FILE.ics is parsed by the icalendar library (Debian python3-icalendar,
4.0.3; the Debian interpreter, since a pyenv python3 lacks it) and checked:

- the bytes: UTF-8, CRLF line endings only, no physical line over 75 octets
  (RFC 5545 3.1);
- the calendar: one VCALENDAR, VERSION 2.0, a PRODID, no property the
  library could not parse;
- every VEVENT: a UID (unique in the file), a DTSTAMP, a floating DTSTART
  (a date and time without time zone or Z), a DURATION, and exactly one
  VALARM with ACTION, TRIGGER and, for a DISPLAY alarm, DESCRIPTION.

EXPECTED.json is a list with one object per event, in file order. The keys
an object holds are compared, and only those (unknown keys are an error):

  "date"          "2026-11-23"          the day of DTSTART
  "weekday"       "mon" ... "sun"       the weekday of DTSTART
  "start"         "18:00"               the time of DTSTART
  "minutes"       25                    DURATION in whole minutes
  "summary"       "..."                 SUMMARY, unescaped
  "description"   ["line", ...] or "..."  DESCRIPTION unescaped, a list
                                        meaning its lines; absent is ""
  "alarm_minutes" 30                    the VALARM TRIGGER, minutes before

Prints one line per mismatch and exits 1; exits 0 silently when all holds,
2 on a usage error or a missing library.

Known limit of icalendar 4.0.3: it unescapes TEXT by successive
replacements, so a literal backslash followed by "n", "," or ";" in a text
reads back wrong. Expected texts should not hold one.
"""

import datetime
import json
import sys

try:
    import icalendar
except ImportError:
    print("ics_parse.py: python3-icalendar is missing (run with /usr/bin/python3; scripts/install-deps installs it)",
          file=sys.stderr)
    sys.exit(2)

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
EXPECTED_KEYS = {"date", "weekday", "start", "minutes", "summary", "description", "alarm_minutes"}
MAX_OCTETS = 75


def check_bytes(data, problems):
    """The physical form: UTF-8, CRLF, folded at 75 octets."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append("file: not UTF-8: {}".format(error))
    if not data.endswith(b"\r\n"):
        problems.append("file: does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if b"\n" in line or b"\r" in line:
            problems.append("line {}: a bare LF or CR (lines must end with CRLF)".format(number))
        if len(line) > MAX_OCTETS:
            problems.append("line {}: {} octets, more than {}".format(number, len(line), MAX_OCTETS))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("line {}: a UTF-8 character split by folding".format(number))


def minutes_of(delta):
    """A timedelta as whole minutes, or None when it is not whole."""
    seconds = delta.total_seconds()
    return int(seconds // 60) if seconds % 60 == 0 else None


def text_of(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def check_event(index, event, problems):
    """The properties every event must have; returns what is compared."""
    where = "event {}".format(index + 1)
    for name in ("UID", "DTSTAMP", "DTSTART", "DURATION"):
        if event.get(name) is None:
            problems.append("{}: no {}".format(where, name))
    for name, error in getattr(event, "errors", []):
        problems.append("{}: {} does not parse: {}".format(where, name or "a line", error))
    actual = {}
    start = event.get("DTSTART")
    if start is not None:
        when = start.dt
        if not isinstance(when, datetime.datetime):
            problems.append("{}: DTSTART is a date, not a date and time".format(where))
        elif when.tzinfo is not None or "TZID" in start.params:
            problems.append("{}: DTSTART is not floating local time".format(where))
        else:
            actual["date"] = when.date().isoformat()
            actual["weekday"] = WEEKDAYS[when.weekday()]
            actual["start"] = when.strftime("%H:%M")
    duration = event.get("DURATION")
    if duration is not None:
        actual["minutes"] = minutes_of(duration.dt)
    actual["summary"] = text_of(event, "SUMMARY")
    actual["description"] = text_of(event, "DESCRIPTION") or ""
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    if len(alarms) != 1:
        problems.append("{}: {} VALARM components, expected 1".format(where, len(alarms)))
    for alarm in alarms:
        for name in ("ACTION", "TRIGGER"):
            if alarm.get(name) is None:
                problems.append("{}: VALARM without {}".format(where, name))
        if str(alarm.get("ACTION", "")).upper() == "DISPLAY" and alarm.get("DESCRIPTION") is None:
            problems.append("{}: DISPLAY alarm without DESCRIPTION".format(where))
        trigger = alarm.get("TRIGGER")
        if trigger is not None and isinstance(trigger.dt, datetime.timedelta):
            before = minutes_of(-trigger.dt)
            actual["alarm_minutes"] = before
    return actual


def compare(index, expected, actual, problems):
    where = "event {}".format(index + 1)
    if not isinstance(expected, dict):
        problems.append("{}: the expected entry is not an object".format(where))
        return
    for key in sorted(set(expected) - EXPECTED_KEYS):
        problems.append("{}: unknown expected key {!r}".format(where, key))
    for key in sorted(set(expected) & EXPECTED_KEYS):
        want = expected[key]
        if key == "description" and isinstance(want, list):
            want = "\n".join(want)
        got = actual.get(key)
        if got != want:
            problems.append("{}: {}: expected {}, found {}".format(
                where, key, json.dumps(want, ensure_ascii=False), json.dumps(got, ensure_ascii=False)))


def check(path, expected_path):
    problems = []
    with open(path, "rb") as file:
        data = file.read()
    with open(expected_path, encoding="utf-8") as file:
        expected = json.load(file)
    if not isinstance(expected, list):
        return ["{}: not a JSON list of events".format(expected_path)]
    check_bytes(data, problems)
    try:
        calendars = icalendar.Calendar.from_ical(data.decode("utf-8", errors="replace"), multiple=True)
    except ValueError as error:
        return problems + ["file: icalendar cannot parse it: {}".format(error)]
    if len(calendars) != 1 or calendars[0].name != "VCALENDAR":
        return problems + ["file: {} top-level components, expected one VCALENDAR".format(len(calendars))]
    calendar = calendars[0]
    if text_of(calendar, "VERSION") != "2.0":
        problems.append("calendar: VERSION is {!r}, expected '2.0'".format(text_of(calendar, "VERSION")))
    if not text_of(calendar, "PRODID"):
        problems.append("calendar: no PRODID")
    for name, error in calendar.errors:
        problems.append("calendar: {} does not parse: {}".format(name or "a line", error))
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    uids = {}
    actuals = []
    for index, event in enumerate(events):
        actuals.append(check_event(index, event, problems))
        uid = text_of(event, "UID")
        if uid is not None:
            if uid in uids:
                problems.append("event {}: UID {} already used by event {}".format(index + 1, uid, uids[uid] + 1))
            uids.setdefault(uid, index)
    if len(events) != len(expected):
        problems.append("calendar: {} events, expected {}".format(len(events), len(expected)))
    for index, (want, got) in enumerate(zip(expected, actuals)):
        compare(index, want, got, problems)
    return problems


def main(argv):
    if len(argv) != 3:
        print("usage: ics_parse.py FILE.ics EXPECTED.json", file=sys.stderr)
        return 2
    try:
        problems = check(argv[1], argv[2])
    except (OSError, ValueError) as error:  # unreadable, or EXPECTED.json not JSON
        print("ics_parse.py: {}".format(error), file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
