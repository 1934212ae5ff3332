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
count=0
for id in $ids; do
  count=$((count + 1))
  if ! "$bin" show "$id" --format svg >"$work/$id.svg" 2>"$work/err"; then
    echo "FAIL: show $id --format svg: $(cat "$work/err")"
    fail=1
    continue
  fi
  if ! python3 -c 'import sys, xml.etree.ElementTree as t; r = t.parse(sys.argv[1]).getroot()
assert r.find("{http://www.w3.org/2000/svg}title").text' "$work/$id.svg" 2>"$work/err"; then
    echo "FAIL: the figure of $id is not well-formed SVG with a title: $(tail -n 1 "$work/err")"
    fail=1
  fi
  if ! rsvg-convert -o "$work/$id.png" "$work/$id.svg" 2>"$work/err" || [ ! -s "$work/$id.png" ]; then
    echo "FAIL: rsvg-convert cannot render the figure of $id: $(cat "$work/err")"
    fail=1
  fi
  # The figure without its title (the exercise's name) must be its own.
  sed 's|<title[^<]*</title>||' "$work/$id.svg" | sha256sum | cut -d' ' -f1 >>"$work/hashes"
done
if [ "$count" -lt 40 ]; then
  echo "FAIL: only $count exercises listed"
  fail=1
fi
repeated=$(sort "$work/hashes" | uniq -d | wc -l)
if [ "$repeated" != 0 ]; then
  echo "FAIL: $repeated figures are drawn the same as another"
  fail=1
fi

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
