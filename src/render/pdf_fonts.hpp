#pragma once

// The fonts the PDF handout is set in, DejaVu Sans, as a pango font map.
// Only the PDF module (valgus_pdf.so) includes it.
//
// fontconfig's whole configuration costs a handout a sixth of its time:
// loading it parses some fifty XML files, and pango then sorts every font
// of the system once for each size and weight the handout uses. Where
// DejaVu Sans is installed where Linux distributions put it, a
// configuration holding only its styles gives the same pages in a fraction
// of that. fontconfig's whole configuration is still used when the files
// are elsewhere, when the person points fontconfig at a configuration of
// their own, and when a text holds a character DejaVu Sans lacks (a name in
// another script): fontconfig then finds a font that has it.

#include <pango/pangocairo.h>

#include <memory>

namespace valgus::pdf {

struct FontMapRelease {
  void operator()(PangoFontMap* map) const { g_object_unref(map); }
};
using FontMap = std::unique_ptr<PangoFontMap, FontMapRelease>;

// DejaVu Sans alone: regular and bold, which it needs, and the oblique
// styles where installed (where they are not, the upright ones slanted, as
// fontconfig's own rule does; the handout sets no text bold and italic).
// Null when the regular and bold files are not found, and when the person
// has a fontconfig configuration of their own (FONTCONFIG_FILE,
// FONTCONFIG_PATH, FONTCONFIG_SYSROOT, or a personal fonts.conf).
[[nodiscard]] FontMap dejavu_font_map();

// Another font map on the fonts of `fonts` (the same fontconfig
// configuration), for another thread: pango's objects are one thread's.
[[nodiscard]] FontMap font_map_sharing(PangoFontMap* fonts);

// fontconfig's whole configuration, loaded now.
[[nodiscard]] FontMap system_font_map();

}  // namespace valgus::pdf
