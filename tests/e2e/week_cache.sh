#!/usr/bin/env bash
# The cache of solved weeks ($XDG_CACHE_HOME/valgus/weeks): a run that reads
# it prints what a run that solves prints, for plan, export and today; the
# folder is private; a cache file cut short, emptied, made a FIFO or a
# folder, and a cache folder that is a file, each give the same output and
# exit 0, without waiting.
#
# Usage: week_cache.sh VALGUS_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 VALGUS_BINARY" >&2
  exit 2
fi
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
fail=0
# shellcheck source=lib.sh
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache NO_COLOR=1
cache=$work/cache/valgus/weeks

# with_cache NAME COMMAND...: runs COMMAND with no cache (the reference),
# then twice with the cache (filling it, then reading it); all three print
# the same and exit 0.
with_cache() {
  local name=$1
  shift
  XDG_CACHE_HOME=/dev/null/none "$@" >"$work/$name.solved" 2>&1 || { echo "FAIL: $name without a cache"; fail=1; }
  for run in filled read; do
    "$@" >"$work/$name.$run" 2>&1 || { echo "FAIL: $name ($run cache) exits non-zero"; fail=1; }
    cmp -s "$work/$name.solved" "$work/$name.$run" || { echo "FAIL: $name differs with the cache $run"; fail=1; }
  done
}

with_cache plan "$bin" plan --hip-rotation --pronation --format json
ls "$cache"/* >/dev/null 2>&1 || { echo "FAIL: no week was kept in $cache"; fail=1; }
[ "$(stat -c %a "$cache")" = 700 ] || { echo "FAIL: $cache is not private: $(stat -c %a "$cache")"; fail=1; }
for file in "$cache"/*; do
  [ "$(stat -c %a "$file")" = 600 ] || { echo "FAIL: $file is not private"; fail=1; }
done
with_cache export "$bin" export - --pelvis-tilt --hip-rotation --weeks 6
"$bin" start --hip-rotation --start 2027-01-04 >/dev/null || { echo "FAIL: start"; fail=1; }
with_cache today "$bin" today --date 2027-01-20

# Every kept file damaged the same way, then planned again.
damage() {
  local how=$1 file
  for file in "$cache"/*; do
    rm -rf "$file"
    case $how in
      cut) printf 'binary' >"$file" ;;
      empty) : >"$file" ;;
      fifo) mkfifo "$file" ;;
      folder) mkdir "$file" ;;
    esac
  done
}
for how in cut empty fifo folder; do
  XDG_CACHE_HOME=/dev/null/none "$bin" plan --hip-rotation --pronation --format json >"$work/plan.solved" 2>&1
  "$bin" plan --hip-rotation --pronation --format json >/dev/null 2>&1
  damage "$how"
  out=$(timeout 20 "$bin" plan --hip-rotation --pronation --format json 2>&1)
  code=$?
  [ $code = 0 ] || { echo "FAIL: a cache of $how files: exit $code"; fail=1; }
  [ "$out" = "$(cat "$work/plan.solved")" ] || { echo "FAIL: a cache of $how files changes the plan"; fail=1; }
  rm -rf "$cache"
done
mkdir -p "$work/cache/valgus"
touch "$work/cache/valgus/weeks"
with_cache plan-file-as-folder "$bin" plan --hip-rotation
exit $fail
