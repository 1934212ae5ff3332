#!/usr/bin/env bash
# Hostile inputs for planning and rendering (issue 11):
#   - catalogue text that starts with a Markdown block marker stays text;
#   - time estimates of thousands of very long exercises do not overflow;
#   - no threads to parse with (RLIMIT_NPROC) still plans, on one thread;
#   - "--" before an option, and check --format json on an unreadable path;
#   - an unreadable personal catalogue is a warning, not a stop;
#   - completion words come from a cache that never goes stale.
# Usage: hardening_plan.sh VALGUS_BINARY DATA_DIR BENCH_GENERATOR
set -u -o pipefail
bin=$(realpath "$1")
data=$(realpath "$2")
generate=$3
fail=0
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy another user may run: the build folder may be private (CI builds
# in a mode-700 temporary clone).
chmod 755 "$work"
cp "$bin" "$work/valgus-copy"
chmod 755 "$work/valgus-copy"

# ---- Markdown block markers at the start of a text ------------------------
# The same catalogue twice: once with texts that start like a list, a rule or
# a heading, once with plain words. cmark-gfm must see the same structure.
markers() {  # markers FILE FIRST SECOND THIRD FOURTH: an extra catalogue file
  cat > "$1" <<YAML
notes:
  - {id: marker-note, title: Marker note, text: "$2 the note text"}
habits:
  - {id: marker-habit, name: marker habit, advice: "$3 the advice"}
exercises:
  - id: marker-exercise
    name: Marker exercise
    phase: strengthen
    region: hip
    targets: [gluteus-medius]
    summary: "$4 the summary"
    dose: {reps: 10}
    steps: ["$5 the first step", "$2 the second step"]
    cues: ["$3 the cue"]
    source: test
YAML
}
markers "$work/markers.yaml" "1." "- " "---" "+ "
markers "$work/plain.yaml" "one" "minus" "rule" "plus"
structure() {  # the block structure of the handout: element names only
  local xml
  xml=$(cd "$data" && "$bin" --no-builtin --catalog fixture --catalog "$1" export - --problem hip |
        cmark-gfm -e tasklist -e table -t xml) || { echo "export or cmark-gfm failed"; return; }
  grep -o '<[a-z_]*' <<<"$xml" | sort | uniq -c
}
if ! diff <(structure "$work/plain.yaml") <(structure "$work/markers.yaml"); then
  echo "FAIL: block markers at the start of catalogue text changed the handout's structure"
  fail=1
fi
for extra in "2) ordered" "=== heading" "10. ten"; do
  markers "$work/more.yaml" "$extra" "$extra" "$extra" "$extra"
  if ! diff -q <(structure "$work/plain.yaml") <(structure "$work/more.yaml") >/dev/null; then
    echo "FAIL: \"$extra\" at the start of a text changed the handout's structure"
    fail=1
  fi
done

# ---- time estimates that would overflow 32 bits ---------------------------
# 4,000 exercises at the largest dose a catalogue allows: 640,385 s each
# (10 sets x 100 reps x (20 + 300) s x 2 sides, 9 rests of 20 s a side,
# 10 s to change sides, 15 s to set up), 2,561,540,000 s in all.
{
  echo "muscles: [{id: m, name: m, region: hip}]"
  echo "problems: [{id: p, name: p, overactive: [], underactive: [m]}]"
  echo "exercises:"
  for i in $(seq 1 4000); do
    echo "  - {id: e$i, name: E$i, phase: strengthen, region: hip, targets: [m], steps: [s], source: t,"
    echo "     dose: {sets: 10, reps: 100, hold_seconds: 300, seconds_per_rep: 20, per_side: true}}"
  done
} > "$work/long.yaml"
minutes=$("$bin" --no-builtin --catalog "$work/long.yaml" plan --problem p --full --format json |
          python3 -c "import json,sys; print(json.load(sys.stdin)['minutes'])")
if [ "$minutes" != 42692333 ]; then
  echo "FAIL: 4,000 long exercises planned as $minutes min, expected 42692333"
  fail=1
fi
# None fits 10 minutes: the plan is empty, within the budget, and says so.
budget=$("$bin" --no-builtin --catalog "$work/long.yaml" plan --problem p --full --minutes 10 --format json |
         python3 -c "import json,sys; d=json.load(sys.stdin); print(d['over_budget'], sum(len(p['exercises']) for p in d['phases']), len(d['uncovered']))")
if [ "$budget" != "False 0 1" ]; then
  echo "FAIL: --minutes 10 on 4,000 long exercises gave over_budget, exercises, uncovered = $budget; expected False 0 1"
  fail=1
fi

# ---- no threads to parse with ---------------------------------------------
# A folder large enough to be parsed on several threads, read by a user who
# may not start another thread: it parses on the calling thread alone.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v prlimit >/dev/null; then
  "$generate" "$work/big" 3 800
  chmod -R a+rX "$work"
  expected=$("$bin" --catalog "$work/big" list --phase release | wc -l)
  # LeakSanitizer needs a thread of its own to check at exit: off here only.
  got=$(ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" setpriv --reuid=nobody --regid=nogroup --clear-groups prlimit --nproc=1 \
          "$work/valgus-copy" --catalog "$work/big" list --phase release 2>"$work/err" | wc -l)
  if [ "$got" != "$expected" ] || [ -s "$work/err" ]; then
    echo "FAIL: without threads: $got lines (expected $expected), stderr: $(cat "$work/err")"
    fail=1
  fi
else
  echo "SKIP: the no-threads case needs root, setpriv and prlimit"
fi

# ---- small ones -------------------------------------------------------------
expect 64 'valgus: error: "--all" comes after "--", which ends the options; put it before "--"; see: valgus export --help' \
  -- "$bin" export "$work/x.md" -- --all
expect 64 'valgus: error: the file name is empty; give FILE, or - for standard output; see: valgus export --help' \
  -- "$bin" export "" --all
json=$("$bin" check --format json /nonexistent/x.yaml 2>/dev/null)
code=$?
if [ "$code" != 66 ] || [ "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], d["errors"][0]["message"])' <<<"$json")" != \
     "False cannot read /nonexistent/x.yaml: No such file or directory" ]; then
  echo "FAIL: check --format json on a missing file: exit $code, output '$json'"
  fail=1
fi

# ---- an unreadable personal catalogue is skipped with a warning -----------
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$work/locked/valgus/exercises"
  cp "$data/fixture-extra.yaml" "$work/locked/valgus/exercises/x.yaml"
  chmod 755 "$work" "$work/locked" "$work/locked/valgus"
  chmod 000 "$work/locked/valgus/exercises"
  cp "$data/extra-catalogue.yaml" "$work/other.yaml"
  chmod 644 "$work/other.yaml"
  got=$(XDG_DATA_HOME=$work/locked setpriv --reuid=nobody --regid=nogroup --clear-groups \
          "$work/valgus-copy" check "$work/other.yaml" 2>"$work/err")
  code=$?
  want="valgus: warning: cannot read $work/locked/valgus/exercises: Permission denied; going on without $work/locked/valgus/exercises"
  # Its exercises have no figures: those warnings are not what this is about.
  if [ "$code" != 0 ] || [ "$(grep -v 'has no "figure"' "$work/err")" != "$want" ] || [ "${got%%:*}" != ok ]; then
    echo "FAIL: an unreadable personal catalogue blocked check: exit $code, stderr '$(cat "$work/err")'"
    fail=1
  fi
  chmod 755 "$work/locked/valgus/exercises"
else
  echo "SKIP: the unreadable personal catalogue case needs root (to act as another user) and setpriv"
fi

# ---- completion words cached, never stale --------------------------------
home=$work/xdg
mkdir -p "$home/data/valgus/exercises" "$home/cache"
personal() {  # personal FILE PROBLEM-ID: a personal catalogue file with one problem
  printf 'problems:\n  - {id: %s, name: %s, overactive: [calves], underactive: [foot-intrinsics]}\n' \
    "$2" "$2" > "$home/data/valgus/exercises/$1"
}
words() { XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache "$bin" __complete problems | grep '^p-' | tr '\n' ' '; }
personal a.yaml p-one
check_words() {  # check_words EXPECTED WHAT
  local got
  got=$(words)
  if [ "$got" != "$1" ]; then
    echo "FAIL: completion words $2: '$got', expected '$1'"
    fail=1
  fi
}
check_words "p-one " "at first"
[ -f "$home/cache/valgus/complete-problems" ] || { echo "FAIL: no completion cache written"; fail=1; }
check_words "p-one " "from the cache"
personal b.yaml p-two
check_words "p-one p-two " "after adding a file"
personal a.yaml p-uno  # same size as before: only the time tells
touch -d '2001-01-01 00:00:00' "$home/data/valgus/exercises/a.yaml"
check_words "p-uno p-two " "after editing a file"
rm "$home/data/valgus/exercises/b.yaml"
check_words "p-uno " "after removing a file"
chmod 000 "$home/cache/valgus" 2>/dev/null
[ "$(id -u)" = 0 ] || check_words "p-uno " "with an unwritable cache"
chmod 755 "$home/cache/valgus"

[ $fail = 0 ] && echo "hardening (plan and render): all checks passed"
exit $fail
