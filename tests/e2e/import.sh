#!/usr/bin/env bash
# valgus import free-exercise-db: the output passes valgus check, its
# exercises appear in plans where their targets fit, and bad input or an
# existing output file get the usual exit codes.
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

plan=$("$bin" --catalog "$dir/fedb.yaml" plan --hip-rotation --pronation --format json)
for id in fedb-side-lying-leg-lift fedb-calf-roll-smr fedb-seated-groin fedb-banded-walk; do
  grep -q "\"id\": \"$id\"" <<<"$plan" || { echo "FAIL: $id is not in the plan"; fail=1; }
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

[ $fail = 0 ] && echo "import: all checks passed"
exit $fail
