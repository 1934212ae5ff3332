#pragma once

// The PDF handout's page machinery (render_pdf.cpp puts the content on it):
// every text laid out once with pango, and pages that measure and draw
// headings, paragraphs, bullets, tables and figure cards, never split, with
// "page N of M" at the foot. Only the PDF module (valgus_pdf.so) includes it.

#include "render/figure_cairo.hpp"
#include "render/handout.hpp"
#include "render/pdf_layouts.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace valgus::pdf {

inline constexpr double mm = 72.0 / 25.4;
inline constexpr double margin = 15 * mm;
inline constexpr double footer = 14;  // points kept under the text for the page number
inline constexpr double gap = 6;
inline constexpr double figure_width = 130;
inline constexpr double body_size = 10.5;
inline constexpr double title_size = 20;
inline constexpr double person_size = body_size + 0.5;
inline constexpr double heading_size = 14;
inline constexpr double table_size = body_size - 1;
inline constexpr double footer_size = 8;

inline constexpr Rgb muted{0.29, 0.29, 0.29};
inline constexpr Rgb rule{0.81, 0.81, 0.81};
inline constexpr Rgb shade{0.95, 0.95, 0.95};

// Text as pango markup (glib's escaping: & < > ' ").
inline std::string markup_escape(const std::string& text) {
  gchar* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

// Lays out a sample in every font the pages set text in (each size, weight
// and style; lay_out_handout (render_pdf.cpp) uses no other). pango loads a font
// the first time it is used: fontconfig's match on two threads of its own,
// the font's metrics (from a layout of a sample text), its cairo font and
// HarfBuzz's, about a fifth of a millisecond each; done here ahead of the
// handout (valgus_prepare_handout_pdf), on another core, until `stop`
// (the handout is ready to be laid out).
inline void load_fonts(Layouts& layouts, const std::atomic<bool>& stop) {
  const std::string sample = "The quick brown fox jumps over the lazy dog: 0123456789 \u00b7 \u2013 \u2610";
  const std::string bold = "<b>" + sample + "</b>";
  const std::vector<std::pair<std::string, double>> fonts{
      {sample, body_size},
      {bold, body_size},
      {"<i>" + sample + "</i>", body_size},
      {bold, heading_size},
      {sample, table_size},
      {bold, table_size},
      {bold, title_size},
      {sample, footer_size},
      {sample, person_size},
      {"<b><span size=\"larger\">" + sample + "</span></b>", body_size}};
  for (const auto& [markup, size] : fonts) {
    if (stop) {
      return;  // the handout's turn: it loads the others as it meets them
    }
    (void)layouts.get(markup, size, 1000, false);
  }
}

// What a pass over the handout does: name every text it will lay out (so
// they can be laid out ahead, on two cores); lay out and measure them all
// and count the pages; or draw.
enum class Pass { collect, count, draw };

// One pass over the handout: measures everything and draws it on `cr` (the
// drawing pass, which knows the `total` of pages). The passes before it
// draw nothing and have no `cr`.
class Pages {
 public:
  Pages(Pass pass, cairo_t* cr, Layouts& layouts, double width, double height, int total)
      : pass_(pass), cr_(cr), width_(width), height_(height), total_(total), layouts_(layouts) {
    y_ = margin;
  }
  ~Pages() = default;
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;
  Pages(Pages&&) = delete;
  Pages& operator=(Pages&&) = delete;

  [[nodiscard]] int pages() const { return page_; }
  // The drawing pass; the passes before it draw nothing.
  [[nodiscard]] bool drawing() const { return pass_ == Pass::draw; }
  [[nodiscard]] double content_width() const { return width_ - 2 * margin; }

  // Pango markup (escaped text with <b>, <i>) at `size` points, `width`
  // wide; its height. Drawn at (x, y) when y is given (not negative), unless
  // this pass only counts the pages.
  double text(const std::string& markup, double size, double width, double x = 0, double y = -1, Rgb colour = ink) {
    if (pass_ == Pass::collect) {
      layouts_.want(markup, size, width, centred_);
      return 0;  // no height yet: this pass's pages are not the handout's
    }
    const WrappedText& laid_out = layouts_.get(markup, size, width, centred_);
    if (y >= 0 && drawing()) {
      set_colour(cr_, colour);
      laid_out.draw(cr_, x, y);
    }
    return static_cast<double>(laid_out.height()) / PANGO_SCALE;
  }

  // Room for `height` more points on this page, or a new page.
  void need(double height) {
    if (y_ + height > height_ - margin - footer && y_ > margin) {
      new_page();
    }
  }

  void new_page() {
    finish_page();
    if (drawing()) {
      cairo_show_page(cr_);
    }
    ++page_;
    y_ = margin;
  }

  // A new page unless this one is still empty.
  void page_break() {
    if (y_ > margin) {
      new_page();
    }
  }

  void finish_page() {
    if (!finished_.insert_page(page_) || !drawing()) {
      return;  // the number needs the count; it takes no room from the page
    }
    const std::string number = fmt::format("Knee valgus programme · page {} of {}", page_, std::max(total_, page_));
    const double w = content_width();
    centred_ = true;
    text(markup_escape(number), footer_size, w, margin, height_ - margin - footer + 4, muted);
    centred_ = false;
  }

  void heading(const std::string& title, double size = heading_size) {
    const double h = text("<b>" + markup_escape(title) + "</b>", size, content_width());
    need(h + 4 + 3 * body_size);  // never a heading alone at the foot of a page
    text("<b>" + markup_escape(title) + "</b>", size, content_width(), margin, y_);
    y_ += h + 2;
    if (drawing()) {
      set_colour(cr_, ink);
      cairo_set_line_width(cr_, 1.2);
      cairo_move_to(cr_, margin, y_);
      cairo_line_to(cr_, width_ - margin, y_);
      cairo_stroke(cr_);
    }
    y_ += gap;
  }

  void paragraph(const std::string& markup, double size = body_size, Rgb colour = ink, double indent = 0) {
    const double w = content_width() - indent;
    const double h = text(markup, size, w);
    need(h);
    text(markup, size, w, margin + indent, y_, colour);
    y_ += h + 3;
  }

  void bullets(const std::vector<std::string>& items) {
    for (const auto& item : items) {
      const double h = text(markup_escape(item), body_size, content_width() - 12);
      need(h);
      text("•", body_size, 10, margin + 2, y_);
      text(markup_escape(item), body_size, content_width() - 12, margin + 12, y_);
      y_ += h + 2;
    }
    y_ += gap / 2;
  }

  // A table: a row never splits; the header row again on a new page.
  void table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
             const std::vector<double>& weights) {
    const double total = [&] {
      double t = 0;
      for (const double w : weights) {
        t += w;
      }
      return t;
    }();
    std::vector<double> widths;
    for (const double w : weights) {
      widths.push_back(content_width() * w / total);
    }
    const auto row_height = [&](const std::vector<std::string>& cells, bool bold) {
      double h = 0;
      for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
        const std::string m = bold ? "<b>" + markup_escape(cells[i]) + "</b>" : markup_escape(cells[i]);
        h = std::max(h, text(m, table_size, widths[i] - 8));
      }
      return h + 6;
    };
    const auto draw_row = [&](const std::vector<std::string>& cells, bool bold) {
      const double h = row_height(cells, bold);
      const std::size_t columns = std::min(cells.size(), widths.size());
      if (!drawing()) {
        y_ += h;
        return;
      }
      // The row's cells as one path, shaded (the header) and ruled at once:
      // one drawing operation of the PDF's instead of two a cell.
      double x = margin;
      for (std::size_t i = 0; i < columns; ++i) {
        cairo_rectangle(cr_, x, y_, widths[i], h);
        x += widths[i];
      }
      if (bold) {
        set_colour(cr_, shade);
        cairo_fill_preserve(cr_);
      }
      set_colour(cr_, rule);
      cairo_set_line_width(cr_, 0.6);
      cairo_stroke(cr_);
      x = margin;
      for (std::size_t i = 0; i < columns; ++i) {
        const std::string m = bold ? "<b>" + markup_escape(cells[i]) + "</b>" : markup_escape(cells[i]);
        text(m, table_size, widths[i] - 8, x + 4, y_ + 3);
        x += widths[i];
      }
      y_ += h;
    };
    need(row_height(head, true) + (rows.empty() ? 0 : row_height(rows.front(), false)));
    draw_row(head, true);
    for (const auto& row : rows) {
      const double h = row_height(row, false);
      if (y_ + h > height_ - margin - footer) {
        new_page();
        draw_row(head, true);
      }
      draw_row(row, false);
    }
    y_ += gap * 1.5;
  }

  // A figure beside text, kept together: the watch items and the cards.
  void figure_beside(const FigureDrawing& figure, bool drawn, const std::vector<std::string>& lines, bool card) {
    const double pad = card ? 6 : 0;
    const double fig_w = drawn ? figure_width : 0;
    const double fig_h = drawn && figure.width > 0 ? fig_w * figure.height / figure.width : 0;
    const double text_x = margin + pad + fig_w + (drawn ? 10 : 0) + (card ? 4 : 0);
    const double text_w = width_ - margin - pad - text_x;
    double text_h = 0;
    for (const auto& line : lines) {
      text_h += text(line, body_size, text_w) + 2;
    }
    const double h = std::max(fig_h, text_h) + 2 * pad;
    need(h);
    if (card) {
      framed_box(h, rule, 0.6, 4);
    }
    if (drawn && drawing()) {
      draw_figure_cairo(cr_, figure, margin + pad + (card ? 4 : 0), y_ + pad, fig_w);
    }
    double ty = y_ + pad;
    for (const auto& line : lines) {
      ty += text(line, body_size, text_w, text_x, ty) + 2;
    }
    y_ += h + gap;
  }

  // A box `h` high across the page at y, outlined, with the accent bar at
  // its left (a card, the safety banner).
  void framed_box(double h, Rgb outline, double line_width, double bar) {
    if (!drawing()) {
      return;
    }
    set_colour(cr_, outline);
    cairo_set_line_width(cr_, line_width);
    cairo_rectangle(cr_, margin, y_, content_width(), h);
    cairo_stroke(cr_);
    set_colour(cr_, accent);
    cairo_rectangle(cr_, margin, y_, bar, h);
    cairo_fill(cr_);
  }

  void banner(const std::vector<std::pair<std::string, std::string>>& notes) {
    std::vector<std::string> lines;
    for (const auto& [title, body] : notes) {
      lines.push_back("<b>" + markup_escape(title) + ":</b> " + markup_escape(body));
    }
    double h = 12;
    for (const auto& line : lines) {
      h += text(line, body_size, content_width() - 24) + 3;
    }
    need(h);
    framed_box(h, ink, 1.5, 6);
    double ty = y_ + 6;
    for (const auto& line : lines) {
      ty += text(line, body_size, content_width() - 24, margin + 16, ty) + 3;
    }
    y_ += h + gap * 2;
  }

  void space(double points) { y_ += points; }

 private:
  // The pages whose number is drawn, so each gets it once.
  struct Finished {
    int last = 0;
    bool insert_page(int page) {
      if (page <= last) {
        return false;
      }
      last = page;
      return true;
    }
  };

  Pass pass_;
  cairo_t* cr_;
  double width_;
  double height_;
  int total_;
  Layouts& layouts_;
  bool centred_ = false;
  double y_ = 0;
  int page_ = 1;
  Finished finished_;
};

}  // namespace valgus::pdf
