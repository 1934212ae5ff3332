#!/usr/bin/env bash
# Following a saved programme end to end on the fixture catalogue: start,
# today, log, progress, with exact goldens (tests/golden/follow/), JSON
# checked against the schemas, CSV read by Python's csv module, and exit
# code and stderr for each kind of bad input. VALGUS_UPDATE_GOLDEN=1
# rewrites the goldens.
#
# Usage: follow.sh VALGUS_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 VALGUS_BINARY" >&2
  exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tests=$(cd "$here/.." && pwd)
golden=$tests/golden/follow
fail=0
# shellcheck source=lib.sh
. "$here/lib.sh"
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state NO_COLOR=1 LANG=C.UTF-8
unset LC_ALL LC_CTYPE
# Relative paths, from tests/data, so the goldens name no checkout folder.
cd "$tests/data" || exit 1
catalogue=(--no-builtin --catalog fixture --catalog follow-rules.yaml)
V=("$bin" "${catalogue[@]}")
v() { "${V[@]}" "$@"; }

mkdir -p "$golden"
hint='Save one with `valgus start` and your problems (for example valgus start --hip-rotation),
or find out which problems you have with `valgus assess`; or give the problems to valgus today itself.'
expect 64 "valgus: error: no saved programme ($work/config/valgus/programme.yaml does not exist) and no problem given
$hint" -- "${V[@]}" today --date 2027-01-04

same start.txt -- "${V[@]}" start --problem hip --problem ankle --start 2027-01-04
expect 73 "valgus: error: $work/config/valgus/programme.yaml already exists; use --force to replace it (the log is kept)" \
  -- "${V[@]}" start --problem hip
same programme.yaml -- cat "$work/config/valgus/programme.yaml"

same today-monday.txt -- "${V[@]}" today --date 2027-01-04
same today-tuesday.txt -- "${V[@]}" today --date 2027-01-05
same today-before.txt -- "${V[@]}" today --date 2027-01-01
v today --date 2027-01-04 --format json >"$work/today.json" && valid today.schema.json "$work/today.json"
same today-monday.json -- cat "$work/today.json"

# Bad input: 64 with the valid values, nothing logged.
expect 64 'valgus: error: invalid date "2027-13-01": use YYYY-MM-DD, for example 2026-11-23' -- "${V[@]}" log --date 2027-13-01
expect 64 'valgus: error: --pain: "11" is not a whole number from 0 to 10; see: valgus log --help' \
  -- "${V[@]}" log --date 2027-01-04 --pain 11
expect 64 'valgus: error: --effort: unknown value "medium"; valid values: easy, right, hard; see: valgus log --help' \
  -- "${V[@]}" log --date 2027-01-04 --effort medium
expect 64 'valgus: error: --skipped: "clams" is not in session A of 2027-01-04 (did you mean "clam"?); its exercises are band-stretch, clam, band-walk, short-foot, squat, balance' \
  -- "${V[@]}" log --date 2027-01-04 --skipped clams
expect 64 'valgus: error: 2027-01-01 is before the programme starts (2027-01-04); give a later --date' \
  -- "${V[@]}" log --date 2027-01-01
expect 64 'valgus: error: --list and --delete take no --date, --pain, --effort, --skipped, --note, --next-morning or --symptom' \
  -- "${V[@]}" log --list --pain 2
[ ! -e "$work/state/valgus/valgus.db" ] || { echo "FAIL: a refused log created the database"; fail=1; }

# Two good weeks: every session logged, low pain.
for day in 04 06 08 11 13 15; do
  v log --date 2027-01-$day --pain 2 --effort right >/dev/null || { echo "FAIL: log 2027-01-$day"; fail=1; }
done
same log-replace.txt -- "${V[@]}" log --date 2027-01-15 --pain 1 --effort easy --skipped clam,balance --note 'short on time, "busy"'
same today-stage2.txt -- "${V[@]}" today --date 2027-01-18
same progress.txt -- "${V[@]}" progress --date 2027-01-20
LANG=C same progress-ascii.txt -- "${V[@]}" progress --date 2027-01-20
v progress --date 2027-01-20 --format json >"$work/progress.json" && valid progress.schema.json "$work/progress.json"
same progress.json -- cat "$work/progress.json"

# Two painful sessions: a step back the next day, and a clinician named.
v log --date 2027-01-18 --pain 7 --effort hard >/dev/null
v log --date 2027-01-20 --pain 6 --effort right >/dev/null
same today-stepped-back.txt -- "${V[@]}" today --date 2027-01-21

same log-list.txt -- "${V[@]}" log --list
v log --list --format json >"$work/log.json" && valid log.schema.json "$work/log.json"
same log-list.json -- cat "$work/log.json"
same log-list.csv -- "${V[@]}" log --list --format csv
v log --list --format csv | "$py" -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 8, len(rows)
assert rows[5]["note"] == "short on time, \"busy\"", rows[5]
assert rows[5]["skipped"] == "clam balance", rows[5]
' || { echo "FAIL: the CSV log does not read back"; fail=1; }

same log-delete.txt -- "${V[@]}" log --delete 2027-01-20
expect 64 'valgus: error: nothing is logged on 2027-01-20; see what is with: valgus log --list' -- "${V[@]}" log --delete 2027-01-20

# Flags given win over the saved programme, and the output says so.
v today --date 2027-01-04 --problem hip --days 2 --format json | "$py" -c '
import json, sys
today = json.load(sys.stdin)
assert today["programme"] == "saved programme " + sys.argv[1] + ", with the options given", today["programme"]
assert [p["id"] for p in today["problems"]] == ["hip"], today["problems"]
assert today["session"]["session"] == "A", today["session"]
' "$work/config/valgus/programme.yaml" || { echo "FAIL: today with flags does not say which programme it used"; fail=1; }

# A warning sign pauses at once: today and go show no exercises, progress
# and plan say so, deleting the session does not lift it, resume does (one
# stage lower), and resume without a pause is refused.
expect 64 'valgus: error: --symptom: unknown warning sign "sweling" (did you mean "swelling"?); choose from swelling, giving-way' \
  -- "${V[@]}" log --date 2027-01-22 --symptom sweling
same log-paused.txt -- "${V[@]}" log --date 2027-01-22 --pain 3 --symptom giving-way,swelling
same today-paused.txt -- "${V[@]}" today --date 2027-01-25
v today --date 2027-01-25 --format json >"$work/paused.json" && valid today.schema.json "$work/paused.json"
same today-paused.json -- cat "$work/paused.json"
same progress-paused.txt -- "${V[@]}" progress --date 2027-01-25
v progress --date 2027-01-25 --format json >"$work/progress-paused.json" &&
  valid progress.schema.json "$work/progress-paused.json"
v plan >/dev/null 2>"$work/plan.err"
grep -q '^valgus: the programme is paused since 2027-01-22: swelling and the knee giving way logged on 2027-01-22; do not train' \
  "$work/plan.err" || { echo "FAIL: plan of a paused programme does not say so: $(cat "$work/plan.err")"; fail=1; }
v log --delete 2027-01-22 >/dev/null
v today --date 2027-01-25 --format json | "$py" -c '
import json, sys
today = json.load(sys.stdin)
assert today["paused"] and today["session"] is None, today
' || { echo "FAIL: deleting the session lifted the pause"; fail=1; }
same resume.txt -- "${V[@]}" resume --date 2027-01-26
expect 64 'valgus: error: the programme is not paused on 2027-01-26; nothing to resume (see: valgus today)' \
  -- "${V[@]}" resume --date 2027-01-26
v today --date 2027-01-27 --format json | "$py" -c '
import json, sys
today = json.load(sys.stdin)
assert not today["paused"] and today["stage"]["number"] == 1 and today["stage"]["impact_out"], today["stage"]
assert today["stage"]["decisions"][-1]["move"] == "resume", today["stage"]["decisions"][-1]
' || { echo "FAIL: resume did not restart one stage lower"; fail=1; }
# Pain the next morning: added to the last session; at 8 it pauses.
v log --date 2027-01-27 --pain 2 >/dev/null
expect 64 'valgus: error: --next-morning adds to the last session logged; give it without --pain, --effort, --skipped or --note (with --date for the morning'"'"'s date)' \
  -- "${V[@]}" log --next-morning 3 --pain 2
same log-next-morning.txt -- "${V[@]}" log --date 2027-01-28 --next-morning 8
v log --list --format json >"$work/log-paused.json" && valid log.schema.json "$work/log-paused.json"
same log-list-safety.txt -- "${V[@]}" log --list

# A hand edit with a typo: 65 with file:line:col, nothing else run.
sed -i 's/^minutes:/mintues:/' "$work/config/valgus/programme.yaml"
expect 65 "valgus: error: $work/config/valgus/programme.yaml:4:1: programme is missing the required field \"minutes\"
valgus: error: $work/config/valgus/programme.yaml:7:1: unknown field \"mintues\" in programme (did you mean \"minutes\"?)" -- "${V[@]}" today --date 2027-01-04
exit $fail
