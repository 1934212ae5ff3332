#!/usr/bin/env bash
# The man page covers the CLI: every option that `--help` shows (top level and
# every subcommand, found from the help itself), every subcommand name, and
# every exit code. Per command, the SYNOPSIS lists exactly the options the
# command declares (its --help, which completion is generated from too), with
# the placeholders problems and personal expanded from the paragraph that
# defines them. Nothing here lists options by hand, so a new option without
# documentation fails, and so does one documented for a command that does not
# take it.
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

# synopsis_options: one line per command of the SYNOPSIS, "COMMAND OPTION...".
# Entries end at .br; commands are bold words that name a command, options
# any -x or --long word, and the italic placeholders problems and personal
# stand for the options their defining paragraph (after .PP) lists.
synopsis_options() {
  printf '%s\n' "$man_text" | awk -v commands="$1" '
    BEGIN { split(commands, list, " "); for (i in list) is_command[list[i]] = 1 }
    /^\.SH/ { in_synopsis = ($0 ~ /^\.SH[ \t]+SYNOPSIS/); in_definitions = 0; next }
    !in_synopsis { next }
    /^\.PP/ { end_entry(); in_definitions = 1; next }
    /^\.br/ { end_entry(); next }
    {
      line = $0
      italic = (line ~ /^\.(I|RI|IR)([ \t]|$)/)
      sub(/^\.[A-Za-z]+[ \t]*/, "", line)
      gsub(/[][|,"]/, " ", line)
      n = split(line, words, /[ \t]+/)
      for (i = 1; i <= n; i++) {
        w = words[i]
        if (w == "") continue
        if (in_definitions) {
          if (w == "is") group = previous
          else if (w ~ /^--?[A-Za-z]/ && group != "") members[group] = members[group] " " w
          previous = w
          continue
        }
        tokens[++count] = (italic && (w == "problems" || w == "personal")) ? "@" w : w
      }
    }
    function end_entry(   i, w, names, options) {
      for (i = 1; i <= count; i++) {
        w = tokens[i]
        if (w ~ /^--?[A-Za-z]/ || w ~ /^@/) options = options " " w
        else if (w in is_command) names = names " " w
      }
      if (names != "") { entry_names[++entries] = names; entry_options[entries] = options }
      delete tokens
      count = 0
    }
    END {
      for (e = 1; e <= entries; e++) {
        expanded = ""
        m = split(entry_options[e], options, " ")
        for (i = 1; i <= m; i++) {
          expanded = expanded " " (options[i] ~ /^@/ ? members[substr(options[i], 2)] : options[i])
        }
        k = split(entry_names[e], names, " ")
        for (j = 1; j <= k; j++) print names[j] expanded
      }
    }'
}

commands=$("$bin" __complete commands)
synopsis=$(synopsis_options "$(printf '%s ' $commands)")
checked_synopses=0
for command in $commands; do
  declared=$(options_of "$("$bin" "$command" --help 2>&1)" | grep -vxE -- '-h|--help')
  documented=$(printf '%s\n' "$synopsis" | awk -v want="$command" '$1 == want { for (i = 2; i <= NF; i++) print $i }' |
    sort -u)
  if ! printf '%s\n' "$synopsis" | awk -v want="$command" '$1 == want { found = 1 } END { exit !found }'; then
    echo "FAIL: command '$command' has no SYNOPSIS entry in the man page"
    fail=1
    continue
  fi
  checked_synopses=$((checked_synopses + 1))
  for opt in $(comm -23 <(printf '%s\n' "$declared" | sed '/^$/d') <(printf '%s\n' "$documented" | sed '/^$/d')); do
    echo "FAIL: option $opt of 'valgus $command' is missing from its SYNOPSIS entry"
    fail=1
  done
  for opt in $(comm -13 <(printf '%s\n' "$declared" | sed '/^$/d') <(printf '%s\n' "$documented" | sed '/^$/d')); do
    echo "FAIL: the SYNOPSIS gives 'valgus $command' option $opt, which it does not take"
    fail=1
  done
done

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
echo "checked $checked_options options in $checked_commands subcommands and the top level, and $checked_synopses synopses"
echo "man page: all checks passed"
