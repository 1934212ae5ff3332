#!/usr/bin/env bash
# The PDF handout on two cores and on one: export loads the PDF module and
# its fonts on another core while it plans, and lays out the handout's
# texts on two (each core with its own fonts). Held to one core, it does
# all of that on the one; the file is the same bytes either way, for a
# handout of every kind of content (--all, a person, several weeks) on A4
# and Letter, and for a name in a script DejaVu Sans lacks (the system's
# fonts then, laid out on one core only). unit.pdf_layouts shows the helper
# core takes its share; this test, that the file does not change with it.
#   pdf_cores.sh VALGUS
set -u
bin=$1
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config SOURCE_DATE_EPOCH=1767225600
cores=$(nproc)
allowed=$(taskset -pc $$ | sed 's/.*: *//')  # the cores this test may use, as "0-1" or "2,5"
one=${allowed%%[,-]*}
[ "$cores" -ge 2 ] || echo "pdf_cores: one core here: both exports run on it"
export_on() {  # CORES NAME ARGS...
  local cores=$1 name=$2
  shift 2
  taskset -c "$cores" "$bin" export "$work/$name.pdf" "$@" >/dev/null 2>"$work/err" ||
    { echo "FAIL: export $name.pdf on cores $cores: $(cat "$work/err")"; fail=1; }
}
check_same() {  # NAME ARGS...
  local name=$1
  shift
  export_on "$one" "$name-one" "$@"
  export_on "$allowed" "$name-all" "$@"
  cmp -s "$work/$name-one.pdf" "$work/$name-all.pdf" ||
    { echo "FAIL: $name: the PDF laid out on one core differs from the one on $cores"; fail=1; }
}
check_same a4 --all --weeks 6 --for "Alex Example"
check_same letter --all --weeks 3 --paper letter
check_same other-script --hip-rotation --for "山田 Alex"
[ $fail = 0 ] && echo "pdf_cores: all checks passed"
exit $fail
