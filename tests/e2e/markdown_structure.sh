#!/usr/bin/env bash
# The Markdown handouts parsed by cmark-gfm (a real CommonMark + GFM parser).
# A plan: one h1, the schedule table (a row per training day) first, one h2
# per session, one task-list item per exercise of every session, the h2
# "How to do each exercise". The export (six weeks by default): the same
# schedule table, an h2 per week each holding its sessions as h3, task items,
# and the tick table with a row per training day and a column per week.
# Neither carries raw HTML.
set -u
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
fail=0

parse() { cmark-gfm -e tasklist -e table -t xml; }
# The texts of level-N headings, one a line.
headings() { grep -A1 "<heading level=\"$1\">" | sed -n 's/.*<text xml:space="preserve">\(.*\)<\/text>.*/\1/p'; }
# The cell texts of the first table's header row, space-separated.
first_header() {
  sed -n '/<table>/,/<\/table_header>/{p;/<\/table_header>/q;}' | sed -n 's/.*<text xml:space="preserve">\(.*\)<\/text>.*/\1/p' |
    head -20 | tr '\n' ' '
}
# Rows of the first table.
first_rows() { sed -n '0,/<\/table>/p' | grep -c '<table_row>'; }

for problems in "--all" "--hip-rotation --pronation" "--big-toe" "--pelvis-tilt" "--all --minutes 10 --days 2"; do
  # shellcheck disable=SC2086
  text=$("$bin" plan $problems) || { echo "FAIL ($problems): plan"; exit 1; }
  # shellcheck disable=SC2086
  xml=$("$bin" plan $problems --format markdown | parse) || { echo "FAIL: cmark-gfm"; exit 1; }
  sessions=$(grep -c '^SESSION [A-Z] ·' <<<"$text")
  # The numbered items of the text's session lists: what the checklists hold.
  items=$(awk '/^SESSION [A-Z] ·/ {on = 1} /^HOW TO DO EACH EXERCISE/ {on = 0} on && /^ ?[0-9]+\. / {n++}
               END {print n + 0}' <<<"$text")
  days=$(sed -n 's/^Schedule: //p' <<<"$text" | grep -o 'Mon\|Tue\|Wed\|Thu\|Fri\|Sat\|Sun' | wc -l)
  h1=$(grep -c '<heading level="1">' <<<"$xml")
  tasks=$(grep -c '<tasklist completed="false">' <<<"$xml")
  session_h2=$(headings 2 <<<"$xml" | grep -c '^Session [A-Z] — ')
  how=$(headings 2 <<<"$xml" | grep -c '^How to do each exercise$')
  header=$(first_header <<<"$xml")
  rows=$(first_rows <<<"$xml")
  html=$(grep -c '<html_inline>\|<html_block>' <<<"$xml")
  if [ "$h1" != 1 ]; then echo "FAIL ($problems): $h1 h1 headings"; fail=1; fi
  if [ "$header" != "Day Session Minutes " ] || [ "$rows" != "$days" ] || [ "$days" = 0 ]; then
    echo "FAIL ($problems): schedule table '$header' with $rows rows for $days days"; fail=1
  fi
  if [ "$session_h2" != "$sessions" ] || [ "$sessions" = 0 ]; then
    echo "FAIL ($problems): $session_h2 session headings for $sessions sessions"; fail=1
  fi
  if [ "$tasks" != "$items" ] || [ "$tasks" = 0 ]; then
    echo "FAIL ($problems): $tasks task items for $items session exercises"; fail=1
  fi
  if [ "$how" != 1 ]; then echo "FAIL ($problems): $how 'How to do each exercise' headings"; fail=1; fi
  if [ "$html" != 0 ]; then echo "FAIL ($problems): raw HTML in the plan"; fail=1; fi

  # shellcheck disable=SC2086
  xml=$("$bin" export - $problems | parse) || { echo "FAIL: cmark-gfm"; exit 1; }
  weeks=$(headings 2 <<<"$xml" | grep -c '^Week [0-9]')
  week_sessions=$(headings 3 <<<"$xml" | grep -c '^Session [A-Z] — ')
  tasks=$(grep -c '<tasklist completed="false">' <<<"$xml")
  header=$(first_header <<<"$xml")
  tick=$(sed -n '/<text xml:space="preserve">Tick table<\/text>/,$p' <<<"$xml" | first_header)
  tick_rows=$(sed -n '/<text xml:space="preserve">Tick table<\/text>/,$p' <<<"$xml" | first_rows)
  html=$(grep -c '<html_inline>\|<html_block>' <<<"$xml")
  if [ "$(grep -c '<heading level="1">' <<<"$xml")" != 1 ]; then echo "FAIL ($problems): export h1"; fail=1; fi
  if [ "$header" != "Day Session Minutes " ]; then echo "FAIL ($problems): export schedule '$header'"; fail=1; fi
  # The default programme: six weeks, each with at least one session.
  if [ "$weeks" != 6 ] || [ "$week_sessions" -lt 6 ] || [ "$tasks" -lt "$items" ]; then
    echo "FAIL ($problems): $weeks weeks, $week_sessions week sessions, $tasks task items"; fail=1
  fi
  if [ "$tick" != "Day Week 1 Week 2 Week 3 Week 4 Week 5 Week 6 " ] || [ "$tick_rows" != "$days" ]; then
    echo "FAIL ($problems): tick table '$tick' with $tick_rows rows for $days days"; fail=1
  fi
  if [ "$html" != 0 ]; then echo "FAIL ($problems): raw HTML in the handout"; fail=1; fi
done
[ $fail = 0 ] && echo "markdown structure: all checks passed"
exit $fail
