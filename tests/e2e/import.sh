#!/usr/bin/env bash
# valgus import free-exercise-db: the output passes valgus check, its
# exercises appear in plans where their targets fit, and bad input or an
# existing output file get the usual exit codes. Hostile data (generated
# here): control characters never reach the terminal, what is written always
# passes check, and oversized JSON is refused before it is built.
set -u
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
sample=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

out=$("$bin" import free-exercise-db "$sample" -o "$dir/fedb.yaml")
expected="imported 4 of 8 exercises into $dir/fedb.yaml
not imported:
  category \"plyometrics\" is not part of corrective exercise: 1 (e.g. Box Jump)
  equipment \"machine\" is not in the vocabulary: 1 (e.g. Leg Press)
  no instructions: 1 (e.g. Plank)
  works only muscles valgus does not treat (chest): 1 (e.g. Bench Press)"
[ "$out" = "$expected" ] || { echo "FAIL: import summary:"; echo "$out"; fail=1; }
"$bin" check "$dir/fedb.yaml" >/dev/null || { echo "FAIL: the imported file does not pass valgus check"; fail=1; }

plan=$("$bin" --catalog "$dir/fedb.yaml" plan --hip-rotation --pronation --full --format json)
for id in fedb-calf-roll-smr fedb-seated-groin; do
  grep -q "\"id\": \"$id\"" <<<"$plan" || { echo "FAIL: $id is not in the plan"; fail=1; }
done
# The dataset tags these "abductors", a group holding the TFL the plan
# releases: the rule engine never strengthens a muscle it loosens.
for name in "Side Lying Leg Lift" "Banded Walk"; do
  grep -q "$name left out: it would strengthen front-outer hip (tensor fasciae latae, TFL), which this plan releases and stretches" \
    <<<"$plan" || { echo "FAIL: $name is not left out for strengthening the TFL"; fail=1; }
done
# Without a band the banded walk is left out, with the reason.
"$bin" --catalog "$dir/fedb.yaml" plan --hip-rotation --equipment none | grep -q "no resistance band: Banded Walk left out" ||
  { echo "FAIL: Banded Walk not reported as left out without a band"; fail=1; }

err=$("$bin" import free-exercise-db "$sample" -o "$dir/fedb.yaml" 2>&1 >/dev/null); code=$?
[ $code = 73 ] && [ "$err" = "valgus: error: $dir/fedb.yaml already exists; use --force to replace it" ] ||
  { echo "FAIL: existing output -> $code '$err'"; fail=1; }
err=$("$bin" import free-exercise-db "$dir/none.json" -o "$dir/x.yaml" 2>&1 >/dev/null); code=$?
[ $code = 66 ] && [ "$err" = "valgus: error: cannot read $dir/none.json: No such file or directory" ] ||
  { echo "FAIL: missing input -> $code '$err'"; fail=1; }
printf '[{"name": ]' > "$dir/bad.json"
err=$("$bin" import free-exercise-db "$dir/bad.json" -o "$dir/x.yaml" 2>&1 >/dev/null); code=$?
[ $code = 65 ] && [ "$err" = "valgus: error: $dir/bad.json:1:11: not valid JSON; free-exercise-db data is one JSON array of exercises" ] ||
  { echo "FAIL: invalid JSON -> $code '$err'"; fail=1; }
err=$("$bin" import wger "$sample" -o "$dir/x.yaml" 2>&1 >/dev/null); code=$?
[ $code = 64 ] || { echo "FAIL: unknown format -> $code '$err'"; fail=1; }

# Terminal injection: a name that retitles and clears the terminal, a C1
# CSI, and newlines that would forge an error line.
cat > "$dir/evil.json" <<'EOF'
[{"id": "Evil", "name": "Evil \u001b]0;pwned\u0007\u001b[2J", "category": "strength", "equipment": "body only",
  "primaryMuscles": ["glutes"], "instructions": ["Step\nvalgus: error: forged"]},
 {"id": "Jump", "name": "Jump\nvalgus: error: forged", "category": "plyo\u009b31m", "primaryMuscles": ["glutes"],
  "instructions": ["Jump."]}]
EOF
out=$("$bin" import free-exercise-db "$dir/evil.json" -o "$dir/evil.yaml" 2>&1); code=$?
bad=$'\xEF\xBF\xBD'
expected="imported 1 of 2 exercises into $dir/evil.yaml
changed:
  replaced control characters or line breaks in 1 exercise: Evil $bad]0;pwned$bad$bad[2J
not imported:
  category \"plyo${bad}31m\" is not part of corrective exercise: 1 (e.g. Jump valgus: error: forged)"
[ $code = 0 ] && [ "$out" = "$expected" ] || { echo "FAIL: hostile names -> $code:"; cat -A <<<"$out"; fail=1; }
LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]\\|\xc2[\x80-\x9f]' <<<"$out" &&
  { echo "FAIL: control characters reach the terminal"; fail=1; }
grep -q '^valgus: error: forged' <<<"$out" && { echo "FAIL: a newline forged an error line"; fail=1; }
LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]\\|\xc2[\x80-\x9f]' "$dir/evil.yaml" &&
  { echo "FAIL: control characters in the written YAML"; fail=1; }
"$bin" check "$dir/evil.yaml" >/dev/null || { echo "FAIL: evil.yaml does not pass check"; fail=1; }

# Written to the personal catalogue as the README suggests, ids and steps
# that used to break every later command (exit 65) now pass check.
home="$dir/home"
mkdir -p "$home/valgus/exercises"
cat > "$dir/odd.json" <<'EOF'
[{"id": "Élévation Écarté", "name": "Élévation", "category": "strength", "primaryMuscles": ["glutes"],
  "instructions": ["Lift.", "   "]},
 {"id": "!!!", "name": "???", "category": "strength", "primaryMuscles": ["glutes"], "instructions": ["Hold."]},
 {"id": "!!!", "name": "¿¿¿", "category": "stretching", "primaryMuscles": ["glutes"], "instructions": ["", "Hold."]}]
EOF
personal="$home/valgus/exercises/fedb.yaml"
# A broken earlier import (as older versions wrote) is replaced, not loaded.
printf 'exercises:\n  - id: fedb-\n' > "$personal"
out=$(XDG_DATA_HOME="$home" "$bin" import free-exercise-db "$dir/odd.json" -o "$personal" --force 2>&1); code=$?
expected="imported 3 of 3 exercises into $personal
changed:
  renamed 3 ids: \"Élévation Écarté\" -> fedb-elevation-ecarte, \"!!!\" -> fedb-exercise-2, \"!!!\" -> fedb-exercise-3
  dropped 2 empty steps (in Élévation, ¿¿¿)"
[ $code = 0 ] && [ "$out" = "$expected" ] || { echo "FAIL: odd ids -> $code:"; echo "$out"; fail=1; }
XDG_DATA_HOME="$home" "$bin" check >/dev/null || { echo "FAIL: the personal catalogue does not pass check"; fail=1; }
XDG_DATA_HOME="$home" "$bin" list >/dev/null || { echo "FAIL: list fails after the import"; fail=1; }

# Hostile sizes: exit 65 with the reason, quickly and in bounded memory
# (64 MiB of "[" took 5 GB for 11 s), and nothing written.
refused() { # what, expected stderr, input
  err=$(timeout 60 "$bin" import free-exercise-db "$3" -o "$dir/refused.yaml" 2>&1 >/dev/null)
  code=$?
  [ $code = 65 ] && [ "$err" = "$2" ] || { echo "FAIL: $1 -> $code '$err'"; fail=1; }
  [ -e "$dir/refused.yaml" ] && { echo "FAIL: $1 wrote a file"; fail=1; rm -f "$dir/refused.yaml"; }
  rm -f "$3"
}
suffix="; is it free-exercise-db's exercises.json?"
head -c $((64 * 1024 * 1024 - 16)) /dev/zero | tr '\0' '[' > "$dir/deep.json"
refused "64 MiB of [" "valgus: error: $dir/deep.json:1:65: the data nests deeper than 64 levels$suffix" "$dir/deep.json"
{ printf '['; head -c 300000 /dev/zero | tr '\0' 'x' | sed 's/xxx/{},/g'; printf '{}]'; } > "$dir/records.json"
refused "100001 records" "valgus: error: $dir/records.json:1:300002: more than 100000 records$suffix" "$dir/records.json"
{ printf '[['; head -c 3000000 /dev/zero | tr '\0' 'x' | sed 's/x/1,/g'; printf '1]]'; } > "$dir/values.json"
refused "3000001 values" "valgus: error: $dir/values.json:1:6000000: more than 3000000 values$suffix" "$dir/values.json"
printf '[1e999]' > "$dir/number.json"
refused "1e999" "valgus: error: $dir/number.json: a number is too large; free-exercise-db data is one JSON array of exercises" \
  "$dir/number.json"
# Valid data whose catalogue would be larger than a catalogue file may be.
awk 'BEGIN {
  printf "[";
  for (i = 1; i <= 12000; i++)
    printf "{\"id\": \"E%d\", \"name\": \"Exercise %d\", \"category\": \"strength\", \"primaryMuscles\": [\"glutes\"], \"instructions\": [\"Lie on one side with the legs stacked.\", \"Raise the top leg, then lower it.\"]},", i, i;
  printf "{\"name\": \"Last\"}]";
}' > "$dir/large.json"
refused "a 4 MiB catalogue" "valgus: error: $dir/large.json: the catalogue made from it would be larger than the 4 MiB a catalogue file may hold; split the data into smaller files" \
  "$dir/large.json"

[ $fail = 0 ] && echo "import: all checks passed"
exit $fail
