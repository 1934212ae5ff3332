#pragma once

// A figure drawn: SVG for files and the HTML handout, Unicode braille for
// the terminal. Both draw a FigureDrawing as laid out by core and compute
// no geometry of their own, so every output shows the same figure.

#include "core/model/figure_layout.hpp"

#include <string>

namespace valgus {

// One self-contained <svg> element: start pose faint (class "pose start"),
// end pose solid ("pose end"), the working side in the accent colour, the
// arrow; <title> and <desc> for screen readers. `id_prefix` keeps ids
// apart when many figures share a page.
[[nodiscard]] std::string render_figure_svg(const FigureDrawing& drawing, const std::string& id_prefix = "figure");

// The figure in braille (2 x 4 dots a character), start and end side by
// side with a label under each, each line at most `columns` wide; empty
// when `columns` is too narrow to draw anything useful.
[[nodiscard]] std::string render_figure_braille(const FigureDrawing& drawing, int columns);

// What the figure shows, in words (the SVG's <desc>).
[[nodiscard]] std::string describe_figure(const FigureDrawing& drawing);

}  // namespace valgus
