#!/usr/bin/env bash
# export and plan -o: a new file is written whole, an existing one is never
# replaced without --force, and a missing folder is exit 73.
set -u
bin=$1
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
fail=0
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"

# A new file: written, and equal to what export - prints.
expect 0 "" -- "$bin" export "$dir/routine.md" --hip-rotation
"$bin" export - --hip-rotation > "$dir/expected.md"
cmp -s "$dir/routine.md" "$dir/expected.md" || { echo "FAIL: exported file differs from export -"; fail=1; }

# Existing file without --force: 73, file untouched.
echo "my notes" > "$dir/notes.md"
expect 73 "valgus: error: $dir/notes.md already exists; use --force to replace it" -- \
  "$bin" export "$dir/notes.md" --hip-rotation
[ "$(cat "$dir/notes.md")" = "my notes" ] || { echo "FAIL: existing file was changed"; fail=1; }
# ... refused before any week is planned: nothing is solved, so the cache of
# solved weeks stays empty (a first export would plan for most of a second).
XDG_CACHE_HOME="$dir/cache" expect 73 "valgus: error: $dir/notes.md already exists; use --force to replace it" -- \
  "$bin" export "$dir/notes.md" --all --weeks 8
[ ! -e "$dir/cache" ] || { echo "FAIL: export planned weeks before refusing an existing file"; fail=1; }
# A usage error in what was typed comes before the file's.
echo "my handout" > "$dir/notes.html"
expect 64 "valgus: error: --for is empty or invisible; give the name of the person, or leave it out" -- \
  "$bin" export "$dir/notes.html" --hip-rotation --for " "
rm "$dir/notes.html"
# So does a problem or position that does not exist (found by the planner).
expect 64 "valgus: error: unknown problem \"nosuch\"; valid problems: pelvis-tilt, hip-rotation, tibial-rotation, pronation, big-toe" -- \
  "$bin" export "$dir/notes.md" --problem nosuch
expect 64 "valgus: error: unknown position \"nowhere\"; valid positions: standing, squat, landing, running" -- \
  "$bin" export "$dir/notes.md" --hip-rotation --when nowhere
expect 73 "valgus: error: $dir/notes.md already exists; use --force to replace it" -- \
  "$bin" plan --all -o "$dir/notes.md"

# With --force: replaced by the full handout.
expect 0 "" -- "$bin" export "$dir/notes.md" --hip-rotation --force
cmp -s "$dir/notes.md" "$dir/expected.md" || { echo "FAIL: --force did not replace the file"; fail=1; }

# A missing folder: 73 with the reason.
expect 73 "valgus: error: cannot create $dir/missing/routine.md: No such file or directory" -- \
  "$bin" export "$dir/missing/routine.md" --hip-rotation

# A directory as the target: never replaced, even with --force.
mkdir "$dir/folder.md"
expect 73 "valgus: error: $dir/folder.md is not a regular file; refusing to replace it" -- \
  "$bin" export "$dir/folder.md" --hip-rotation --force

# plan -o writes the chosen format without colour.
expect 0 "" -- "$bin" --color always plan --big-toe --format json -o "$dir/plan.json"
"$bin" plan --big-toe --format json | cmp -s - "$dir/plan.json" || { echo "FAIL: plan -o differs"; fail=1; }
expect 0 "" -- "$bin" --color always plan --big-toe -o "$dir/plan.txt"
if grep -q $'\x1b' "$dir/plan.txt"; then echo "FAIL: colour escape in a file"; fail=1; fi

# The format: --format, else FILE's extension (.md, .json, .ics), else Markdown.
expect 0 "" -- "$bin" export "$dir/programme.json" --hip-rotation --weeks 2
valid plan.schema.json "$dir/programme.json"
"$bin" export - --hip-rotation --weeks 2 --format json | cmp -s - "$dir/programme.json" ||
  { echo "FAIL: export FILE.json differs from export - --format json"; fail=1; }
expect 0 "" -- "$bin" export "$dir/json-anyway.md" --hip-rotation --weeks 2 --format json
cmp -s "$dir/json-anyway.md" "$dir/programme.json" || { echo "FAIL: --format json did not override .md"; fail=1; }
expect 0 "" -- "$bin" export "$dir/markdown-anyway.json" --hip-rotation --format markdown
cmp -s "$dir/markdown-anyway.json" "$dir/expected.md" || { echo "FAIL: --format markdown did not override .json"; fail=1; }
expect 0 "" -- "$bin" export "$dir/routine.txt" --hip-rotation
cmp -s "$dir/routine.txt" "$dir/expected.md" || { echo "FAIL: .txt is not Markdown"; fail=1; }
expect 0 "" -- "$bin" export "$dir/no-extension" --hip-rotation
cmp -s "$dir/no-extension" "$dir/expected.md" || { echo "FAIL: no extension is not Markdown"; fail=1; }
expect 64 'valgus: error: --format: unknown value "text"; valid values: markdown, json, html, pdf, ics; see: valgus export --help' -- \
  "$bin" export "$dir/text.md" --hip-rotation --format text
expect 64 'valgus: error: --start applies to --ics only; add --ics for a calendar, or leave it out' -- \
  "$bin" export "$dir/dated.json" --hip-rotation --start 2026-11-23

# No temporary file is left behind.
leftovers=$(find "$dir" -name '.valgus-*' | wc -l)
[ "$leftovers" = 0 ] || { echo "FAIL: $leftovers temporary files left"; fail=1; }

[ $fail = 0 ] && echo "export files: all checks passed"
exit $fail
