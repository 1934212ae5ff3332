// The printable handout as one self-contained HTML file: inline CSS and
// SVG, no script, nothing fetched. The order is the handout's: title and
// name, the safety banner, the week, what to watch for, each session's
// exercise cards, the progression, a tick sheet per session, what to do
// when it hurts, habits, the full safety notes.

#include "render/render_html.hpp"

#include "core/model/text.hpp"
#include "render/figure.hpp"
#include "render/handout.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

std::string esc(std::string_view text) { return markup_escape(text); }

// Print and screen: A4 or Letter pages with 15 mm margins, a session per
// page, cards never split; on a phone the cards stack, figure above text.
// Black text on white, the accent (#c2410c, 5.2:1 on white) only as a
// stripe or a badge's border, so grey printing loses nothing.
constexpr std::string_view page_style = R"(
:root { --ink: #1a1a1a; --muted: #4a4a4a; --accent: #c2410c; --line: #cfcfcf; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, sans-serif; color: var(--ink); background: #ffffff; line-height: 1.45; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; font-size: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
.for, .problems, .muted { color: var(--muted); margin: .1rem 0; }
.banner { border: 2px solid var(--ink); border-left: .5rem solid var(--accent); padding: .5rem .8rem; margin: 1rem 0; }
.banner p { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.box { text-align: center; min-width: 2.2rem; }
.card { display: flex; gap: 1rem; border: 1px solid var(--line); border-left: .35rem solid var(--accent);
        padding: .7rem; margin: .7rem 0; break-inside: avoid; page-break-inside: avoid; }
.card .figure { flex: 0 0 13rem; width: 13rem; height: auto; }
.card .text { flex: 1 1 auto; min-width: 0; }
.badge { display: inline-block; border: 2px solid var(--accent); border-radius: .4rem; padding: 0 .4rem;
         font-weight: bold; }
.phase { text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; color: var(--muted); }
.card ol { margin: .4rem 0 .4rem 1.3rem; padding: 0; }
.card p { margin: .3rem 0; }
.watch { display: flex; gap: 1rem; align-items: center; break-inside: avoid; }
.watch .figure { flex: 0 0 15rem; width: 15rem; height: auto; }
.session { break-before: page; page-break-before: always; }
.ticks { break-inside: avoid; }
@media (max-width: 40rem) {
  .card, .watch { flex-direction: column; }
  .card .figure, .watch .figure { flex: none; width: 100%; max-width: 20rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
)";

std::string page_rule(Paper paper) {
  return fmt::format("@page {{ size: {}; margin: 15mm; }}\n", paper == Paper::letter ? "letter" : "A4");
}

std::string figure_svg(const FigureDrawing& figure, bool drawn, const std::string& id) {
  return drawn ? render_figure_svg(figure, id) : std::string();
}

std::string card_html(const HandoutCard& card, const std::string& id) {
  std::string out = R"(<article class="card">)" + figure_svg(card.figure, card.drawn, id) + R"(<div class="text">)";
  out += fmt::format(R"(<h3>{}. {}</h3>)", card.number, esc(card.name));
  out += fmt::format(R"(<p><span class="phase">{}</span> · <span class="badge">{}</span> · about {} min</p>)",
                     esc(card.phase), esc(card.dose), card.minutes);
  if (!card.equipment.empty()) {
    out += "<p><strong>Equipment:</strong> " + esc(card.equipment) + "</p>";
  }
  out += "<ol>";
  for (const auto& step : card.steps) {
    out += "<li>" + esc(step) + "</li>";
  }
  out += "</ol>";
  for (const auto& tip : card.tips) {
    out += "<p><strong>Tip:</strong> " + esc(tip) + "</p>";
  }
  return out + "<p><strong>Why:</strong> " + esc(card.why) + "</p></div></article>\n";
}

std::string table_html(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table><thead><tr>";
  for (const auto& cell : head) {
    out += "<th scope=\"col\">" + esc(cell) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& cell : row) {
      out += "<td>" + esc(cell) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

// A tick sheet per session: a row per day it is done, a column per week,
// and a row for the pain felt after it.
std::string ticks_html(const Handout& handout) {
  std::string head = "<tr><th scope=\"col\">Day</th>";
  std::string boxes;
  std::string blanks;
  for (const int week : handout.weeks) {
    head += fmt::format("<th scope=\"col\">Week {}</th>", week);
    boxes += "<td class=\"box\">&#9744;</td>";
    blanks += "<td class=\"box\"></td>";
  }
  head += "</tr>";
  std::string out = "<h2>Tick sheet</h2>\n";
  for (const auto& session : handout.sessions) {
    out += "<table class=\"ticks\">";
    out += session.id.empty() ? std::string() : "<caption>Session " + esc(session.id) + "</caption>";
    out += "<thead>" + head + "</thead><tbody>";
    const std::vector<std::string> days = session.days.empty() ? std::vector<std::string>{"Done"} : session.days;
    for (const auto& day : days) {
      out += "<tr><td>" + esc(day) + "</td>" + boxes + "</tr>";
    }
    out += "<tr><td>Pain after (0–10)</td>" + blanks + "</tr></tbody></table>\n";
  }
  return out;
}

std::string labelled_list(const std::string& title, const std::vector<std::pair<std::string, std::string>>& items) {
  if (items.empty()) {
    return {};
  }
  std::string out = "<h2>" + esc(title) + "</h2>\n<ul>";
  for (const auto& [label, text] : items) {
    out += "<li><strong>" + esc(label) + ":</strong> " + esc(text) + "</li>";
  }
  return out + "</ul>\n";
}

std::string plain_list(const std::vector<std::string>& items) {
  std::string out = "<ul>";
  for (const auto& item : items) {
    out += "<li>" + esc(item) + "</li>";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string markup_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_programme_html(const ProgrammeView& view) {
  const Handout handout = make_handout(view);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(handout.title) + "</title>\n<style>" + page_rule(view.paper) + std::string(page_style) +
         "</style>\n</head>\n<body>\n<header>\n<h1>" + esc(handout.title) + "</h1>\n";
  if (!handout.person.empty()) {
    out += "<p class=\"for\">For: " + esc(handout.person) + "</p>\n";
  }
  out += "<p class=\"problems\">" + esc(handout.problems) + "</p>\n</header>\n<main>\n";
  if (!handout.banner.empty()) {
    out += "<section class=\"banner\" aria-label=\"Safety\">";
    for (const auto& [title, text] : handout.banner) {
      out += "<p><strong>" + esc(title) + ":</strong> " + esc(text) + "</p>";
    }
    out += "</section>\n";
  }
  out += "<h2>Your week</h2>\n<p>" + esc(handout.schedule) + "</p>\n";
  if (!handout.week_rows.empty()) {
    out += table_html({"Day", "Session", "Minutes"}, handout.week_rows);
  }
  if (!handout.equipment.empty()) {
    out += "<p><strong>Equipment:</strong> " + esc(handout.equipment) + "</p>\n";
  }
  if (!handout.adjustments.empty()) {
    out += "<h2>Adjusted for you</h2>\n" + plain_list(handout.adjustments);
  }
  if (!handout.position.empty()) {
    out += "<p>" + esc(handout.position) + "</p>\n";
  }
  if (!handout.watch.empty()) {
    out += "<h2>What to watch for</h2>\n";
    int n = 0;
    for (const auto& watch : handout.watch) {
      out += R"(<div class="watch">)" + render_figure_svg(watch.figure, fmt::format("watch-{}", ++n));
      out += fmt::format("<p><strong>{}:</strong> {} <em>{}</em></p></div>\n", esc(watch.name), esc(watch.look_for),
                         esc(watch.meaning));
    }
  }
  for (const auto& session : handout.sessions) {
    out += R"(<section class="session"><h2>)" + esc(session.title) + "</h2>";
    if (!session.empty.empty()) {
      out += "<p>" + esc(session.empty) + "</p>";
    }
    for (const auto& card : session.cards) {
      out += card_html(card, fmt::format("fig-{}-{}", session.id.empty() ? "r" : session.id, card.number));
    }
    out += "</section>\n";
  }
  if (!handout.progression_title.empty()) {
    out += "<h2>" + esc(handout.progression_title) + "</h2>\n";
    if (!handout.progression_none.empty()) {
      out += "<p>" + esc(handout.progression_none) + "</p>\n";
    } else {
      out += table_html({"Week", "Exercise", "Change", "Dose from then on"}, handout.progression);
    }
    for (const auto& [week, changes] : handout.week_changes) {
      out += "<h3>" + esc(week) + "</h3>\n" + plain_list(changes);
    }
  }
  out += ticks_html(handout);
  if (!handout.pain.empty()) {
    out += "<h2>When it hurts</h2>\n" + plain_list(handout.pain);
  }
  out += labelled_list("Avoid during the day", handout.habits);
  for (const auto& [title, text] : handout.notes) {
    out += "<h2>" + esc(title) + "</h2>\n<p>" + esc(text) + "</p>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace valgus
