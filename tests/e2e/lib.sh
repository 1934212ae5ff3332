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
  local got_err got_code
  got_err=$(timeout 20 "$@" 2>&1 >/dev/null)
  got_code=$?
  if [ "$got_code" != "$code" ] || [ "$got_err" != "$err" ]; then
    echo "FAIL: $* -> exit $got_code, stderr '$got_err'; expected exit $code, stderr '$err'"
    fail=1
  fi
}
