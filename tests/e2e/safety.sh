#!/usr/bin/env bash
# Safety first, and consistent: every plan and handout opens with the banner
# (the catalogue's top notes) and still ends with the full safety note.
#   text:     the banner lines right after the title and For lines, before
#             "Session:"; the last heading is the last end note's title.
#   markdown: parsed by cmark-gfm, a block_quote right after the h1 (before
#             the first h2) holding one paragraph per top note; the last h2
#             is the last end note's title.
set -u
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
python=/usr/bin/python3
fail=0
# The notes as data, from the JSON plan: the banner lines and the title of
# the note that must close every plan.
notes=$("$bin" plan --all --format json | "$python" -c '
import json, sys
notes = json.load(sys.stdin)["notes"]
for n in notes:
    if n["placement"] == "top":
        print("top\t" + n["title"] + ": " + n["text"])
print("last\t" + [n for n in notes if n["placement"] == "end"][-1]["title"])
') || { echo "FAIL: the JSON plan has no notes"; exit 1; }
banner=$(sed -n 's/^top\t//p' <<<"$notes")
top_count=$(grep -c '^top' <<<"$notes")
last_title=$(sed -n 's/^last\t//p' <<<"$notes")
if [ "$top_count" != 2 ]; then echo "FAIL: $top_count banner lines, want 2"; fail=1; fi

for problems in "--all" "--hip-rotation --pronation" "--big-toe" "--pelvis-tilt --week 3" \
  "--tibial-rotation --minutes 10"; do
  # shellcheck disable=SC2086
  text=$("$bin" plan $problems --color never) || { echo "FAIL ($problems): plan"; fail=1; continue; }
  # The For line may wrap; its continuation lines are indented.
  # The Equipment line (what was assumed without --equipment) may wrap too.
  head_block=$(awk 'NR == 1 { next } NR == 2 && /^For: / { next } /^     / && !seen { next }
    /^Equipment: / { eq = 1; next } eq && /^           / { next } { eq = 0; seen = 1; print }' \
    <<<"$text" | head -n $((top_count + 1)))
  grep -q '^Equipment: .* assumed at hand; say what you have' <<<"$text" ||
    { echo "FAIL ($problems): the plan does not say which equipment it assumed"; fail=1; }
  if [ "$(sed -n 1p <<<"$text")" != "Knee valgus routine" ] || [ "$(sed -n 2p <<<"$text" | cut -c1-5)" != "For: " ]; then
    echo "FAIL ($problems): text does not open with the title and For lines"; fail=1
  fi
  if [ "$(head -n "$top_count" <<<"$head_block")" != "$banner" ]; then
    echo "FAIL ($problems): text banner is not right after the For line:"; echo "$head_block"; fail=1
  fi
  case "$(tail -n 1 <<<"$head_block")" in
    "Session: "* | "Schedule: "*) ;;
    *) echo "FAIL ($problems): \"Schedule:\" (a week) or \"Session:\" (--full) does not follow the banner"; fail=1 ;;
  esac
  # Headings are the upper-case lines; the end note closes the plan.
  last_heading=$(grep -E '^[A-Z][A-Z ·-]*$' <<<"$text" | tail -n 1)
  want=$(tr '[:lower:]' '[:upper:]' <<<"$last_title")
  if [ "$last_heading" != "$want" ]; then
    echo "FAIL ($problems): text ends with '$last_heading', not '$want'"; fail=1
  fi
  if [ "$(grep -c -F -x -f <(printf '%s\n' "$banner") <<<"$text")" != "$top_count" ]; then
    echo "FAIL ($problems): a banner line is repeated in the text"; fail=1
  fi

  for command in "plan --format markdown" "export -"; do
    # shellcheck disable=SC2086
    xml=$("$bin" $command $problems | cmark-gfm -e tasklist -e table -t xml) || {
      echo "FAIL ($problems, $command): cmark-gfm"; fail=1; continue
    }
    # The document's own children sit at two spaces of indentation.
    blocks=$(grep -E '^  <[a-z]' <<<"$xml" | sed 's/^  //')
    first_h2=$(grep -n -m1 '^<heading level="2">' <<<"$blocks" | cut -d: -f1)
    if [ "$(sed -n 1p <<<"$blocks")" != '<heading level="1">' ] || [ "$(sed -n 2p <<<"$blocks")" != '<block_quote>' ] ||
      [ -z "$first_h2" ] || [ "$first_h2" -le 2 ]; then
      echo "FAIL ($problems, $command): no block_quote right after the h1, before the first h2"; fail=1
    fi
    if [ "$(grep -c '^<block_quote>' <<<"$blocks")" != 1 ]; then
      echo "FAIL ($problems, $command): more than one block_quote"; fail=1
    fi
    quote_paragraphs=$(awk '/^  <block_quote>/ { inq = 1; next } /^  <\/block_quote>/ { inq = 0 } inq && /^    <paragraph>/ { n++ }
      END { print n + 0 }' <<<"$xml")
    if [ "$quote_paragraphs" != "$top_count" ]; then
      echo "FAIL ($problems, $command): $quote_paragraphs banner paragraphs, want $top_count"; fail=1
    fi
    last_h2=$(grep -A1 '<heading level="2">' <<<"$xml" | grep -o '<text xml:space="preserve">[^<]*' | tail -n 1 |
      sed 's/.*">//')
    if [ "$last_h2" != "$last_title" ]; then
      echo "FAIL ($problems, $command): the last h2 is '$last_h2', not '$last_title'"; fail=1
    fi
  done
done
[ $fail = 0 ] && echo "safety: all checks passed"
exit $fail
