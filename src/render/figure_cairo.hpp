#pragma once

// A figure drawn with cairo (the PDF handout): the same geometry, colours
// and layers as the SVG (render_figure.cpp), only another canvas.

#include "core/model/figure_layout.hpp"

#include <cairo.h>

namespace valgus {

// The handout's colours, shared by the figures and the PDF's text.
struct Rgb {
  double r, g, b;
};
inline constexpr Rgb ink{0.102, 0.102, 0.102};
inline constexpr Rgb accent{0.761, 0.255, 0.047};

inline void set_colour(cairo_t* cr, Rgb c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

// Draws `drawing` scaled to `width` points wide, its top-left corner at
// (x, y) in cairo's user space (y down).
void draw_figure_cairo(cairo_t* cr, const FigureDrawing& drawing, double x, double y, double width);

}  // namespace valgus
