#!/usr/bin/env bash
# export --ics: the programme's sessions as an RFC 5545 calendar, read back
# with a real iCalendar parser (ics_parse.py, python3-icalendar). What each
# event must hold is built here from `valgus plan --week N --format json`, so
# the check does not depend on the calendar writer.
#
# Usage: ics.sh VALGUS_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 VALGUS_BINARY" >&2
  exit 2
fi
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
fail=0
# shellcheck source=lib.sh
. "$here/lib.sh"
unset SOURCE_DATE_EPOCH
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# expected_json OUT START HH:MM WEEKS PLAN_ARGS...: the events the export of
# PLAN_ARGS must hold, from each week's plan as JSON.
expected_json() {
  local out=$1 start=$2 at=$3 weeks=$4
  shift 4
  local week
  for week in $(seq 1 "$weeks"); do
    "$bin" plan "$@" --week "$week" --format json >"$work/week-$week.json" || {
      echo "FAIL: plan $* --week $week"
      fail=1
    }
  done
  "$py" - "$work" "$start" "$at" "$weeks" >"$out" <<'EOF'
import datetime, json, sys
work, start, at, weeks = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
first = datetime.date.fromisoformat(start)
events = []
for k in range(weeks):
    plan = json.load(open("{}/week-{}.json".format(work, k + 1), encoding="utf-8"))
    exercises = {e["id"]: e for p in plan["phases"] for e in p["exercises"]}
    banner = ["{}: {}".format(n["title"], n["text"]) for n in plan["notes"] if n["placement"] == "top"]
    for offset in range(7):
        day = first + datetime.timedelta(days=7 * k + offset)
        for session in plan["sessions"]:
            if names[day.weekday()] not in session["days"]:
                continue
            lines = ["{}. {} — {}".format(i + 1, exercises[x]["name"], exercises[x]["dose"]["text"])
                     for i, x in enumerate(session["exercises"])]
            lines += ["", "About {} min".format(session["minutes"]), ""] + banner
            if plan["when_it_hurts"]:
                lines += ["", "When it hurts:"] + ["- " + line for line in plan["when_it_hurts"]]
            for note in plan["notes"]:
                if note["placement"] == "end":
                    lines += ["", "{}: {}".format(note["title"], note["text"])]
            events.append({"date": day.isoformat(), "weekday": names[day.weekday()], "start": at,
                           "minutes": session["minutes"], "alarm_minutes": 30,
                           "summary": "Knee programme · week {} · session {}".format(k + 1, session["id"]),
                           "description": lines})
json.dump(events, sys.stdout, ensure_ascii=False, indent=1)
EOF
}

# check_calendar ICS EXPECTED WHAT
check_calendar() {
  local result
  if ! result=$("$py" "$here/ics_parse.py" "$1" "$2" 2>&1); then
    echo "FAIL: $3: $result"
    fail=1
  fi
}

# 1. Two weeks of the hip programme at 07:30, checked event by event.
"$bin" export "$work/hip.ics" --hip-rotation --weeks 2 --ics --start 2026-11-23 --at 07:30 || fail=1
expected_json "$work/hip.json" 2026-11-23 07:30 2 --hip-rotation
check_calendar "$work/hip.ics" "$work/hip.json" "hip, 2 weeks"
count=$("$py" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/hip.json")
if [ "$count" != 6 ]; then
  echo "FAIL: 2 weeks of 3 days should be 6 events, expected JSON has $count"
  fail=1
fi
grep -q $'^PRODID:-//valgus//valgus [0-9][0-9.]*//EN\r$' "$work/hip.ics" || {
  echo "FAIL: PRODID does not carry the version"
  fail=1
}
grep -q $'^DTSTAMP:20261123T000000Z\r$' "$work/hip.ics" || {
  echo "FAIL: DTSTAMP is not the start day without SOURCE_DATE_EPOCH"
  fail=1
}

# A person following a calendar has no `today` to stop them: every event,
# as a real parser reads it, carries the warning signs and the pain rules.
"$py" - "$work/hip.ics" <<'EOF' || fail=1
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
must = ["Pain: Stop any exercise that hurts", "When it hurts:", "Pain of 6 out of 10 or more: go back to the easier",
        "Pain of 8 out of 10 or more, or swelling, locking or catching, the knee giving way",
        "Safety: This routine is general information", "knee pain with swelling, locking or the knee giving way"]
bad = [(str(e.get("DTSTART").dt), m) for e in events for m in must if m not in str(e.get("DESCRIPTION"))]
if not events or bad:
    print("FAIL: calendar events without the warning signs or pain rules:", bad[:3] or "no events")
    sys.exit(1)
EOF

# 2. The same export twice is byte-identical, to a file and to stdout;
#    an existing file needs --force.
"$bin" export "$work/hip-again.ics" --hip-rotation --weeks 2 --ics --start 2026-11-23 --at 07:30 || fail=1
cmp -s "$work/hip.ics" "$work/hip-again.ics" || {
  echo "FAIL: the same export twice differs"
  fail=1
}
"$bin" export - --hip-rotation --weeks 2 --ics --start 2026-11-23 --at 07:30 >"$work/stdout.ics" || fail=1
cmp -s "$work/hip.ics" "$work/stdout.ics" || {
  echo "FAIL: export - --ics differs from the file"
  fail=1
}
expect 73 "valgus: error: $work/hip.ics already exists; use --force to replace it" -- \
  "$bin" export "$work/hip.ics" --hip-rotation --weeks 2 --ics --start 2026-11-23
"$bin" export "$work/hip-again.ics" --hip-rotation --weeks 2 --ics --start 2026-11-23 --at 07:30 --force || fail=1
cmp -s "$work/hip.ics" "$work/hip-again.ics" || {
  echo "FAIL: --force rewrite differs"
  fail=1
}

# The format by name or by the file's extension: the same calendar bytes as
# --ics, to a file and to stdout; --ics with another --format is refused.
"$bin" export "$work/by-extension.ics" --hip-rotation --weeks 2 --start 2026-11-23 --at 07:30 || fail=1
cmp -s "$work/hip.ics" "$work/by-extension.ics" || {
  echo "FAIL: export FILE.ics differs from export --ics"
  fail=1
}
check_calendar "$work/by-extension.ics" "$work/hip.json" "by extension, 2 weeks"
"$bin" export "$work/upper.ICS" --hip-rotation --weeks 2 --start 2026-11-23 --at 07:30 || fail=1
cmp -s "$work/hip.ics" "$work/upper.ICS" || {
  echo "FAIL: export FILE.ICS is not the calendar"
  fail=1
}
"$bin" export - --hip-rotation --weeks 2 --format ics --start 2026-11-23 --at 07:30 >"$work/format.ics" || fail=1
cmp -s "$work/hip.ics" "$work/format.ics" || {
  echo "FAIL: export - --format ics differs from --ics"
  fail=1
}
"$bin" export "$work/both.ics" --hip-rotation --weeks 2 --ics --format ics --start 2026-11-23 --at 07:30 || fail=1
cmp -s "$work/hip.ics" "$work/both.ics" || {
  echo "FAIL: --ics --format ics differs from --ics"
  fail=1
}
expect 64 'valgus: error: --ics is --format ics, not --format json; give one of them' -- \
  "$bin" export "$work/conflict.ics" --hip-rotation --ics --format json
[ -e "$work/conflict.ics" ] && {
  echo "FAIL: --ics --format json left a file"
  fail=1
}
expect 64 'valgus: error: a .ics file puts the sessions of a week on days; leave out --full' -- \
  "$bin" export "$work/full.ics" --hip-rotation --full --start 2026-11-23
expect 64 'valgus: error: --format ics puts the sessions of a week on days; leave out --full' -- \
  "$bin" export - --hip-rotation --full --format ics --start 2026-11-23
# A calendar is a programme's: plan, list and show refuse it, naming theirs.
expect 64 'valgus: error: --format: unknown value "ics"; valid values: text, markdown, json; see: valgus plan --help' -- \
  "$bin" plan --hip-rotation --format ics
expect 64 'valgus: error: --format: unknown value "ics"; valid values: text, markdown, json; see: valgus list --help' -- \
  "$bin" list --format ics
expect 64 'valgus: error: --format: unknown value "ics"; valid values: text, json, svg; see: valgus show --help' -- \
  "$bin" show clamshell --format ics

# A longer programme keeps the UIDs of the weeks both hold (week 1: 3 events).
"$bin" export "$work/one.ics" --hip-rotation --weeks 1 --ics --start 2026-11-23 --at 07:30 || fail=1
if [ "$(grep '^UID:' "$work/one.ics")" != "$(grep '^UID:' "$work/hip.ics" | head -n 3)" ] ||
  [ "$(grep -c '^UID:' "$work/one.ics")" != 3 ]; then
  echo "FAIL: week 1's UIDs differ between --weeks 1 and --weeks 2"
  fail=1
fi

# 3. SOURCE_DATE_EPOCH changes DTSTAMP and nothing else (UIDs included).
SOURCE_DATE_EPOCH=1700000000 "$bin" export "$work/epoch.ics" --hip-rotation --weeks 2 --ics --start 2026-11-23 \
  --at 07:30 || fail=1
grep -q $'^DTSTAMP:20231114T000000Z\r$' "$work/epoch.ics" || {
  echo "FAIL: DTSTAMP does not follow SOURCE_DATE_EPOCH=1700000000 (2023-11-14)"
  fail=1
}
if ! diff <(grep -v '^DTSTAMP:' "$work/hip.ics") <(grep -v '^DTSTAMP:' "$work/epoch.ics") >/dev/null; then
  echo "FAIL: SOURCE_DATE_EPOCH changed more than DTSTAMP"
  fail=1
fi

# 4. A start on a Wednesday: week 1 is Wed..Tue, so its Monday session falls
#    on the Monday after; the default time is 18:00.
"$bin" export "$work/wed.ics" --hip-rotation --weeks 2 --ics --start 2026-11-25 || fail=1
expected_json "$work/wed.json" 2026-11-25 18:00 2 --hip-rotation
check_calendar "$work/wed.ics" "$work/wed.json" "start on a Wednesday"
first=$("$py" -c "import json,sys; e=json.load(open(sys.argv[1])); print(e[0]['date'], e[0]['weekday'], e[-1]['date'])" \
  "$work/wed.json")
if [ "$first" != "2026-11-25 wed 2026-12-07" ]; then
  echo "FAIL: a Wednesday start: first and last events are '$first'"
  fail=1
fi

# 5. --days mon,thu, three weeks, more problems.
"$bin" export "$work/days.ics" --hip-rotation --pronation --days mon,thu --weeks 3 --ics --start 2026-11-23 \
  --at 06:05 || fail=1
expected_json "$work/days.json" 2026-11-23 06:05 3 --hip-rotation --pronation --days mon,thu
check_calendar "$work/days.ics" "$work/days.json" "--days mon,thu"
weekdays=$("$py" -c "import json,sys; print(' '.join(sorted({e['weekday'] for e in json.load(open(sys.argv[1]))})))" \
  "$work/days.json")
if [ "$weekdays" != "mon thu" ]; then
  echo "FAIL: --days mon,thu gave events on '$weekdays'"
  fail=1
fi

# 6. What a person can type wrong.
expect 64 'valgus: error: invalid date "2026-02-30": use YYYY-MM-DD, for example 2026-11-23' -- \
  "$bin" export - --hip-rotation --ics --start 2026-02-30
expect 64 'valgus: error: invalid date "23.11.2026": use YYYY-MM-DD, for example 2026-11-23' -- \
  "$bin" export - --hip-rotation --ics --start 23.11.2026
expect 64 'valgus: error: invalid time "24:00": use HH:MM, for example 18:00' -- \
  "$bin" export - --hip-rotation --ics --start 2026-11-23 --at 24:00
expect 64 'valgus: error: invalid time "7:30": use HH:MM, for example 18:00' -- \
  "$bin" export - --hip-rotation --ics --start 2026-11-23 --at 7:30
for bad in "" "-1" "1.5" "17e8" " 1700000000" "1700000000x" "99999999999999999999"; do
  expect 64 "valgus: error: SOURCE_DATE_EPOCH is \"$bad\": use whole seconds since 1970-01-01 UTC, for example 1795392000, or unset it" -- \
    env SOURCE_DATE_EPOCH="$bad" "$bin" export - --hip-rotation --ics --start 2026-11-23
done
expect 64 'valgus: error: --start applies to --ics only; add --ics for a calendar, or leave it out' -- \
  "$bin" export - --hip-rotation --start 2026-11-23
expect 64 'valgus: error: --at applies to --ics only; add --ics for a calendar, or leave it out' -- \
  "$bin" export - --hip-rotation --at 07:30
expect 64 'valgus: error: --ics puts the sessions of a week on days; leave out --full' -- \
  "$bin" export - --hip-rotation --ics --full --start 2026-11-23
# Nothing is written when the input is wrong.
"$bin" export "$work/none.ics" --hip-rotation --ics --start 2026-13-01 2>/dev/null
[ -e "$work/none.ics" ] && {
  echo "FAIL: a bad --start left a file"
  fail=1
}

# 7. Without --start the programme starts on a Monday after today.
"$bin" export "$work/default.ics" --hip-rotation --weeks 1 --ics || fail=1
first_day=$("$py" -c "
import sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
d = [c.get('DTSTART').dt for c in cal.walk('VEVENT')][0].date()
print('ok' if d.weekday() == 0 and d > datetime.date.today() and (d - datetime.date.today()).days <= 7 else d)" \
  "$work/default.ics")
if [ "$first_day" != ok ]; then
  echo "FAIL: without --start the first event is on $first_day, not the next Monday"
  fail=1
fi

exit $fail
