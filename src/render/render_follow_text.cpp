// The terminal views of a saved programme: today's session, progress week
// by week with a chart, and the log's history.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace valgus {

using text_detail::minutes_label;
using text_detail::plan_head;
using text_detail::plan_tail;
using text_detail::session_item;
using text_detail::TextWriter;

namespace {

std::string day_and_date(Date date) { return fmt::format("{} {}", weekday_name(date), to_string(date)); }

// "Stage 2 of 3: moved on ... (decided 2027-01-18)." and, on the next
// line, what the stage changes, by name: a person reads what is new, not a
// week number.
void stage_block(TextWriter& w, const StageState& stage, const Plan& plan, const std::vector<int>& weeks) {
  const StageDecision& last = stage.decisions.back();
  w.paragraph(w.bold(fmt::format("Stage {} of {}: ", stage.stage + 1, stage.stages)),
              fmt::format("{} (decided {}).", capitalised(last.why), to_string(last.date)), 2);
  w.paragraph("  ", stage_changes_text(stage, plan, weeks), 2);
}

std::string session_minutes(const PlannedSession& session) {
  return fmt::format("about {} min", display_minutes(session.seconds));
}

}  // namespace

std::string render_today_text(const TodayView& view, const TextStyle& style) {
  TextWriter w(style);
  const Plan& plan = *view.plan;
  const DayPlan& day = *view.day;
  plan_head(w, plan);
  w.paragraph(w.bold("Programme: "), view.source, 11);
  w.line();
  if (const auto& pause = view.stage->pause) {
    // No exercises while paused: why, whom to see, how to go on.
    w.line(w.paint(fmt::format("PAUSED · since {}", day_and_date(pause->date)), "1;31"));
    w.rule();
    w.paragraph(w.bold("Why: "), capitalised(pause->reason) + ".", 2);
    w.paragraph("",
                "Do not train until a doctor or physiotherapist has examined the knee, and ignore calendar "
                "reminders until then.",
                0);
    w.paragraph(w.bold("Once a clinician has cleared you: "),
                "valgus resume. It logs the decision and restarts the programme one stage lower.", 2);
    plan_tail(w, plan);
    return w.take();
  }
  if (day.programme_week == 0) {
    w.line(w.paint(fmt::format("NOT YET · {}", day_and_date(day.date)), "1;36"));
  } else if (day.session == nullptr) {
    w.line(w.paint(fmt::format("REST DAY · {} · week {}", day_and_date(day.date), day.programme_week), "1;36"));
  } else {
    w.spread(w.paint(fmt::format("TODAY · {} · week {} · session {}", day_and_date(day.date), day.programme_week,
                                 day.session->id),
                     "1;36"),
             minutes_label(day.session->seconds));
  }
  w.rule();
  stage_block(w, *view.stage, plan, view.stage_weeks);
  if (day.session == nullptr) {
    if (day.next_date && day.next_session != nullptr) {
      const std::string when = day.programme_week == 0 ? "Your programme starts" : "Next";
      w.paragraph(w.bold(when + ": "),
                  fmt::format("{}, session {}, {}.", day_and_date(*day.next_date), day.next_session->id,
                              session_minutes(*day.next_session)),
                  2);
    }
  } else {
    int number = 0;
    bool any = false;
    Phase current = Phase::release;
    for (const PlannedExercise& planned : day.exercises) {
      if (!any || planned.exercise.phase != current) {
        current = planned.exercise.phase;
        any = true;
        w.line();
        w.line(w.bold(phase_title(current)));
      }
      session_item(w, ++number, planned);
      // The dose is on the item's line; then how to do it.
      for (const auto& change : planned.progress) {
        w.paragraph("    This stage: ", change, 16);
      }
      for (const auto& skill : planned.skills_taught) {
        w.paragraph("    New skill, " + skill.name + ": ", skill.how, 6);
      }
      for (const auto& step : planned.exercise.steps) {
        w.paragraph("    - ", step, 6);
      }
      for (const auto& cue : planned.exercise.cues) {
        w.paragraph("    Tip: ", cue, 9);
      }
    }
    w.line();
    w.paragraph(
        w.bold("Done? "),
        fmt::format("valgus log --date {} --pain N --effort easy|right|hard · Guided: valgus go", to_string(day.date)),
        2);
  }
  plan_tail(w, plan);
  return w.take();
}

namespace {

// A bar of `cells` characters for `percent`: eighth blocks in Unicode, # and
// . in ASCII.
std::string bar(int percent, int cells, bool unicode) {
  static constexpr std::array<std::string_view, 8> eighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const int total = std::clamp(percent, 0, 100) * cells * 8 / 100;
  std::string out;
  int used = 0;
  for (; used < total / 8; ++used) {
    out += unicode ? "█" : "#";
  }
  if (used < cells && total % 8 != 0) {
    out += unicode ? std::string(eighths.at(static_cast<std::size_t>(total % 8))) : std::string(".");
    ++used;
  }
  for (; used < cells; ++used) {
    out += unicode ? " " : ".";
  }
  return out;
}

// "knee-to-wall: left 7 cm, right 12 cm": the measured answers of one test
// (yes/no tests are in the problems found).
std::vector<std::string> measured_parts(const Catalogue* catalogue, const StoredAssessment& assessment) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < assessment.values.size();) {
    const std::string& test_id = assessment.values[i].test;
    const SelfTest* test = catalogue != nullptr ? catalogue->find_self_test(test_id) : nullptr;
    std::vector<std::string> sides;
    for (; i < assessment.values.size() && assessment.values[i].test == test_id; ++i) {
      const MeasuredValue& measured = assessment.values[i];
      const std::string value =
          test != nullptr ? answer_text(*test, measured.value) : fmt::format("{}", measured.value);
      sides.push_back(measured.side.empty() ? value : one_line(measured.side) + " " + value);
    }
    if (test == nullptr || test->unit != Unit::yes_no) {
      parts.push_back(fmt::format("{}: {}", one_line(test_id), join(sides, ", ")));  // a log edited by hand
    }
  }
  return parts;
}

// One row per assessment: the measured answers, then what was found. Nothing
// at all when none was logged.
void retests_block(TextWriter& w, const ProgressView& view) {
  if (view.assessments.empty()) {
    return;
  }
  w.line();
  w.line(w.paint("RE-TESTS", "1;36"));
  w.rule();
  for (const StoredAssessment& assessment : view.assessments) {
    std::vector<std::string> parts = measured_parts(view.catalogue, assessment);
    std::vector<std::string> problems;
    for (const std::string& id : assessment.problems) {
      const Problem* problem = view.catalogue != nullptr ? view.catalogue->find_problem(id) : nullptr;
      problems.push_back(problem != nullptr ? problem->name : one_line(id));
    }
    if (assessment.refer) {
      parts.emplace_back("see a clinician");
    } else {
      parts.push_back(problems.empty() ? std::string("no problem found") : "problems: " + join(problems, ", "));
    }
    const std::string head = to_string(assessment.date) + "  ";
    w.paragraph(head, join(parts, "; ") + ".", display_width(head));
  }
}

}  // namespace

std::string render_progress_text(const ProgressView& view, const TextStyle& style) {
  TextWriter w(style);
  plan_head(w, *view.plan);
  w.paragraph(w.bold("Programme: "), view.source, 11);
  w.line();
  w.line(w.paint(fmt::format("PROGRESS · up to {}", day_and_date(view.date)), "1;36"));
  w.rule();
  if (view.weeks.empty()) {
    w.paragraph("", "The programme has not started yet: nothing to show.", 0);
    retests_block(w, view);
    return w.take();
  }
  stage_block(w, *view.stage, *view.plan, view.stage_weeks);
  if (const auto& pause = view.stage->pause) {
    w.paragraph(w.paint(fmt::format("Paused since {}: ", to_string(pause->date)), "1;31"),
                fmt::format("{}. See a doctor or physiotherapist before training again; once cleared: valgus "
                            "resume.",
                            capitalised(pause->reason)),
                2);
  }
  w.line();
  constexpr int cells = 10;
  w.line(w.bold(fmt::format("{:>4}  {:<10}  {:>5}  {:<{}}  {:>4}  {:>5}", "Week", "From", "Done", "Adherence",
                            cells + 6, "Pain", "Stage")));
  for (const WeekProgress& week : view.weeks) {
    const std::string adherence =
        week.adherence_percent
            ? fmt::format("{} {:>3} %", bar(*week.adherence_percent, cells, view.unicode), *week.adherence_percent)
            : fmt::format("{:<{}}", "rest", cells + 6);
    const std::string pain = week.mean_pain ? fmt::format("{:.1f}", *week.mean_pain) : std::string("-");
    w.line(fmt::format("{:>4}  {:<10}  {:>5}  {}  {:>4}  {:>5}", week.week, to_string(week.first),
                       fmt::format("{}/{}", week.done, week.planned), adherence, pain, week.stage + 1));
  }
  w.line();
  w.paragraph("",
              "Done: sessions logged of those planned. Pain: mean of the logged 0-10 scores. Stage: at the "
              "week's end.",
              0);
  retests_block(w, view);
  return w.take();
}

}  // namespace valgus
