#!/usr/bin/env bash
# valgus assess without a terminal: answers files and piped answers on the
# built-in catalogue, JSON against the schema, goldens in golden/assess/,
# exit codes and stderr for bad answers, and --start saving the programme.
# VALGUS_UPDATE_GOLDEN=1 rewrites the goldens.
#
# Usage: assess.sh VALGUS_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 VALGUS_BINARY" >&2
  exit 2
fi
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tests=$(cd "$here/.." && pwd)
golden=$tests/golden/assess
data=$tests/data/assess
fail=0
# shellcheck source=lib.sh
. "$here/lib.sh"
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state NO_COLOR=1
mkdir -p "$golden"

same right-ankle.txt -- "$bin" assess --answers "$data/right-ankle.yaml" --date 2027-01-04
same red-flag.txt -- "$bin" assess --answers "$data/red-flag.yaml" --date 2027-01-04
same nothing.txt -- "$bin" assess --answers "$data/nothing.yaml" --date 2027-01-04
for answers in right-ankle red-flag nothing; do
  "$bin" assess --answers "$data/$answers.yaml" --date 2027-01-04 --format json >"$work/$answers.json" &&
    valid assess.schema.json "$work/$answers.json"
  same "$answers.json" -- cat "$work/$answers.json"
done

# The same answers piped one per line, in question order, give the same result.
# The heels-raised squat is asked for the right leg only (the one that caved).
printf '%s\n' no no no no no no yes skip 12 8 no no skip skip no no skip skip squat band 3 20 |
  "$bin" assess --date 2027-01-04 --format json >"$work/piped.json"
cmp -s "$work/piped.json" "$work/right-ankle.json" || { echo "FAIL: piped answers differ from the answers file"; diff "$work/piped.json" "$work/right-ankle.json"; fail=1; }
# A red flag ends the questions: the rest of the input is not read as answers.
printf '%s\n' no yes no no no this-is-not-read | "$bin" assess --date 2027-01-04 --format json >"$work/piped-flag.json" &&
  "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["refer"] and len(d["reasons"]) == 1' "$work/piped-flag.json" ||
  { echo "FAIL: a piped red flag did not refer"; fail=1; }

# Bad answers: in a file, 65 with every mistake at file:line:col; piped, 65 at its line.
expect 65 "valgus: error: $data/bad.yaml:1:22: \"knee-to-wall\": answer a number from 0 to 30 cm (or skip)
valgus: error: $data/bad.yaml:2:9: \"thomas\": answer yes or no (or skip)" -- "$bin" assess --answers "$data/bad.yaml"
expect 65 'valgus: error: <stdin>:2:1: "maybe" is no answer to adult-onset: answer yes or no (or skip)' \
  -- bash -c "printf 'no\nmaybe\n' | '$bin' assess"
expect 66 "valgus: error: cannot read $work/missing.yaml: No such file or directory" -- "$bin" assess --answers "$work/missing.yaml"

# --start saves the recommended programme, as valgus start does.
"$bin" assess --answers "$data/right-ankle.yaml" --date 2027-01-04 --start >/dev/null ||
  { echo "FAIL: assess --start"; fail=1; }
same start-programme.yaml -- cat "$work/config/valgus/programme.yaml"
expect 73 "valgus: error: $work/config/valgus/programme.yaml already exists; use --force to replace it (the log is kept)" \
  -- "$bin" assess --answers "$data/right-ankle.yaml" --start

# Each assessment is kept in the log; progress shows the re-tests, and a
# second assessment on the same date replaces the first.
retest=$work/retest
mkdir -p "$retest"
sed 's/^knee-to-wall: .*/knee-to-wall: {left: 7, right: 12}/' "$data/right-ankle.yaml" >"$retest/first.yaml"
sed 's/^knee-to-wall: .*/knee-to-wall: {left: 9, right: 10.5}/' "$data/right-ankle.yaml" >"$retest/second.yaml"
sed 's/^knee-to-wall: .*/knee-to-wall: {left: 8, right: 11}/' "$data/right-ankle.yaml" >"$retest/again.yaml"
in_retest() { XDG_CONFIG_HOME=$retest/config XDG_STATE_HOME=$retest/state "$@"; }
in_retest "$bin" assess --answers "$retest/first.yaml" --date 2027-01-04 >/dev/null &&
  in_retest "$bin" assess --answers "$retest/second.yaml" --date 2027-01-18 >/dev/null &&
  in_retest "$bin" start --hip-rotation --start 2027-01-04 >/dev/null ||
  { echo "FAIL: assess twice, then start"; fail=1; }
in_retest "$bin" progress --date 2027-01-20 >"$retest/progress.txt" 2>&1
for row in 'RE-TESTS' '2027-01-04  knee-to-wall: left 7 cm, right 12 cm; problems:' \
  '2027-01-18  knee-to-wall: left 9 cm, right 10.5 cm; problems:'; do
  grep -qF -- "$row" "$retest/progress.txt" || { echo "FAIL: progress shows no \"$row\""; cat "$retest/progress.txt"; fail=1; }
done
retests() {  # retests DATE...: progress --format json lists these assessments with these knee-to-wall values
  in_retest "$bin" progress --date 2027-01-20 --format json >"$retest/progress.json" &&
    "$py" -c '
import json, sys
got = [(a["date"], {v["side"]: v["value"] for v in a["values"] if v["test"] == "knee-to-wall"})
       for a in json.load(open(sys.argv[1]))["assessments"]]
want = [(d, {"left": float(l), "right": float(r)}) for d, l, r in (x.split(",") for x in sys.argv[2:])]
assert got == want, got
' "$retest/progress.json" "$@" || { echo "FAIL: progress JSON assessments are not $*"; fail=1; }
}
retests 2027-01-04,7,12 2027-01-18,9,10.5
in_retest "$bin" assess --answers "$retest/again.yaml" --date 2027-01-04 >/dev/null || { echo "FAIL: assess again"; fail=1; }
retests 2027-01-04,8,11 2027-01-18,9,10.5
# A log that cannot be written does not hide the result: printed, then 73.
printf 'not a folder\n' >"$retest/blocked"
out=$(XDG_CONFIG_HOME=$retest/config XDG_STATE_HOME=$retest/blocked "$bin" assess --answers "$retest/first.yaml" \
  --date 2027-01-04 2>"$retest/stderr")
code=$?
if [ "$code" != 73 ] || ! grep -q 'knee-to-wall\|Knee-to-wall' <<<"$out" || ! grep -q "cannot" "$retest/stderr"; then
  echo "FAIL: assess with a log that cannot be written -> exit $code, stdout ${#out} bytes: $(cat "$retest/stderr")"
  fail=1
fi
# A duplicate key at any depth is an error at its place, not a silent last win.
printf 'knee-to-wall: {left: 12, left: 8}\n' >"$work/twice.yaml"
expect 65 "valgus: error: $work/twice.yaml:1:26: \"knee-to-wall\" answers left twice; keep one" \
  -- "$bin" assess --answers "$work/twice.yaml"

# A referral is remembered: start repeats the warning signs and needs
# --cleared, which is kept in the log; afterwards start needs it no more.
referred=$work/referred
mkdir "$referred"
in_referred() { XDG_CONFIG_HOME=$referred/config XDG_STATE_HOME=$referred/state "$@"; }
in_referred "$bin" assess --answers "$data/red-flag.yaml" --date 2027-01-04 >/dev/null
flag_question=$("$bin" problems --format json | "$py" -c 'import json,sys; f=json.load(sys.stdin)["red_flags"][0]; print(f["question"] + " " + f["why"])')
in_referred expect 64 "valgus: error: your assessment of 2027-01-04 found warning signs: $flag_question See a doctor or physiotherapist first; once they have cleared you, add --cleared (it is kept in the log)" \
  -- "$bin" start --hip-rotation --start 2027-01-11
[ ! -e "$referred/config/valgus/programme.yaml" ] || { echo "FAIL: start saved a programme after a referral"; fail=1; }
in_referred "$bin" start --hip-rotation --start 2027-01-11 --cleared >/dev/null || { echo "FAIL: start --cleared"; fail=1; }
in_referred "$bin" log --list --format json | "$py" -c '
import json, sys
kinds = [e["kind"] for e in json.load(sys.stdin)["safety_events"]]
assert kinds == ["referred", "cleared"], kinds
' || { echo "FAIL: the referral and the clearance are not in the log"; fail=1; }
in_referred "$bin" start --hip-rotation --start 2027-01-11 --force >/dev/null || { echo "FAIL: start after clearance"; fail=1; }
exit $fail
