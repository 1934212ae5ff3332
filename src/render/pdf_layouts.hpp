#pragma once

// Every text of the PDF handout laid out (shaped) once, for every pass and
// for the measure and the draw within each: shaping is most of a PDF's time.
// The texts can be laid out ahead, on two cores: the pages name them first
// (Pages' collecting pass), then this thread and a helper on another core
// take them in turn, the helper with a font map of its own on the same
// fonts (pango's objects are one thread's at a time). Only the PDF module
// (valgus_pdf.so) includes it.

#include "render/pdf_text.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace valgus::pdf {

// A PDF's bytes thrown away: the surfaces that only give the handout's font
// options.
inline cairo_status_t discard_bytes(void* /*closure*/, const unsigned char* /*data*/, unsigned int /*length*/) {
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceRelease {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceRelease>;
struct DrawingRelease {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Drawing = std::unique_ptr<cairo_t, DrawingRelease>;

// A new context on `fonts`, set up as the handout's: a PDF surface's font
// options, glyphs at the font's own advances. The caller unrefs it.
[[nodiscard]] PangoContext* handout_context(PangoFontMap* fonts);

class Layouts {
 public:
  // Fonts from `fonts`, set up as the handout's (handout_context).
  explicit Layouts(PangoFontMap* fonts);
  ~Layouts();
  Layouts(const Layouts&) = delete;
  Layouts& operator=(const Layouts&) = delete;
  Layouts(Layouts&&) = delete;
  Layouts& operator=(Layouts&&) = delete;

  // Pango markup at `size` points, wrapped to `width`, aligned by `centred`.
  const WrappedText& get(const std::string& markup, double size, double width, bool centred);

  // A text the pages will want (the collecting pass): laid out by
  // lay_out_wanted, not now.
  void want(const std::string& markup, double size, double width, bool centred);
  // Lays out every text wanted and not yet laid out: here, and, when
  // `share`, on a helper thread on another core where the process has one;
  // the same layouts as get() makes one by one. How many the helper laid
  // out. Share only on fonts that need no fallback font (DejaVu Sans
  // alone): see the .cpp.
  std::size_t lay_out_wanted(bool share);

  // Characters of the texts laid out that no font of the font map has.
  [[nodiscard]] int unknown_glyphs() const { return unknown_glyphs_; }
  // How many texts are laid out.
  [[nodiscard]] std::size_t size() const { return layouts_.size(); }
  // The fonts of every text laid out (WrappedText::fonts).
  [[nodiscard]] std::set<std::string> fonts() const;

 private:
  using Key = std::tuple<std::string, double, double, bool>;

  PangoFontMap* fonts_;
  PangoContext* context_;
  int unknown_glyphs_ = 0;
  std::map<Key, std::unique_ptr<WrappedText>> layouts_;
  std::vector<Key> wanted_;
};

}  // namespace valgus::pdf
