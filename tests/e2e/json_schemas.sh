#!/usr/bin/env bash
# Every command that prints JSON matches its documented schema
# (schemas/*.schema.json), validated with python3-jsonschema.
set -u
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
schemas=$2
data=$3
python=/usr/bin/python3
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
fail=0
check_json() {  # check_json SCHEMA FILE: validates FILE against SCHEMA
  "$python" -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft7Validator)
' "$1" "$2"
}
validate() {  # validate SCHEMA EXPECTED_EXIT -- command...
  local schema=$1 code=$2
  shift 3
  local got
  "$@" >"$tmp" 2>/dev/null
  got=$?
  if [ "$got" != "$code" ]; then echo "FAIL: $* exited $got, expected $code"; fail=1; return; fi
  if ! check_json "$schemas/$schema.schema.json" "$tmp"; then
    echo "FAIL: $* does not match $schema.schema.json"; fail=1
  fi
}
validate plan 0 -- "$bin" plan --all --format json
validate plan 0 -- "$bin" plan --hip-rotation --pronation --equipment none --minutes 15 --format json
validate plan 0 -- "$bin" plan --all --minutes 5 --side right --when squat --week 5 --format json
validate plan 0 -- "$bin" plan --all --minutes 10 --days mon,thu --max-exercises 4 --format json
validate plan 0 -- "$bin" plan --all --full --minutes 12 --format json
validate list 0 -- "$bin" list --format json
validate list 0 -- "$bin" --catalog "$data/extra-catalogue.yaml" list --origin --format json
validate show 0 -- "$bin" show clamshell --format json
validate show 0 -- "$bin" show calf-release-ball --format json
validate show 0 -- "$bin" show single-leg-balance --format json
validate problems 0 -- "$bin" problems --format json
validate check 0 -- "$bin" check --format json
validate check 65 -- "$bin" check "$data/bad-catalogue.yaml" --format json

# The schemas are strict: an unknown key or a missing one is caught.
"$bin" show clamshell --format json | sed 's/"priority": 1,/"priority": 1, "surprise": true,/' >"$tmp"
if check_json "$schemas/show.schema.json" "$tmp" 2>/dev/null; then
  echo "FAIL: the show schema accepted an unknown key"; fail=1
fi
"$bin" plan --big-toe --format json | grep -v '"over_budget"' >"$tmp"
if check_json "$schemas/plan.schema.json" "$tmp" 2>/dev/null; then
  echo "FAIL: the plan schema accepted a missing key"; fail=1
fi

[ $fail = 0 ] && echo "json schemas: all checks passed"
exit $fail
