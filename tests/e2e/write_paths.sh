#!/usr/bin/env bash
# Writes that cannot or must not happen: non-regular targets, a read-only
# folder, and a full disk. The old file always survives and no temporary
# file is left behind.
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

# Only a regular file may be replaced, even with --force; without it, the
# message does not suggest a --force that would not help.
mkfifo "$dir/pipe.md"
expect 73 "valgus: error: $dir/pipe.md is not a regular file; refusing to replace it" -- \
  "$bin" export "$dir/pipe.md" --hip-rotation
expect 73 "valgus: error: $dir/pipe.md is not a regular file; refusing to replace it" -- \
  "$bin" export "$dir/pipe.md" --hip-rotation --force
expect 73 "valgus: error: /dev/null is not a regular file; refusing to replace it" -- \
  "$bin" plan --all -o /dev/null --force
[ -p "$dir/pipe.md" ] || { echo "FAIL: the FIFO was replaced"; fail=1; }

# A symbolic link is never replaced; one to a missing file is named as such.
ln -s "$dir/elsewhere.md" "$dir/link.md"
for force in "" --force; do
  expect 73 "valgus: error: $dir/link.md is a symbolic link to a missing file; remove it or choose another name" -- \
    "$bin" export "$dir/link.md" --hip-rotation $force
done
[ -L "$dir/link.md" ] && [ ! -e "$dir/elsewhere.md" ] || { echo "FAIL: the dangling link was followed or replaced"; fail=1; }
echo "kept" > "$dir/real.md"
ln -s "$dir/real.md" "$dir/to-real.md"
expect 73 "valgus: error: $dir/to-real.md is not a regular file; refusing to replace it" -- \
  "$bin" export "$dir/to-real.md" --hip-rotation --force
[ "$(cat "$dir/real.md")" = kept ] || { echo "FAIL: the file behind a link was replaced"; fail=1; }

# --force keeps the permission bits only: never set-user-ID or set-group-ID.
echo "old" > "$dir/suid.md"
chmod 6755 "$dir/suid.md"
expect 0 "" -- "$bin" export "$dir/suid.md" --hip-rotation --force
mode=$(stat -c %a "$dir/suid.md")
[ "$mode" = 755 ] || { echo "FAIL: --force made mode $mode from 6755; expected 755"; fail=1; }
chmod 640 "$dir/suid.md"
expect 0 "" -- "$bin" export "$dir/suid.md" --hip-rotation --force
mode=$(stat -c %a "$dir/suid.md")
[ "$mode" = 640 ] || { echo "FAIL: --force made mode $mode from 640"; fail=1; }

# A small filesystem of our own: mounted directly as root, else in a user
# namespace; without either the full-disk cases cannot run here.
run_in_mount() {  # run_in_mount SIZE MODE SCRIPT: SCRIPT runs with $1 = mount point
  local size=$1 mode=$2 script=$3 point="$dir/mnt-$RANDOM"
  mkdir "$point"
  if mount -t tmpfs -o "size=$size,$mode" tmpfs "$point" 2>/dev/null; then
    mounts+=("$point")
    bash -c "$script" _ "$point" "$bin"
    return $?
  fi
  if unshare -rm true 2>/dev/null; then
    unshare -rm bash -c "mount -t tmpfs -o size=$size,$mode tmpfs '$point' && bash -c \"\$0\" _ '$point' '$bin'" "$script"
    return $?
  fi
  echo "note: no way to mount a tmpfs here; $mode case not run"
  return 0
}

# Full disk: 74 with the reason, the old file intact, no temporary file.
run_in_mount 16k rw '
  mnt=$1 bin=$2 fail=0
  echo "old handout" > "$mnt/routine.md"
  err=$("$bin" export "$mnt/routine.md" --all --force 2>&1 >/dev/null); code=$?
  [ "$code" = 74 ] && [ "$err" = "valgus: error: cannot write $mnt/routine.md: No space left on device" ] ||
    { echo "FAIL: full disk -> exit $code, stderr $err"; fail=1; }
  [ "$(cat "$mnt/routine.md")" = "old handout" ] || { echo "FAIL: the old file was damaged"; fail=1; }
  err=$("$bin" plan --all --format json -o "$mnt/new.json" 2>&1 >/dev/null); code=$?
  [ "$code" = 74 ] && [ "$err" = "valgus: error: cannot write $mnt/new.json: No space left on device" ] &&
    [ ! -e "$mnt/new.json" ] || { echo "FAIL: full disk, new file -> exit $code, $err"; fail=1; }
  # start writes the programme, the disk filled to the last byte first.
  mkdir -p "$mnt/config/valgus"
  head -c 1M /dev/zero >"$mnt/fill" 2>/dev/null
  err=$(XDG_CONFIG_HOME=$mnt/config XDG_STATE_HOME=$mnt/state "$bin" start --hip-rotation 2>&1 >/dev/null); code=$?
  [ "$code" = 74 ] && [ "$err" = "valgus: error: cannot write $mnt/config/valgus/programme.yaml: No space left on device" ] ||
    { echo "FAIL: start on a full disk -> exit $code, stderr $err"; fail=1; }
  left=$(find "$mnt" -name ".valgus-*" | wc -l)
  [ "$left" = 0 ] || { echo "FAIL: $left temporary files left on the full disk"; fail=1; }
  exit $fail' || fail=1

# Read-only folder: 73 with the reason.
run_in_mount 1m ro '
  mnt=$1 bin=$2
  err=$("$bin" export "$mnt/routine.md" --all 2>&1 >/dev/null); code=$?
  [ "$code" = 73 ] && [ "$err" = "valgus: error: cannot create $mnt/routine.md: Read-only file system" ] ||
    { echo "FAIL: read-only folder -> exit $code, stderr $err"; exit 1; }' || fail=1

# A folder without write permission, for an unprivileged user.
mkdir "$dir/locked"
chmod 555 "$dir/locked"
chmod 755 "$dir"
if [ "$(id -u)" != 0 ]; then
  expect 73 "valgus: error: cannot create $dir/locked/routine.md: Permission denied" -- \
    "$bin" export "$dir/locked/routine.md" --hip-rotation
elif command -v setpriv >/dev/null; then
  expect 73 "valgus: error: cannot create $dir/locked/routine.md: Permission denied" -- \
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" export "$dir/locked/routine.md" --hip-rotation
fi

[ $fail = 0 ] && echo "write paths: all checks passed"
exit $fail
