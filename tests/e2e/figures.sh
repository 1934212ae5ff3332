#!/usr/bin/env bash
# Every built-in exercise's figure: valid XML with a title, rendered by a
# real SVG renderer (rsvg-convert), and no two alike. Then how show and
# export take the figure options.
#   figures.sh VALGUS
set -u
bin=$1
fail=0
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ids=$("$bin" list --format json | python3 -c 'import json, sys; print("\n".join(e["id"] for e in json.load(sys.stdin)))')
# Each figure from the binary; then one parser reads them all and compares
# them without their titles (the exercise's name), and rsvg-convert renders
# each.
for id in $ids; do
  "$bin" show "$id" --format svg >"$work/$id.svg" 2>"$work/err" || {
    echo "FAIL: show $id --format svg: $(cat "$work/err")"
    fail=1
  }
  rsvg-convert -o "$work/$id.png" "$work/$id.svg" 2>"$work/err" && [ -s "$work/$id.png" ] || {
    echo "FAIL: rsvg-convert cannot render the figure of $id: $(cat "$work/err")"
    fail=1
  }
done
python3 - "$work" $ids <<'PY' || fail=1
import hashlib, re, sys, xml.etree.ElementTree as tree
work, ids = sys.argv[1], sys.argv[2:]
seen, bad = {}, 0
for id in ids:
    text = open(f"{work}/{id}.svg", encoding="utf-8").read()
    try:
        title = tree.fromstring(text).find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text
    except Exception as error:
        print(f"FAIL: the figure of {id} is not well-formed SVG with a title: {error}")
        bad = 1
    digest = hashlib.sha256(re.sub(r"<title[^<]*</title>", "", text).encode()).hexdigest()
    if digest in seen:
        print(f"FAIL: {id} is drawn the same as {seen[digest]}")
        bad = 1
    seen[digest] = id
if len(ids) < 40:
    print(f"FAIL: only {len(ids)} exercises listed")
    bad = 1
sys.exit(bad)
PY

# The braille figure: on request, never when refused, never in JSON.
"$bin" show clamshell --figure >"$work/braille.txt"
# Braille is U+2800 to U+28FF: E2 A0 80 to E2 A3 BF in UTF-8.
braille=$'\xe2[\xa0-\xa3]'
LC_ALL=C grep -q "$braille" "$work/braille.txt" || {
  echo "FAIL: show --figure drew no braille"
  fail=1
}
"$bin" show clamshell --no-figure >"$work/plain.txt"
if LC_ALL=C grep -q "$braille" "$work/plain.txt"; then
  echo "FAIL: show --no-figure drew braille"
  fail=1
fi
# Not a terminal (a pipe here): no figure unless asked.
"$bin" show clamshell | LC_ALL=C grep -q "$braille" && {
  echo "FAIL: show drew braille into a pipe"
  fail=1
}

# --for goes through the rules of a name; --for and --paper only for a handout that prints.
expect 64 'valgus: error: --for holds a control character (U+001B); give the name as plain text' -- \
  "$bin" export - --hip-rotation --format html --for $'Sam\e[31m'
expect 64 'valgus: error: --for is empty or invisible; give the name of the person, or leave it out' -- \
  "$bin" export - --hip-rotation --format html --for $'\u200b'
expect 64 'valgus: error: --for is 61 characters long; give at most 60' -- \
  "$bin" export - --hip-rotation --format html --for "$(printf 'a%.0s' {1..61})"
expect 64 'valgus: error: --for is not valid UTF-8; type the name again in a UTF-8 terminal' -- \
  "$bin" export - --hip-rotation --format html --for $'Sam\xff'
expect 64 'valgus: error: --for names the person on a printed handout; use it with a .html or .pdf file' -- \
  "$bin" export - --hip-rotation --for Sam
expect 64 'valgus: error: --paper lays out a printed handout; use it with a .html or .pdf file' -- \
  "$bin" export - --hip-rotation --paper letter
expect 0 '' -- "$bin" export "$work/handout.html" --hip-rotation --for 'Zoë <O'"'"'Brien> & co' --paper letter
grep -q 'For: Zoë &lt;O&#39;Brien&gt; &amp; co' "$work/handout.html" || {
  echo "FAIL: the name is not escaped in the handout"
  fail=1
}
grep -q '@page { size: letter; margin: 15mm; }' "$work/handout.html" || {
  echo "FAIL: --paper letter did not set the page size"
  fail=1
}
exit $fail
