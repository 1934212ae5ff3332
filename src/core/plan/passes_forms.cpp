// Passes on what an exercise is and needs: the form of a movement due by the
// week (bodyweight first, the banded form as its progression), and the
// skills its cues rely on.

#include "core/plan/passes.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace valgus {

namespace {

// The later forms of each main exercise (variants with a from_week), in
// catalogue order.
std::map<std::string, std::vector<const Exercise*>> later_forms(const Catalogue& catalogue) {
  std::map<std::string, std::vector<const Exercise*>> forms;
  for (const Exercise& exercise : catalogue.exercises) {
    if (!exercise.variant_of.empty() && exercise.from_week > 0) {
      forms[exercise.variant_of].push_back(&exercise);
    }
  }
  return forms;
}

bool has_equipment_for(const PlanInput& in, const Exercise& exercise) {
  return !in.request.equipment || can_do_with(in.catalogue, exercise, *in.request.equipment);
}

// The reasons of `planned`, re-matched to `form`'s muscles; empty when the
// form serves none of the problems the exercise was chosen for.
std::vector<Reason> reasons_for(const Catalogue& catalogue, const PlannedExercise& planned, const Exercise& form) {
  std::vector<Reason> reasons;
  for (const Reason& reason : planned.reasons) {
    const Problem* problem = catalogue.find_problem(reason.problem_id);
    if (problem == nullptr) {
      continue;
    }
    Reason matched{reason.problem_id, reason.problem_name, matching_muscles(catalogue, *problem, form), {}};
    if (form.phase != Phase::integrate && matched.muscle_ids.empty()) {
      continue;
    }
    for (const auto& id : matched.muscle_ids) {
      matched.muscle_names.push_back(catalogue.muscle_name(id));
    }
    reasons.push_back(std::move(matched));
  }
  return reasons;
}

}  // namespace

const Exercise* form_due(const PlanInput& in, const Exercise& main, int week) {
  const Exercise* due = nullptr;
  for (const Exercise& form : in.catalogue.exercises) {
    if (form.variant_of == main.id && form.from_week > 0 && form.from_week <= week && has_equipment_for(in, form) &&
        (due == nullptr || form.from_week > due->from_week)) {
      due = &form;
    }
  }
  return due;
}

namespace {

const Exercise* form_due(const PlanInput& in, const std::vector<const Exercise*>& forms, int week) {
  const Exercise* due = nullptr;
  for (const Exercise* form : forms) {
    if (form->from_week <= week && has_equipment_for(in, *form) &&
        (due == nullptr || form->from_week > due->from_week)) {
      due = form;
    }
  }
  return due;
}

}  // namespace

void passes::choose_forms(const PlanInput& in, Draft& draft) {
  const auto forms = later_forms(in.catalogue);
  if (forms.empty()) {
    return;
  }
  std::set<std::string> planned_ids;
  for (const auto& planned : draft.exercises) {
    planned_ids.insert(planned.exercise.id);
  }
  for (auto& planned : draft.exercises) {
    const auto found = forms.find(planned.exercise.id);
    if (found == forms.end()) {
      continue;
    }
    const Exercise* form = form_due(in, found->second, in.request.week);
    if (form == nullptr || planned_ids.count(form->id) != 0) {
      continue;
    }
    auto reasons = reasons_for(in.catalogue, planned, *form);
    if (reasons.empty()) {
      continue;  // the later form would not serve these problems: keep the first
    }
    PlannedExercise replacement = describe_exercise(in.catalogue, *form);
    replacement.reasons = std::move(reasons);
    replacement.form_of = planned.exercise.name;  // said by state_adjustments, if it stays in the plan
    planned_ids.insert(form->id);
    replacement.base_form.push_back(std::move(planned));
    planned = std::move(replacement);
  }
}

void passes::teach_skills(const PlanInput& in, Draft& draft) {
  // Skills planned or taught before the exercise at hand, in plan order.
  std::set<std::string> known;
  for (auto& planned : draft.exercises) {
    for (const auto& id : planned.exercise.skills) {
      if (known.count(id) != 0) {
        continue;
      }
      known.insert(id);
      if (const Exercise* skill = in.catalogue.find_exercise(id)) {
        planned.skills_taught.push_back(
            TaughtSkill{skill->id, skill->name, skill->teach.empty() ? skill->summary : skill->teach});
      }
    }
    known.insert(planned.exercise.id);
  }
}

}  // namespace valgus
