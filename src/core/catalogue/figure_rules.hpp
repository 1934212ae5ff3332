#pragma once

// Figures against the whole catalogue: a skeleton's tree, a pose's view and
// joints, props in their places, and whether each posture can be drawn and
// held (figure_layout). And a figure made ready to draw, for the renderers.

#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/field_reader.hpp"
#include "core/model/figure_layout.hpp"

#include <string>
#include <vector>

namespace valgus {

// Reports every skeleton, pose and figure (of exercises and self-tests) that
// is wrong, at its own place; run once every file is in.
void check_figures(const Catalogue& catalogue, LoadErrors& errors);

// `figure` (of an exercise or a self-test) ready to draw, titled `title`.
// Without a figure, or with one this catalogue cannot draw, a placeholder:
// the catalogue's first pose, still and faint (no pose at all: nothing).
[[nodiscard]] FigureDrawing draw_figure(const Catalogue& catalogue, const Figure& figure, const std::string& title);

}  // namespace valgus
