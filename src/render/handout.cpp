#include "render/handout.hpp"

#include "core/catalogue/figure_rules.hpp"
#include "core/model/calendar_date.hpp"
#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/adjustment_wording.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

namespace valgus {
namespace {

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

// The figures drawn so far, by exercise: an exercise in two or three
// sessions gets one figure, drawn (and checked) once.
using Figures = std::map<std::string, FigureDrawing, std::less<>>;

HandoutCard card_of(const ProgrammeView& view, const PlannedExercise& planned, int number, Figures& figures) {
  const Exercise& exercise = planned.exercise;
  HandoutCard card;
  card.number = number;
  card.name = exercise.name;
  card.phase = phase_title(exercise.phase);
  card.dose = format_dose(planned.dose);
  card.minutes = display_minutes(planned.seconds);
  card.equipment = join(planned.equipment_names, ", ");
  card.steps = exercise.steps;
  card.tips = exercise.cues;
  for (const auto& skill : planned.skills_taught) {
    card.tips.push_back(fmt::format("New skill, {}: {}", skill.name, skill.how));
  }
  card.why = why_line(planned);
  if (view.catalogue != nullptr) {
    auto drawn = figures.find(exercise.id);
    if (drawn == figures.end()) {
      drawn = figures.emplace(exercise.id, draw_figure(*view.catalogue, exercise.figure, exercise.name)).first;
    }
    card.figure = drawn->second;
    card.drawn = true;
  }
  return card;
}

void add_sessions(const ProgrammeView& view, Handout& handout) {
  const FirstWeek week = first_week(*view.plan);
  Figures figures;
  if (week.sessions->empty()) {
    // A full routine: every exercise once, phase by phase.
    HandoutSession routine;
    routine.title = "Your routine";
    for (const auto& phase : *week.phases) {
      for (const auto& planned : phase.exercises) {
        routine.cards.push_back(card_of(view, planned, static_cast<int>(routine.cards.size()) + 1, figures));
      }
    }
    handout.sessions.push_back(std::move(routine));
    return;
  }
  for (const auto& session : *week.sessions) {
    HandoutSession out;
    out.id = session.id;
    out.title = fmt::format("Session {} · {} · about {} min", session.id, day_list(session.days),
                            display_minutes(session.seconds));
    for (const int day : session.days) {
      out.days.push_back(day_name(day));
    }
    for (const auto& id : session.exercise_ids) {
      if (const PlannedExercise* planned = find_planned(*week.phases, id)) {
        out.cards.push_back(card_of(view, *planned, static_cast<int>(out.cards.size()) + 1, figures));
      }
    }
    if (out.cards.empty()) {
      out.empty = "No exercise fits in this session's minutes.";
    }
    handout.sessions.push_back(std::move(out));
  }
}

void add_progression(const Plan& plan, Handout& handout) {
  if (plan.weeks <= 1) {
    return;
  }
  handout.progression_title = fmt::format("Progression, weeks {} to {}", plan.week, plan.week + plan.weeks - 1);
  if (plan.schedule.empty()) {
    handout.progression_none = "Nothing changes in these weeks: keep the doses, and make each rep cleaner.";
  }
  for (const auto& row : plan.schedule) {
    handout.progression.push_back({std::to_string(row.week), row.exercise, row.change, row.dose});
  }
  for (const auto& week : plan.planned_weeks) {
    std::vector<std::string> changes;
    for (const auto& change : week.changes) {
      changes.push_back(capitalised(change));
    }
    if (!changes.empty()) {
      handout.week_changes.emplace_back(fmt::format("Week {}", week.week), std::move(changes));
    }
  }
}

}  // namespace

Handout make_handout(const ProgrammeView& view) {
  const Plan& plan = *view.plan;
  Handout handout;
  handout.person = view.person;
  if (view.created) {
    handout.created = to_string(*view.created);
  }
  std::vector<std::string> problems;
  for (const auto& problem : plan.problems) {
    problems.push_back(problem.name);
  }
  handout.problems = capitalised(join(problems, " · "));
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::top) {
      handout.banner.emplace_back(note.title, note.text);
    } else {
      handout.notes.emplace_back(note.title, note.text);
    }
  }
  handout.schedule = schedule_line(plan, markdown_session_words);
  const FirstWeek week = first_week(plan);
  for (const auto& [day, session] : session_days(*week.sessions)) {
    handout.week_rows.push_back(
        {day_name(day), session->id, fmt::format("about {}", display_minutes(session->seconds))});
  }
  if (const std::string assumed = equipment_assumed_text(plan, view.limits); !assumed.empty()) {
    handout.equipment = assumed + ".";
  }
  for (const auto& adjustment : plan.adjustments) {
    handout.adjustments.push_back(capitalised(adjustment_text(adjustment, view.limits)));
  }
  if (plan.position) {
    handout.position = fmt::format("When {}: {}", plan.position->name, plan.position->advice);
  }
  // What to watch for: the self-test figures of the plan's problems, the
  // good position against the sign (the knee over the toes, then caving in).
  const std::vector<SelfTest> none;
  for (const auto& test : view.catalogue != nullptr ? view.catalogue->self_tests : none) {
    const bool ours =
        std::any_of(plan.problems.begin(), plan.problems.end(), [&](const Problem& p) { return p.id == test.problem; });
    if (test.figure.given() && ours) {
      handout.watch.push_back(
          {test.name, test.look_for, test.positive, draw_figure(*view.catalogue, test.figure, test.name)});
    }
  }
  add_sessions(view, handout);
  add_progression(plan, handout);
  for (int w = plan.week; w < plan.week + std::max(plan.weeks, 1); ++w) {
    handout.weeks.push_back(w);
  }
  handout.pain = pain_guide(plan);
  for (const auto& habit : plan.habits) {
    handout.habits.emplace_back(capitalised(habit.name), habit.advice);
  }
  return handout;
}

}  // namespace valgus
