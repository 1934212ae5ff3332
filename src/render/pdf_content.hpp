#pragma once

// What goes on the PDF handout's pages, in order (render_pdf.cpp): the HTML
// page's content (make_handout) as headings, paragraphs, tables and figure
// cards. Only the PDF module (valgus_pdf.so) includes it.

#include "render/handout.hpp"
#include "render/pdf_pages.hpp"

namespace valgus::pdf {

// One pass of `pages` over the whole handout.
void lay_out_handout(Pages& pages, const Handout& handout);

}  // namespace valgus::pdf
