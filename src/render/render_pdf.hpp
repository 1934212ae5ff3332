#pragma once

// The handout as a PDF (export FILE.pdf): the HTML page's content and order,
// laid out with pango and drawn with cairo (render_pdf.cpp).

#include "render/handout.hpp"
#include "render/render.hpp"

#include <string>

namespace valgus {

// The PDF's bytes: laid out by the PDF module (valgus_pdf.so), opened on
// first use (render_pdf_module.cpp). Error(internal) when it is missing.
[[nodiscard]] std::string render_programme_pdf(const ProgrammeView& view);

// Opens the PDF module and loads the fonts a handout is set in, ahead of
// render_programme_pdf (Format::prepare): a third of a PDF's time, none of
// it needing the programme. Thread-safe: render_programme_pdf waits for a
// preparation under way. Throws what opening the module throws.
void prepare_pdf_handout();

// The module's own function, which render_programme_pdf reaches through it:
// the handout's values in, the PDF's bytes out; nothing of valgus called.
[[nodiscard]] std::string draw_programme_pdf(const Handout& handout, Paper paper);

}  // namespace valgus
