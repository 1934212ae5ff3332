// The PDF handout's texts laid out ahead (render/pdf_layouts.cpp): on two
// cores, each with its own font map, they come out as laid out one at a
// time on one; and the fonts loaded ahead of a handout (load_fonts) are
// every font a handout is set in.

#include "core/catalogue/catalogue.hpp"
#include "core/plan/planner.hpp"
#include "fixtures.hpp"
#include "render/handout.hpp"
#include "render/pdf_content.hpp"
#include "render/pdf_fonts.hpp"
#include "render/pdf_layouts.hpp"

#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <sched.h>

#include <atomic>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace valgus::pdf {
namespace {

// The handout's fonts: DejaVu Sans, else the system's.
FontMap handout_fonts() {
  FontMap fonts = dejavu_font_map();
  return fonts ? std::move(fonts) : system_font_map();
}

bool other_cores() {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  return ::sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 1;
}

// A handout of the built-in catalogue with every kind of content: a person
// named, the self-tests, sessions of cards, progressions over six weeks.
Handout full_handout(const Catalogue& catalogue, const Plan& plan, const Request& request, Paper paper) {
  ProgrammeView view;
  view.plan = &plan;
  view.request = &request;
  view.catalogue = &catalogue;
  view.person = "Alex Example";
  view.paper = paper;
  return make_handout(view);
}

}  // namespace

TEST_CASE("texts laid out ahead on two cores are the texts laid out one at a time") {
  const FontMap fonts = handout_fonts();
  std::vector<std::string> texts;
  for (const Exercise& exercise : builtin_catalogue().exercises) {
    texts.push_back("<b>" + markup_escape(exercise.name) + "</b>");
    texts.push_back(markup_escape(exercise.summary));
    for (const auto& step : exercise.steps) {
      texts.push_back(markup_escape(step));
    }
  }
  // Most at the body's size, which the helper shares; a few at the table's
  // and the headings', which this thread lays out alone.
  struct Setting {
    double size;
    double width;
    std::size_t every;  // one text in `every`
  };
  const std::vector<Setting> settings{{body_size, 162.08, 1},
                                      {body_size, 354.24, 1},
                                      {body_size, 510.24, 1},
                                      {table_size, 120.31, 5},
                                      {heading_size, 510.24, 7}};
  Layouts ahead(fonts.get());
  Layouts one_by_one(fonts.get());
  std::set<std::pair<std::string, double>> at_body_size;
  for (const Setting& setting : settings) {
    for (std::size_t i = 0; i < texts.size(); i += setting.every) {
      ahead.want(texts[i], setting.size, setting.width, false);
      ahead.want(texts[i], setting.size, setting.width, false);  // wanted twice, laid out once
      if (setting.size == body_size) {
        at_body_size.emplace(texts[i], setting.width);
      }
    }
  }
  const std::size_t helped = ahead.lay_out_wanted(true);
  const std::size_t laid_out = ahead.size();
  MESSAGE(laid_out, " texts laid out ahead, ", helped, " of them on the helper's core");
  if (other_cores()) {
    CHECK(helped > 0);
  } else {
    CHECK(helped == 0);
  }
  CHECK(helped <= at_body_size.size());  // only texts at the common size
  CHECK(at_body_size.size() < laid_out);
  std::size_t compared = 0;
  for (const Setting& setting : settings) {
    for (std::size_t i = 0; i < texts.size(); i += setting.every) {
      const WrappedText& a = ahead.get(texts[i], setting.size, setting.width, false);
      const WrappedText& b = one_by_one.get(texts[i], setting.size, setting.width, false);
      CAPTURE(texts[i]);
      CAPTURE(setting.size);
      CHECK(a.lines() == b.lines());
      CHECK(a.height() == b.height());
      CHECK(a.wrapped_by_pango() == b.wrapped_by_pango());
      CHECK(a.fonts() == b.fonts());
      ++compared;
    }
  }
  CHECK(ahead.size() == laid_out);  // every text was there: none laid out again
  CHECK(ahead.unknown_glyphs() == one_by_one.unknown_glyphs());
  CHECK(one_by_one.size() == laid_out);  // the same texts, laid out one at a time
  CHECK(compared >= laid_out);
}

TEST_CASE("a wanted text already laid out is not laid out again, and nothing to share needs no helper") {
  const FontMap fonts = handout_fonts();
  Layouts layouts(fonts.get());
  const WrappedText& first = layouts.get("already here", body_size, 200, false);
  layouts.want("already here", body_size, 200, false);
  CHECK(layouts.lay_out_wanted(true) == 0);
  CHECK(layouts.size() == 1);
  CHECK(&layouts.get("already here", body_size, 200, false) == &first);
  CHECK(layouts.lay_out_wanted(true) == 0);
}

TEST_CASE("texts not to be shared are all laid out on this thread") {
  const FontMap fonts = handout_fonts();
  Layouts layouts(fonts.get());
  for (int i = 0; i < 50; ++i) {
    layouts.want("text number " + std::to_string(i), body_size, 200, false);
  }
  CHECK(layouts.lay_out_wanted(false) == 0);
  CHECK(layouts.size() == 50);
}

TEST_CASE("the fonts loaded ahead of a handout are every font the handout is set in") {
  const Catalogue& catalogue = builtin_catalogue();
  Request request = test::request_for({"hip-rotation", "pronation"});
  request.weeks = 6;
  const Plan plan = make_plan(catalogue, request);
  const FontMap fonts = handout_fonts();
  Layouts loaded(fonts.get());
  const std::atomic<bool> never{false};
  load_fonts(loaded, never);
  const std::set<std::string> ahead = loaded.fonts();
  CHECK(ahead.size() == 10);
  for (const Paper paper : {Paper::a4, Paper::letter}) {
    const Handout handout = full_handout(catalogue, plan, request, paper);
    REQUIRE(!handout.watch.empty());  // the self-tests: italics
    REQUIRE(!handout.sessions.empty());
    REQUIRE(!handout.progression.empty());
    const double width = paper == Paper::letter ? 8.5 * 72 : 210 * mm;
    const double height = paper == Paper::letter ? 11 * 72 : 297 * mm;
    // Every pass, the drawing one too (the page numbers are its alone), on
    // a PDF surface of the handout's size.
    const Surface surface(cairo_pdf_surface_create_for_stream(discard_bytes, nullptr, width, height));
    const Drawing cr(cairo_create(surface.get()));
    Layouts layouts(fonts.get());
    int pages = 0;
    {
      Pages collecting(Pass::collect, nullptr, layouts, width, height, 0);
      lay_out_handout(collecting, handout);
      layouts.lay_out_wanted(true);
      Pages counting(Pass::count, nullptr, layouts, width, height, 0);
      lay_out_handout(counting, handout);
      pages = counting.pages();
      Pages drawing(Pass::draw, cr.get(), layouts, width, height, pages);
      lay_out_handout(drawing, handout);
      CHECK(drawing.pages() == pages);
    }
    CHECK(pages > 3);
    for (const std::string& font : layouts.fonts()) {
      CAPTURE(font);
      CHECK(ahead.count(font) == 1);
    }
    CHECK(layouts.fonts().size() == ahead.size());  // and none loaded in vain
  }
}

}  // namespace valgus::pdf
