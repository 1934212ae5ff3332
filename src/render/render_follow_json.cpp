// JSON (and CSV) for the views of a saved programme: today, progress and
// the log. Shapes in schemas/today.schema.json, progress.schema.json and
// log.schema.json.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

namespace valgus {

using json_detail::dump;
using json_detail::exercise_json;
using json_detail::notes_json;

namespace {

std::string_view move_name(StageMove move) {
  switch (move) {
    case StageMove::start: return "start";
    case StageMove::advance: return "advance";
    case StageMove::hold: return "hold";
    case StageMove::step_back: return "step-back";
    case StageMove::resume: return "resume";
  }
  return "hold";
}

Json stage_json(const StageState& stage, const Plan& plan, const std::vector<int>& weeks) {
  Json decisions = Json::array();
  for (const StageDecision& decision : stage.decisions) {
    decisions.push_back(Json{{"date", to_string(decision.date)},
                             {"move", std::string(move_name(decision.move))},
                             {"from", decision.from + 1},
                             {"to", decision.to + 1},
                             {"why", decision.why}});
  }
  return Json{{"number", stage.stage + 1},
              {"of", stage.stages},
              {"week", stage.week},
              {"stage_weeks", weeks},
              {"see_clinician", stage.see_clinician},
              {"impact_out", stage.impact_out},
              {"why", stage.decisions.back().why},
              {"changes", stage_changes_text(stage, plan, weeks)},
              {"decisions", decisions}};
}

Json session_head(const PlannedSession& session, Date date) {
  return Json{{"date", to_string(date)}, {"session", session.id}, {"minutes", display_minutes(session.seconds)}};
}

Json pause_json(const std::optional<SafetyEvent>& pause) {
  if (!pause) {
    return nullptr;
  }
  return Json{{"since", to_string(pause->date)}, {"reason", pause->reason}};
}

// One decimal, as the text shows it.
Json pain_json(const std::optional<double>& pain) {
  if (!pain) {
    return nullptr;
  }
  return std::round(*pain * 10) / 10;
}

}  // namespace

std::string render_today_json(const TodayView& view) {
  const DayPlan& day = *view.day;
  Json exercises = Json::array();
  for (const PlannedExercise& planned : day.exercises) {
    exercises.push_back(exercise_json(planned));
  }
  Json session = nullptr;
  if (day.session != nullptr) {
    session = session_head(*day.session, day.date);
    session["exercises"] = exercises;
  }
  Json next = nullptr;
  if (day.next_date && day.next_session != nullptr) {
    next = session_head(*day.next_session, *day.next_date);
  }
  Json problems = Json::array();
  for (const Problem& problem : view.plan->problems) {
    problems.push_back(Json{{"id", problem.id}, {"name", problem.name}});
  }
  const auto& pause = view.stage->pause;
  return dump(Json{{"date", to_string(day.date)},
                   {"programme", view.source},
                   {"problems", problems},
                   {"programme_week", day.programme_week},
                   {"stage", stage_json(*view.stage, *view.plan, view.stage_weeks)},
                   {"paused", pause.has_value()},
                   {"pause", pause_json(pause)},
                   {"rest_day", day.session == nullptr},
                   {"session", pause ? Json(nullptr) : session},
                   {"next", pause ? Json(nullptr) : next},
                   {"notes", notes_json(view.plan->notes)}});
}

std::string render_progress_json(const ProgressView& view) {
  Json weeks = Json::array();
  for (const WeekProgress& week : view.weeks) {
    weeks.push_back(Json{{"week", week.week},
                         {"from", to_string(week.first)},
                         {"planned", week.planned},
                         {"done", week.done},
                         {"adherence_percent", week.adherence_percent ? Json(*week.adherence_percent) : Json(nullptr)},
                         {"mean_pain", pain_json(week.mean_pain)},
                         {"hard", week.hard},
                         {"stage", week.stage + 1},
                         {"stage_week", week.stage_week}});
  }
  Json assessments = Json::array();
  for (const StoredAssessment& assessment : view.assessments) {
    Json values = Json::array();
    for (const MeasuredValue& measured : assessment.values) {
      values.push_back(Json{{"test", measured.test}, {"side", measured.side}, {"value", measured.value}});
    }
    assessments.push_back(Json{{"date", to_string(assessment.date)},
                               {"refer", assessment.refer},
                               {"problems", assessment.problems},
                               {"side", std::string(to_string(assessment.side))},
                               {"values", values}});
  }
  return dump(
      Json{{"date", to_string(view.date)},
           {"programme", view.source},
           {"stage", view.weeks.empty() ? Json(nullptr) : stage_json(*view.stage, *view.plan, view.stage_weeks)},
           {"paused", view.stage->pause.has_value()},
           {"pause", pause_json(view.stage->pause)},
           {"weeks", weeks},
           {"assessments", assessments},
           {"notes", notes_json(view.plan->notes)}});
}

}  // namespace valgus
