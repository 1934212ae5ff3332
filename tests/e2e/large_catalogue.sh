#!/usr/bin/env bash
# A catalogue folder large enough to be parsed on several threads: every
# exercise arrives, and errors come out in file order with exact positions.
#   large_catalogue.sh VALGUS GEN_CATALOGUE
set -u
bin=$1 gen=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"

# Four files of 300 exercises (about 0.8 MB in all).
bash "$gen" "$dir/big" 4 300
builtin=$("$bin" --no-user-catalog list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
total=$("$bin" --catalog "$dir/big" list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
if [ "$total" != $((builtin + 1200)) ]; then
  echo "FAIL: list shows $total exercises; expected $builtin built-in + 1200 generated"
  fail=1
fi
expect 0 "" -- "$bin" --catalog "$dir/big" plan --all

# Break the second and the fourth file: the errors come in file order,
# whichever thread parsed which file first.
printf '  - id: generated-5\n    name: [\n' >> "$dir/big/generated-00001.yaml"
printf '  - id: generated-0\n    name: Again\n    phase: integrate\n    region: knee\n    targets: [quadriceps]\n    dose: {sets: 1, reps: 5}\n    steps: [Squat.]\n    source: bench\n' \
  >> "$dir/big/generated-00003.yaml"
lines2=$(wc -l < "$dir/big/generated-00001.yaml")
lines4=$(($(wc -l < "$dir/big/generated-00003.yaml") - 7))
expect 65 "valgus: error: $dir/big/generated-00001.yaml:$((lines2 + 1)):1: invalid YAML: a \"[\" is never closed with \"]\"
valgus: error: $dir/big/generated-00003.yaml:$lines4:5: duplicate exercise id \"generated-0\" (first defined at $dir/big/generated-00000.yaml:2:5); rename one of them" -- \
  "$bin" check "$dir/big"
exit $fail
