// JSON for scripts. The shape is documented in README.md ("JSON output");
// keys keep their insertion order so the output reads like the text.

#include "core/model/calendar_date.hpp"
#include "core/model/dose.hpp"
#include "render/adjustment_wording.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"
#include "render/wording.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace valgus {
namespace json_detail {

Json range_json(Range range) {
  if (!range.given()) {
    return nullptr;
  }
  return Json{{"min", range.min}, {"max", range.max}};
}

Json dose_json(const Dose& dose) {
  return Json{{"text", format_dose(dose)},
              {"sets", range_json(dose.sets)},
              {"reps", range_json(dose.reps)},
              {"hold_seconds", range_json(dose.hold_seconds)},
              {"duration_seconds", range_json(dose.duration_seconds)},
              {"per_side", dose.per_side},
              {"extra_set_on",
               dose.extra_set_side == Side::both ? Json(nullptr) : Json(std::string(to_string(dose.extra_set_side)))}};
}

Json exercise_json(const PlannedExercise& planned) {
  const Exercise& exercise = planned.exercise;
  Json why = Json::array();
  for (const auto& reason : planned.reasons) {
    why.push_back(Json{{"problem", reason.problem_id}, {"muscles", reason.muscle_ids}});
  }
  Json taught = Json::array();
  for (const auto& skill : planned.skills_taught) {
    taught.push_back(Json{{"id", skill.id}, {"name", skill.name}, {"how", skill.how}});
  }
  return Json{{"id", exercise.id},
              {"name", exercise.name},
              {"phase", std::string(to_string(exercise.phase))},
              {"region", std::string(to_string(exercise.region))},
              {"targets", exercise.targets},
              {"equipment", exercise.equipment},
              {"dose", dose_json(planned.dose)},
              {"minutes", display_minutes(planned.seconds)},
              {"steps", exercise.steps},
              {"cues", exercise.cues},
              {"source", exercise.sources},
              {"why", why},
              {"this_week", planned.progress},
              {"skills", exercise.skills},
              {"skills_taught", taught},
              {"origin", exercise.origin}};
}

std::string text_of(const Json& json, int indent) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// 2-space indent so the output diffs well.
std::string dump(const Json& json) { return text_of(json, 2) + "\n"; }

Json notes_json(const std::vector<Note>& notes) {
  Json out = Json::array();
  for (const auto& note : notes) {
    out.push_back(Json{{"id", note.id},
                       {"title", note.title},
                       {"text", note.text},
                       {"placement", std::string(to_string(note.placement))}});
  }
  return out;
}

}  // namespace json_detail

namespace {

using json_detail::dose_json;
using json_detail::dump;
using json_detail::exercise_json;
using json_detail::JsonWriter;
using json_detail::notes_json;
using json_detail::range_json;
using json_detail::text_of;

// What the catalogue says of an exercise that a plan's exercise leaves out:
// for list and show, which describe the catalogue.
Json with_catalogue_fields(Json json, const Exercise& exercise) {
  json["also_works"] = exercise.also_works;
  json["resisted"] = exercise.resisted;
  return json;
}

}  // namespace

std::string render_plan_json(const Plan& plan, const LimitOptions& options) {
  Json problems = Json::array();
  for (const auto& problem : plan.problems) {
    problems.push_back(Json{{"id", problem.id}, {"name", problem.name}});
  }
  Json habits = Json::array();
  for (const auto& habit : plan.habits) {
    habits.push_back(Json{{"id", habit.id}, {"name", habit.name}, {"advice", habit.advice}});
  }
  const Json notes = notes_json(plan.notes);
  Json adjusted = Json::array();
  for (const auto& adjustment : plan.adjustments) {
    adjusted.push_back(
        Json{{"kind", std::string(to_string(adjustment.kind))}, {"text", adjustment_text(adjustment, options)}});
  }
  Json schedule = Json::array();
  for (const auto& row : plan.schedule) {
    schedule.push_back(
        Json{{"week", row.week}, {"exercise", row.exercise}, {"change", row.change}, {"dose", row.dose}});
  }
  Json sessions = Json::array();
  for (const auto& session : plan.sessions) {
    Json days = Json::array();
    for (const int day : session.days) {
      days.push_back(std::string(weekday_names[static_cast<std::size_t>(day)].id));
    }
    sessions.push_back(Json{{"id", session.id},
                            {"days", days},
                            {"minutes", display_minutes(session.seconds)},
                            {"seconds", session.seconds},
                            {"exercises", session.exercise_ids}});
  }
  Json uncovered = Json::array();
  for (const auto& muscle : plan.uncovered) {
    uncovered.push_back(Json{{"problem", muscle.problem_id},
                             {"muscle", muscle.muscle_id},
                             {"phase", std::string(to_string(muscle.phase))},
                             {"why", std::string(to_string(muscle.why))}});
  }
  Json left_out = Json::array();
  for (const auto& exercise : plan.left_out) {
    left_out.push_back(exercise.id);
  }
  const auto optional = [](const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); };
  const Json fits_with{{"minutes", optional(plan.fits_with.minutes)},
                       {"days", optional(plan.fits_with.days)},
                       {"max_exercises", optional(plan.fits_with.max_exercises)}};
  Json position = nullptr;
  if (plan.position) {
    position = Json{{"id", plan.position->id}, {"name", plan.position->name}, {"advice", plan.position->advice}};
  }
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.field("problems", problems);
  json.field("minutes", display_minutes(plan.seconds));
  json.field("budget_minutes", plan.budget_minutes ? Json(*plan.budget_minutes) : Json(nullptr));
  json.field("over_budget", plan.over_budget);
  json.field("equipment_assumed", plan.equipment_assumed);
  json.field("assumed_equipment", plan.assumed_equipment);
  json.field("when_it_hurts", pain_guide(plan));
  json.field("week", plan.week);
  json.field("days_per_week", plan.days.empty() ? Json(nullptr) : Json(plan.days.size()));
  json.field("max_exercises", plan.max_exercises ? Json(*plan.max_exercises) : Json(nullptr));
  json.field("sessions", sessions);
  json.field("uncovered", uncovered);
  json.field("left_out", left_out);
  json.field("fits_with", fits_with);
  json.field("position", position);
  json.field("adjusted", adjusted);
  json.key("phases");
  json.begin_array();
  for (const auto& phase : plan.phases) {
    json.begin_object();
    json.field("phase", std::string(to_string(phase.phase)));
    json.field("minutes", display_minutes(phase.seconds));
    json.key("exercises");
    json.begin_array();
    for (const auto& planned : phase.exercises) {
      Json exercise = exercise_json(planned);
      exercise["seconds"] = planned.seconds;
      exercise["per_week"] = planned.per_week;
      json.value(exercise);
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.field("schedule", schedule);
  json.field("habits", habits);
  json.field("notes", notes);
  json.end_object();
  out += '\n';
  return out;
}

std::string render_exercise_json(const PlannedExercise& planned, const std::vector<Problem>& serves) {
  const Exercise& exercise = planned.exercise;
  Json json = with_catalogue_fields(exercise_json(planned), exercise);
  json.erase("why");
  json.erase("this_week");
  json.erase("skills_taught");
  Json served = Json::array();
  for (const auto& problem : serves) {
    served.push_back(problem.id);
  }
  Json progressions = Json::array();
  Dose dose = exercise.dose;
  for (const auto& progression : exercise.progressions) {
    dose = apply(dose, progression.dose);
    progressions.push_back(
        Json{{"week", progression.week}, {"change", progression.change}, {"dose", format_dose(dose)}});
  }
  json["summary"] = exercise.summary;
  json["priority"] = exercise.priority;
  json["positions"] = exercise.positions;
  json["alternatives"] = exercise.alternatives;
  json["variant_of"] = exercise.variant_of.empty() ? Json(nullptr) : Json(exercise.variant_of);
  json["from_week"] = exercise.from_week > 0 ? Json(exercise.from_week) : Json(nullptr);
  json["drill"] = exercise.drill;
  json["teach"] = exercise.teach.empty() ? Json(nullptr) : Json(exercise.teach);
  json["progressions"] = progressions;
  json["serves"] = served;
  return dump(json);
}

namespace {

Json self_test_json(const SelfTest& test) {
  const bool numeric = test.unit != Unit::yes_no;
  return Json{{"id", test.id},
              {"name", test.name},
              {"instructions", test.instructions},
              {"look_for", test.look_for},
              {"question", test.question},
              {"asked_if", test.asked_if.empty() ? Json(nullptr) : Json(test.asked_if)},
              {"unit", std::string(to_string(test.unit))},
              {"comparison", std::string(to_string(test.comparison))},
              {"threshold", numeric ? Json(test.threshold.value_or(0)) : Json(nullptr)},
              {"range", numeric ? Json{{"min", test.range.min}, {"max", test.range.max}} : Json(nullptr)},
              {"per_side", test.per_side},
              {"positive", test.positive},
              {"negative", test.negative},
              {"source", test.sources}};
}

}  // namespace

std::string render_problems_json(const ProblemsListing& listing) {
  const Catalogue& catalogue = *listing.catalogue;
  Json red_flags = Json::array();
  for (const auto& flag : catalogue.red_flags) {
    red_flags.push_back(
        Json{{"id", flag.id}, {"question", flag.question}, {"why", flag.why}, {"source", flag.sources}});
  }
  Json problems = Json::array();
  for (const auto& problem : catalogue.problems) {
    Json tests = Json::array();
    for (const SelfTest* test : catalogue.self_tests_for(problem.id)) {
      tests.push_back(self_test_json(*test));
    }
    problems.push_back(Json{{"id", problem.id},
                            {"name", problem.name},
                            {"summary", problem.summary},
                            {"overactive", problem.overactive},
                            {"underactive", problem.underactive},
                            {"self_tests", tests},
                            {"source", problem.sources}});
  }
  return dump(Json{{"red_flags", red_flags}, {"problems", problems}});
}

std::string render_check_json(const CheckReport& report) {
  const LoadResult& result = *report.result;
  const std::size_t files = report.files;
  Json errors = Json::array();
  for (const auto& error : result.errors) {
    errors.push_back(Json{{"file", error.where.file},
                          {"line", error.where.line > 0 ? Json(error.where.line) : Json(nullptr)},
                          {"column", error.where.column > 0 ? Json(error.where.column) : Json(nullptr)},
                          {"message", error.message}});
  }
  const Catalogue& catalogue = result.catalogue;
  return dump(Json{{"ok", result.errors.empty()},
                   {"files", files},
                   {"counts", Json{{"exercises", catalogue.exercises.size()},
                                   {"problems", catalogue.problems.size()},
                                   {"muscles", catalogue.muscles.size()},
                                   {"muscle_groups", catalogue.muscle_groups.size()},
                                   {"equipment", catalogue.equipment.size()},
                                   {"positions", catalogue.positions.size()},
                                   {"habits", catalogue.habits.size()},
                                   {"notes", catalogue.notes.size()}}},
                   {"errors", errors}});
}

std::string render_list_json(const std::vector<PlannedExercise>& exercises) {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  for (const auto& planned : exercises) {
    json.value(with_catalogue_fields(exercise_json(planned), planned.exercise));
  }
  json.end_array();
  out += '\n';
  return out;
}

}  // namespace valgus
