#!/usr/bin/env bash
# Files in and out under pressure: a filesystem without hard links (FAT,
# exFAT), a write interrupted by SIGINT, SIGTERM or SIGHUP, plan -o - and
# -o "", catalogue folders far over the limits, files of unknown size and a
# folder of 100,000 other files.
#   hardening_io.sh VALGUS
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
mounted="" loop="" shm=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
  rm -rf "$dir" ${shm:+"$shm"}
}
trap cleanup EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"

# ---- A filesystem without hard links, mounted for real: FAT or exFAT in the
# kernel when it has them, else exFAT through FUSE (Debian: dosfstools,
# exfatprogs, exfat-fuse). Needs root.
mount_without_hard_links() {  # sets `what` to what was mounted on $dir/nolink, or why not
  local image=$dir/nolink.img point=$dir/nolink
  [ "$(id -u)" = 0 ] || { what="not root"; return 1; }
  mkdir -p "$point"
  truncate -s 16M "$image"
  if command -v mkfs.vfat >/dev/null && mkfs.vfat "$image" >/dev/null 2>&1 &&
    mount -o loop "$image" "$point" 2>/dev/null; then
    mounted=$point what=vfat
    return 0
  fi
  command -v mkfs.exfat >/dev/null && mkfs.exfat "$image" >/dev/null 2>&1 || {
    what="no mkfs.vfat or mkfs.exfat that the kernel can mount"
    return 1
  }
  if mount -t exfat -o loop "$image" "$point" 2>/dev/null; then
    mounted=$point what=exfat
    return 0
  fi
  command -v mount.exfat-fuse >/dev/null && [ -e /dev/fuse ] || {
    what="no vfat or exfat in the kernel, no exfat-fuse"
    return 1
  }
  loop=$(losetup -f --show "$image" 2>/dev/null) || { what="no loop device"; return 1; }
  mount.exfat-fuse "$loop" "$point" >/dev/null 2>&1 || { what="exfat-fuse could not mount"; return 1; }
  mounted=$point what="exfat (FUSE)"
}

nolink="" what=""
if mount_without_hard_links; then
  nolink=$dir/nolink
  echo "note: no-hard-link cases run on $what"
else
  echo "SKIP: no-hard-link filesystem cases: $what"
fi

if [ -n "$nolink" ]; then
  # A new file, an existing one kept, then replaced with --force.
  "$bin" export - --hip-rotation > "$dir/expected.md"
  expect 0 "" -- "$bin" export "$nolink/routine.md" --hip-rotation
  cmp -s "$nolink/routine.md" "$dir/expected.md" || { echo "FAIL: no hard links: the new file differs"; fail=1; }
  echo "my notes" > "$nolink/notes.md"
  expect 73 "valgus: error: $nolink/notes.md already exists; use --force to replace it" -- \
    "$bin" export "$nolink/notes.md" --hip-rotation
  [ "$(cat "$nolink/notes.md")" = "my notes" ] || { echo "FAIL: no hard links: existing file changed"; fail=1; }
  expect 0 "" -- "$bin" export "$nolink/notes.md" --hip-rotation --force
  cmp -s "$nolink/notes.md" "$dir/expected.md" || { echo "FAIL: no hard links: --force did not replace"; fail=1; }
  expect 0 "" -- "$bin" plan --big-toe --format json -o "$nolink/plan.json"
  "$bin" plan --big-toe --format json | cmp -s - "$nolink/plan.json" || { echo "FAIL: no hard links: plan -o"; fail=1; }
  left=$(find "$nolink" -name '.valgus-*' | wc -l)
  [ "$left" = 0 ] || { echo "FAIL: no hard links: $left temporary files left"; fail=1; }
fi

# ---- Interrupted writes. A preloaded fsync stops valgus when the whole
# handout is in its temporary file (SIGSTOP: no timing involved); then it
# gets the signal and is continued. It must die of that signal, leave no
# .valgus-* file and keep the old file.
shim=""
if compiler=$(command -v cc || command -v gcc) && [ -r /proc/self/stat ]; then
  cat > "$dir/stop_at_fsync.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
int fsync(int fd) {
  int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  raise(SIGSTOP);
  return real(fd);
}
EOF
  "$compiler" -shared -fPIC -o "$dir/stop_at_fsync.so" "$dir/stop_at_fsync.c" -ldl && shim=$dir/stop_at_fsync.so
fi
[ -n "$shim" ] || echo "SKIP: interrupted-write cases: no C compiler or no /proc"

interrupt() {  # interrupt SIGNAL FOLDER TEMPORARIES_WHILE_STOPPED [--force]
  local signal=$1 folder=$2 visible=$3 force=${4:-} target=$2/routine.md pid state="" code left
  rm -f "$target"
  [ -n "$force" ] && echo "old handout" > "$target"
  # The signals as a terminal would deliver them (a background job of a
  # script ignores SIGINT); ASan would object to the preload.
  env --default-signal=INT,TERM,HUP LD_PRELOAD="$shim" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
    "$bin" export "$target" --hip-rotation --weeks 1 ${force:+"$force"} &
  pid=$!
  for _ in $(seq 1 1200); do
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)
    [ "$state" = T ] && break
    sleep 0.05
  done
  if [ "$state" != T ]; then
    echo "FAIL: $signal ${force:-new}: valgus never reached fsync (state '$state')"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    fail=1
    return
  fi
  left=$(find "$folder" -name '.valgus-*' | wc -l)
  [ "$left" = "$visible" ] || { echo "FAIL: $signal: $left temporary files while writing; expected $visible"; fail=1; }
  kill -s "$signal" "$pid"
  kill -s CONT "$pid"
  { wait "$pid"; } 2>/dev/null  # no "Hangup" line from bash
  code=$?
  [ "$code" = $((128 + $(kill -l "$signal"))) ] || { echo "FAIL: $signal ${force:-new}: exit $code"; fail=1; }
  left=$(find "$folder" -name '.valgus-*' | wc -l)
  [ "$left" = 0 ] || { echo "FAIL: $signal ${force:-new}: $left temporary files left in $folder"; fail=1; }
  if [ -n "$force" ]; then
    [ "$(cat "$target")" = "old handout" ] || { echo "FAIL: $signal: the old file was damaged"; fail=1; }
  else
    [ ! -e "$target" ] || { echo "FAIL: $signal: a new file appeared"; fail=1; }
  fi
}

if [ -n "$shim" ]; then
  # Here (ext4, tmpfs, btrfs, xfs) the file being written has no name at all.
  mkdir "$dir/local"
  for signal in INT TERM HUP; do interrupt "$signal" "$dir/local" 0 --force; done
  interrupt TERM "$dir/local" 0
  # FAT and exFAT have no anonymous files: a named one, removed on the signal.
  if [ -n "$nolink" ]; then
    for signal in INT TERM HUP; do interrupt "$signal" "$nolink" 1 --force; done
    interrupt HUP "$nolink" 1
  fi
fi

# ---- plan -o: "-" is standard output, as for export; "" is a usage error.
mkdir "$dir/cwd"
(cd "$dir/cwd" && "$bin" plan --big-toe -o - > "$dir/dash.txt") || { echo "FAIL: plan -o - failed"; fail=1; }
"$bin" plan --big-toe | cmp -s - "$dir/dash.txt" || { echo "FAIL: plan -o - differs from plan"; fail=1; }
[ ! -e "$dir/cwd/-" ] || { echo "FAIL: plan -o - created a file named -"; fail=1; }
expect 64 'valgus: error: --output: the file name is empty; give FILE, or - for standard output; see: valgus plan --help' -- \
  "$bin" plan --big-toe -o ""

# ---- 1,000 sparse 4 MiB catalogue files: refused at the 32 MiB total
# without reading them, as --catalog and as the personal folder.
mkdir -p "$dir/sparse" "$dir/data/valgus"
(cd "$dir/sparse" && truncate -s 4M part-{0000..0999}.yaml)
ln -s "$dir/sparse" "$dir/data/valgus/exercises"
too_big="the catalogue files add up to more than 32 MiB; load fewer at once"
expect 65 "valgus: error: $dir/sparse/part-0008.yaml: $too_big" -- "$bin" --catalog "$dir/sparse" list
expect 65 "valgus: error: $dir/data/valgus/exercises/part-0008.yaml: $too_big" -- \
  env XDG_DATA_HOME="$dir/data" "$bin" list
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  for how in catalog user; do
    if [ $how = catalog ]; then
      strace -f -qq -e trace=read,pread64,readv,preadv,preadv2 -o "$dir/trace" "$bin" --catalog "$dir/sparse" list 2>/dev/null
    else
      XDG_DATA_HOME="$dir/data" strace -f -qq -e trace=read,pread64,readv,preadv,preadv2 -o "$dir/trace" "$bin" list 2>/dev/null
    fi
    bytes=$(awk '$(NF-1) == "=" && $NF ~ /^[0-9]+$/ { sum += $NF } END { print sum + 0 }' "$dir/trace")
    # The program itself reads a few KiB (its libraries); one catalogue file is 4 MiB.
    [ "$bytes" -lt 1048576 ] || { echo "FAIL: sparse folder ($how): $bytes bytes read"; fail=1; }
  done
elif [ -x /usr/bin/time ]; then
  kib=$(/usr/bin/time -f %M "$bin" --catalog "$dir/sparse" list 2>&1 >/dev/null | tail -n 1)
  [ "$kib" -lt 51200 ] || { echo "FAIL: sparse folder: peak memory $kib KiB"; fail=1; }
else
  echo "SKIP: no strace or /usr/bin/time to see what the sparse folder case reads"
fi

# ---- Files whose size fstat does not know: refused, not read as empty.
expect 66 "valgus: error: cannot read /proc/version: not a regular file with a known size, not a catalogue file" -- \
  "$bin" check /proc/version
expect 66 "valgus: error: cannot read /proc/version: not a regular file with a known size, not a catalogue file" -- \
  "$bin" --catalog /proc/version list

# ---- A folder of 100,000 other files: five warnings and a count.
# In memory where we can: 100,000 files take seconds to make on a disk.
crowd=$dir/crowd
[ -d /dev/shm ] && [ -w /dev/shm ] && shm=$(mktemp -d -p /dev/shm) && crowd=$shm/crowd
mkdir "$crowd"
(cd "$crowd" && seq -f 'note-%06g.txt' 1 100000 | xargs touch)
printf 'habits:\n  - {id: x, name: X, advice: Y}\n' > "$crowd/a.yaml"
err=$(timeout 20 "$bin" check "$crowd" 2>&1 >/dev/null)
code=$?
expected="valgus: warning: $crowd/note-000001.txt: skipped: only *.yaml files are read
valgus: warning: $crowd/note-000002.txt: skipped: only *.yaml files are read
valgus: warning: $crowd/note-000003.txt: skipped: only *.yaml files are read
valgus: warning: $crowd/note-000004.txt: skipped: only *.yaml files are read
valgus: warning: $crowd/note-000005.txt: skipped: only *.yaml files are read
valgus: warning: $crowd: and 99995 more entries skipped"
if [ "$code" != 0 ] || [ "$err" != "$expected" ]; then
  echo "FAIL: 100,000 other files -> exit $code, $(wc -l <<<"$err") lines on stderr, the last: $(tail -n 1 <<<"$err")"
  fail=1
fi

# ---- More catalogue files than open descriptors allowed: all read.
mkdir "$dir/many"
for i in $(seq 1 300); do printf 'habits:\n  - {id: h%s, name: H, advice: A}\n' "$i" > "$dir/many/h$i.yaml"; done
(ulimit -n 64 && expect 0 "" -- "$bin" check "$dir/many" && exit "$fail") || fail=1

[ $fail = 0 ] && echo "hardening io: all checks passed"
exit $fail
