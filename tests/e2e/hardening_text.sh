#!/usr/bin/env bash
# Hostile text (issue: hardening, text):
#   - ids tens of thousands of characters long are refused at once, and a
#     "did you mean" between two of them costs no table of length x length;
#   - names and texts have a length cap;
#   - one error is one line, whatever an argument or a file name holds;
#   - wide (CJK, emoji) and combining characters are measured in columns,
#     and a word wider than the line is split;
#   - TERM=dumb or no TERM means no colour with --color auto.
# Large inputs are generated here, at test time. `expect` (lib.sh) stops a
# command after 20 s, so a regression fails instead of hanging.
# Usage: hardening_text.sh VALGUS_BINARY DATA_DIR
set -u
bin=$1
data=$2
fail=0
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset NO_COLOR COLUMNS

# repeat N CHAR: CHAR N times.
repeat() { head -c "$1" /dev/zero | tr '\0' "$2"; }

# ---- ids of 30,000 and 120,000 characters ----------------------------------
# Before: 31 s and 7 GB (a full edit-distance table for "did you mean").
a30=$(repeat 30000 a)
b30=$(repeat 30000 b)
cat > "$work/long-ids.yaml" <<YAML
exercises:
  - id: $a30
    name: Long
    phase: strengthen
    region: hip
    targets: [gluteus-medius]
    dose: {reps: 10}
    steps: [Do it.]
    source: test
    alternatives: [$b30]
YAML
expect 65 "valgus: error: $work/long-ids.yaml:2:9: \"id\" is 30000 characters long; an id is at most 64 characters: use a short name like \"side-lunge\"
valgus: error: $work/long-ids.yaml:10:20: \"alternatives\" is 30000 characters long; an id is at most 64 characters: use a short name like \"side-lunge\"" \
  -- "$bin" check "$work/long-ids.yaml"
a120=$(repeat 120000 a)
expect 64 "valgus: error: unknown exercise \"$a120\"; see the ids with: valgus list" -- "$bin" show "$a120"

# ---- length caps: a 1.3 MB name, a 2,001-character step --------------------
name=$(repeat 1300000 N)
printf 'habits:\n  - {id: big, name: %s, advice: B}\n' "$name" > "$work/long-name.yaml"
expect 65 "valgus: error: $work/long-name.yaml:2:21: \"name\" is 1300000 characters long; a name or title is at most 120 characters: shorten it" \
  -- "$bin" check "$work/long-name.yaml"
step=$(repeat 2001 s)
cat > "$work/long-step.yaml" <<YAML
exercises:
  - id: long-step
    name: Long step
    phase: strengthen
    region: hip
    targets: [gluteus-medius]
    dose: {reps: 10}
    steps: [Short., $step]
    source: test
YAML
expect 65 "valgus: error: $work/long-step.yaml:8:21: \"steps\" is 2001 characters long; one text is at most 2000 characters: shorten it" \
  -- "$bin" check "$work/long-step.yaml"

# ---- one error, one line -------------------------------------------------------
bad=$'\xEF\xBF\xBD'  # U+FFFD
problems=$("$bin" __complete problems | paste -sd, - | sed 's/,/, /g')
expect 64 "valgus: error: unknown problem \"x${bad}valgus: error: forged\"; valid problems: $problems" \
  -- "$bin" plan --problem $'x\nvalgus: error: forged'
expect 66 "valgus: error: cannot read /nonexistent/a${bad}valgus: error: b.yaml: No such file or directory" \
  -- "$bin" --catalog $'/nonexistent/a\nvalgus: error: b.yaml' plan --all
expect 64 "valgus: error: unknown exercise \"a${bad}b${bad}c\"; see the ids with: valgus list" -- "$bin" show $'a\tb\rc'
# A name with a line break (a YAML escape) is refused, not laid out.
printf 'habits:\n  - {id: a, name: "Clam\\nvalgus: error: forged", advice: B}\n' > "$work/newline.yaml"
expect 65 "valgus: error: $work/newline.yaml:2:19: \"name\" must be one line; remove its line break" \
  -- "$bin" --catalog "$work/newline.yaml" plan --all

# ---- wide and combining characters in the 80-column layout -------------------
cat > "$work/wide.yaml" <<'YAML'
exercises:
  - id: wide-clam
    name: 蛤蜊式外展練習・横向きのクラムシェル運動（膝を開く）
    phase: strengthen
    region: hip
    targets: [gluteus-medius]
    summary: 横向きに寝て膝を曲げ、かかとをつけたまま上の膝をゆっくり開きます。骨盤が後ろに倒れないように注意してください。
    dose: {reps: 12, per_side: true}
    steps:
      - "See https://example.org/a-very-long-address-without-any-spaces-in-it/that-goes-on-and-on-past-the-line"
      - "Café crème: e\u0301e\u0301 — 😀😀 fine."
    source: test
YAML
combined=$'e\xCC\x81e\xCC\x81'  # e + U+0301, twice: two columns
expected="蛤蜊式外展練習・横向きのクラムシェル運動（膝を開く） (wide-clam)          ~2 min
Strengthen · hip · wake up the weak muscles

横向きに寝て膝を曲げ、かかとをつけたまま上の膝をゆっくり開きます。骨盤が後ろに倒
れないように注意してください。

Works:     side of the hip (gluteus medius)
Dose:      12 reps each side
Equipment: none
Serves:    hip internal rotation and adduction (--hip-rotation)

Steps
 1. See
    https://example.org/a-very-long-address-without-any-spaces-in-it/that-goes-o
    n-and-on-past-the-line
 2. Café crème: ${combined} — 😀😀 fine.

Source: test"
got=$(timeout 20 "$bin" --catalog "$work/wide.yaml" show wide-clam 2>&1)
if [ "$got" != "$expected" ]; then
  echo "FAIL: wide text layout:"
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$got")
  fail=1
fi

# ---- TERM=dumb: no colour with --color auto ----------------------------------
# script(1) gives valgus a terminal; it prints what valgus wrote there.
# on_terminal TERM COLOR: stdout of a plan on a terminal; TERM "unset" or
# "empty" for no TERM or TERM="".
on_terminal() {
  local command="'$bin' --no-builtin --catalog '$data/fixture' --color $2 plan --problem ankle"
  case $1 in
    unset) env -u TERM timeout 20 script -qec "$command" /dev/null < /dev/null ;;
    empty) TERM= timeout 20 script -qec "$command" /dev/null < /dev/null ;;
    *) TERM=$1 timeout 20 script -qec "$command" /dev/null < /dev/null ;;
  esac
}
esc=$'\033'
for case in "xterm-256color auto yes" "dumb auto no" "unset auto no" "empty auto no" "dumb always yes" \
            "xterm never no"; do
  read -r term color want <<<"$case"
  out=$(on_terminal "$term" "$color")
  if [ -z "$out" ]; then
    echo "FAIL: TERM='$term' --color $color: no output from script(1)"; fail=1; continue
  fi
  has=no
  [[ "$out" == *"$esc["* ]] && has=yes
  if [ "$has" != "$want" ]; then
    echo "FAIL: TERM='$term' --color $color: colour $has, expected $want"; fail=1
  fi
done

[ $fail = 0 ] && echo "hardening_text: all checks passed"
exit $fail
