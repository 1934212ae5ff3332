#!/usr/bin/env bash
# valgus go in a real terminal: tmux on a private socket runs the binary in
# a pane of a fixed size, send-keys types, capture-pane reads the screen.
# Countdowns are shortened with VALGUS_GO_SECOND_MS (for testing only).
# The session comes from the fixture catalogue (tests/data/fixture), so the
# exercises do not move when exercises/ is edited.
#
# Usage: go_tmux.sh VALGUS_BINARY
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
  echo "FAIL: tmux is not installed (scripts/install-deps installs it); valgus go is not tested"
  exit 1
fi
py=/usr/bin/python3
work=$(mktemp -d)
socket=valgus-test-$$
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT

# What every pane sees: its own home, programme and log; no colour unless a
# case asks; a plain prompt.
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export PS1='$ ' TERM=xterm-256color
unset NO_COLOR VALGUS_GO_SECOND_MS
mkdir -p "$HOME"
db=$XDG_STATE_HOME/valgus/valgus.db
go="$bin --no-builtin --catalog $here/../data/fixture go --problem hip --date 2027-01-04"
log_csv() { "$bin" --no-builtin --catalog "$here/../data/fixture" log --problem hip --list --format csv | tr -d '\r'; }

# -J: a line the terminal wrapped reads as the one line it is (-J keeps
# trailing spaces: they go).
screen() { tm capture-pane -p -J -t "$1" | sed 's/ *$//'; }
# wait_for PANE REGEX [SECONDS]: until the screen matches (10 s at most).
wait_for() {
  local pane=$1 pattern=$2 limit=${3:-10} i
  for ((i = 0; i < limit * 20; i++)); do
    if screen "$pane" | grep -Eq -- "$pattern"; then
      return 0
    fi
    sleep 0.05
  done
  echo "FAIL: [$pane] never showed /$pattern/; the screen:"
  screen "$pane" | sed 's/^/  | /'
  fail=1
  return 1
}
# type PANE TEXT: the text, then Enter.
type_line() { tm send-keys -t "$1" -l -- "$2" && tm send-keys -t "$1" Enter; }
# terminal_restored PANE WHAT: line editing and echo back, the cursor shown,
# the normal screen.
terminal_restored() {
  local pane=$1 what=$2
  type_line "$pane" "clear; stty -a | tr ' ;' '\n\n' | grep -Ex -- '-?(icanon|echo)' | tr '\n' ' '; echo"
  wait_for "$pane" '^(-?icanon|-?echo) ' || return
  if ! screen "$pane" | grep -Eq -- '^(icanon echo|echo icanon) *$'; then
    echo "FAIL: $what: the terminal is not back to line mode with echo:"
    screen "$pane" | sed 's/^/  | /'
    fail=1
  fi
  local state
  state=$(tm display-message -p -t "$pane" '#{alternate_on} #{cursor_flag}')
  if [ "$state" != "0 1" ]; then
    echo "FAIL: $what: alternate screen and cursor flags are '$state', expected '0 1'"
    fail=1
  fi
}
# start PANE [ENV...]: valgus go in PANE's shell, its exit status printed after.
start() {
  local pane=$1
  shift
  type_line "$pane" "clear; $* $go; echo \"exit \$?\""
}

tm new-session -d -s main -x 80 -y 24 "env PS1='$ ' bash --norc --noprofile"
wait_for main '^\$ *$' || exit 1

# ---- 1. Without a terminal: 64, and where to go instead. -----------------
err=$("$bin" --no-builtin --catalog "$here/../data/fixture" go --problem hip </dev/null 2>&1 >/dev/null)
code=$?
if [ "$code" != 64 ] || ! grep -q 'not one' <<<"$err" || ! grep -q 'valgus today' <<<"$err" ||
  ! grep -q 'valgus log' <<<"$err"; then
  echo "FAIL: go without a terminal -> exit $code, '$err'; expected 64 pointing to today and log"
  fail=1
fi
# A bad test setting is a usage error, before the terminal changes.
start main VALGUS_GO_SECOND_MS=0
wait_for main '^exit 64$'
wait_for main 'VALGUS_GO_SECOND_MS must be'

# ---- 2. A whole session to the end: every exercise done, logged. ----------
start main VALGUS_GO_SECOND_MS=4
for ((i = 0; i < 400; i++)); do
  shown=$(screen main)
  if grep -q '^Pain during' <<<"$shown"; then
    break
  fi
  if grep -q 'then press Enter' <<<"$shown"; then
    tm send-keys -t main Enter
  fi
  sleep 0.05
done
wait_for main '^Session A finished: 5 of 5 exercises done\.$'
wait_for main '^Pain during' && type_line main 2
wait_for main '^Effort' && type_line main h
wait_for main '^Logged session A of 2027-01-04: 5 done, 0 skipped, pain 2, effort hard\.$'
wait_for main '^exit 0$'
terminal_restored main "after the end"
expected='2027-01-04,A,1,2,hard,adductor-roll clam band-walk squat balance,,,,'
if [ "$(log_csv | sed -n 2p)" != "$expected" ]; then
  echo "FAIL: the log after a whole session is '$(log_csv)', expected '$expected'"
  fail=1
fi

# ---- 2b. The built-in catalogue: the banner before the first exercise, ----
# the morning after the last session asked at the start, the warning signs
# at the end; a yes pauses the programme at once.
real="XDG_CONFIG_HOME=$work/real/config XDG_STATE_HOME=$work/real/state"
env $real "$bin" log --hip-rotation --date 2027-01-04 >/dev/null || { echo "FAIL: log for 2b"; fail=1; }
# First held still on its first screen: the banner; Enter leaves the
# morning after out, so it is asked again.
type_line main "clear; $real VALGUS_GO_SECOND_MS=100 $bin go --hip-rotation --date 2027-01-06; echo \"exit \$?\""
wait_for main '^Pain the morning after your last session \(2027-01-04\), 0 to 10'
type_line main ''
wait_for main '^Get ready: '
tm send-keys -t main Space
wait_for main '^Paused: space resumes$'
wait_for main '^Exercise 1 of [0-9]+: '
wait_for main '^Pain: Stop any exercise that hurts, during or after it\.$'
wait_for main '^Red flags: See a clinician first'
tm send-keys -t main q
wait_for main '^Nothing done, so nothing was logged\.$'
wait_for main '^exit 0$'
type_line main "clear; $real VALGUS_GO_SECOND_MS=4 $bin go --hip-rotation --date 2027-01-06; echo \"exit \$?\""
wait_for main '^Pain the morning after your last session \(2027-01-04\), 0 to 10'
type_line main 3
for ((i = 0; i < 600; i++)); do
  shown=$(screen main)
  grep -q '^Pain during' <<<"$shown" && break
  grep -q 'then press Enter' <<<"$shown" && tm send-keys -t main Enter
  sleep 0.05
done
wait_for main '^Pain during' && type_line main 2
wait_for main '^Effort' && type_line main r
wait_for main 'Has the knee swollen up since you last trained\? y/N:' && type_line main y
wait_for main 'Has the knee locked or caught' && type_line main ''
wait_for main 'Has the knee given way under you\?' && type_line main n
wait_for main 'Does the knee hurt at rest or wake you at night\?' && type_line main ''
wait_for main 'Logged session [A-Z] of 2027-01-06: .*pain 2, effort right, warning signs: swelling'
wait_for main '^PAUSED since 2027-01-06'
wait_for main '^exit 0$'
terminal_restored main "after the warning signs"
row=$(env $real "$bin" log --hip-rotation --list --format csv | tr -d '\r' | grep '^2027-01-04,')
case "$row" in
  *,3,) ;;
  *) echo "FAIL: the morning-after pain was not added to 2027-01-04: '$row'"; fail=1 ;;
esac
env $real "$bin" today --hip-rotation --date 2027-01-07 | grep -q '^PAUSED · since Wednesday 2027-01-06' ||
  { echo "FAIL: today after a yes to swelling is not paused"; fail=1; }

# ---- 3. Pause, switch sides, skip, back, quit. ----------------------------
start main VALGUS_GO_SECOND_MS=100
wait_for main '^Exercise 1 of 5: Adductor roll$'
wait_for main '^Get ready: '
tm send-keys -t main Space
wait_for main '^Paused: space resumes$'
# Where the exercise is done, held still: its kit, its tips and its caution.
wait_for main 'each side · foam roller$'
wait_for main '^ *Tip: Breathe\.$'
wait_for main 'Tip: Stay off the inner side of the knee, where a nerve lies close to the'
before=$(screen main | grep '^Get ready')
sleep 0.6  # six test seconds
after=$(screen main | grep '^Get ready')
if [ "$before" != "$after" ]; then
  echo "FAIL: the countdown moved while paused: '$before' then '$after'"
  fail=1
fi
tm send-keys -t main Space
wait_for main '^Get ready: '
if screen main | grep -q '^Paused'; then
  echo "FAIL: space did not resume"
  fail=1
fi
# Enter ends a countdown early; pausing at once holds the next step on screen.
tm send-keys -t main Enter
wait_for main '^Left side$'
wait_for main '^Go: '
tm send-keys -t main Enter Space
wait_for main '^Switch sides: [0-9]+ s \(next: right side\)$'
wait_for main '^Paused'
tm send-keys -t main Space Enter
wait_for main '^Right side$'
tm send-keys -t main Enter Space  # adductor roll done; clam's set-up, paused
wait_for main '^Exercise 2 of 5: Clam$'
wait_for main '^Paused'
tm send-keys -t main s  # clam skipped, still paused
wait_for main '^Exercise 3 of 5: Band walk$'
wait_for main '^Paused'
tm send-keys -t main b  # at band walk's start: back to clam's
wait_for main '^Exercise 2 of 5: Clam$'
tm send-keys -t main Space Enter
wait_for main '^Left side · rep 1 of 20$'
wait_for main '^(Move into position|Hold): '
tm send-keys -t main b  # within the clam: back to its start
wait_for main '^Get ready: '
wait_for main '^Exercise 2 of 5: Clam$'
tm send-keys -t main q
wait_for main '^Stopped: 1 of 5 exercises done\.$'
wait_for main '^Pain during' && tm send-keys -t main Enter  # left out
wait_for main '^Effort' && type_line main e
wait_for main '^Logged session A of 2027-01-04: 1 done, 4 skipped, effort easy \(it replaces the entry of that day\)\.$'
wait_for main '^exit 0$'
terminal_restored main "after q"
expected='2027-01-04,A,1,,easy,adductor-roll,clam band-walk squat balance,,,'
if [ "$(log_csv | sed -n 2p)" != "$expected" ]; then
  echo "FAIL: the log after q is '$(log_csv)', expected '$expected'"
  fail=1
fi

# ---- 4. Ctrl-C: the terminal back, nothing logged, status 130. -----------
start main VALGUS_GO_SECOND_MS=100
wait_for main '^Get ready: '
tm send-keys -t main C-c
# bash ends the whole command line when its job dies of SIGINT (so no
# "exit" line): proof the signal ended valgus rather than a plain exit.
wait_for main '^\$ *$'
# Once the screen is back, one line says nothing was logged.
wait_for main '^valgus: stopped: nothing was logged$'
type_line main 'echo "status $?"'
wait_for main '^status 130$'
terminal_restored main "after Ctrl-C"
if [ "$(log_csv | sed -n 2p)" != "$expected" ]; then
  echo "FAIL: Ctrl-C changed the log: '$(log_csv)'"
  fail=1
fi

# ---- 4b. Ctrl-Z: stopped with the terminal restored; fg brings the ------
# screen back, paused (the time away is no exercise time).
start main VALGUS_GO_SECOND_MS=100
wait_for main '^Get ready: '
tm send-keys -t main C-z
wait_for main 'Stopped'
if [ "$(tm display-message -p -t main '#{alternate_on}')" != 0 ]; then
  echo "FAIL: Ctrl-Z left the session's screen up"
  fail=1
fi
type_line main 'fg'
wait_for main '^Paused: space resumes$'
tm send-keys -t main q
wait_for main '^Nothing done, so nothing was logged\.$'
terminal_restored main "after Ctrl-Z and fg"

# ---- 5. Colour: none with NO_COLOR, some without; nothing logged on q ----
# before anything was done.
start main NO_COLOR=1 VALGUS_GO_SECOND_MS=100
wait_for main '^Get ready: '
if tm capture-pane -p -e -t main | grep -q $'\x1b\\['; then
  echo "FAIL: NO_COLOR=1 still shows colour:"
  tm capture-pane -p -e -t main | grep $'\x1b\\[' | cat -v | sed 's/^/  | /'
  fail=1
fi
tm send-keys -t main q
wait_for main '^Nothing done, so nothing was logged\.$'
wait_for main '^exit 0$'
start main VALGUS_GO_SECOND_MS=100
wait_for main '^Get ready: '
if ! tm capture-pane -p -e -t main | grep -q $'\x1b\\[[0-9;]*m'; then
  echo "FAIL: no colour on a colour terminal without NO_COLOR"
  fail=1
fi
tm send-keys -t main q
wait_for main '^exit 0$'
terminal_restored main "after q at once"

# ---- 6. Narrow: 50 columns, and a resize while it runs. -------------------
# -J joins the lines the terminal wrapped: a line too long shows as longer
# than the pane.
fits() {  # fits PANE COLUMNS
  tm capture-pane -p -J -t "$1" | "$py" -c '
import sys, unicodedata
width = int(sys.argv[1])
lines = [l.rstrip() for l in sys.stdin.read().split("\n")]
bad = [l for l in lines if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l) > width]
for l in bad: print("  | " + l)
sys.exit(1 if bad else 0)' "$2" || {
    echo "FAIL: lines wider than $2 columns"
    fail=1
  }
}
tm new-session -d -s narrow -x 50 -y 20 "env PS1='$ ' bash --norc --noprofile"
wait_for narrow '^\$ *$'
start narrow VALGUS_GO_SECOND_MS=100
wait_for narrow '^Get ready: '
tm send-keys -t narrow Space
wait_for narrow '^Paused'
fits narrow 50
wait_for narrow '^space pause · Enter next · s skip · b back · q$'
tm resize-window -t narrow -x 40 -y 20
wait_for narrow '^space pause · Enter next · s skip · b$'
fits narrow 40
tm send-keys -t narrow q
wait_for narrow '^exit 0$'
terminal_restored narrow "after a resize"

# ---- 7. A closed terminal: SIGHUP ends it, nothing half-written. ----------
tm new-window -d -t main -n hup "VALGUS_GO_SECOND_MS=100 exec $go"
wait_for main:hup '^Get ready: '
pid=$(tm display-message -p -t main:hup '#{pane_pid}')
tm kill-window -t main:hup
for ((i = 0; i < 100; i++)); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: valgus go (pid $pid) still runs after its terminal closed"
  kill -KILL "$pid"
  fail=1
fi
if [ "$(log_csv | sed -n 2p)" != "$expected" ]; then
  echo "FAIL: a closed terminal changed the log: '$(log_csv)'"
  fail=1
fi
if [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" != ok ]; then
  echo "FAIL: the log database is damaged after SIGHUP"
  fail=1
fi

# ---- 8. A full disk at the final write: 74, and the command that logs ----
# what was done once there is room. The log lives on a small tmpfs (mounted
# directly as root, or in a user namespace), filled up while the session runs.
mnt=$work/disk
mkdir -p "$mnt"
shell=""
if mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
  umount "$mnt"
  shell="bash --norc --noprofile"
elif unshare -rm true 2>/dev/null; then
  shell="unshare -rm bash --norc --noprofile"
fi
if [ -z "$shell" ]; then
  echo "note: no way to mount a tmpfs here; the full-disk case is not run"
else
  tm new-window -d -t main -n disk "env PS1='$ ' $shell"
  wait_for main:disk '^\$ *$'
  disk_env="XDG_CONFIG_HOME=$work/disk-config XDG_STATE_HOME=$mnt/state"
  type_line main:disk "mount -t tmpfs -o size=1m tmpfs $mnt && echo mounted"
  wait_for main:disk '^mounted$'
  # One session logged, its morning after too: the next start asks nothing.
  fixture_log="$bin --no-builtin --catalog $here/../data/fixture log --problem hip"
  type_line main:disk "$disk_env $fixture_log --date 2027-01-01 >/dev/null && $disk_env $fixture_log --date 2027-01-01 --next-morning 0 >/dev/null && echo ready"
  wait_for main:disk '^ready$'
  type_line main:disk "clear; $disk_env VALGUS_GO_SECOND_MS=4 $go; echo \"exit \$?\""
  wait_for main:disk '^Exercise 1 of 5: Adductor roll$'
  pid=$(tm display-message -p -t main:disk '#{pane_pid}')
  # The pane's own view of the mount (its namespace, when it has one).
  head -c 2M /dev/zero >"/proc/$pid/root$mnt/filler" 2>/dev/null
  for ((i = 0; i < 400; i++)); do
    shown=$(screen main:disk)
    grep -q '^Pain during' <<<"$shown" && break
    grep -q 'then press Enter' <<<"$shown" && tm send-keys -t main:disk Enter
    sleep 0.05
  done
  wait_for main:disk '^Pain during' && type_line main:disk 4
  wait_for main:disk '^Effort' && type_line main:disk h
  wait_for main:disk "^valgus: error: cannot write .*No space left on device"
  wait_for main:disk '^The session was not logged; once the log can be written, record it with:$'
  wait_for main:disk '^valgus log --date 2027-01-04 --pain 4 --effort hard$'
  wait_for main:disk '^exit 74$'
  # Room again: the command it printed logs the session.
  type_line main:disk "rm $mnt/filler; $disk_env $fixture_log --date 2027-01-04 --pain 4 --effort hard >/dev/null; $disk_env $fixture_log --list --format csv | grep -c '^2027-01-04,A,1,4,hard'"
  wait_for main:disk '^1$'
  type_line main:disk "umount $mnt; exit"
fi

exit $fail
