# Shared by the end-to-end scripts: source it after setting `fail=0`.
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
# Nor their saved programme or log (a script that needs one sets its own).
export XDG_CONFIG_HOME=/nonexistent/valgus-tests XDG_STATE_HOME=/nonexistent/valgus-tests

# expect CODE STDERR -- command...: runs the command (20 s at most) and checks
# its exit code and its whole standard error; sets fail=1 otherwise.
expect() {
  local code=$1 err=$2
  shift 3
  local got_err got_code err_file
  err_file=$(mktemp)
  timeout 120 "$@" 2>"$err_file" >/dev/null
  got_code=$?
  got_err=$(cat "$err_file")
  if [ "$got_code" != "$code" ] || [ "$got_err" != "$err" ]; then
    echo "FAIL: $* -> exit $got_code, stderr '$got_err'; expected exit $code, stderr '$err'"
    fail=1
  fi
  # Every line on stderr ends with a newline, the last one too.
  if [ -s "$err_file" ] && [ "$(tail -c 1 "$err_file" | od -An -tx1 | tr -d ' ')" != 0a ]; then
    echo "FAIL: $* -> stderr does not end with a newline"
    fail=1
  fi
  rm -f "$err_file"
}

# same NAME -- command...: the command exits 0 and its stdout, with "$work"
# written WORK, equals "$golden/NAME" (VALGUS_UPDATE_GOLDEN=1 rewrites it).
# Needs `work` and `golden` set by the script.
same() {
  local name=$1
  shift 2
  local out code
  out=$("$@" 2>"$work/stderr")
  code=$?
  out=${out//$work/WORK}
  if [ "$code" != 0 ]; then
    echo "FAIL: $* -> exit $code: $(cat "$work/stderr")"
    fail=1
    return
  fi
  if [ "${VALGUS_UPDATE_GOLDEN:-}" = 1 ]; then
    printf '%s\n' "$out" >"$golden/$name"
  elif ! diff -u "$golden/$name" <(printf '%s\n' "$out"); then
    echo "FAIL: $* differs from $golden/$name"
    fail=1
  fi
}

# valid SCHEMA FILE: FILE validates against schemas/SCHEMA (JSON Schema draft 7).
valid() {
  /usr/bin/python3 -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft7Validator)
' "$(dirname "${BASH_SOURCE[0]}")/../../schemas/$1" "$2" || { echo "FAIL: $2 does not match schemas/$1"; fail=1; }
}
