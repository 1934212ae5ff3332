#!/usr/bin/env bash
# `--help` of the top level and of every command equals its golden file. The
# commands come from the binary's own command table (valgus __complete
# commands), so a new command without a help golden fails here. The
# built-in problems' flags and their id list are replaced by placeholders
# before comparing (their list is the smoke golden builtin/problems.txt), so
# a new problem in exercises/ changes no help golden.
#
# Usage: help.sh VALGUS_BINARY GOLDEN_DIR   (VALGUS_UPDATE_GOLDEN=1 rewrites)
set -u
bin=$1
golden=$2
fail=0
. "$(dirname "$0")/lib.sh"
unset COLUMNS

problems=$("$bin" __complete problems) || { echo "FAIL: valgus __complete problems"; exit 1; }
# "a, b or c", as the --problem option's help lists them.
problem_list=$(printf '%s\n' "$problems" | awk '{ ids[NR] = $0 } END {
  for (i = 1; i <= NR; i++) printf "%s%s", ids[i], (i == NR ? "" : (i == NR - 1 ? " or " : ", ")) }')
normalise() {  # the help text with the problem flags as one placeholder line
  awk -v ids="$problems" -v list="$problem_list" '
    BEGIN { n = split(ids, id, "\n"); for (i = 1; i <= n; i++) flag["--" id[i]] = 1 }
    $1 in flag { if (!shown) print "  --PROBLEM                   one flag per built-in problem (valgus problems)"; shown = 1; next }
    { if (list != "") { at = index($0, list); if (at) $0 = substr($0, 1, at - 1) "PROBLEMS" substr($0, at + length(list)) } print }'
}

compare() {  # compare GOLDEN_FILE ARGS...
  local file=$1
  shift
  local out
  out=$("$bin" "$@" | normalise; echo "exit ${PIPESTATUS[0]}")
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
