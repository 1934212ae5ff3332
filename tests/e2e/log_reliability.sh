#!/usr/bin/env bash
# The log of sessions ($XDG_STATE_HOME/valgus/valgus.db) when things go wrong:
# 1. kill -9 at random moments during VALGUS_KILL_RUNS `valgus log --date D`
#    runs (500; 100 under AddressSanitizer, whose start-up is ten times
#    slower): the database passes PRAGMA integrity_check and holds every run
#    that exited 0;
# 2. 20 `valgus log` runs at once, on a new log and on an existing one: all
#    exit 0, 20 rows each time, never "database is locked";
# 3. files that are not a valgus log (random bytes, a cut copy of a real log,
#    a text file, another program's database) and a log of a newer schema:
#    65, one stderr line naming the file, the file byte for byte untouched;
# 4. a log that cannot be written (chmod 444, a read-only folder, a read-only
#    mount): 73, and it still lists;
# 5. a full disk (a small tmpfs): 74, the log intact and its rows kept.
# Prints its figures so that they can be quoted.
#
# Usage: log_reliability.sh VALGUS_BINARY
set -u
bin=$1
dir=$(mktemp -d)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$dir"
}
trap cleanup EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "FAIL: needs the sqlite3 program (apt-get install sqlite3)"; exit 1; }

export XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state
db=$XDG_STATE_HOME/valgus/valgus.db
ms() { date +%s%3N; }
# rows DB: the logged dates, one a line
rows() { sqlite3 "$1" 'SELECT date FROM sessions ORDER BY date'; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

"$bin" start --hip-rotation --start 2027-01-04 >/dev/null || { echo "FAIL: valgus start"; exit 1; }

# ---- 1. kill -9 at random moments ----
# gcc links libasan as a shared library, clang (the ASan tree) statically:
# look for the runtime's entry point in the binary itself.
# CI runs both trees: 150 kills of the shipped binary and 10 of the ASan one
# (what survives a kill is SQLite's and our transactions' doing, the same in
# both; a killed process reports no memory error), VALGUS_KILL_RUNS=2000 for
# a longer soak.
if grep -qa __asan_init "$bin"; then runs=${VALGUS_KILL_RUNS:-10}; else runs=${VALGUS_KILL_RUNS:-150}; fi
mapfile -t dates < <(python3 -c "
import datetime, sys
start = datetime.date(2027, 1, 4)
for i in range(int(sys.argv[1])): print(start + datetime.timedelta(days=i))" "$runs")
# How long one run takes, on days outside the runs': the kills then fall
# anywhere from before the database is opened to after the commit.
t0=$(ms)
for d in 2030-01-01 2030-01-02 2030-01-03 2030-01-04 2030-01-05; do
  "$bin" log --date "$d" >/dev/null || { echo "FAIL: valgus log --date $d"; fail=1; }
done
one_run_us=$((($(ms) - t0) * 200))
exited_ok=(2030-01-01 2030-01-02 2030-01-03 2030-01-04 2030-01-05)
killed=0 other=0
t0=$(ms)
for d in "${dates[@]}"; do
  "$bin" log --date "$d" >/dev/null 2>"$dir/kill.err" &
  pid=$!
  delay_us=$(((RANDOM * 32768 + RANDOM) % (one_run_us * 3 / 2 + 1)))
  sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
  kill -9 "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null
  case $? in
    0) exited_ok+=("$d") ;;
    137) killed=$((killed + 1)) ;;
    *) other=$((other + 1)); echo "FAIL: valgus log --date $d: $(cat "$dir/kill.err")"; fail=1 ;;
  esac
done
elapsed=$(($(ms) - t0))
"$bin" log --date 2031-01-01 >/dev/null || { echo "FAIL: valgus log after the kills"; fail=1; }
exited_ok+=(2031-01-01)
integrity=$(sqlite3 "$db" 'PRAGMA integrity_check')
orphans=$(sqlite3 "$db" 'PRAGMA foreign_key_check' | wc -l)
rows "$db" >"$dir/present"
missing=$(printf '%s\n' "${exited_ok[@]}" | sort | comm -23 - "$dir/present" | wc -l)
listed=$("$bin" log --list --format csv | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | sort -u | wc -l)
present=$(wc -l <"$dir/present")
after_commit=$((present - ${#exited_ok[@]} + missing))
echo "kill -9: $runs runs in $elapsed ms (one run about $((one_run_us / 1000)) ms): ${#exited_ok[@]} exited 0" \
  "(6 of them not raced), $killed killed ($after_commit of them after their commit), $other other;" \
  "$present rows logged, $missing of those that exited 0 missing;" \
  "integrity_check: $integrity; foreign_key_check: $orphans rows; log --list: $listed dates"
[ "$integrity" = ok ] && [ "$missing" = 0 ] && [ "$orphans" = 0 ] && [ "$listed" = "$present" ] ||
  { echo "FAIL: the log did not survive kill -9"; fail=1; }

# ---- 2. 20 writers at once ----
# Several times on a new log: the writers race to create it and to turn it to
# WAL (SQLite takes that lock without its busy handler; one round in four
# failed before valgus retried it), then once on the existing log.
# Under ASan every writer costs ten times the CPU, so that tree races five
# new logs (the shipped binary, tested in the other tree, races twelve;
# VALGUS_NEW_LOG_ROUNDS for more).
if grep -qa __asan_init "$bin"; then rounds=${VALGUS_NEW_LOG_ROUNDS:-5}; else rounds=${VALGUS_NEW_LOG_ROUNDS:-12}; fi
for round in $(seq -f 'new-%02g' 1 "$rounds") existing; do
  export XDG_STATE_HOME=$dir/state-concurrent
  [ $round != existing ] && rm -rf "$XDG_STATE_HOME"
  base=$([ $round != existing ] && echo 2027-02 || echo 2027-03)
  t0=$(ms)
  pids=()
  for i in $(seq -w 1 20); do
    "$bin" log --date "$base-$i" >/dev/null 2>"$dir/concurrent-$i.err" &
    pids+=($!)
  done
  failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  elapsed=$(($(ms) - t0))
  locked=$(cat "$dir"/concurrent-*.err | grep -ciE 'locked|busy')
  count=$(sqlite3 "$XDG_STATE_HOME/valgus/valgus.db" "SELECT count(*) FROM sessions WHERE date LIKE '$base-%'")
  mode=$(sqlite3 "$XDG_STATE_HOME/valgus/valgus.db" 'PRAGMA journal_mode')
  echo "20 at once ($round log): $failed failed, $count rows, $locked 'locked' or 'busy' messages, journal $mode," \
    "$elapsed ms"
  if [ "$failed" != 0 ] || [ "$count" != 20 ] || [ "$locked" != 0 ] || [ "$mode" != wal ]; then
    echo "FAIL: 20 concurrent writers"; cat "$dir"/concurrent-*.err; fail=1
  fi
done
export XDG_STATE_HOME=$dir/state

# ---- 3. not a valgus log, or a newer one: 65, untouched ----
real=$dir/real.db
cp "$db" "$real"
page_size=$(od -An -tu2 --endian=big -j16 -N2 "$real" | tr -d ' ')
pages=$(od -An -tu4 --endian=big -j28 -N4 "$real" | tr -d ' ')
bad_state=$dir/state-bad
bad=$bad_state/valgus/valgus.db
mkdir -p "$bad_state/valgus"
advice="move it aside to start a new log — valgus leaves it as it is"
# refused NAME MESSAGE: the file at $bad is refused by log and log --list
refused() {
  local name=$1 message=$2 before
  before=$(sha "$bad")
  for args in "log --date 2027-01-04" "log --list"; do
    # shellcheck disable=SC2086
    XDG_STATE_HOME=$bad_state expect 65 "valgus: error: $message" -- "$bin" $args
  done
  [ -f "$bad" ] && [ "$(sha "$bad")" = "$before" ] || { echo "FAIL: $name was changed or removed"; fail=1; }
  [ ! -e "$bad-wal" ] && [ ! -e "$bad-shm" ] || { echo "FAIL: $name got a -wal or -shm file"; fail=1; }
  echo "refused, untouched (sha256 ${before:0:12}): $name"
  rm -f "$bad" "$bad-wal" "$bad-shm"
}
head -c 8192 /dev/urandom >"$bad"
refused "8 KiB of random bytes" "$bad is not a valgus log (file is not a database); $advice"
printf 'date,session,pain\n2027-01-04,A,2\n' >"$bad"
refused "a text file" "$bad is not a valgus log (file is not a database); $advice"
head -c 5000 "$real" >"$bad"
refused "the first 5000 bytes of a real log" \
  "$bad is not a valgus log (the file is cut short: 5000 bytes of $((pages * page_size))); $advice"
head -c "$((2 * page_size))" "$real" >"$bad"
refused "the first 2 pages of a real log" \
  "$bad is not a valgus log (the file is cut short: $((2 * page_size)) bytes of $((pages * page_size))); $advice"
sqlite3 "$bad" "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not valgus');"
refused "another program's database" "$bad is not a valgus log (it holds another program's tables); $advice"
cp "$real" "$bad"
sqlite3 "$bad" 'PRAGMA user_version = 99'
refused "a log of schema 99" "$bad was written by a newer valgus (schema 99, this one reads up to 4); update valgus"

# A FIFO in the log's place: refused at once (it used to wait for a writer
# forever), for every command that opens the log.
fifo_state=$dir/state-fifo
mkdir -p "$fifo_state/valgus"
mkfifo "$fifo_state/valgus/valgus.db"
for args in "log --date 2027-01-04" "log --list" "today" "progress"; do
  # shellcheck disable=SC2086
  XDG_STATE_HOME=$fifo_state expect 65 \
    "valgus: error: $fifo_state/valgus/valgus.db is not a valgus log (not a regular file); $advice" -- \
    timeout 10 "$bin" $args
done
[ -p "$fifo_state/valgus/valgus.db" ] || { echo "FAIL: the FIFO was replaced"; fail=1; }
echo "a FIFO as the log: 65 at once, left as it is"

# ---- 4. a log that cannot be written: 73, and it still lists ----
ro_state=$dir/state-ro
ro=$ro_state/valgus/valgus.db
mkdir -p "$ro_state/valgus"
cp "$real" "$ro"
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    # root writes through chmod: run as nobody, on files nobody owns.
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    cp -r "$XDG_CONFIG_HOME" "$dir/config-nobody"
    chown -R 65534:65534 "$ro_state" "$dir/config-nobody"
    chmod 755 "$dir"
  else
    echo "note: root without setpriv: the chmod cases are not run"
  fi
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} != 0 ]; then
  config=$XDG_CONFIG_HOME
  [ ${#as_user[@]} != 0 ] && config=$dir/config-nobody
  chmod 444 "$ro"
  XDG_STATE_HOME=$ro_state XDG_CONFIG_HOME=$config expect 73 "valgus: error: cannot write $ro: Permission denied" -- \
    "${as_user[@]}" "$bin" log --date 2027-01-04
  XDG_STATE_HOME=$ro_state XDG_CONFIG_HOME=$config expect 0 "" -- "${as_user[@]}" "$bin" log --list
  chmod 644 "$ro"
  chmod 555 "$ro_state/valgus"
  XDG_STATE_HOME=$ro_state XDG_CONFIG_HOME=$config expect 73 \
    "valgus: error: cannot write $ro_state/valgus: Permission denied" -- "${as_user[@]}" "$bin" log --date 2027-01-04
  XDG_STATE_HOME=$ro_state XDG_CONFIG_HOME=$config expect 0 "" -- "${as_user[@]}" "$bin" log --list
  chmod 755 "$ro_state/valgus"
  [ "$(sha "$ro")" = "$(sha "$real")" ] || { echo "FAIL: the read-only log changed"; fail=1; }
  echo "read-only file and folder: 73, still listed"
fi

# A small filesystem of our own, as tests/e2e/write_paths.sh mounts one:
# directly as root, else in a user namespace; without either, not run.
in_mount() {  # in_mount SIZE SCRIPT: SCRIPT runs with $1 = mount point, $2 = valgus
  local size=$1 script=$2 point="$dir/mnt-$RANDOM"
  mkdir "$point"
  if mount -t tmpfs -o "size=$size" tmpfs "$point" 2>/dev/null; then
    mounts+=("$point")
    bash -c "$script" _ "$point" "$bin"
    return $?
  fi
  if unshare -rm true 2>/dev/null; then
    unshare -rm bash -c "mount -t tmpfs -o size=$size tmpfs '$point' && bash -c \"\$0\" _ '$point' '$bin'" "$script"
    return $?
  fi
  echo "note: no way to mount a tmpfs here; case not run"
  return 0
}
export -f rows sha expect

# A read-only mount: 73 with the reason; the log still lists.
in_mount 1m '
  mnt=$1 bin=$2 fail=0
  export XDG_STATE_HOME=$mnt/state
  db=$XDG_STATE_HOME/valgus/valgus.db
  for d in 2027-01-04 2027-01-05; do "$bin" log --date $d >/dev/null || { echo "FAIL: log on the mount"; exit 1; }; done
  mount -o remount,ro "$mnt" || { echo "note: cannot remount read-only; case not run"; exit 0; }
  expect 73 "valgus: error: cannot write $db: Read-only file system" -- "$bin" log --date 2027-01-06
  listed=$("$bin" log --list --format csv | grep -cE "2027-01-0[45]")
  [ "$listed" = 2 ] || { echo "FAIL: the read-only log lists $listed of 2 sessions"; fail=1; }
  echo "read-only mount: 73, the log still lists its $listed sessions"
  umount "$mnt" 2>/dev/null
  exit $fail' || fail=1

# A backup copied mid-write (its -wal holds a commit, no -shm) on a read-only
# mount: 66 saying why and what to do, not "No such file" for a log that is there.
in_mount 1m '
  mnt=$1 bin=$2 fail=0
  export XDG_STATE_HOME=$mnt/state
  db=$XDG_STATE_HOME/valgus/valgus.db
  "$bin" log --date 2027-01-04 >/dev/null || { echo "FAIL: log on the mount"; exit 1; }
  mkdir -p "$mnt/backup/valgus"
  python3 -c "
import shutil, sqlite3, sys
db, backup = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.execute(\"PRAGMA wal_autocheckpoint = 0\")
c.execute(\"UPDATE sessions SET note = \x27copied mid-write\x27\")
c.commit()
shutil.copy(db, backup)
shutil.copy(db + \"-wal\", backup + \"-wal\")
c.close()" "$db" "$mnt/backup/valgus/valgus.db"
  [ -s "$mnt/backup/valgus/valgus.db-wal" ] || { echo "FAIL: no -wal in the backup"; exit 1; }
  mount -o remount,ro "$mnt" || { echo "note: cannot remount read-only; case not run"; exit 0; }
  b=$mnt/backup/valgus/valgus.db
  XDG_STATE_HOME=$mnt/backup expect 66 "valgus: error: cannot read $b: its -wal holds sessions not yet written into it, and reading them needs a $b-shm file, which this read-only folder cannot hold; copy $b and its -wal to a writable folder and read it there" -- "$bin" log --list
  echo "a backup with a -wal and no -shm on a read-only mount: 66 with what to do"
  umount "$mnt" 2>/dev/null
  exit $fail' || fail=1

# A full disk: 74, the transaction rolled back, the log intact.
in_mount 1m '
  mnt=$1 bin=$2 fail=0
  export XDG_STATE_HOME=$mnt/state
  db=$XDG_STATE_HOME/valgus/valgus.db
  for d in 2027-01-04 2027-01-05 2027-01-06; do "$bin" log --date $d >/dev/null || { echo "FAIL: log on the mount"; exit 1; }; done
  before=$(rows "$db")
  head -c 4M /dev/zero >"$mnt/filler" 2>/dev/null
  expect 74 "valgus: error: cannot write $db: No space left on device; the log is as it was" -- \
    "$bin" log --date 2027-01-07 --note "$(head -c 3000 /dev/zero | tr "\0" n)"
  rm "$mnt/filler"
  integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
  after=$(rows "$db")
  [ "$integrity" = ok ] && [ "$after" = "$before" ] ||
    { echo "FAIL: full disk: integrity $integrity, rows before $before, after $after"; fail=1; }
  "$bin" log --date 2027-01-07 >/dev/null || { echo "FAIL: no log once there is room again"; fail=1; }
  echo "full disk: 74; integrity_check $integrity; $(echo "$after" | wc -l) rows kept; logs again once freed"
  umount "$mnt" 2>/dev/null
  exit $fail' || fail=1

[ $fail = 0 ] && echo "log reliability: all checks passed"
exit $fail
