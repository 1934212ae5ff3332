// The handout as a PDF, laid out with pango and drawn with cairo: the HTML
// page's content in its order (make_handout), real text in DejaVu Sans
// (embedded by cairo), A4 or Letter with 15 mm margins, a session per page,
// cards and table rows never split, page numbers. Three passes over the
// pages: one names every text (laid out then on two cores, pdf_layouts),
// one counts the pages, one draws them with "page N of M".

#include "render/render_pdf.hpp"

#include <exception>

#include "render/pdf_content.hpp"
#include "render/pdf_fonts.hpp"

#include <cairo-pdf.h>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace valgus {
namespace {

using namespace pdf;  // NOLINT(google-build-using-namespace): the module's own page machinery

cairo_status_t write_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::vector<std::string> card_lines(const HandoutCard& card) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("<b><span size=\"larger\">{}. {}</span></b>", card.number, markup_escape(card.name)));
  lines.push_back(fmt::format("<span foreground=\"#4a4a4a\">{}</span> · <b>{}</b> · about {} min",
                              markup_escape(card.phase), markup_escape(card.dose), card.minutes));
  if (!card.equipment.empty()) {
    lines.push_back("<b>Equipment:</b> " + markup_escape(card.equipment));
  }
  for (std::size_t i = 0; i < card.steps.size(); ++i) {
    lines.push_back(fmt::format("{}. {}", i + 1, markup_escape(card.steps[i])));
  }
  for (const auto& tip : card.tips) {
    lines.push_back("<b>Tip:</b> " + markup_escape(tip));
  }
  lines.push_back("<b>Why:</b> " + markup_escape(card.why));
  return lines;
}

}  // namespace

void pdf::lay_out_handout(Pages& p, const Handout& h) {
  p.paragraph("<b>" + markup_escape(h.title) + "</b>", title_size);
  if (!h.person.empty()) {
    p.paragraph("For: " + markup_escape(h.person), person_size, muted);
  }
  p.paragraph(markup_escape(h.problems), body_size, muted);
  p.space(4);
  if (!h.banner.empty()) {
    p.banner(h.banner);
  }
  p.heading("Your week");
  p.paragraph(markup_escape(h.schedule));
  if (!h.week_rows.empty()) {
    p.table({"Day", "Session", "Minutes"}, h.week_rows, {1, 1, 1});
  }
  if (!h.equipment.empty()) {
    p.paragraph("<b>Equipment:</b> " + markup_escape(h.equipment));
  }
  if (!h.adjustments.empty()) {
    p.heading("Adjusted for you");
    p.bullets(h.adjustments);
  }
  if (!h.position.empty()) {
    p.paragraph(markup_escape(h.position));
  }
  if (!h.watch.empty()) {
    p.heading("What to watch for");
    for (const auto& watch : h.watch) {
      p.figure_beside(watch.figure, true,
                      {"<b>" + markup_escape(watch.name) + ":</b> " + markup_escape(watch.look_for),
                       "<i>" + markup_escape(watch.meaning) + "</i>"},
                      false);
    }
  }
  for (const auto& session : h.sessions) {
    p.page_break();
    p.heading(session.title);
    if (!session.empty.empty()) {
      p.paragraph(markup_escape(session.empty));
    }
    for (const auto& card : session.cards) {
      p.figure_beside(card.figure, card.drawn, card_lines(card), true);
    }
  }
  if (!h.progression_title.empty()) {
    p.heading(h.progression_title);
    if (!h.progression_none.empty()) {
      p.paragraph(markup_escape(h.progression_none));
    } else {
      p.table({"Week", "Exercise", "Change", "Dose from then on"}, h.progression, {0.6, 1.6, 2.6, 1.6});
    }
    for (const auto& [week, changes] : h.week_changes) {
      p.paragraph("<b>" + markup_escape(week) + "</b>");
      p.bullets(changes);
    }
  }
  p.heading("Tick sheet");
  std::vector<std::string> head{"Day"};
  std::vector<double> weights{1.6};
  for (const int week : h.weeks) {
    head.push_back(fmt::format("Week {}", week));
    weights.push_back(1);
  }
  for (const auto& session : h.sessions) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& day : session.days.empty() ? std::vector<std::string>{"Done"} : session.days) {
      std::vector<std::string> row{day};
      row.resize(head.size(), "☐");
      rows.push_back(row);
    }
    std::vector<std::string> pain{"Pain after (0–10)"};
    pain.resize(head.size(), "");
    rows.push_back(pain);
    if (!session.id.empty()) {
      p.paragraph("<b>Session " + markup_escape(session.id) + "</b>");
    }
    p.table(head, rows, weights);
  }
  if (!h.pain.empty()) {
    p.heading("When it hurts");
    p.bullets(h.pain);
  }
  if (!h.habits.empty()) {
    p.heading("Avoid during the day");
    std::vector<std::string> items;
    for (const auto& [name, advice] : h.habits) {
      items.push_back(fmt::format("{}: {}", name, advice));
    }
    p.bullets(items);
  }
  for (const auto& [title, body] : h.notes) {
    p.heading(title);
    p.paragraph(markup_escape(body));
  }
  p.finish_page();
}

namespace {

// The handout drawn with the fonts of `fonts`. When they are DejaVu Sans
// alone: none if a text holds a character DejaVu Sans lacks (known after
// the texts are laid out), and the texts laid out on two cores, as these
// fonts need no fallback font (see pdf_layouts.cpp).
std::optional<std::string> draw_with(PangoFontMap* fonts, const Handout& handout, Paper paper, bool dejavu_alone) {
  const double width = paper == Paper::letter ? 8.5 * 72 : 210 * mm;
  const double height = paper == Paper::letter ? 11 * 72 : 297 * mm;
  std::string out;
  const Surface surface(cairo_pdf_surface_create_for_stream(write_to_string, &out, width, height));
  const Drawing cr(cairo_create(surface.get()));
  Layouts layouts(fonts);
  {
    Pages collecting(Pass::collect, nullptr, layouts, width, height, 0);
    lay_out_handout(collecting, handout);
    layouts.lay_out_wanted(dejavu_alone);
  }
  int pages = 0;
  {
    Pages counting(Pass::count, nullptr, layouts, width, height, 0);
    lay_out_handout(counting, handout);
    pages = counting.pages();
  }
  if (dejavu_alone && layouts.unknown_glyphs() > 0) {
    return std::nullopt;
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, handout.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "valgus");
  if (!handout.created.empty()) {
    // Else cairo writes the time of drawing: two exports would differ.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   (handout.created + "T00:00:00Z").c_str());
  }
  {
    Pages drawing(Pass::draw, cr.get(), layouts, width, height, pages);
    lay_out_handout(drawing, handout);
  }
  cairo_surface_finish(surface.get());
  return out;
}

}  // namespace

namespace {

// Set when a handout is ready to be laid out: the fonts are its from then on.
std::atomic<bool> handout_waiting{false};

// DejaVu Sans (dejavu_font_map), made once: by valgus_prepare_handout_pdf
// on another core while the programme is planned, loading the pages' fonts
// until the handout is ready; else by the first handout. Null where DejaVu
// Sans is not used.
PangoFontMap* prepared_dejavu() {
  static const FontMap map = [] {
    FontMap fonts = dejavu_font_map();
    if (fonts) {
      Layouts layouts(fonts.get());
      load_fonts(layouts, handout_waiting);
    }
    return fonts;
  }();
  return map.get();
}

}  // namespace

std::string draw_programme_pdf(const Handout& handout, Paper paper) {
  // DejaVu Sans alone when it is found and has every character; else
  // fontconfig's whole configuration, which finds a font for the others.
  if (PangoFontMap* dejavu = prepared_dejavu()) {
    if (std::optional<std::string> pdf = draw_with(dejavu, handout, paper, true)) {
      return std::move(*pdf);
    }
  }
  const FontMap system = system_font_map();
  return *draw_with(system.get(), handout, paper, false);
}

}  // namespace valgus

// The module's entry points (render_pdf_module.cpp opens it). The fonts,
// loaded ahead; anything thrown is thrown again by the handout that needs
// them.
extern "C" __attribute__((visibility("default"))) void valgus_prepare_handout_pdf() {
  try {
    (void)valgus::prepared_dejavu();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the handout meets it again
  }
}

// The PDF's bytes into `out`; false, with the reason in `out`, when
// anything throws.
extern "C" __attribute__((visibility("default"))) bool valgus_draw_handout_pdf(const valgus::Handout* handout,
                                                                               valgus::Paper paper, std::string* out) {
  valgus::handout_waiting = true;
  try {
    *out = valgus::draw_programme_pdf(*handout, paper);
    return true;
  } catch (const std::exception& error) {
    *out = error.what();
    return false;
  }
}
