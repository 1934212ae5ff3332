#!/usr/bin/env bash
# Every write is checked: a full disk is exit 74 with the reason, and a
# closed pipe ends quietly.
set -u
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
fail=0
for args in "plan --all" "--help" "list" "export - --all"; do
  # shellcheck disable=SC2086
  err=$("$bin" $args 2>&1 >/dev/full)
  code=$?
  if [ "$code" != 74 ] || [ "$err" != "valgus: error: write error: No space left on device" ]; then
    echo "FAIL: valgus $args >/dev/full -> exit $code, '$err'"; fail=1
  fi
done

# valgus plan --all | head -1: no complaint on stderr, status 141 (SIGPIPE) or 0.
for ignore in "" "trap '' PIPE;"; do
  out=$(bash -c "$ignore \"$bin\" plan --all 2>/tmp/valgus-pipe-err.$$ | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}")
  err=$(cat /tmp/valgus-pipe-err.$$)
  rm -f /tmp/valgus-pipe-err.$$
  if { [ "$out" != 141 ] && [ "$out" != 0 ]; } || [ -n "$err" ]; then
    echo "FAIL: closed pipe (${ignore:-default SIGPIPE}) -> status $out, stderr '$err'"; fail=1
  fi
done
[ $fail = 0 ] && echo "output streams: all checks passed"
exit $fail
