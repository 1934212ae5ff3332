#!/usr/bin/env bash
# The PDF handout's fonts. valgus sets it in DejaVu Sans alone when the font
# is where the distribution installs it: the pages must be the pixels that
# fontconfig's whole configuration gives (which FONTCONFIG_FILE makes valgus
# use). A character DejaVu Sans lacks sends valgus to that configuration,
# which finds a font for it (DejaVu Sans Mono has U+2312, ARC).
#   pdf_fonts.sh VALGUS
set -u
bin=$1
fail=0
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
system_conf=/etc/fonts/fonts.conf
[ -r "$system_conf" ] || { echo "SKIP: no $system_conf to compare with"; exit 0; }

export_pdf() {  # FILE ARGS...
  local file=$1
  shift
  "$bin" export "$work/$file" "$@" >/dev/null 2>"$work/err" || {
    echo "FAIL: export $file $*: $(cat "$work/err")"
    fail=1
  }
}

for paper in a4 letter; do
  export_pdf "dejavu-$paper.pdf" --hip-rotation --pronation --weeks 2 --for Sam --paper "$paper"
  FONTCONFIG_FILE=$system_conf export_pdf "system-$paper.pdf" --hip-rotation --pronation --weeks 2 --for Sam \
    --paper "$paper"
  pdftoppm -png -r 50 "$work/dejavu-$paper.pdf" "$work/dejavu-$paper"
  pdftoppm -png -r 50 "$work/system-$paper.pdf" "$work/system-$paper"
  pages=0
  for page in "$work/dejavu-$paper"-*.png; do
    pages=$((pages + 1))
    cmp -s "$page" "${page/dejavu-/system-}" || {
      echo "FAIL: $paper page $(basename "$page"): DejaVu Sans alone draws it otherwise than fontconfig's configuration"
      fail=1
    }
  done
  [ "$pages" -ge 2 ] && [ ! -e "$work/system-$paper-$(printf '%02d' $((pages + 1))).png" ] || {
    echo "FAIL: $paper: $pages pages drawn with DejaVu Sans alone, another count with fontconfig's configuration"
    fail=1
  }
  fonts=$(pdffonts "$work/dejavu-$paper.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
  case "$fonts" in
    "DejaVuSans DejaVuSans-Bold "*) ;;
    *)
      echo "FAIL: $paper: the handout's fonts are '$fonts', not DejaVu Sans and its bold"
      fail=1
      ;;
  esac
done

# A name with a character DejaVu Sans lacks: drawn, from the font that has it.
export_pdf arc.pdf --hip-rotation --weeks 1 --for "Ann ⌒"
pdftotext "$work/arc.pdf" - | grep -q "For: Ann ⌒" || {
  echo "FAIL: the name with U+2312 is not the handout's text"
  fail=1
}
if [ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]; then
  pdffonts "$work/arc.pdf" | grep -q "DejaVuSansMono" || {
    echo "FAIL: U+2312 is not drawn from DejaVu Sans Mono, which has it: $(pdffonts "$work/arc.pdf" | tail -n +3)"
    fail=1
  }
fi
exit $fail
