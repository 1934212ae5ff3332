// The printable handout as one self-contained HTML file: inline CSS and
// SVG, no script, nothing fetched. The order is the handout's: title and
// name, the safety banner, the week, what to watch for, each session's
// exercise cards, the progression, a tick sheet per session, what to do
// when it hurts, habits, the full safety notes.

#include "render/render_html.hpp"

#include "core/catalogue/figure_rules.hpp"
#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/adjustment_wording.hpp"
#include "render/figure.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

std::string esc(std::string_view text) { return markup_escape(text); }

// Print and screen: A4 or Letter pages with 15 mm margins, a session per
// page, cards never split; on a phone the cards stack, figure above text.
// Black text on white, the accent (#c2410c, 5.2:1 on white) only as a
// stripe or a badge's border, so grey printing loses nothing.
constexpr std::string_view style = R"(
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

// The week's sessions and phases: a programme's first week, or the plan's.
struct FirstWeek {
  const std::vector<PlannedSession>* sessions = nullptr;
  const std::vector<PlannedPhase>* phases = nullptr;
};

FirstWeek first_week(const Plan& plan) {
  if (!plan.planned_weeks.empty()) {
    return {&plan.planned_weeks.front().sessions, &plan.planned_weeks.front().phases};
  }
  return {&plan.sessions, &plan.phases};
}

std::string figure_of(const ProgrammeView& view, const Figure& figure, const std::string& title,
                      const std::string& id) {
  if (view.catalogue == nullptr) {
    return {};
  }
  return render_figure_svg(draw_figure(*view.catalogue, figure, title), id);
}

std::string card(const ProgrammeView& view, const PlannedExercise& planned, int number, const std::string& id) {
  const Exercise& exercise = planned.exercise;
  std::string out = R"(<article class="card">)";
  out += figure_of(view, exercise.figure, exercise.name, id);
  out += R"(<div class="text">)";
  out += fmt::format(R"(<h3>{}. {}</h3>)", number, esc(exercise.name));
  out +=
      fmt::format(R"(<p><span class="phase">{}</span> · <span class="badge">{}</span> · about {} min</p>)",
                  esc(phase_title(exercise.phase)), esc(format_dose(planned.dose)), display_minutes(planned.seconds));
  if (!planned.equipment_names.empty()) {
    out += fmt::format("<p><strong>Equipment:</strong> {}</p>", esc(join(planned.equipment_names, ", ")));
  }
  out += "<ol>";
  for (const auto& step : exercise.steps) {
    out += "<li>" + esc(step) + "</li>";
  }
  out += "</ol>";
  for (const auto& cue : exercise.cues) {
    out += "<p><strong>Tip:</strong> " + esc(cue) + "</p>";
  }
  for (const auto& skill : planned.skills_taught) {
    out += fmt::format("<p><strong>New skill, {}:</strong> {}</p>", esc(skill.name), esc(skill.how));
  }
  out += "<p><strong>Why:</strong> " + esc(why_line(planned)) + "</p>";
  return out + "</div></article>\n";
}

std::string sessions_html(const ProgrammeView& view) {
  const Plan& plan = *view.plan;
  const FirstWeek week = first_week(plan);
  std::string out;
  if (week.sessions->empty()) {
    // A full routine: every exercise once, phase by phase.
    out += R"(<section class="session"><h2>Your routine</h2>)";
    int number = 0;
    for (const auto& phase : *week.phases) {
      for (const auto& planned : phase.exercises) {
        ++number;
        out += card(view, planned, number, fmt::format("fig-{}", number));
      }
    }
    return out + "</section>\n";
  }
  for (const auto& session : *week.sessions) {
    out += fmt::format(R"(<section class="session"><h2>Session {} · {} · about {} min</h2>)", esc(session.id),
                       esc(day_list(session.days)), display_minutes(session.seconds));
    if (session.exercise_ids.empty()) {
      out += "<p>No exercise fits in this session's minutes.</p>";
    }
    int number = 0;
    for (const auto& id : session.exercise_ids) {
      if (const PlannedExercise* planned = find_planned(*week.phases, id)) {
        ++number;
        out += card(view, *planned, number, fmt::format("fig-{}-{}", session.id, number));
      }
    }
    out += "</section>\n";
  }
  return out;
}

std::string week_table(const Plan& plan) {
  const FirstWeek week = first_week(plan);
  if (week.sessions->empty()) {
    return fmt::format("<p>{}</p>\n", esc(session_line(plan, markdown_session_words)));
  }
  std::string out =
      "<table><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Session</th>"
      "<th scope=\"col\">Minutes</th></tr></thead><tbody>";
  for (const auto& [day, session] : session_days(*week.sessions)) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>about {}</td></tr>", esc(day_name(day)), esc(session->id),
                       display_minutes(session->seconds));
  }
  return out + "</tbody></table>\n";
}

// What to watch for: the self-test figures of the plan's problems, the good
// position against the sign (the knee over the second toe, then caving in).
std::string watch_html(const ProgrammeView& view) {
  if (view.catalogue == nullptr) {
    return {};
  }
  std::string out;
  int n = 0;
  for (const auto& test : view.catalogue->self_tests) {
    const bool ours = std::any_of(view.plan->problems.begin(), view.plan->problems.end(),
                                  [&](const Problem& p) { return p.id == test.problem; });
    if (!test.figure.given() || !ours) {
      continue;
    }
    out += R"(<div class="watch">)";
    out += figure_of(view, test.figure, test.name, fmt::format("watch-{}", ++n));
    out += fmt::format("<p><strong>{}:</strong> {} <em>{}</em></p></div>\n", esc(test.name), esc(test.look_for),
                       esc(test.positive));
  }
  return out.empty() ? out : "<h2>What to watch for</h2>\n" + out;
}

std::string progression_html(const Plan& plan) {
  if (plan.weeks <= 1) {
    return {};
  }
  const int last = plan.week + plan.weeks - 1;
  std::string out = fmt::format("<h2>Progression, weeks {} to {}</h2>\n", plan.week, last);
  if (plan.schedule.empty()) {
    return out + "<p>Nothing changes in these weeks: keep the doses, and make each rep cleaner.</p>\n";
  }
  out +=
      "<table><thead><tr><th scope=\"col\">Week</th><th scope=\"col\">Exercise</th><th scope=\"col\">Change</th>"
      "<th scope=\"col\">Dose from then on</th></tr></thead><tbody>";
  for (const auto& row : plan.schedule) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", row.week, esc(row.exercise),
                       esc(row.change), esc(row.dose));
  }
  out += "</tbody></table>\n";
  for (const auto& week : plan.planned_weeks) {
    if (week.changes.empty()) {
      continue;
    }
    out += fmt::format("<p><strong>Week {}:</strong> ", week.week);
    std::vector<std::string> changes;
    for (const auto& change : week.changes) {
      changes.push_back(esc(capitalised(change)));
    }
    out += join(changes, " ") + "</p>\n";
  }
  return out;
}

// A tick sheet per session: a row per day it is done, a column per week,
// and a row for the pain felt after it.
std::string ticks_html(const Plan& plan) {
  const FirstWeek week = first_week(plan);
  std::string head = "<tr><th scope=\"col\">Day</th>";
  for (int w = plan.week; w < plan.week + std::max(plan.weeks, 1); ++w) {
    head += fmt::format("<th scope=\"col\">Week {}</th>", w);
  }
  head += "</tr>";
  const auto boxes = [&](std::string_view mark) {
    std::string cells;
    for (int w = 0; w < std::max(plan.weeks, 1); ++w) {
      cells += fmt::format("<td class=\"box\">{}</td>", mark);
    }
    return cells;
  };
  std::string out = "<h2>Tick sheet</h2>\n";
  if (week.sessions->empty()) {
    return out + "<table class=\"ticks\"><thead>" + head + "</thead><tbody><tr><td>Routine done</td>" +
           boxes("&#9744;") + "</tr><tr><td>Pain after (0–10)</td>" + boxes("") + "</tr></tbody></table>\n";
  }
  for (const auto& session : *week.sessions) {
    out += fmt::format("<table class=\"ticks\"><caption>Session {}</caption><thead>{}</thead><tbody>", esc(session.id),
                       head);
    for (const int day : session.days) {
      out += "<tr><td>" + esc(day_name(day)) + "</td>" + boxes("&#9744;") + "</tr>";
    }
    out += "<tr><td>Pain after (0–10)</td>" + boxes("") + "</tr></tbody></table>\n";
  }
  return out;
}

std::string closing_html(const Plan& plan) {
  std::string out;
  if (const auto guide = pain_guide(plan); !guide.empty()) {
    out += "<h2>When it hurts</h2>\n<ul>";
    for (const auto& line : guide) {
      out += "<li>" + esc(line) + "</li>";
    }
    out += "</ul>\n";
  }
  if (!plan.habits.empty()) {
    out += "<h2>Avoid during the day</h2>\n<ul>";
    for (const auto& habit : plan.habits) {
      out += fmt::format("<li><strong>{}:</strong> {}</li>", esc(capitalised(habit.name)), esc(habit.advice));
    }
    out += "</ul>\n";
  }
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::end) {
      out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", esc(note.title), esc(note.text));
    }
  }
  return out;
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
  const Plan& plan = *view.plan;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Knee valgus programme</title>\n<style>" + page_rule(view.paper) + std::string(style) +
         "</style>\n</head>\n<body>\n<header>\n<h1>Knee valgus programme</h1>\n";
  if (!view.person.empty()) {
    out += "<p class=\"for\">For: " + esc(view.person) + "</p>\n";
  }
  std::vector<std::string> problems;
  for (const auto& problem : plan.problems) {
    problems.push_back(problem.name);
  }
  out += "<p class=\"problems\">" + esc(capitalised(join(problems, " · "))) + "</p>\n</header>\n<main>\n";
  std::string banner;
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::top) {
      banner += fmt::format("<p><strong>{}:</strong> {}</p>", esc(note.title), esc(note.text));
    }
  }
  if (!banner.empty()) {
    out += "<section class=\"banner\" aria-label=\"Safety\">" + banner + "</section>\n";
  }
  out += "<h2>Your week</h2>\n<p>" + esc(schedule_line(plan, markdown_session_words)) + "</p>\n";
  out += week_table(plan);
  if (const std::string assumed = equipment_assumed_text(plan, view.limits); !assumed.empty()) {
    out += "<p><strong>Equipment:</strong> " + esc(assumed) + ".</p>\n";
  }
  if (!plan.adjustments.empty()) {
    out += "<h2>Adjusted for you</h2>\n<ul>";
    for (const auto& adjustment : plan.adjustments) {
      out += "<li>" + esc(capitalised(adjustment_text(adjustment, view.limits))) + "</li>";
    }
    out += "</ul>\n";
  }
  if (plan.position) {
    out += fmt::format("<p><strong>When {}:</strong> {}</p>\n", esc(plan.position->name), esc(plan.position->advice));
  }
  out += watch_html(view);
  out += sessions_html(view);
  out += progression_html(plan);
  out += ticks_html(plan);
  out += closing_html(plan);
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace valgus
