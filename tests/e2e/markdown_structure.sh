#!/usr/bin/env bash
# The Markdown handout parsed by cmark-gfm (a real CommonMark + GFM parser):
# one h1, the four phase h2 headings in phase order, and one task-list item
# per exercise of the plan.
set -u
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
fail=0
for problems in "--all" "--hip-rotation --pronation" "--big-toe" "--pelvis-tilt"; do
  # shellcheck disable=SC2086
  xml=$("$bin" export - $problems | cmark-gfm -e tasklist -e table -t xml) || { echo "FAIL: cmark-gfm"; exit 1; }
  # shellcheck disable=SC2086
  exercises=$("$bin" plan $problems | sed -n 's/^Session: .* · \([0-9]*\) exercises$/\1/p')
  h1=$(grep -c '<heading level="1">' <<<"$xml")
  tasks=$(grep -c '<tasklist completed="false">' <<<"$xml")
  phases=$(grep -A1 '<heading level="2">' <<<"$xml" | grep -o '<text xml:space="preserve">[0-9]\. [A-Za-z]*' |
           sed 's/.*">//' | tr '\n' ' ')
  tables=$(grep -c '<table>' <<<"$xml")
  weeks=$(grep -A1 '<heading level="2">' <<<"$xml" | grep -c '<text xml:space="preserve">Week [0-9]')
  html=$(grep -c '<html_inline>\|<html_block>' <<<"$xml")
  if [ "$h1" != 1 ]; then echo "FAIL ($problems): $h1 h1 headings"; fail=1; fi
  if [ "$phases" != "1. Release 2. Stretch 3. Strengthen 4. Integrate " ]; then
    echo "FAIL ($problems): phase headings '$phases'"; fail=1
  fi
  if [ "$tasks" != "$exercises" ] || [ "$tasks" = 0 ]; then
    echo "FAIL ($problems): $tasks task items for $exercises exercises"; fail=1
  fi
  # The default programme: six weekly tick tables, plus the progression table
  # when something progresses.
  if [ "$weeks" != 6 ] || [ "$tables" -lt 6 ] || [ "$tables" -gt 7 ]; then
    echo "FAIL ($problems): $weeks week sections, $tables tables"; fail=1
  fi
  if [ "$html" != 0 ]; then echo "FAIL ($problems): raw HTML in the handout"; fail=1; fi
done
[ $fail = 0 ] && echo "markdown structure: all checks passed"
exit $fail
