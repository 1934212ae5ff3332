#!/usr/bin/env bash
# Catalogue text can neither drive the terminal nor change the structure of
# the Markdown handout.
set -u
# Never the personal catalogue of whoever runs the tests.
export XDG_DATA_HOME=/nonexistent/valgus-tests
bin=$1
data=$2
fail=0

# Markdown: a hostile exercise name and steps stay text inside their item.
md=$("$bin" --catalog "$data/hostile-markdown.yaml" export - --problem hip-rotation --weeks 1 --full) || {
  echo "FAIL: export"; exit 1; }
xml=$(cmark-gfm -e tasklist -e table -t xml <<<"$md")
clean=$("$bin" export - --problem hip-rotation --weeks 1 --full | cmark-gfm -e tasklist -e table -t xml)
count() { grep -c "$1" <<<"$2"; }
if [ "$(count '<tasklist' "$xml")" != $(( $(count '<tasklist' "$clean") + 1 )) ]; then
  echo "FAIL: task items: $(count '<tasklist' "$xml") with the hostile entry, $(count '<tasklist' "$clean") without"
  fail=1
fi
for node in '<html_inline>' '<html_block>' '<link ' '<image ' '<code>' '<code_block' '<block_quote>' '<thematic_break'; do
  if [ "$(count "$node" "$xml")" != "$(count "$node" "$clean")" ]; then
    echo "FAIL: the hostile text produced $node"; fail=1
  fi
done
for level in 1 2; do
  if [ "$(count "<heading level=\"$level\">" "$xml")" != "$(count "<heading level=\"$level\">" "$clean")" ]; then
    echo "FAIL: the hostile text changed the h$level headings"; fail=1
  fi
done
if [ "$(count '<table>' "$xml")" != "$(count '<table>' "$clean")" ]; then
  echo "FAIL: the hostile text added a table"; fail=1
fi
# The name is there, whole, as the text of the item's strong emphasis.
if ! grep -qF ". $(printf '%s' 'Clam</strong></li></ul><script>alert(1)</script> **bold** [click](javascript:alert(1)) `code` | pipe' | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')</text>" <<<"$xml"; then
  echo "FAIL: the hostile name is not intact inside its item"; fail=1
fi

# Terminal: escapes in a catalogue never reach the terminal; the file is
# refused with its position, and the error line itself carries no escape.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'habits:\n  - {id: x, name: "\033[2J\033]0;pwned\007", advice: b}\n' > "$dir/escape.yaml"
err=$("$bin" --color always --catalog "$dir/escape.yaml" plan --all 2>&1 >/dev/null)
if [[ "$err" == *$'\033'* ]] || [ "$err" != "valgus: error: $dir/escape.yaml:2:20: control character 0x1B in the file; remove it" ]; then
  echo "FAIL: escape in a catalogue: '$err'"; fail=1
fi
# A file name with an escape in it is neutralised in the error line.
evil="$dir/$(printf 'evil\033[31m.yaml')"
err=$("$bin" --catalog "$evil" plan --all 2>&1 >/dev/null)
if [[ "$err" == *$'\033'* ]]; then echo "FAIL: escape from a file name reached stderr"; fail=1; fi

[ $fail = 0 ] && echo "injection: all checks passed"
exit $fail
