#!/usr/bin/env bash
# Catalogue paths that are not catalogue files: one line, the right code.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"

expect 66 "valgus: error: cannot read $dir/missing.yaml: No such file or directory" -- \
  "$bin" --catalog "$dir/missing.yaml" plan --all
mkfifo "$dir/pipe.yaml"
expect 66 "valgus: error: cannot read $dir/pipe.yaml: a FIFO, not a catalogue file" -- \
  "$bin" check "$dir/pipe.yaml"
expect 66 "valgus: error: cannot read /dev/null: a device, not a catalogue file" -- "$bin" check /dev/null
expect 66 "valgus: error: cannot read /dev/zero: a device, not a catalogue file" -- "$bin" --catalog /dev/zero list

# In a folder: a FIFO named *.yaml is an error; other entries are reported.
mkdir -p "$dir/folder/sub.yaml" "$dir/clinic"
printf 'habits:\n  - {id: x, name: X, advice: Y}\n' > "$dir/clinic/a.yaml"
echo "notes" > "$dir/clinic/README.md"
mkdir "$dir/clinic/old.yaml"
expect 0 "valgus: warning: $dir/clinic/README.md: skipped: only *.yaml files are read
valgus: warning: $dir/clinic/old.yaml: skipped: a folder; catalogue folders are not read recursively" -- \
  "$bin" check "$dir/clinic"
mkfifo "$dir/folder/pipe.yaml"
expect 66 "valgus: error: cannot read $dir/folder/pipe.yaml: a FIFO, not a catalogue file" -- "$bin" check "$dir/folder"

# Unreadable: run as an unprivileged user when we are root.
printf 'habits: []\n' > "$dir/secret.yaml"
chmod 000 "$dir/secret.yaml"
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    expect 66 "valgus: error: cannot read $dir/secret.yaml: Permission denied" -- \
      setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" check "$dir/secret.yaml"
  else
    echo "note: setpriv missing, unreadable-file case not run"
  fi
else
  expect 66 "valgus: error: cannot read $dir/secret.yaml: Permission denied" -- "$bin" check "$dir/secret.yaml"
fi

# Over the caps: refused before parsing (size) or while parsing (values).
head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' '#' > "$dir/huge.yaml"
expect 65 "valgus: error: $dir/huge.yaml: the file is 5242880 bytes, more than the 4 MiB a catalogue file may have; split it into several files" -- \
  "$bin" check "$dir/huge.yaml"
{ printf 'habits: ['; for _ in $(seq 1 2200); do printf '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,'; done; printf '1]\n'; } > "$dir/values.yaml"
expect 65 "valgus: error: $dir/values.yaml:1:800004: more than 400000 values in one file; split the catalogue into several files" -- \
  "$bin" check "$dir/values.yaml"

# A file with a flood of errors reports the first ones and a count, not all.
{ printf 'habits: ['; for _ in $(seq 1 500); do printf '1,'; done; printf '1]\n'; } > "$dir/flood.yaml"
err=$("$bin" check "$dir/flood.yaml" 2>&1 >/dev/null)
if [ "$(wc -l <<<"$err")" != 101 ] || [ "$(tail -n 1 <<<"$err")" != "valgus: error: $dir/flood.yaml: 401 more errors not shown; fix these first" ]; then
  echo "FAIL: error flood: $(wc -l <<<"$err") lines, last '$(tail -n 1 <<<"$err")'"; fail=1
fi

[ $fail = 0 ] && echo "bad paths: all checks passed"
exit $fail
