#!/usr/bin/env bash
# `--help` of the top level and of every command equals its golden file. The
# commands come from the binary's own command table (valgus __complete
# commands), so a new command without a help golden fails here.
#
# Usage: help.sh VALGUS_BINARY GOLDEN_DIR   (VALGUS_UPDATE_GOLDEN=1 rewrites)
set -u
bin=$1
golden=$2
fail=0
. "$(dirname "$0")/lib.sh"
unset COLUMNS

compare() {  # compare GOLDEN_FILE ARGS...
  local file=$1
  shift
  local out
  out=$("$bin" "$@"; echo "exit $?")
  if [ "${VALGUS_UPDATE_GOLDEN:-}" = 1 ]; then
    printf '%s\n' "$out" | sed '$d' > "$file"
  fi
  if [ ! -f "$file" ]; then
    echo "FAIL: valgus $* has no golden file $file"
    fail=1
    return
  fi
  if [ "${out##*$'\n'}" != "exit 0" ]; then
    echo "FAIL: valgus $* -> ${out##*$'\n'}"
    fail=1
  fi
  if ! diff -u "$file" <(printf '%s\n' "$out" | sed '$d'); then
    echo "FAIL: valgus $* differs from $file"
    fail=1
  fi
}

commands=$("$bin" __complete commands) || { echo "FAIL: valgus __complete commands"; exit 1; }
[ -n "$commands" ] || { echo "FAIL: no commands listed"; exit 1; }
compare "$golden/help.txt" --help
for command in $commands; do
  compare "$golden/help-$command.txt" "$command" --help
done
exit $fail
