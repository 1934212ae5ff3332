#pragma once

// The handout as a PDF (export FILE.pdf): the HTML page's content and order,
// laid out with pango and drawn with cairo (render_pdf.cpp).

#include "render/render.hpp"

#include <string>

namespace valgus {

// The PDF's bytes.
[[nodiscard]] std::string render_programme_pdf(const ProgrammeView& view);

}  // namespace valgus
