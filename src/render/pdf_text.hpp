#pragma once

// A text of the PDF handout, wrapped to a width, shaped once. pango 1.50
// shapes a text again each time it wraps a line (the line's part, then what
// is left), which was a third of a handout's layout; here pango shapes each
// paragraph once, unwrapped, and the lines are cut from its glyphs where
// pango's own wrapping (PANGO_WRAP_WORD_CHAR, pango-layout.c) would cut
// them: the longest line that fits, measured as pango measures it. A text
// these rules cannot wrap alone is left to pango's wrapping: a word wider
// than the line (pango breaks it between characters), a break that adds a
// hyphen, tabs, right-to-left text, and any attribute but a colour (rise,
// underline, letter spacing ...), which only pango's renderer draws. Only
// the PDF module (valgus_pdf.so) includes it.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

namespace valgus::pdf {

class WrappedText {
 public:
  // `markup` (pango markup) in DejaVu Sans at `size` points, wrapped to
  // `width` points, each line centred or not.
  WrappedText(PangoContext* context, const std::string& markup, double size, double width, bool centred);
  ~WrappedText();
  WrappedText(const WrappedText&) = delete;
  WrappedText& operator=(const WrappedText&) = delete;
  WrappedText(WrappedText&&) = delete;
  WrappedText& operator=(WrappedText&&) = delete;

  // Its height in pango units, as pango_layout_get_size gives it.
  [[nodiscard]] int height() const { return height_; }
  // Characters no font of the font map has.
  [[nodiscard]] int unknown_glyphs() const { return pango_layout_get_unknown_glyphs_count(layout_); }
  // Draws it with its top-left corner at (x, y), in the current source.
  void draw(cairo_t* cr, double x, double y) const;
  // A line as tests compare it with pango's own wrapping: the byte of the
  // text it starts at, its left edge and its baseline from the top (pango
  // units).
  struct Placed {
    int start = 0;
    int x = 0;
    int baseline = 0;
    friend bool operator==(const Placed& a, const Placed& b) {
      return a.start == b.start && a.x == b.x && a.baseline == b.baseline;
    }
  };
  [[nodiscard]] std::vector<Placed> lines() const;
  // The fonts it is set in, as pango describes them ("DejaVu Sans Bold
  // 10.5px"), each once.
  [[nodiscard]] std::vector<std::string> fonts() const;
  // Whether pango wrapped it (see above).
  [[nodiscard]] bool wrapped_by_pango() const { return lines_.empty(); }

 private:
  struct GlyphItemFree {
    void operator()(PangoGlyphItem* item) const { pango_glyph_item_free(item); }
  };
  using GlyphItem = std::unique_ptr<PangoGlyphItem, GlyphItemFree>;

  struct Line {
    int start = 0;     // byte of the text
    int x = 0;         // from the left edge (centred lines), pango units
    int baseline = 0;  // from the top of the text, pango units
    std::vector<GlyphItem> runs;
  };

  bool cut_lines(int width, bool centred);
  static void place(const Line& line);

  PangoLayout* layout_;  // unwrapped, or wrapped by pango
  std::vector<Line> lines_;
  int height_ = 0;
};

}  // namespace valgus::pdf
