#!/usr/bin/env bash
# valgus assess in a real terminal: tmux on a private socket runs it in a
# pane, send-keys answers, capture-pane reads the questions and the result.
# Covers a bad answer asked again, back, skip, per-side answers, the result
# and the command, and that the terminal is left as it was.
#
# Usage: assess_tmux.sh VALGUS_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 VALGUS_BINARY" >&2
  exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
fail=0
# shellcheck source=lib.sh
. "$here/lib.sh"
if ! command -v tmux >/dev/null; then
  echo "FAIL: tmux is not installed (scripts/install-deps installs it); valgus assess is not tested"
  exit 1
fi
work=$(mktemp -d)
socket=valgus-assess-$$
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state PS1='$ ' TERM=xterm-256color NO_COLOR=1
mkdir -p "$HOME"

screen() { tm capture-pane -p -J -S -200 -t "$1" | sed 's/ *$//'; }
wait_for() {  # wait_for PANE REGEX: until the screen matches (10 s at most)
  local i
  for ((i = 0; i < 200; i++)); do
    if screen "$1" | grep -Eq -- "$2"; then
      return 0
    fi
    sleep 0.05
  done
  echo "FAIL: [$1] never showed /$2/; the screen:"
  screen "$1" | tail -30 | sed 's/^/  | /'
  fail=1
  return 1
}
answer() {  # answer PANE TEXT: waits for the prompt count to grow, types TEXT and Enter
  local before
  before=$(screen "$1" | grep -c '^> ')
  tm send-keys -t "$1" -l -- "$2" && tm send-keys -t "$1" Enter
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(screen "$1" | grep -c '^> ')" -gt "$before" ] && return 0
    grep -q . "$work/done-$1" 2>/dev/null && return 0
    sleep 0.05
  done
}

tm new-session -d -s a -x 80 -y 50 "bash --norc"
tm set-option -t a history-limit 5000 >/dev/null
wait_for a '[$#] *$'
tm send-keys -t a -l -- "$bin assess --date 2027-01-04; echo \"exit=\$?\" > $work/done-a; stty -a > $work/stty-a" && tm send-keys -t a Enter
wait_for a 'Answer each question'
wait_for a 'Does the knee swell'
for _ in 1 2 3 4 5; do answer a no; done
wait_for a 'Single-leg mini squat, left leg'
answer a maybe
wait_for a 'Answer yes or no \(or skip\)\.'
answer a yes             # left: yes
wait_for a 'Single-leg mini squat, right leg \(7 of 23\)'
answer a back            # change the left answer
answer a no              # left: no: its heels-raised squat drops out
wait_for a 'Single-leg mini squat, right leg \(7 of 22\)'
answer a yes             # right: yes
# Asked for the leg that caved only, about the positive sign.
wait_for a 'Mini squat with the heels raised, right leg \(8 of 22\)'
wait_for a 'With the heel raised, did the knee now stay in line over the middle toes'
answer a skip
wait_for a 'Knee-to-wall test, left leg \(9 of 22\)'
answer a 40
wait_for a 'Answer a number from 0 to 30 cm \(or skip\)\.'
answer a 12
answer a 8
for _ in 1 2 3 4 5 6 7 8; do answer a skip; done   # arch, big toe, Thomas, turnout
wait_for a 'When does your knee cave in'
answer a sqaut
wait_for a 'did you mean'
answer a squat
answer a band
answer a 3
answer a 20
wait_for a 'Save this programme and follow it'
answer a maybe
wait_for a 'Answer yes or no\.'
answer a yes
wait_for a 'Saved your programme to'
for ((i = 0; i < 200; i++)); do [ -s "$work/done-a" ] && break; sleep 0.05; done
grep -q '^exit=0$' "$work/done-a" 2>/dev/null || { echo "FAIL: assess did not exit 0: $(cat "$work/done-a" 2>/dev/null)"; fail=1; }
wait_for a 'Single-leg mini squat: left no, right yes'
wait_for a 'Mini squat with the heels raised: left not asked, right skipped'
wait_for a 'Knee-to-wall test: left 12 cm, right 8 cm'
wait_for a 'Your plan: valgus plan --hip-rotation --pronation --side right --when squat'
grep -q -- '-icanon\| -echo ' "$work/stty-a" && { echo "FAIL: the terminal was left without line editing or echo"; fail=1; }
grep -q '^side: right$' "$XDG_CONFIG_HOME/valgus/programme.yaml" 2>/dev/null && grep -q '^when: squat$' "$XDG_CONFIG_HOME/valgus/programme.yaml" ||
  { echo "FAIL: yes at the prompt did not save the programme: $(cat "$XDG_CONFIG_HOME/valgus/programme.yaml" 2>&1)"; fail=1; }

# Ctrl-C in the middle: the shell gets its terminal back as it was.
tm new-session -d -s c -x 80 -y 24 "bash --norc"
wait_for c '[$#] *$'
tm send-keys -t c -l -- "$bin assess" && tm send-keys -t c Enter
wait_for c 'Does the knee swell'
tm send-keys -t c C-c
sleep 0.3
tm send-keys -t c -l -- "stty -a > $work/stty-c" && tm send-keys -t c Enter
for ((i = 0; i < 200; i++)); do [ -s "$work/stty-c" ] && break; sleep 0.05; done
grep -q ' icanon' "$work/stty-c" && grep -q ' echo ' "$work/stty-c" ||
  { echo "FAIL: after Ctrl-C the terminal is not restored: $(cat "$work/stty-c" 2>/dev/null)"; fail=1; }
exit $fail
