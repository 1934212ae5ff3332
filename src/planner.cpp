#include "valgus/planner.hpp"

#include "valgus/dose.hpp"
#include "valgus/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace valgus {

std::size_t Plan::exercise_count() const {
  std::size_t count = 0;
  for (const auto& phase : phases) {
    count += phase.exercises.size();
  }
  return count;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

namespace {

// The muscle ids `ids` name, groups expanded, sorted: views into the
// catalogue, so no string is copied (this runs once per exercise).
using MuscleSet = std::vector<std::string_view>;

MuscleSet expand_all(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  MuscleSet muscles;
  for (const auto& id : ids) {
    if (const MuscleGroup* group = catalogue.find_muscle_group(id)) {
      muscles.insert(muscles.end(), group->members.begin(), group->members.end());
    } else {
      muscles.emplace_back(id);
    }
  }
  std::sort(muscles.begin(), muscles.end());
  return muscles;
}

bool contains(const MuscleSet& set, std::string_view muscle) {
  return std::binary_search(set.begin(), set.end(), muscle);
}

}  // namespace

namespace {

// A problem's muscles with their groups expanded, worked out once per plan
// rather than once per exercise (catalogues can hold many thousands).
struct ProblemMuscles {
  const Problem* problem = nullptr;
  std::vector<std::pair<std::string, std::vector<std::string>>> overactive;
  std::vector<std::pair<std::string, std::vector<std::string>>> underactive;

  ProblemMuscles(const Catalogue& catalogue, const Problem& p) : problem(&p) {
    for (const auto& id : p.overactive) {
      overactive.emplace_back(id, catalogue.expand_muscles(id));
    }
    for (const auto& id : p.underactive) {
      underactive.emplace_back(id, catalogue.expand_muscles(id));
    }
  }

  [[nodiscard]] std::vector<std::string> matches(Phase phase, const MuscleSet& worked) const {
    const auto* wanted = phase == Phase::strengthen ? &underactive : &overactive;
    std::vector<std::string> found;
    if (phase == Phase::integrate) {
      return found;
    }
    for (const auto& [id, members] : *wanted) {
      if (std::any_of(members.begin(), members.end(), [&](const std::string& m) { return contains(worked, m); })) {
        found.push_back(id);
      }
    }
    return found;
  }
};

}  // namespace

std::vector<std::string> matching_muscles(const Catalogue& catalogue, const Problem& problem,
                                          const Exercise& exercise) {
  return ProblemMuscles(catalogue, problem).matches(exercise.phase, expand_all(catalogue, exercise.targets));
}

bool serves(const Catalogue& catalogue, const Problem& problem, const Exercise& exercise) {
  return exercise.phase == Phase::integrate || !matching_muscles(catalogue, problem, exercise).empty();
}

PlannedExercise describe_exercise(const Catalogue& catalogue, const Exercise& exercise) {
  PlannedExercise planned;
  planned.exercise = exercise;
  planned.dose = exercise.dose;
  for (const auto& target : exercise.targets) {
    planned.target_names.push_back(catalogue.muscle_name(target));
  }
  for (const auto& item : exercise.equipment) {
    const Equipment* known = catalogue.find_equipment(item);
    if (known == nullptr || !known->household) {
      planned.equipment_names.push_back(catalogue.equipment_name(item));
    }
  }
  planned.seconds = estimate_seconds(planned.dose);
  return planned;
}

const Problem& require_problem(const Catalogue& catalogue, std::string_view id) {
  const Problem* problem = catalogue.find_problem(id);
  if (problem == nullptr) {
    const auto valid = catalogue.problem_ids();
    throw Error(ExitCode::usage, fmt::format("unknown problem \"{}\"{}; valid problems: {}", id,
                                             did_you_mean_suffix(id, valid), join(valid, ", ")));
  }
  return *problem;
}

Phase require_phase(std::string_view name) {
  if (const auto phase = parse_phase(name)) {
    return *phase;
  }
  std::vector<std::string> valid;
  for (const Phase phase : all_phases) {
    valid.emplace_back(to_string(phase));
  }
  throw Error(ExitCode::usage, fmt::format("unknown phase \"{}\"{}; valid phases: {}", name,
                                           did_you_mean_suffix(name, valid), join(valid, ", ")));
}

std::string_view to_string(AdjustmentKind kind) {
  switch (kind) {
    case AdjustmentKind::substituted: return "substituted";
    case AdjustmentKind::left_out: return "left-out";
    case AdjustmentKind::unlock: return "unlock";
    case AdjustmentKind::time: return "time";
    case AdjustmentKind::side: return "side";
    case AdjustmentKind::position: return "position";
    case AdjustmentKind::progressed: return "progressed";
  }
  return "substituted";
}

const Position& require_position(const Catalogue& catalogue, std::string_view id) {
  const Position* position = catalogue.find_position(id);
  if (position == nullptr) {
    const auto valid = catalogue.position_ids();
    throw Error(ExitCode::usage, fmt::format("unknown position \"{}\"{}; valid positions: {}", id,
                                             did_you_mean_suffix(id, valid), join(valid, ", ")));
  }
  return *position;
}

void sort_in_plan_order(std::vector<PlannedExercise>& exercises) {
  std::stable_sort(exercises.begin(), exercises.end(), [](const PlannedExercise& a, const PlannedExercise& b) {
    return std::make_pair(a.exercise.phase, a.exercise.region) < std::make_pair(b.exercise.phase, b.exercise.region);
  });
}

std::vector<std::string> parse_equipment_list(const Catalogue& catalogue, std::string_view list) {
  std::vector<std::string> items;
  std::vector<std::string> valid{"none"};
  std::vector<std::string> words{"none"};  // every word accepted, for did-you-mean
  for (const auto& item : catalogue.equipment) {
    if (!item.household) {
      valid.push_back(item.id);
    }
    words.push_back(item.id);
    words.push_back(item.name);
    words.insert(words.end(), item.aliases.begin(), item.aliases.end());
  }
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = trim(list.substr(start, comma - start));
    start = comma + 1;
    if (item.empty() || item == "none") {
      continue;
    }
    const auto named = catalogue.equipment_named(item);
    if (named.empty()) {
      throw Error(ExitCode::usage, fmt::format("unknown equipment \"{}\"{}; valid equipment: {}", item,
                                               did_you_mean_suffix(item, words), join(valid, ", ")));
    }
    if (named.size() > 1) {
      std::vector<std::string> ids;
      for (const Equipment* candidate : named) {
        ids.push_back(candidate->id);
      }
      throw Error(ExitCode::usage, fmt::format("equipment \"{}\" could be any of {}; give one of these ids instead",
                                               item, join(ids, ", ")));
    }
    if (std::find(items.begin(), items.end(), named.front()->id) == items.end()) {
      items.push_back(named.front()->id);
    }
  }
  return items;
}

bool can_do_with(const Catalogue& catalogue, const Exercise& exercise, const std::vector<std::string>& available) {
  return std::all_of(exercise.equipment.begin(), exercise.equipment.end(), [&](const std::string& id) {
    const Equipment* item = catalogue.find_equipment(id);
    return (item != nullptr && item->household) || std::find(available.begin(), available.end(), id) != available.end();
  });
}

namespace {

std::vector<const Problem*> resolve_problems(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  const auto valid = catalogue.problem_ids();
  if (ids.empty()) {
    throw Error(ExitCode::usage, fmt::format("no problem given; valid problems: {}", join(valid, ", ")));
  }
  std::vector<const Problem*> problems;
  for (const auto& id : ids) {
    const Problem* problem = &require_problem(catalogue, id);
    if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
      problems.push_back(problem);
    }
  }
  // Catalogue order, so "--pronation --hip-rotation" and the reverse agree.
  std::sort(problems.begin(), problems.end());
  return problems;
}

}  // namespace

namespace {

std::string names_of(const std::vector<const Exercise*>& exercises) {
  std::vector<std::string> names;
  for (const Exercise* exercise : exercises) {
    names.push_back(exercise->name);
  }
  return join(names, ", ");
}

// The release, stretch and strengthen exercises whose targets meet the
// problems' muscles, and every integration exercise, each with its reasons.
std::vector<PlannedExercise> select_exercises(const Catalogue& catalogue, const std::vector<const Problem*>& problems) {
  std::vector<ProblemMuscles> expanded;
  for (const Problem* problem : problems) {
    expanded.emplace_back(catalogue, *problem);
  }
  std::vector<PlannedExercise> chosen;
  for (const Exercise& exercise : catalogue.exercises) {
    if (!exercise.variant_of.empty()) {
      continue;  // only ever planned in place of its main exercise
    }
    const auto worked = expand_all(catalogue, exercise.targets);
    std::vector<Reason> reasons;
    for (const auto& muscles_of : expanded) {
      const Problem* problem = muscles_of.problem;
      const auto muscles = muscles_of.matches(exercise.phase, worked);
      if (exercise.phase != Phase::integrate && muscles.empty()) {
        continue;
      }
      Reason reason{problem->id, problem->name, muscles, {}};
      for (const auto& id : muscles) {
        reason.muscle_names.push_back(catalogue.muscle_name(id));
      }
      reasons.push_back(std::move(reason));
    }
    if (reasons.empty()) {
      continue;
    }
    PlannedExercise planned = describe_exercise(catalogue, exercise);
    planned.reasons = std::move(reasons);
    chosen.push_back(std::move(planned));
  }
  return chosen;
}

// Whether `candidate` can stand in for `planned`: same phase, and for every
// reason the original was chosen, it works one of the same muscles (for
// integration, any shared muscle).
bool can_replace(const Catalogue& catalogue, const PlannedExercise& planned, const Exercise& candidate) {
  if (candidate.phase != planned.exercise.phase || candidate.id == planned.exercise.id) {
    return false;
  }
  if (candidate.phase == Phase::integrate) {
    const auto theirs = expand_all(catalogue, candidate.targets);
    const auto ours = expand_all(catalogue, planned.exercise.targets);
    return std::any_of(ours.begin(), ours.end(), [&](std::string_view m) { return contains(theirs, m); });
  }
  return std::all_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& reason) {
    const Problem* problem = catalogue.find_problem(reason.problem_id);
    return problem != nullptr && !matching_muscles(catalogue, *problem, candidate).empty();
  });
}

// Substitutes in the order a person would want them: the same move with
// other equipment, the alternatives the catalogue declares, then any
// exercise of the catalogue that works the same muscles.
const Exercise* find_substitute(const Catalogue& catalogue, const PlannedExercise& planned,
                                const std::vector<std::string>& available, const std::set<std::string>& used) {
  const Exercise& original = planned.exercise;
  const auto usable = [&](const Exercise* candidate) {
    return candidate != nullptr && used.count(candidate->id) == 0 && can_do_with(catalogue, *candidate, available) &&
           candidate->phase == original.phase;
  };
  for (const Exercise& candidate : catalogue.exercises) {
    if (candidate.variant_of == original.id && usable(&candidate)) {
      return &candidate;
    }
  }
  for (const auto& id : original.alternatives) {
    const Exercise* candidate = catalogue.find_exercise(id);
    if (usable(candidate)) {
      return candidate;
    }
  }
  for (const Exercise& candidate : catalogue.exercises) {
    if (usable(&candidate) && can_replace(catalogue, planned, candidate)) {
      return &candidate;
    }
  }
  return nullptr;
}

std::vector<std::string> missing_equipment(const Catalogue& catalogue, const Exercise& exercise,
                                           const std::vector<std::string>& available) {
  std::vector<std::string> missing;
  for (const auto& id : exercise.equipment) {
    const Equipment* item = catalogue.find_equipment(id);
    if ((item == nullptr || !item->household) && std::find(available.begin(), available.end(), id) == available.end()) {
      missing.push_back(id);
    }
  }
  return missing;
}

std::string equipment_names(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    names.push_back(catalogue.equipment_name(id));
  }
  return join(names, " or ");
}

// Replaces or leaves out what needs equipment the person lacks, and says
// which item would unlock a phase that would otherwise be empty.
void fit_equipment(const Catalogue& catalogue, const std::vector<std::string>& available,
                   std::vector<PlannedExercise>& chosen, std::vector<Adjustment>& adjustments) {
  std::set<std::string> used;
  for (const auto& planned : chosen) {
    used.insert(planned.exercise.id);
  }
  std::vector<PlannedExercise> kept;
  std::vector<const Exercise*> left_out;
  for (auto& planned : chosen) {
    const auto missing = missing_equipment(catalogue, planned.exercise, available);
    if (missing.empty()) {
      kept.push_back(std::move(planned));
      continue;
    }
    const std::string lacking = "no " + equipment_names(catalogue, missing);
    if (const Exercise* substitute = find_substitute(catalogue, planned, available, used)) {
      adjustments.push_back({AdjustmentKind::substituted,
                             fmt::format("{}: {} instead of {}", lacking, substitute->name, planned.exercise.name)});
      used.insert(substitute->id);
      PlannedExercise replacement = describe_exercise(catalogue, *substitute);
      replacement.reasons = std::move(planned.reasons);
      kept.push_back(std::move(replacement));
    } else if (const Exercise* twin = find_substitute(catalogue, planned, available, {})) {
      // What would have replaced it is in the plan already.
      adjustments.push_back({AdjustmentKind::left_out, fmt::format("{}: {} left out ({} is in the plan)", lacking,
                                                                   planned.exercise.name, twin->name)});
    } else {
      adjustments.push_back({AdjustmentKind::left_out, fmt::format("{}: {} left out", lacking, planned.exercise.name)});
      left_out.push_back(catalogue.find_exercise(planned.exercise.id));
    }
  }
  for (const Phase phase : all_phases) {
    const bool empty =
        std::none_of(kept.begin(), kept.end(), [&](const PlannedExercise& p) { return p.exercise.phase == phase; });
    std::vector<const Exercise*> lost;
    std::copy_if(left_out.begin(), left_out.end(), std::back_inserter(lost),
                 [&](const Exercise* e) { return e->phase == phase; });
    if (!empty || lost.empty()) {
      continue;
    }
    // The single item that brings back the most of this phase; ties go to
    // the item listed first in the catalogue.
    const Equipment* best = nullptr;
    std::vector<const Exercise*> best_unlocks;
    for (const Equipment& item : catalogue.equipment) {
      auto with_item = available;
      with_item.push_back(item.id);
      std::vector<const Exercise*> unlocks;
      std::copy_if(lost.begin(), lost.end(), std::back_inserter(unlocks),
                   [&](const Exercise* e) { return can_do_with(catalogue, *e, with_item); });
      if (unlocks.size() > best_unlocks.size()) {
        best = &item;
        best_unlocks = std::move(unlocks);
      }
    }
    adjustments.push_back({AdjustmentKind::unlock,
                           best == nullptr
                               ? fmt::format("nothing in the {} phase fits your equipment", to_string(phase))
                               : fmt::format("nothing in the {} phase fits your equipment; a {} would unlock {}",
                                             to_string(phase), best->name, names_of(best_unlocks)),
                           phase});
  }
  chosen = std::move(kept);
}

void apply_week(int week, std::vector<PlannedExercise>& chosen, std::vector<Adjustment>& adjustments) {
  for (auto& planned : chosen) {
    for (const auto& progression : planned.exercise.progressions) {
      if (progression.week <= week) {
        planned.dose = apply(planned.dose, progression.dose);
        planned.progress.push_back(progression.change);
      }
    }
    if (!planned.progress.empty()) {
      adjustments.push_back({AdjustmentKind::progressed,
                             fmt::format("week {}: {}: {}", week, planned.exercise.name, join(planned.progress, " "))});
    }
  }
}

void apply_side(Side side, std::vector<PlannedExercise>& chosen, std::vector<Adjustment>& adjustments) {
  if (side == Side::both) {
    return;
  }
  int count = 0;
  for (auto& planned : chosen) {
    // Self-massage is not counted in sets; the other phases get the extra set.
    if (planned.dose.per_side && planned.exercise.phase != Phase::release) {
      planned.dose.extra_set_side = side;
      ++count;
    }
  }
  if (count > 0) {
    adjustments.push_back(
        {AdjustmentKind::side, fmt::format("{} leg caves more: one extra set on the {} in each of the {} one-sided "
                                           "exercises",
                                           to_string(side), to_string(side), count)});
  }
}

bool trains(const PlannedExercise& planned, const std::optional<Position>& position) {
  const auto& positions = planned.exercise.positions;
  return position && std::find(positions.begin(), positions.end(), position->id) != positions.end();
}

// Integration exercises that train the position where the knee caves come
// first within their phase.
void put_position_first(const std::optional<Position>& position, std::vector<PlannedExercise>& chosen,
                        std::vector<Adjustment>& adjustments) {
  if (!position) {
    return;
  }
  // Integration is the last phase, so this keeps every other phase in place.
  std::stable_partition(chosen.begin(), chosen.end(), [&](const PlannedExercise& planned) {
    return planned.exercise.phase != Phase::integrate || trains(planned, position);
  });
  std::vector<std::string> names;
  for (const auto& planned : chosen) {
    if (trains(planned, position)) {
      names.push_back(planned.exercise.name);
    }
  }
  adjustments.push_back(
      {AdjustmentKind::position,
       names.empty()
           ? fmt::format("knee caves when {}: no integration exercise trains it; apply the advice in the integrate "
                         "phase",
                         position->name)
           : fmt::format("knee caves when {}: {} come first in the integrate phase", position->name,
                         join(names, ", "))});
}

// Drops the least important exercises until the plan fits, never the last
// one serving a problem in a phase. Least important: optional before
// normal before essential; then not training the --when position; then the
// longest; then the latest in the plan.
void fit_budget(int minutes, const std::optional<Position>& position, std::vector<PlannedExercise>& chosen,
                Plan& plan) {
  const int budget = minutes * 60;
  int total = 0;
  for (const auto& planned : chosen) {
    total += planned.seconds;
  }
  if (total <= budget) {
    return;
  }
  std::map<std::pair<std::string, Phase>, int> serving;
  for (const auto& planned : chosen) {
    for (const auto& reason : planned.reasons) {
      ++serving[{reason.problem_id, planned.exercise.phase}];
    }
  }
  std::vector<std::size_t> order(chosen.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto key = [&](std::size_t i) {
      const auto& p = chosen[i];
      return std::make_tuple(-p.exercise.priority, trains(p, position) ? 1 : 0, -p.seconds, -static_cast<long>(i));
    };
    return key(a) < key(b);
  });
  std::vector<bool> dropped(chosen.size(), false);
  std::vector<std::string> names;
  for (const std::size_t i : order) {
    if (total <= budget) {
      break;
    }
    const auto& planned = chosen[i];
    const bool last_for_someone = std::any_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& r) {
      return serving[{r.problem_id, planned.exercise.phase}] <= 1;
    });
    if (last_for_someone) {
      continue;
    }
    for (const auto& reason : planned.reasons) {
      --serving[{reason.problem_id, planned.exercise.phase}];
    }
    dropped[i] = true;
    total -= planned.seconds;
    names.push_back(planned.exercise.name);
  }
  std::vector<PlannedExercise> kept;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!dropped[i]) {
      kept.push_back(std::move(chosen[i]));
    }
  }
  chosen = std::move(kept);
  if (!names.empty()) {
    plan.adjustments.push_back(
        {AdjustmentKind::time, fmt::format("{} min budget: left out {}", minutes, join(names, ", "))});
  }
  if (total > budget) {
    plan.over_budget = true;
    const int needed = (total + 59) / 60;
    plan.adjustments.push_back(
        {AdjustmentKind::time,
         fmt::format("{} min is not enough to keep every problem in every phase; this shortest plan needs {} min "
                     "(--minutes {})",
                     minutes, needed, needed)});
  }
}

// For a programme of several weeks: what changes in which week, and the
// dose from then on.
std::vector<ScheduledChange> schedule(const Request& request, const std::vector<PlannedExercise>& chosen) {
  std::vector<ScheduledChange> rows;
  const int last = request.week + request.weeks - 1;
  for (int week = request.week + 1; week <= last; ++week) {
    for (const auto& planned : chosen) {
      Dose dose = planned.exercise.dose;
      dose.extra_set_side = planned.dose.extra_set_side;
      const Progression* due = nullptr;
      for (const auto& progression : planned.exercise.progressions) {
        if (progression.week <= week) {
          dose = apply(dose, progression.dose);
        }
        if (progression.week == week) {
          due = &progression;
        }
      }
      if (due != nullptr) {
        rows.push_back(ScheduledChange{week, planned.exercise.name, due->change, format_dose(dose)});
      }
    }
  }
  return rows;
}

void check_request(const Request& request) {
  if (request.week < 1 || request.week > max_week) {
    throw Error(ExitCode::usage, fmt::format("--week must be a whole number from 1 to {}", max_week));
  }
  if (request.minutes && (*request.minutes < 1 || *request.minutes > max_minutes)) {
    throw Error(ExitCode::usage, fmt::format("--minutes must be a whole number from 1 to {}", max_minutes));
  }
}

}  // namespace

Plan make_plan(const Catalogue& catalogue, const Request& request) {
  check_request(request);
  const auto problems = resolve_problems(catalogue, request.problems);

  Plan plan;
  plan.week = request.week;
  plan.weeks = request.weeks;
  plan.budget_minutes = request.minutes;
  if (!request.when.empty()) {
    plan.position = require_position(catalogue, request.when);
  }
  for (const Problem* problem : problems) {
    plan.problems.push_back(*problem);
  }

  std::vector<PlannedExercise> chosen = select_exercises(catalogue, problems);
  sort_in_plan_order(chosen);  // adjustments are reported in plan order
  if (request.equipment) {
    fit_equipment(catalogue, *request.equipment, chosen, plan.adjustments);
  }
  apply_week(request.week, chosen, plan.adjustments);
  apply_side(request.side, chosen, plan.adjustments);
  for (auto& planned : chosen) {
    planned.seconds = estimate_seconds(planned.dose);
  }
  sort_in_plan_order(chosen);
  put_position_first(plan.position, chosen, plan.adjustments);
  if (request.minutes) {
    fit_budget(*request.minutes, plan.position, chosen, plan);
  }
  if (request.weeks > 1) {
    plan.schedule = schedule(request, chosen);
  }

  for (const Phase phase : all_phases) {
    plan.phases.push_back(PlannedPhase{phase, {}, 0, {}});
  }
  for (const auto& adjustment : plan.adjustments) {
    if (adjustment.kind == AdjustmentKind::unlock) {
      plan.phases[static_cast<std::size_t>(adjustment.phase)].empty_reason = adjustment.text;
    }
  }
  for (auto& planned : chosen) {
    auto& phase = plan.phases[static_cast<std::size_t>(planned.exercise.phase)];
    phase.seconds += planned.seconds;
    plan.seconds += planned.seconds;
    phase.exercises.push_back(std::move(planned));
  }
  for (auto& phase : plan.phases) {
    if (!phase.exercises.empty()) {
      phase.empty_reason.clear();
    } else if (phase.empty_reason.empty()) {
      phase.empty_reason = "nothing in the catalogue fits this phase for the problems chosen";
    }
  }
  plan.habits = catalogue.habits;
  plan.notes = catalogue.notes;
  return plan;
}

}  // namespace valgus
