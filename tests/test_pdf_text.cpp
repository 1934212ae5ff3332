// The PDF handout's own line breaking (render/pdf_text.cpp) against pango's:
// every text of the built-in catalogue, at the handout's sizes and widths,
// breaks at the same bytes, and its lines stand at the same places, as when
// pango wraps it; texts its rules leave to pango are wrapped by pango.

#include "core/catalogue/catalogue.hpp"
#include "render/pdf_fonts.hpp"
#include "render/pdf_layouts.hpp"
#include "render/pdf_pages.hpp"
#include "render/pdf_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace valgus::pdf {
namespace {

// A pango context as the handout makes it (handout_context): DejaVu Sans,
// else the system's fonts.
class Context {
 public:
  Context() : fonts_(dejavu_font_map()) {
    if (!fonts_) {
      fonts_ = system_font_map();
    }
    context_ = handout_context(fonts_.get());
  }
  ~Context() { g_object_unref(context_); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  Context(Context&&) = delete;
  Context& operator=(Context&&) = delete;

  [[nodiscard]] PangoContext* get() const { return context_; }

 private:
  FontMap fonts_;
  PangoContext* context_;
};

// pango's own wrapping of the same text: its lines and height.
struct PangoLines {
  std::vector<WrappedText::Placed> lines;
  int height = 0;
};

// The text as pango wraps it itself, set as the handout sets it; the
// caller unrefs it.
PangoLayout* wrapped_by_pango(PangoContext* context, const std::string& markup, double size, double width,
                              bool centred) {
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_markup(layout, markup.c_str(), -1);
  return layout;
}

PangoLines pango_lines(PangoContext* context, const std::string& markup, double size, double width, bool centred) {
  PangoLayout* layout = wrapped_by_pango(context, markup, size, width, centred);
  PangoLines out;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    out.lines.push_back(
        {pango_layout_iter_get_line_readonly(iter)->start_index, logical.x, pango_layout_iter_get_baseline(iter)});
  } while (pango_layout_iter_next_line(iter) != 0);
  pango_layout_iter_free(iter);
  int ignored = 0;
  pango_layout_get_size(layout, &ignored, &out.height);
  g_object_unref(layout);
  return out;
}

// The first difference from pango, described; empty when there is none.
std::string compare(PangoContext* context, const std::string& markup, double size, double width, bool centred) {
  const WrappedText ours(context, markup, size, width, centred);
  const PangoLines theirs = pango_lines(context, markup, size, width, centred);
  const auto lines = ours.lines();
  const std::string where = "\"" + markup + "\" at " + std::to_string(size) + " pt, " + std::to_string(width) + " pt" +
                            (centred ? " centred" : "");
  if (lines.size() != theirs.lines.size()) {
    return where + ": " + std::to_string(lines.size()) + " lines, pango " + std::to_string(theirs.lines.size());
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& a = lines[i];
    const auto& b = theirs.lines[i];
    if (!(a == b)) {
      return where + ": line " + std::to_string(i + 1) + " at byte " + std::to_string(a.start) + ", x " +
             std::to_string(a.x) + ", baseline " + std::to_string(a.baseline) + "; pango " + std::to_string(b.start) +
             ", " + std::to_string(b.x) + ", " + std::to_string(b.baseline);
    }
  }
  if (ours.height() != theirs.height) {
    return where + ": height " + std::to_string(ours.height()) + ", pango " + std::to_string(theirs.height);
  }
  return {};
}

}  // namespace

TEST_CASE("every text of the catalogue wraps where pango wraps it") {
  const Context context;
  std::vector<std::string> texts;
  for (const Exercise& exercise : builtin_catalogue().exercises) {
    texts.push_back("<b>" + markup_escape(exercise.name) + "</b>");
    texts.push_back(markup_escape(exercise.summary));
    for (const auto& step : exercise.steps) {
      texts.push_back(markup_escape(step));
    }
    for (const auto& cue : exercise.cues) {
      texts.push_back("<b>Tip:</b> " + markup_escape(cue));
    }
  }
  // The handout's widths (render/pdf_pages.hpp) on A4 and Letter, at the
  // size each is set in: table cells (9.5 points), a card's text beside its
  // figure, notes, bullets and the full line (10.5), the page's foot (8,
  // centred).
  struct Setting {
    double width;
    double size;
    bool centred;
  };
  const std::vector<Setting> settings{
      {39.78, 9.5, false},   {120.31, 9.5, false},  {162.08, 9.5, false},  {167.65, 9.5, false},  {199.28, 9.5, false},
      {354.24, 10.5, false}, {370.96, 10.5, false}, {486.24, 10.5, false}, {498.24, 10.5, false}, {514.96, 10.5, false},
      {510.24, 10.5, false}, {526.96, 10.5, false}, {510.24, 8, true},     {526.96, 8, true},
  };
  int compared = 0;
  int by_pango = 0;
  for (const Setting& setting : settings) {
    for (const auto& text : texts) {
      const std::string difference = compare(context.get(), text, setting.size, setting.width, setting.centred);
      CHECK_MESSAGE(difference.empty(), difference);
      by_pango += WrappedText(context.get(), text, setting.size, setting.width, setting.centred).wrapped_by_pango();
      ++compared;
    }
  }
  MESSAGE(compared, " layouts of ", texts.size(), " texts compared, ", by_pango, " wrapped by pango");
  CHECK(compared > 5000);
  CHECK(by_pango * 20 < compared);  // the rules wrap nearly every text themselves
}

TEST_CASE("texts at the edges of the rules wrap where pango wraps them") {
  const Context context;
  // Markup as given, and whether pango must wrap it.
  const std::vector<std::pair<std::string, bool>> cases{
      {"", false},
      {"one", false},
      {"two  spaces  between  words and more words to wrap them", false},
      {"a trailing space ", false},
      {"first paragraph\nsecond paragraph, a longer one that wraps\n\nafter an empty one", false},
      {"Knee \u2014 hip \u2014 ankle\nsecond paragraph, a longer one that wraps onto more lines\nthird", false},
      {"one two\u2028three four five six seven eight nine", false},
      {"<b>bold that runs over the end of the line</b> and plain after it", false},
      {"<span size=\"larger\">big words that wrap onto</span> small words after it", false},
      {"<span foreground=\"#4a4a4a\">a coloured span that wraps</span> and plain words after it", false},
      {"knee-to-wall, single-leg mini-squat and hip-hinge: breaks after hyphens", false},
      {"re-order co-op pre-op one-off half-open step-over toe-out", false},
      {"Anticonstitutionnellementdisproportionnellement", true},  // wider than the line
      {"soft\u00adhyphen\u00adated\u00adwords\u00adthat\u00adneed\u00adone", true},
      {"tab\tstops", true},
      {"<u>under</u> more words after the underline", true},
      {"<span rise=\"2000\">up</span> and text after it", true},
      {"<span letter_spacing=\"1024\">x</span> y and more words", true},
      {"\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd, text from right to left", true},
      {"the word \u05e9\u05dc\u05d5\u05dd in a line", true},
  };
  for (const auto& entry : cases) {
    const std::string& markup = entry.first;
    CAPTURE(markup);
    for (const double width : {60.0, 100.0, 200.0, 527.0}) {
      for (const bool centred : {false, true}) {
        const std::string difference = compare(context.get(), markup, 10.5, width, centred);
        CHECK_MESSAGE(difference.empty(), difference);
      }
    }
    CHECK(WrappedText(context.get(), markup, 10.5, 60, false).wrapped_by_pango() == entry.second);
  }
}

TEST_CASE("lines centred in whole points are rounded as pango rounds them") {
  const Context context;
  for (const std::string markup : {"h k w", "first\n\nsecond"}) {
    CAPTURE(markup);
    const std::string difference = compare(context.get(), markup, 10.5, 527, true);
    CHECK_MESSAGE(difference.empty(), difference);
  }
}

TEST_CASE("a line ending after a hyphen is measured without its kerning, as pango measures it") {
  // Kerned pairs across the hyphens: the paragraph's shaping kerns the
  // hyphen against the next letter, pango's line shaped alone does not.
  const Context context;
  for (const std::string markup :
       {"re-order co-op pre-op one-off half-open step-over toe-out", "e-o a-o L-T T-V P-A Y-o F-A V-A"}) {
    for (const double size : {10.5, 26.87}) {
      for (double width = 40; width <= 200; width += 0.25) {
        for (const bool centred : {false, true}) {
          const std::string difference = compare(context.get(), markup, size, width, centred);
          REQUIRE_MESSAGE(difference.empty(), difference);
        }
      }
    }
  }
}

TEST_CASE("a wrapped text draws the pixels pango draws") {
  const Context context;
  const std::vector<std::string> markups{
      "<span foreground=\"#4a4a4a\">Strengthen</span> · <b>2 × 15 reps, hold 2 s</b> · about 3 min",
      "<b>Tip:</b> keep your knees pointing over your feet; do not let them cave inwards as you come up.",
      "<b><span size=\"larger\">Clamshell</span></b> and a plain paragraph after it that wraps onto more lines",
  };
  for (const auto& markup : markups) {
    for (const bool centred : {false, true}) {
      CAPTURE(markup);
      const WrappedText ours(context.get(), markup, 10.5, 150, centred);
      REQUIRE_FALSE(ours.wrapped_by_pango());
      PangoLayout* layout = wrapped_by_pango(context.get(), markup, 10.5, 150, centred);
      std::vector<std::vector<unsigned char>> pixels;
      for (int way = 0; way < 2; ++way) {
        cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 170, 120);
        cairo_t* cr = cairo_create(image);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        if (way == 0) {
          ours.draw(cr, 4.25, 3.5);
        } else {
          cairo_move_to(cr, 4.25, 3.5);
          pango_cairo_show_layout(cr, layout);
        }
        cairo_surface_flush(image);
        const unsigned char* data = cairo_image_surface_get_data(image);
        pixels.emplace_back(data, data + cairo_image_surface_get_stride(image) * 120);
        cairo_destroy(cr);
        cairo_surface_destroy(image);
      }
      g_object_unref(layout);
      CHECK(pixels[0] == pixels[1]);
      CHECK(std::count(pixels[0].begin(), pixels[0].end(), 0) < static_cast<long>(pixels[0].size()));  // ink drawn
    }
  }
}

}  // namespace valgus::pdf
