#!/usr/bin/env bash
# The PDF handout's creation date: SOURCE_DATE_EPOCH (reproducible builds)
# makes two exports of a programme the same bytes, dated that day, as it
# does the calendar's DTSTAMP; a malformed value is a usage error, named.
#   pdf_date.sh VALGUS
set -u
bin=$1
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
for n in 1 2; do
  SOURCE_DATE_EPOCH=1767225600 "$bin" export "$work/$n.pdf" --hip-rotation >/dev/null 2>"$work/err" ||
    { echo "FAIL: export $n.pdf: $(cat "$work/err")"; fail=1; }
  sleep 1  # a second apart: without the date set, the files would differ
done
cmp -s "$work/1.pdf" "$work/2.pdf" || { echo "FAIL: two exports with SOURCE_DATE_EPOCH differ"; fail=1; }
created=$(pdfinfo -isodates "$work/1.pdf" | awk '/^CreationDate:/ {print $2}')
[ "$created" = "2026-01-01T00:00:00Z" ] || { echo "FAIL: CreationDate is '$created', not 2026-01-01T00:00:00Z"; fail=1; }
SOURCE_DATE_EPOCH=soon "$bin" export "$work/3.pdf" --hip-rotation >/dev/null 2>"$work/err"
code=$?
expected='valgus: error: SOURCE_DATE_EPOCH is "soon": use whole seconds since 1970-01-01 UTC, for example 1795392000, or unset it'
if [ $code != 64 ] || [ "$(cat "$work/err")" != "$expected" ]; then
  echo "FAIL: SOURCE_DATE_EPOCH=soon: exit $code, '$(cat "$work/err")'"
  fail=1
fi
[ -e "$work/3.pdf" ] && { echo "FAIL: a refused export left 3.pdf"; fail=1; }
[ $fail = 0 ] && echo "pdf_date: all checks passed"
exit $fail
