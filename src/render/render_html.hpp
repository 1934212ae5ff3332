#pragma once

// The handout as one self-contained HTML page (export FILE.html): inline CSS
// and SVG figures, no script, nothing fetched (render_html.cpp).

#include "render/render.hpp"

#include <string>
#include <string_view>

namespace valgus {

[[nodiscard]] std::string render_programme_html(const ProgrammeView& view);

// `text` safe inside HTML or SVG text and attribute values: & < > " '
// escaped.
[[nodiscard]] std::string markup_escape(std::string_view text);

}  // namespace valgus
