#!/usr/bin/env bash
# The third hostile review's reproducers (issue 23), each in its own folders:
# bytes that are not UTF-8 in every JSON view, control characters in notes
# and the CSV formula guard, a bad row in the log, the supported dates.
# Needs sqlite3 (rows another program wrote).
#   hardening_log.sh VALGUS
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "FAIL: needs the sqlite3 program (apt-get install sqlite3)"; exit 1; }

# json_ok FILE WANT: FILE is one JSON document (Python's strict parser) and
# its text holds WANT.
json_ok() {
  python3 -c '
import json, sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
json.loads(text)
sys.exit(0 if sys.argv[2] in text else 3)
' "$1" "$2" || { echo "FAIL: $1 is not JSON holding '$2': $(head -c 300 "$1")"; fail=1; }
}

# fresh NAME: every XDG folder under $dir/NAME, a programme saved.
fresh() {
  export XDG_CONFIG_HOME=$dir/$1/config XDG_STATE_HOME=$dir/$1/state XDG_DATA_HOME=$dir/$1/data
  "$bin" start --hip-rotation --start 2027-01-04 >/dev/null || { echo "FAIL: valgus start in $1"; fail=1; }
}

# ---- 1. bytes that are not UTF-8: every JSON view prints, with U+FFFD ----
replacement=$'\xef\xbf\xbd'
fresh utf8
"$bin" log --date 2027-01-04 --note $'caf\xe9' >/dev/null || { echo "FAIL: log a note with a Latin-1 byte"; fail=1; }
"$bin" log --list --format json >"$dir/list.json" || { echo "FAIL: log --list --format json exit $?"; fail=1; }
json_ok "$dir/list.json" "caf$replacement"

# Folders from the environment with such a byte: the saved programme's path.
odd=$dir/$'odd\xe9'
mkdir -p "$odd"
XDG_CONFIG_HOME=$odd "$bin" start --hip-rotation --start 2027-01-04 >/dev/null ||
  { echo "FAIL: start under a Latin-1 folder"; fail=1; }
for view in today progress; do
  XDG_CONFIG_HOME=$odd "$bin" "$view" --date 2027-01-04 --format json >"$dir/$view-odd.json" ||
    { echo "FAIL: $view --format json under a Latin-1 folder exit $?"; fail=1; }
  json_ok "$dir/$view-odd.json" "odd$replacement"
done

# A catalogue file named with such a byte: check and list --origin.
catalogue=$dir/$'cat\xe9.yaml'
cat >"$catalogue" <<'YAML'
exercises:
  - id: odd-name-bridge
    name: Odd name bridge
    phase: strengthen
    region: hip
    targets: [gluteus-maximus]
    equipment: []
    summary: A bridge from a file whose name is not UTF-8.
    dose: {sets: 2, reps: 10-15}
    steps: [Lie on your back., Lift the hips., Lower slowly.]
    cues: [Keep the knees over the toes.]
    source: test
    priority: 2
YAML
broken=$dir/$'broken\xe9.yaml'
printf 'exercises:\n  - id: x\n' >"$broken"
"$bin" check "$broken" --format json >"$dir/check.json"
[ $? = 65 ] || { echo "FAIL: check --format json of a broken file is not 65"; fail=1; }
json_ok "$dir/check.json" "broken$replacement.yaml"
"$bin" --catalog "$catalogue" list --origin --format json >"$dir/origin.json" ||
  { echo "FAIL: list --origin --format json exit $?"; fail=1; }
json_ok "$dir/origin.json" "cat$replacement.yaml"
echo "bytes that are not UTF-8: JSON with U+FFFD in log, today, progress, check, list --origin"

# ---- 3. control characters, C1 and bidi controls in notes; the CSV guard ----
fresh controls
db=$XDG_STATE_HOME/valgus/valgus.db
"$bin" log --date 2027-01-04 --note $'\e]0;pwned\a\e[2J' >/dev/null || { echo "FAIL: log a note with escapes"; fail=1; }
"$bin" log --date 2027-01-06 --note $'\u202Eevil\xc2\x9b1m' >/dev/null || { echo "FAIL: log a note with bidi and C1"; fail=1; }
"$bin" log --date 2027-01-08 --note $'\t=1+1' >/dev/null || { echo "FAIL: log a note with a leading tab"; fail=1; }
stored=$(sqlite3 "$db" "SELECT group_concat(note, '|') FROM sessions ORDER BY date")
[ "$stored" = "$replacement]0;pwned$replacement$replacement[2J|${replacement}evil${replacement}1m|=1+1" ] ||
  { echo "FAIL: notes stored as '$stored'"; fail=1; }
# A row another program wrote, raw: the CSV and the text list still clean it.
sqlite3 "$db" "UPDATE sessions SET note = char(9) || '@SUM(A1)' || char(27) || '[2J' || char(13) WHERE date = '2027-01-04'"
"$bin" log --list --format csv >"$dir/list.csv" || { echo "FAIL: log --list --format csv exit $?"; fail=1; }
"$bin" log --list >"$dir/list.txt" || { echo "FAIL: log --list exit $?"; fail=1; }
for file in "$dir/list.csv" "$dir/list.txt"; do
  if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$file" || grep -q $'\u202E\|\xc2\x9b' "$file"; then
    echo "FAIL: $file holds a control character: $(od -c "$file" | head -5)"
    fail=1
  fi
done
grep -q "^2027-01-04,.*,'@SUM(A1)${replacement}\[2J${replacement}," "$dir/list.csv" ||
  { echo "FAIL: the formula guard: $(grep ^2027-01-04 "$dir/list.csv")"; fail=1; }
grep -q "^2027-01-08,.*,'=1+1," "$dir/list.csv" || { echo "FAIL: a tab before =: $(grep ^2027-01-08 "$dir/list.csv")"; fail=1; }
echo "notes: controls, C1 and bidi replaced when logged and when listed; formulas after a tab guarded"

# ---- 4. a row another program wrote: left out with one warning, deletable ----
fresh badrow
db=$XDG_STATE_HOME/valgus/valgus.db
for day in 04 06 08; do "$bin" log --date 2027-01-$day --pain 2 >/dev/null || { echo "FAIL: log 2027-01-$day"; fail=1; }; done
sqlite3 "$db" "UPDATE sessions SET date = '2027-02-30' WHERE date = '2027-01-06'"
row=$(sqlite3 "$db" "SELECT id FROM sessions WHERE date = '2027-02-30'")
warning="valgus: warning: $db: the session logged as \"2027-02-30\" (row $row) cannot be read: invalid date \"2027-02-30\": use YYYY-MM-DD, for example 2026-11-23; it is left out; delete it with: valgus log --delete 2027-02-30"
expect 0 "$warning" -- "$bin" log --list
expect 0 "$warning" -- "$bin" log --list --format json
expect 0 "$warning" -- "$bin" today --date 2027-01-11
expect 0 "$warning" -- "$bin" progress --date 2027-01-11
[ "$("$bin" log --list --format csv 2>/dev/null | grep -c '^2027-')" = 2 ] || { echo "FAIL: the good rows are not both listed"; fail=1; }
expect 0 "" -- "$bin" log --delete 2027-02-30
[ "$(sqlite3 "$db" "SELECT count(*) FROM sessions")" = 2 ] || { echo "FAIL: the bad row was not deleted"; fail=1; }
expect 0 "" -- "$bin" log --list
expect 64 'valgus: error: invalid date "2027-02-31": use YYYY-MM-DD, for example 2026-11-23' -- "$bin" log --delete 2027-02-31
# A stage week past any programme (2^63 - 1 printed as -1 before), a pain of 11.
sqlite3 "$db" "PRAGMA ignore_check_constraints = ON;
  UPDATE sessions SET stage_week = 9223372036854775807 WHERE date = '2027-01-04';
  UPDATE sessions SET pain = 11 WHERE date = '2027-01-08'"
ids=($(sqlite3 "$db" "SELECT id FROM sessions ORDER BY date"))
expect 0 "valgus: warning: $db: the session logged as \"2027-01-04\" (row ${ids[0]}) cannot be read: its stage week, 9223372036854775807, is not a week of a programme; it is left out; delete it with: valgus log --delete 2027-01-04
valgus: warning: $db: the session logged as \"2027-01-08\" (row ${ids[1]}) cannot be read: its pain, 11, is not 0 to 10; it is left out; delete it with: valgus log --delete 2027-01-08" -- "$bin" log --list --format json
"$bin" log --list --format json 2>/dev/null | grep -q -- '-1' && { echo "FAIL: a stage week printed as -1"; fail=1; }
echo "a bad row: left out with one warning naming the log and the row, deleted by its text"

# ---- 5. where the log lives: the file at fault named, 66 reading, 73 writing ----
fresh paths
state=$dir/paths-state
export XDG_STATE_HOME=$state
db=$state/valgus/valgus.db
mkdir -p "$db"
expect 66 "valgus: error: cannot read $db: Is a directory" -- "$bin" log --list
expect 73 "valgus: error: cannot create $db: Is a directory" -- "$bin" log --date 2027-01-04 --pain 1
rmdir "$db"
ln -s "$dir/nowhere/valgus.db" "$db"
expect 66 "valgus: error: cannot read $db: it is a symbolic link to $dir/nowhere/valgus.db, which does not exist; remove the link or restore what it points to" -- "$bin" today --date 2027-01-05
expect 73 "valgus: error: cannot create $db: it is a symbolic link to $dir/nowhere/valgus.db, which does not exist; remove the link or restore what it points to" -- "$bin" log --date 2027-01-04 --pain 1
rm "$db"
rmdir "$state/valgus"
touch "$state/valgus"
expect 66 "valgus: error: cannot read $db: $state/valgus is a file, not a folder" -- "$bin" progress --date 2027-01-05
expect 73 "valgus: error: cannot create $db: $state/valgus is a file, not a folder" -- "$bin" log --date 2027-01-04 --pain 1
rm "$state/valgus"
"$bin" log --date 2027-01-04 --pain 1 >/dev/null || { echo "FAIL: log in a fresh state folder"; fail=1; }
mkdir "$db-wal"
expect 66 "valgus: error: cannot read $db-wal: Is a directory" -- "$bin" log --list
expect 73 "valgus: error: cannot create $db-wal: Is a directory" -- "$bin" log --date 2027-01-06 --pain 1
rmdir "$db-wal"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  # A -wal and -shm left by root, the log and folder the person's own.
  chmod 755 "$dir"
  chown -R 65534:65534 "$state" "$XDG_CONFIG_HOME"
  : >"$db-wal"
  : >"$db-shm"
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  expect 66 "valgus: error: cannot read $db-wal: Permission denied" -- "${as_nobody[@]}" "$bin" log --list
  expect 73 "valgus: error: cannot write $db-wal: Permission denied" -- "${as_nobody[@]}" "$bin" log --date 2027-01-06 --pain 1
  rm -f "$db-wal" "$db-shm"
else
  echo "SKIP: -wal and -shm of another user (needs root and setpriv)"
fi
unset XDG_STATE_HOME
echo "where the log lives: a folder, a link to nothing, a file for a folder, a -wal folder, another user's -wal: each named"

# ---- 6. messages: the size limit per kind of file, repeated options ----
fresh messages
programme=$XDG_CONFIG_HOME/valgus/programme.yaml
head -c 70000 /dev/zero | tr '\0' '#' >"$programme"
expect 65 "valgus: error: $programme: the file is 70000 bytes, more than the 64 KiB a saved programme may have" -- \
  "$bin" today
head -c 70000 /dev/zero | tr '\0' '#' >"$dir/answers.yaml"
expect 65 "valgus: error: $dir/answers.yaml: the file is 70000 bytes, more than the 64 KiB an answers file may have" -- \
  "$bin" assess --answers "$dir/answers.yaml"
mkfifo "$dir/answers.fifo"
expect 66 "valgus: error: cannot read $dir/answers.fifo: a FIFO, not an answers file" -- \
  timeout 10 "$bin" assess --answers "$dir/answers.fifo"
expect 64 "valgus: error: --days is given more than once; give it once; see: valgus plan --help" -- \
  "$bin" plan --hip-rotation --days 3 --days 4
expect 64 "valgus: error: --date is given more than once; give it once; see: valgus log --help" -- \
  "$bin" log --date 2027-01-04 --date 2027-01-05 --pain 1
echo "messages: each kind of file named with its own limit; a repeated option in our words"

# ---- 9. log --list streamed, --since and --last ----
fresh listing
for day in 04 06 08 11 13; do "$bin" log --date 2027-01-$day --pain 1 >/dev/null; done
dates() { "$bin" log --list --format csv "$@" | tail -n +2 | cut -d, -f1 | tr '\r\n' '  ' | sed 's/ *$//'; }
[ "$(dates)" = "2027-01-04 2027-01-06 2027-01-08 2027-01-11 2027-01-13" ] || { echo "FAIL: log --list: $(dates)"; fail=1; }
[ "$(dates --since 2027-01-07)" = "2027-01-08 2027-01-11 2027-01-13" ] || { echo "FAIL: --since: $(dates --since 2027-01-07)"; fail=1; }
[ "$(dates --last 2)" = "2027-01-11 2027-01-13" ] || { echo "FAIL: --last 2: $(dates --last 2)"; fail=1; }
[ "$(dates --last 9)" = "2027-01-04 2027-01-06 2027-01-08 2027-01-11 2027-01-13" ] || { echo "FAIL: --last 9"; fail=1; }
[ "$(dates --since 2027-01-05 --last 4)" = "2027-01-06 2027-01-08 2027-01-11 2027-01-13" ] ||
  { echo "FAIL: --since with --last: $(dates --since 2027-01-05 --last 4)"; fail=1; }
[ "$(dates --since 2027-02-01)" = "" ] || { echo "FAIL: --since after the last session"; fail=1; }
"$bin" log --list --format json --last 1 >"$dir/last.json" && json_ok "$dir/last.json" '"2027-01-13"'
expect 64 "valgus: error: --since and --last choose what --list prints; give them with --list" -- "$bin" log --last 2 --pain 1
expect 64 "$(echo "valgus: error: invalid date \"2027-13-01\": use YYYY-MM-DD, for example 2026-11-23")" -- \
  "$bin" log --list --since 2027-13-01
echo "log --list: --since and --last choose the sessions, in date order"

# ---- 7. dates: 1900 to 2199 on every option, file and log row ----
fresh dates
range() { echo "valgus: error: date $1 is outside the years valgus works with, 1900 to 2199"; }
expect 64 "$(range 9000-01-01)" -- "$bin" log --date 9000-01-01 --pain 1
expect 64 "$(range 9999-12-31)" -- "$bin" today --date 9999-12-31
expect 64 "$(range 1899-12-31)" -- "$bin" progress --date 1899-12-31
expect 64 "$(range 2200-01-01)" -- "$bin" start --hip-rotation --start 2200-01-01
expect 64 "$(range 0001-01-01)" -- "$bin" export "$dir/far.ics" --hip-rotation --start 0001-01-01
expect 0 "" -- "$bin" today --date 2199-12-31
"$bin" log --date 2027-01-04 --pain 1 >/dev/null
sqlite3 "$XDG_STATE_HOME/valgus/valgus.db" "UPDATE sessions SET date = '9000-01-01'"
row=$(sqlite3 "$XDG_STATE_HOME/valgus/valgus.db" "SELECT id FROM sessions")
expect 0 "valgus: warning: $XDG_STATE_HOME/valgus/valgus.db: the session logged as \"9000-01-01\" (row $row) cannot be read: date 9000-01-01 is outside the years valgus works with, 1900 to 2199; it is left out; delete it with: valgus log --delete 9000-01-01" -- "$bin" log --list
echo "dates outside 1900-2199: refused on every option (64), left out of the log with a warning"

exit $fail
