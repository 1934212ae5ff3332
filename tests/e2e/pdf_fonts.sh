#!/usr/bin/env bash
# The PDF handout's fonts. valgus sets it in DejaVu Sans alone when the font
# is where the distribution installs it: the pages must be the ones that
# fontconfig's whole configuration gives (which FONTCONFIG_FILE makes valgus
# use). A character DejaVu Sans lacks sends valgus to that configuration,
# which finds a font for it (DejaVu Sans Mono has U+2312, ARC). Where this
# runs as root with mount namespaces, the same again with DejaVu Sans as
# Debian's fonts-dejavu-core installs it: no oblique style, so valgus slants
# the upright one as fontconfig's own rule does.
#   pdf_fonts.sh VALGUS
set -u
bin=$1
fail=0
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
system_conf=/etc/fonts/fonts.conf
dejavu=/usr/share/fonts/truetype/dejavu
[ -r "$system_conf" ] || { echo "SKIP: no $system_conf to compare with"; exit 0; }
# No configuration of the person's own: only then does valgus take the
# fonts itself.
unset FONTCONFIG_FILE FONTCONFIG_PATH FONTCONFIG_SYSROOT
export HOME=$work/home

export_pdf() {  # FILE ARGS...
  local file=$1
  shift
  "$bin" export "$work/$file" "$@" >/dev/null 2>"$work/err" || {
    echo "FAIL: export $file $*: $(cat "$work/err")"
    fail=1
  }
}

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# same_pages LABEL A.pdf B.pdf: the same number of pages, each the same pixels.
same_pages() {
  local label=$1 a=$2 b=$3
  if [ "$(pages "$a")" != "$(pages "$b")" ] || [ -z "$(pages "$a")" ]; then
    echo "FAIL: $label: $(pages "$a") pages with DejaVu Sans alone, $(pages "$b") with fontconfig's configuration"
    fail=1
    return
  fi
  pdftoppm -png -r 100 "$a" "$work/a"
  pdftoppm -png -r 100 "$b" "$work/b"
  for page in "$work"/a-*.png; do
    cmp -s "$page" "$work/b-${page##*/a-}" || {
      echo "FAIL: $label page ${page##*/a-}: DejaVu Sans alone draws it otherwise than fontconfig's configuration"
      fail=1
    }
  done
  rm -f "$work"/a-*.png "$work"/b-*.png
}

# dejavu_alone FILE ARGS...: the export, which must not load fontconfig's
# configuration (FC_DEBUG=1024 prints each file it loads, on stdout).
dejavu_alone() {
  local file=$1
  shift
  FC_DEBUG=1024 "$bin" export "$work/$file" "$@" >"$work/out" 2>"$work/err" || {
    echo "FAIL: export $file $*: $(cat "$work/err")"
    fail=1
  }
  if grep -q "Loading config file" "$work/out"; then
    echo "FAIL: export $file loaded fontconfig's whole configuration, not DejaVu Sans alone"
    fail=1
  fi
}

if [ -r "$dejavu/DejaVuSans.ttf" ] && [ -r "$dejavu/DejaVuSans-Bold.ttf" ]; then
  for paper in a4 letter; do
    dejavu_alone "dejavu-$paper.pdf" --hip-rotation --pronation --weeks 2 --for Sam --paper "$paper"
    FONTCONFIG_FILE=$system_conf export_pdf "system-$paper.pdf" --hip-rotation --pronation --weeks 2 --for Sam \
      --paper "$paper"
    same_pages "$paper" "$work/dejavu-$paper.pdf" "$work/system-$paper.pdf"
    fonts=$(pdffonts "$work/dejavu-$paper.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u |
      tr '\n' ' ')
    case "$fonts" in
      "DejaVuSans DejaVuSans-Bold "*) ;;
      *)
        echo "FAIL: $paper: the handout's fonts are '$fonts', not DejaVu Sans and its bold"
        fail=1
        ;;
    esac
  done
else
  echo "SKIP: DejaVu Sans is not in $dejavu, so valgus always asks fontconfig"
fi

# A name with a character DejaVu Sans lacks: drawn, from the font that has it.
export_pdf arc.pdf --hip-rotation --weeks 1 --for "Ann ⌒"
pdftotext "$work/arc.pdf" - | grep -q "For: Ann ⌒" || {
  echo "FAIL: the name with U+2312 is not the handout's text"
  fail=1
}
if [ -r "$dejavu/DejaVuSansMono.ttf" ]; then
  pdffonts "$work/arc.pdf" | grep -q "DejaVuSansMono" || {
    echo "FAIL: U+2312 is not drawn from DejaVu Sans Mono, which has it: $(pdffonts "$work/arc.pdf" | tail -n +3)"
    fail=1
  }
else
  echo "SKIP: no DejaVu Sans Mono in $dejavu to draw U+2312 from"
fi

# DejaVu Sans as fonts-dejavu-core installs it, in a mount namespace of its
# own: the oblique styles hidden, so the italics are the upright font
# slanted, by valgus's rule and by fontconfig's.
if [ -r "$dejavu/DejaVuSans-Oblique.ttf" ] && unshare -m true 2>/dev/null; then
  mkdir "$work/core"
  cp "$dejavu"/DejaVuSans.ttf "$dejavu"/DejaVuSans-Bold.ttf "$work/core/"
  cp "$dejavu"/DejaVuSansMono*.ttf "$dejavu"/DejaVuSerif.ttf "$dejavu"/DejaVuSerif-Bold.ttf "$work/core/" 2>/dev/null
  export -f export_pdf dejavu_alone
  export bin work
  unshare -m bash -c "mount --bind '$work/core' '$dejavu' && fail=0 &&
    dejavu_alone core-dejavu.pdf --all --weeks 1 &&
    FONTCONFIG_FILE='$system_conf' export_pdf core-system.pdf --all --weeks 1 && exit \$fail" || fail=1
  same_pages "fonts-dejavu-core" "$work/core-dejavu.pdf" "$work/core-system.pdf"
  pdffonts "$work/core-dejavu.pdf" | grep -q "Oblique" && {
    echo "FAIL: with no oblique style installed, the handout still embeds one"
    fail=1
  }
else
  echo "SKIP: no mount namespace (or no oblique style to hide) to check the fonts of fonts-dejavu-core"
fi
exit $fail
