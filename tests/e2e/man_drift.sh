#!/usr/bin/env bash
# The man page covers the CLI: every option that `--help` shows (top level and
# every subcommand, found from the help itself), every subcommand name, and
# every exit code. Nothing here lists options by hand, so a new option without
# documentation fails.
#
# Usage: man_drift.sh VALGUS_BINARY MAN_PAGE
set -u
if [ $# -ne 2 ]; then
  echo "usage: $0 VALGUS_BINARY MAN_PAGE" >&2
  exit 2
fi
bin=$1
page=$2
if [ ! -r "$page" ]; then
  echo "FAIL: cannot read man page $page"
  exit 1
fi
fail=0

# The man source as plain text: \- is a hyphen, and font changes, \& and \%
# are dropped so that "\fB\-o\fR" reads as "-o".
man_text=$(sed -e 's/\\-/-/g' \
  -e 's/\\f\[[^]]*\]//g' -e 's/\\f([A-Za-z0-9][A-Za-z0-9]//g' -e 's/\\f[A-Za-z0-9]//g' \
  -e 's/\\&//g' -e 's/\\%//g' "$page")

# has_word TEXT WORD: WORD occurs in TEXT as a whole option or name, not as part
# of a longer one (--force must not match --forced, -h not --help).
has_word() {
  printf '%s\n' "$1" | grep -Eq -- "(^|[^A-Za-z0-9_-])$2([^A-Za-z0-9_-]|\$)"
}

# section HELP NAME: the lines of the "NAME:" block of a CLI11 help text (a
# header line alone on its line, in any case, up to the next line that is not
# indented).
section() {
  printf '%s\n' "$1" | awk -v want="$2:" '
    /^[^ \t]/ { inside = (toupper($0) == toupper(want)); next }
    inside && /^[ \t]/ { print }'
}

# options_of HELP: every -x and --long option in the option column of "Options:".
options_of() {
  section "$1" Options |
    # An entry starts at a small indent with a dash; its option column ends
    # at the first run of two spaces (the description follows), once aligned
    # names such as "-h,     --help" are joined.
    grep -E '^ {1,6}-' |
    sed -E 's/^ +//; s/, +/,/g; s/  .*$//' |
    grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9_-]*' |
    sed -E 's/^[ ,]//' | sort -u
}

# subcommands_of HELP: the names in the "Subcommands:" block.
subcommands_of() {
  section "$1" Subcommands | grep -E '^ {1,6}[A-Za-z0-9]' | awk '{ print $1 }'
}

checked_options=0
checked_commands=0
# check_command PATH...: check the options of "valgus PATH... --help", then
# recurse into its subcommands (a command may have subcommands of its own).
check_command() {
  local help rc
  help=$("$bin" "$@" --help 2>&1)
  rc=$?
  local where="valgus${*:+ $*}"
  if [ $rc -ne 0 ] || [ -z "$help" ]; then
    echo "FAIL: '$where --help' exited $rc"
    fail=1
    return
  fi
  local opts
  opts=$(options_of "$help")
  if [ -z "$opts" ]; then
    echo "FAIL: no options found in '$where --help' (has the help format changed?)"
    fail=1
  fi
  local opt
  for opt in $opts; do
    checked_options=$((checked_options + 1))
    if ! has_word "$man_text" "$opt"; then
      echo "FAIL: option $opt of '$where' is missing from the man page"
      fail=1
    fi
  done
  if [ $# -ge 3 ]; then
    return  # no deeper nesting expected; stop any runaway recursion
  fi
  local sub
  for sub in $(subcommands_of "$help"); do
    checked_commands=$((checked_commands + 1))
    # The name must head or tag something: a .SH, .SS, .TP or bold line, or
    # the tag line right after .TP.
    if ! printf '%s\n' "$man_text" |
      awk '/^\.TP/ { tag = 1; next } { if (tag || /^\.(SH|SS|TP|B|BR|BI|RB)([ \t]|$)/) print; tag = 0 }' |
      grep -Eq -- "(^|[^A-Za-z0-9_-])$sub([^A-Za-z0-9_-]|\$)"; then
      echo "FAIL: subcommand '$where $sub' has no .SH/.SS/.TP/.B line in the man page"
      fail=1
    fi
    check_command "$@" "$sub"
  done
}

check_command
if [ "$checked_commands" -eq 0 ]; then
  echo "FAIL: no subcommands found in '$bin --help' (has the help format changed?)"
  fail=1
fi

# Exit codes: each one in the EXIT STATUS section.
exit_status=$(printf '%s\n' "$man_text" | awk '
  /^\.SH/ { inside = ($0 ~ /^\.SH[ \t]+"?EXIT STATUS"?[ \t]*$/); next }
  inside { print }')
if [ -z "$exit_status" ]; then
  echo "FAIL: the man page has no EXIT STATUS section"
  fail=1
fi
for code in 0 64 65 66 70 73 74; do
  if ! printf '%s\n' "$exit_status" | grep -Eq "(^|[^0-9])$code([^0-9]|\$)"; then
    echo "FAIL: exit code $code is missing from EXIT STATUS"
    fail=1
  fi
done

if [ $fail -ne 0 ]; then
  exit 1
fi
echo "checked $checked_options options in $checked_commands subcommands and the top level"
echo "man page: all checks passed"
