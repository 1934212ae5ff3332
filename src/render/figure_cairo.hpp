#pragma once

// A figure drawn with cairo (the PDF handout): the same geometry, colours
// and layers as the SVG (render_figure.cpp), only another canvas.

#include "core/model/figure_layout.hpp"

#include <cairo.h>

namespace valgus {

// Draws `drawing` scaled to `width` points wide, its top-left corner at
// (x, y) in cairo's user space (y down).
void draw_figure_cairo(cairo_t* cr, const FigureDrawing& drawing, double x, double y, double width);

}  // namespace valgus
